package ${package};

import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.testkit.ImporterSample;
import org.atalaya.testkit.IncidentImporterContract;
import org.atalaya.testkit.PluginContract;
import org.junit.jupiter.api.Nested;

/** The conformance tests: each nested class inherits a whole contract from atalaya-testkit. */
class MiPluginTest {

  @Nested
  class Plugin extends PluginContract {
    @Override
    protected AtalayaPlugin plugin() {
      return new MiPlugin();
    }
  }

  @Nested
  class Importer extends IncidentImporterContract {
    @Override
    protected ImporterSample sample() {
      return ImporterSample.of(new MiImporter(), "reportes.csv",
          "numero;fecha;tipo;lugar\n1;02/02/2024;robo;Colonia Kennedy\n2;03/02/2024;extorsión;Barrio Cabañas\n", 2);
    }
  }
}
