package org.atalaya.testkit;

import java.util.Optional;
import org.atalaya.plugin.BuiltInFormats;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import org.junit.jupiter.api.Nested;

/** Atalaya's own formats pass the kits plugin authors use: the kits are held to real code. */
class BuiltInFormatsKitsTest {

  private static final PluginRegistry REGISTRY = PluginRegistry.builder().discover();

  @Nested
  class Plugin extends PluginContract {
    @Override
    protected AtalayaPlugin plugin() {
      return new BuiltInFormats();
    }
  }

  @Nested
  class CsvImporter extends IncidentImporterContract {
    @Override
    protected ImporterSample sample() {
      return ImporterSample.of(
          REGISTRY.importer("csv").orElseThrow(),
          "incidentes.csv",
          "id,occurred_from,latitude,longitude,iccs,narrative\n"
              + "a-1,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101,\"Dos disparos, colonia"
              + " Kennedy\"\n"
              + "a-2,2024-03-16,15.5042,-88.0250,0401,robo de celular\n",
          2);
    }
  }

  @Nested
  class GeoJsonExporter extends IncidentExporterContract {
    @Override
    protected IncidentExporter exporter() {
      return REGISTRY.exporter("geojson").orElseThrow();
    }

    @Override
    protected Optional<IncidentImporter> importer() {
      return REGISTRY.importer("geojson");
    }
  }

  @Nested
  class CsvExporter extends IncidentExporterContract {
    @Override
    protected IncidentExporter exporter() {
      return REGISTRY.exporter("csv").orElseThrow();
    }

    @Override
    protected Optional<IncidentImporter> importer() {
      return REGISTRY.importer("csv");
    }
  }
}
