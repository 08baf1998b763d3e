package org.atalaya.io;

import static org.atalaya.io.CanonicalField.ACCURACY;
import static org.atalaya.io.CanonicalField.ADDRESS;
import static org.atalaya.io.CanonicalField.ATTEMPT;
import static org.atalaya.io.CanonicalField.ATTRIBUTES;
import static org.atalaya.io.CanonicalField.CASE_HISTORY;
import static org.atalaya.io.CanonicalField.CATEGORY;
import static org.atalaya.io.CanonicalField.COLONIA;
import static org.atalaya.io.CanonicalField.DEPARTMENT;
import static org.atalaya.io.CanonicalField.DOMESTIC;
import static org.atalaya.io.CanonicalField.ICCS;
import static org.atalaya.io.CanonicalField.ID;
import static org.atalaya.io.CanonicalField.LATITUDE;
import static org.atalaya.io.CanonicalField.LOCATION_PRECISION;
import static org.atalaya.io.CanonicalField.LONGITUDE;
import static org.atalaya.io.CanonicalField.MECHANISM;
import static org.atalaya.io.CanonicalField.MUNICIPALITY;
import static org.atalaya.io.CanonicalField.NARRATIVE;
import static org.atalaya.io.CanonicalField.OCCURRED_FROM;
import static org.atalaya.io.CanonicalField.OCCURRED_TO;
import static org.atalaya.io.CanonicalField.ORGANISED_CRIME;
import static org.atalaya.io.CanonicalField.OTHER_CODES;
import static org.atalaya.io.CanonicalField.PLACE_TYPE;
import static org.atalaya.io.CanonicalField.PUBLICATION;
import static org.atalaya.io.CanonicalField.REPORTED_AT;
import static org.atalaya.io.CanonicalField.SENSITIVITY;
import static org.atalaya.io.CanonicalField.SOURCE;
import static org.atalaya.io.CanonicalField.SOURCE_REFS;
import static org.atalaya.io.CanonicalField.TIME_ESTIMATED;
import static org.atalaya.io.CanonicalField.TIME_PRECISION;
import static org.atalaya.io.CanonicalField.VICTIMS;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Victim;

/**
 * Writes canonical CSV in the given {@link CsvLayout} (always UTF-8), one row per incident, with
 * spreadsheet formulas neutralised when the layout says so. Not thread-safe.
 */
final class CsvIncidentWriter implements IncidentWriter {
  private final Writer out;
  private final CsvGenerator g;
  private final CsvLayout layout;
  private final String[] row = new String[CanonicalField.all().length];

  CsvIncidentWriter(OutputStream stream, CsvLayout layout) throws IOException {
    this.layout = layout;
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    if (layout.byteOrderMark()) {
      out.write('\uFEFF');
    }
    char delimiter = layout.delimiter().orElse(',');
    CsvSchema schema =
        CsvSchema.emptySchema()
            .withColumnSeparator(delimiter)
            .withQuoteChar('"')
            .withoutEscapeChar()
            .withLineSeparator("\r\n");
    g = CsvIo.FACTORY.createGenerator(out);
    g.setSchema(schema);
    g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    writeRow(CanonicalField.names().toArray(new String[0]));
  }

  private void writeRow(String[] cells) throws IOException {
    g.writeStartArray();
    for (String c : cells) {
      g.writeString(c == null ? "" : c);
    }
    g.writeEndArray();
  }

  @Override
  public void write(Incident in) throws IOException {
    Arrays.fill(row, "");
    set(ID, in.id());
    in.iccs().ifPresent(c -> set(ICCS, c.value()));
    in.classification().sourceLabel().ifPresent(l -> set(CATEGORY, l));
    set(OTHER_CODES, json(in.classification().otherCodes()));
    in.occurred()
        .ifPresent(
            w -> {
              set(OCCURRED_FROM, w.from().toString());
              set(OCCURRED_TO, w.to().toString());
              set(TIME_PRECISION, w.precision().name());
              set(TIME_ESTIMATED, String.valueOf(w.estimated()));
            });
    in.reportedAt().ifPresent(r -> set(REPORTED_AT, r.toString()));
    if (in.location().isPresent()) {
      Location l = in.location().get();
      l.point()
          .ifPresent(
              p -> {
                set(LATITUDE, number(p.latitude()));
                set(LONGITUDE, number(p.longitude()));
              });
      l.accuracyMetres().ifPresent(a -> set(ACCURACY, number(a)));
      set(LOCATION_PRECISION, l.precision().name());
      l.admin().department().ifPresent(v -> set(DEPARTMENT, v));
      l.admin().municipality().ifPresent(v -> set(MUNICIPALITY, v));
      l.admin().colonia().ifPresent(v -> set(COLONIA, v));
      l.address().ifPresent(v -> set(ADDRESS, v));
    }
    StringBuilder victims = new StringBuilder();
    for (Victim v : in.victims()) {
      if (victims.length() > 0) {
        victims.append('|');
      }
      victims
          .append(v.sex())
          .append('/')
          .append(v.age().isPresent() ? String.valueOf(v.age().getAsInt()) : "")
          .append('/')
          .append(v.ageBand().map(AgeBand::toString).orElse(""))
          .append('/')
          .append(v.relationship())
          .append('/')
          .append(v.outcome());
    }
    set(VICTIMS, victims.toString());
    set(ATTEMPT, in.context().attempt().name());
    set(MECHANISM, in.context().mechanism().name());
    set(PLACE_TYPE, in.context().placeType().name());
    in.context().domestic().ifPresent(b -> set(DOMESTIC, b.toString()));
    in.context().organisedCrime().ifPresent(b -> set(ORGANISED_CRIME, b.toString()));
    set(CASE_HISTORY, in.caseHistory().toText());
    set(PUBLICATION, in.publication().name());
    set(SOURCE, in.source().name());
    if (!in.sourceRefs().isEmpty()) {
      StringWriter refs = new StringWriter();
      try (var jg = JsonIo.MAPPER.getFactory().createGenerator(refs)) {
        IncidentJson.writeSourceRefs(jg, in.sourceRefs());
      }
      set(SOURCE_REFS, refs.toString());
    }
    in.narrative().ifPresent(n -> set(NARRATIVE, n));
    StringBuilder flags = new StringBuilder();
    for (SensitivityFlag f : in.sensitivity()) {
      flags.append(flags.length() > 0 ? " " : "").append(f.name());
    }
    set(SENSITIVITY, flags.toString());
    set(ATTRIBUTES, json(in.attributes().values()));
    writeRow(row);
  }

  private void set(CanonicalField field, String value) {
    row[field.ordinal()] =
        layout.protectFormulas() && !field.numeric() ? CsvIo.protect(value) : value;
  }

  private String number(double v) {
    String s = BigDecimal.valueOf(v).toPlainString();
    return layout.decimalComma() ? s.replace('.', ',') : s;
  }

  private static String json(Map<String, String> map) {
    if (map.isEmpty()) {
      return "";
    }
    try {
      return JsonIo.MAPPER.writeValueAsString(map);
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings always serialises", e);
    }
  }

  @Override
  public void flush() throws IOException {
    g.flush();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
