package org.atalaya.examples.denuncias;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.SourceType;
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
import org.atalaya.taxonomy.CategoryMatch;

/**
 * Reads a community network's report sheet, as its Google Form exports it:
 *
 * <pre>
 * Marca temporal;Fecha del hecho;Hora aproximada;Tipo de hecho;Lugar;Municipio;Departamento;Descripción;Latitud;Longitud
 * 03/02/2024 10:15:22;02/02/2024;21:30;Asalto a bus;Col. Kennedy, frente a la pulpería;Tegucigalpa;Francisco Morazán;...;14.0818;-87.2068
 * </pre>
 *
 * <p>Dates are {@code dd/MM/yyyy} in Honduran time; the hour and the coordinates are optional (most
 * members describe the place in words, kept as the address). The sheet has no ids, so each report
 * gets a stable one from its timestamp and content: importing the same sheet twice gives the same
 * ids. Rows in problems count records with the header as row 1, so the first report is row 2.
 */
public final class DenunciasImporter implements IncidentImporter {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
  private static final String DATE = "fecha del hecho";
  private static final String TYPE = "tipo de hecho";

  @Override
  public String id() {
    return "denuncias-csv";
  }

  @Override
  public String displayName() {
    return "Denuncias comunitarias (CSV)";
  }

  @Override
  public Recognition recognise(FileSample sample) {
    String header = normalise(sample.firstLine());
    return header.contains(DATE) && header.contains(TYPE) ? Recognition.CERTAIN : Recognition.NO;
  }

  @Override
  public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
      throws IOException {
    byte[] bytes =
        in.readAllBytes(); // a network's sheet is small; reading it whole keeps this simple
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String firstLine = text.lines().findFirst().orElse("");
    if (!normalise(firstLine).contains(DATE)) {
      throw new IncidentReadException(
          options.sourceName() + ": not a community report sheet (no column 'Fecha del hecho')");
    }
    char delimiter =
        firstLine.chars().filter(c -> c == ';').count()
                >= firstLine.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    CsvMapper mapper =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    List<String> header = new ArrayList<>();
    long read = 0;
    long accepted = 0;
    List<Problem> all = new ArrayList<>();
    try (MappingIterator<List<String>> rows =
        mapper
            .readerForListOf(String.class)
            .with(CsvSchema.emptySchema().withColumnSeparator(delimiter))
            .readValues(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
      while (rows.hasNext()) {
        List<String> row;
        long line = rows.getCurrentLocation().getLineNr();
        try {
          row = rows.next();
        } catch (RuntimeException e) {
          read++;
          Problem p =
              new Problem(
                  options.sourceName(),
                  Math.max(1, line),
                  "",
                  "",
                  ProblemCode.MALFORMED_RECORD,
                  String.valueOf(e.getMessage()));
          all.add(p);
          handler.reject(new Rejection(Math.max(1, line), "", List.of(p)));
          continue;
        }
        if (header.isEmpty()) {
          row.forEach(h -> header.add(normalise(h)));
          continue;
        }
        read++;
        long rowNumber = read + 1;
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < Math.min(header.size(), row.size()); i++) {
          cells.put(header.get(i), row.get(i).strip());
        }
        List<Problem> problems = new ArrayList<>();
        Incident incident =
            toIncident(
                cells, String.join(String.valueOf(delimiter), row), rowNumber, options, problems);
        all.addAll(problems);
        if (incident == null) {
          handler.reject(
              new Rejection(rowNumber, String.join(String.valueOf(delimiter), row), problems));
        } else {
          accepted++;
          handler.accept(incident);
        }
      }
    } catch (RuntimeException e) {
      throw new IncidentReadException(
          options.sourceName() + ": the file cannot be read as CSV: " + e.getMessage());
    }
    return new ReadReport(options.sourceName(), read, accepted, read - accepted, all);
  }

