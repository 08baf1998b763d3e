package ${package};

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.CsvMapping;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.spi.Recognition;

/**
 * Reads your spreadsheet by handing Atalaya's CSV reader a mapping: {@code mapeo.json}, next to
 * this class, says which column holds which field and how dates are written. Change the mapping
 * (and the header below) to read your sheet; the reader then rejects each bad row with its row,
 * field, value and code, and never loses one.
 */
public final class MiImporter implements IncidentImporter {

  /** The first line of the sheets this importer reads, in lower case. */
  private static final String HEADER = "numero;fecha;tipo;lugar";

  private static final CsvMapping MAPPING = readMapping();

  @Override
  public String id() {
    return "mi-formato";
  }

  @Override
  public Recognition recognise(FileSample sample) {
    String header = sample.firstLine().toLowerCase(Locale.ROOT).replace(" ", "");
    return header.equals(HEADER) ? Recognition.CERTAIN : Recognition.NO;
  }

  @Override
  public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler) throws IOException {
    ReadOptions mapped = options.toBuilder().csvLayout(CsvLayout.detect().withMapping(MAPPING)).build();
    return IncidentFormat.CSV.reader().read(in, mapped, handler);
  }

  private static CsvMapping readMapping() {
    try (InputStream in = MiImporter.class.getResourceAsStream("mapeo.json")) {
      if (in == null) {
        throw new IllegalStateException("mapeo.json is missing from the plugin's jar, next to MiImporter");
      }
      return CsvMapping.fromJson(in, "mapeo.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
