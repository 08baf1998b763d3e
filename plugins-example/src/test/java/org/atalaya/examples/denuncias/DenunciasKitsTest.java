package org.atalaya.examples.denuncias;

import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.TaxonomyMapping;
import org.atalaya.testkit.ImporterSample;
import org.atalaya.testkit.IncidentImporterContract;
import org.atalaya.testkit.PluginContract;
import org.atalaya.testkit.TaxonomyMappingContract;
import org.junit.jupiter.api.Nested;

/** The community-network plugin passes the kits of everything it contributes. */
class DenunciasKitsTest {

  static final String SHEET =
      "Marca temporal;Fecha del hecho;Hora aproximada;Tipo de"
          + " hecho;Lugar;Municipio;Departamento;Descripción;Latitud;Longitud\n"
          + "03/02/2024 10:15:22;02/02/2024;21:30;Asalto a bus;Col. Kennedy, frente a la"
          + " pulpería;Tegucigalpa;Francisco Morazán;\"Dos hombres armados subieron al bus; se"
          + " llevaron celulares\";14,0818;-87,2068\n"
          + "05/02/2024 08:01:00;4/2/2024;;Extorsión;Barrio Cabañas;San Pedro Sula;Cortés;Cobro a"
          + " una pulpería;;\n";

  // snippet:start kits
  @Nested
  class Plugin extends PluginContract {
    @Override
    protected AtalayaPlugin plugin() {
      return new DenunciasPlugin();
    }
  }

  @Nested
  class Importer extends IncidentImporterContract {
    @Override
    protected ImporterSample sample() {
      return ImporterSample.of(new DenunciasImporter(), "denuncias-febrero.csv", SHEET, 2);
    }
  }

  // snippet:end

  @Nested
  class Taxonomy extends TaxonomyMappingContract {
    @Override
    protected TaxonomyMapping mapping() {
      return new DenunciasTaxonomy();
    }
  }
}