  /**
   * Returns the incident, or null when an error rejects the row; problems are added to {@code
   * problems}.
   */
  private static Incident toIncident(
      Map<String, String> cells,
      String raw,
      long row,
      ReadOptions options,
      List<Problem> problems) {
    String file = options.sourceName();
    String date = cells.getOrDefault(DATE, "");
    LocalDate day;
    try {
      day = LocalDate.parse(date, DAY);
    } catch (DateTimeParseException e) {
      problems.add(
          new Problem(
              file,
              row,
              "Fecha del hecho",
              date,
              ProblemCode.INVALID_DATE,
              "write the date as dd/MM/yyyy, for example 02/02/2024"));
      return null;
    }
    TimeWindow when = TimeWindow.day(day, TimeWindow.HONDURAS);
    String hour = cells.getOrDefault("hora aproximada", "");
    if (!hour.isEmpty()) {
      try {
        when =
            TimeWindow.instant(
                OffsetDateTime.of(
                    day,
                    LocalTime.parse(hour.length() == 4 ? "0" + hour : hour),
                    TimeWindow.HONDURAS));
      } catch (DateTimeParseException e) {
        // An unreadable hour is not worth losing the report: keep the day, and say so.
        problems.add(
            new Problem(
                file,
                row,
                "Hora aproximada",
                hour,
                ProblemCode.INVALID_VALUE,
                "kept the day only; write the hour as HH:mm"));
      }
    }
    if (day.isAfter(LocalDate.now(options.clock().withZone(TimeWindow.HONDURAS)))) {
      problems.add(new Problem(file, row, "Fecha del hecho", date, ProblemCode.FUTURE_DATE, ""));
      return null;
    }
    String id =
        "denuncia-"
            + Hashing.sha256().hashString(raw, StandardCharsets.UTF_8).toString().substring(0, 16);
    Incident.Builder b = Incident.builder(id).occurred(when).source(SourceType.CITIZEN);
    String type = cells.getOrDefault(TYPE, "");
    if (!type.isEmpty()) {
      CategoryMatch match = options.taxonomy().match(type).orElse(null);
      if (match == null) {
        problems.add(
            new Problem(file, row, "Tipo de hecho", type, ProblemCode.UNKNOWN_CATEGORY, ""));
        b.classification(new Classification(Optional.empty(), Optional.of(type), Map.of()));
      } else {
        b.classification(Classification.iccs(match.code(), type));
      }
    }
    Location.Builder place = Location.builder();
    boolean hasPlace = false;
    String address =
        String.join(
            ", ",
            List.of(
                    cells.getOrDefault("lugar", ""),
                    cells.getOrDefault("municipio", ""),
                    cells.getOrDefault("departamento", ""))
                .stream()
                .filter(s -> !s.isEmpty())
                .toList());
    if (!address.isEmpty()) {
      place.address(address);
      hasPlace = true;
    }
    String lat = cells.getOrDefault("latitud", "").replace(',', '.');
    String lon = cells.getOrDefault("longitud", "").replace(',', '.');
    if (!lat.isEmpty() || !lon.isEmpty()) {
      try {
        place.point(LatLon.of(Double.parseDouble(lat), Double.parseDouble(lon)));
        hasPlace = true;
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                file,
                row,
                "Latitud/Longitud",
                lat + " " + lon,
                ProblemCode.INVALID_VALUE,
                String.valueOf(e.getMessage())));
        return null;
      }
    }
    if (hasPlace) {
      b.location(place.build());
    }
    String narrative = cells.getOrDefault("descripcion", "");
    if (!narrative.isEmpty()) {
      b.narrative(narrative);
    }
    String stamp = cells.getOrDefault("marca temporal", "");
    if (!stamp.isEmpty()) {
      try {
        b.reportedAt(LocalDateTime.parse(stamp, STAMP).atOffset(TimeWindow.HONDURAS));
      } catch (DateTimeParseException e) {
        problems.add(
            new Problem(
                file,
                row,
                "Marca temporal",
                stamp,
                ProblemCode.INVALID_DATE,
                "kept the report without it"));
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              file, row, "", "", ProblemCode.INVALID_RECORD, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /**
   * Header names compared without case, accents or surrounding spaces: "Descripción " is
   * "descripcion".
   */
  static String normalise(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
