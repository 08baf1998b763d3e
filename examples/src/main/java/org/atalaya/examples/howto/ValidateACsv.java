package org.atalaya.examples.howto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.Problem;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;

/**
 * Shows: reading and validating a CSV of incidents. Every row ends accepted or rejected, and each
 * problem names its row, field, value and a stable code, in Spanish here.
 *
 * <p>Run: {@code java ValidateACsv [incidents.csv]}; without an argument it reads a small sample
 * with three deliberate mistakes.
 */
public final class ValidateACsv {

  static final String SAMPLE =
      "id,occurred_from,latitude,longitude,category\n"
          + "r-1,2024-03-15T21:30:00-06:00,14.0818,-87.2068,homicidio\n"
          + "r-2,2024-03-16,-87.2068,14.0818,robo\n" // latitude and longitude swapped
          + "r-3,2024-03-17,0,0,extorsión\n" // (0, 0): a missing location written as zeros
          + "r-4,15/03/2024,15.5042,-88.0250,asalto\n"; // a date in another format

  public static void main(String[] args) throws Exception {
    ReadOptions options =
        ReadOptions.builder().sourceName(args.length > 0 ? args[0] : "muestra.csv").build();
    ReadResult result =
        args.length > 0
            ? IncidentFormat.CSV.reader().readAll(Path.of(args[0]), options)
            : IncidentFormat.CSV
                .reader()
                .readAll(
                    new ByteArrayInputStream(SAMPLE.getBytes(StandardCharsets.UTF_8)), options);

    System.out.printf(
        "leídos %d, aceptados %d, rechazados %d%n",
        result.report().read(), result.report().accepted(), result.report().rejected());
    for (Problem p : result.report().problems()) {
      System.out.printf(
          "fila %d, %s = \"%s\": %s %s%n",
          p.row(), p.field(), p.value(), p.code().code(), p.message(Locale.forLanguageTag("es")));
    }
  }
}
