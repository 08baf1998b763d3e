package org.atalaya.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.spi.PluginContext;
import org.atalaya.spi.Recognition;

/**
 * Atalaya's own formats, registered as a plugin like any other ({@code atalaya.formats}), so that
 * commands choose among built-in and plugin importers and exporters in one way. Importers: {@code
 * csv}, {@code json}, {@code ndjson}, {@code geojson}; exporters: the same plus {@code csv-excel}
 * (the Spanish-spreadsheet layout: semicolons, decimal commas, formulas neutralised).
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BuiltInFormats implements AtalayaPlugin {

  /** Creates the plugin; used by the registry. */
  public BuiltInFormats() {}

  @Override
  public void register(PluginContext context) {
    for (IncidentFormat f : IncidentFormat.values()) {
      context.addImporter(new Importer(f));
      context.addExporter(
          new Exporter(f.name().toLowerCase(Locale.ROOT), f, CsvLayout.canonical(), extensions(f)));
    }
    context.addExporter(
        new Exporter("csv-excel", IncidentFormat.CSV, CsvLayout.spanishExcel(), Set.of()));
  }

  private static Set<String> extensions(IncidentFormat f) {
    return switch (f) {
      case CSV -> Set.of("csv", "txt");
      case JSON -> Set.of("json");
      case NDJSON -> Set.of("ndjson", "jsonl");
      case GEOJSON -> Set.of("geojson");
    };
  }

  private record Importer(IncidentFormat format) implements IncidentImporter {
    @Override
    public String id() {
      return format.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String displayName() {
      return format.name() + " (Atalaya)";
    }

    @Override
    public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
        throws IOException {
      return format.reader().read(in, options, handler);
    }

    @Override
    public Recognition recognise(FileSample sample) {
      boolean byName = extensions(format).contains(sample.extension());
      String text = sample.text().stripLeading();
      boolean looksJson = text.startsWith("{") || text.startsWith("[");
      return switch (format) {
        case CSV ->
            byName
                ? (sample.firstLine().toLowerCase(Locale.ROOT).startsWith("id")
                    ? Recognition.LIKELY
                    : Recognition.POSSIBLY)
                : Recognition.NO;
        case GEOJSON ->
            byName || (looksJson && text.contains("\"FeatureCollection\""))
                ? (text.contains("\"Feature") ? Recognition.LIKELY : Recognition.POSSIBLY)
                : Recognition.NO;
        case NDJSON -> byName ? Recognition.LIKELY : Recognition.NO;
        case JSON ->
            byName
                ? (text.startsWith("[") ? Recognition.LIKELY : Recognition.POSSIBLY)
                : Recognition.NO;
      };
    }
  }

  private record Exporter(
      String id, IncidentFormat format, CsvLayout layout, Set<String> fileExtensions)
      implements IncidentExporter {
    @Override
    public IncidentWriter open(OutputStream out) throws IOException {
      return format.writer(out, layout);
    }

    @Override
    public String displayName() {
      return id.toUpperCase(Locale.ROOT) + " (Atalaya)";
    }
  }
}
