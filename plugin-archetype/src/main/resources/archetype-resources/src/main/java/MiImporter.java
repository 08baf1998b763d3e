package ${package};

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimeWindow;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.Problem;
import org.atalaya.io.ProblemCode;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.io.Rejection;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.spi.Recognition;

/**
 * Reads a sheet with the columns {@code fecha;tipo;lugar} (dates {@code dd/MM/yyyy}). Change it to
 * read your source: every row must end accepted or rejected, and a bad row is rejected with its
 * row, field, value and code, never thrown.
 */
public final class MiImporter implements IncidentImporter {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

  @Override
  public String id() {
    return "mi-formato";
  }

  @Override
  public Recognition recognise(FileSample sample) {
    String header = sample.firstLine().toLowerCase(Locale.ROOT).replace(" ", "");
    return header.equals("fecha;tipo;lugar") ? Recognition.CERTAIN : Recognition.NO;
  }

  @Override
  public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler) throws IOException {
    String file = options.sourceName();
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    long read = 0;
    long accepted = 0;
    List<Problem> problems = new ArrayList<>();
    try (MappingIterator<List<String>> rows =
        mapper.readerForListOf(String.class).with(CsvSchema.emptySchema().withColumnSeparator(';')).readValues(in)) {
      if (!rows.hasNext() || !String.join(";", rows.next()).toLowerCase(Locale.ROOT).replace(" ", "").equals("fecha;tipo;lugar")) {
        throw new IncidentReadException(file + ": the first line must be fecha;tipo;lugar");
      }
      while (rows.hasNext()) {
        List<String> row = rows.next();
        read++;
        long rowNumber = read + 1; // the header is row 1
        String fecha = row.size() > 0 ? row.get(0).strip() : "";
        try {
          LocalDate day = LocalDate.parse(fecha, DAY);
          Incident.Builder b = Incident.builder(file + "-" + rowNumber).occurred(TimeWindow.day(day, TimeWindow.HONDURAS));
          String tipo = row.size() > 1 ? row.get(1).strip() : "";
          options.taxonomy().match(tipo).ifPresent(m -> b.classification(Classification.iccs(m.code(), tipo)));
          String lugar = row.size() > 2 ? row.get(2).strip() : "";
          if (!lugar.isEmpty()) {
            b.location(Location.builder().address(lugar).build());
          }
          handler.accept(b.build());
          accepted++;
        } catch (DateTimeParseException e) {
          Problem p = new Problem(file, rowNumber, "fecha", fecha, ProblemCode.INVALID_DATE, "write dd/MM/yyyy");
          problems.add(p);
          handler.reject(new Rejection(rowNumber, String.join(";", row), List.of(p)));
        }
      }
    } catch (RuntimeException e) {
      // Jackson reports broken CSV with unchecked exceptions: the input as a whole is unreadable.
      throw new IncidentReadException(file + ": not a readable CSV: " + e.getMessage());
    }
    return new ReadReport(file, read, accepted, read - accepted, problems);
  }
}
