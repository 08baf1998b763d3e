package org.atalaya.io;

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
  private final java.io.Writer out;
  private final CsvGenerator g;
  private final CsvLayout layout;
  private final String[] row = new String[IncidentDraft.CANONICAL_FIELDS.size()];

  CsvIncidentWriter(OutputStream stream, CsvLayout layout) throws IOException {
    this.layout = layout;
    this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    if (layout.byteOrderMark()) {
      out.write('\uFEFF');
    }
    char delimiter = layout.delimiter().orElse(',');
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar().withLineSeparator("\r\n");
    g = CsvIo.FACTORY.createGenerator(out);
    g.setSchema(schema);
    g.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    writeRow(IncidentDraft.CANONICAL_FIELDS.toArray(new String[0]));
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
    set(IncidentDraft.ID, in.id());
    in.iccs().ifPresent(c -> set(IncidentDraft.ICCS, c.value()));
    in.classification().sourceLabel().ifPresent(l -> set(IncidentDraft.CATEGORY, l));
    set(IncidentDraft.OTHER_CODES, json(in.classification().otherCodes()));
    in.occurred().ifPresent(w -> {
      set(IncidentDraft.OCCURRED_FROM, w.from().toString());
      set(IncidentDraft.OCCURRED_TO, w.to().toString());
      set(IncidentDraft.TIME_PRECISION, w.precision().name());
      set(IncidentDraft.TIME_ESTIMATED, String.valueOf(w.estimated()));
    });
    in.reportedAt().ifPresent(r -> set(IncidentDraft.REPORTED_AT, r.toString()));
    if (in.location().isPresent()) {
      Location l = in.location().get();
      l.point().ifPresent(p -> {
        set(IncidentDraft.LATITUDE, number(p.latitude()));
        set(IncidentDraft.LONGITUDE, number(p.longitude()));
      });
      l.accuracyMetres().ifPresent(a -> set(IncidentDraft.ACCURACY, number(a)));
      set(IncidentDraft.LOCATION_PRECISION, l.precision().name());
      l.admin().department().ifPresent(v -> set(IncidentDraft.DEPARTMENT, v));
      l.admin().municipality().ifPresent(v -> set(IncidentDraft.MUNICIPALITY, v));
      l.admin().colonia().ifPresent(v -> set(IncidentDraft.COLONIA, v));
      l.address().ifPresent(v -> set(IncidentDraft.ADDRESS, v));
    }
    StringBuilder victims = new StringBuilder();
    for (Victim v : in.victims()) {
      if (victims.length() > 0) {
        victims.append('|');
      }
      victims.append(v.sex()).append('/')
          .append(v.age().isPresent() ? String.valueOf(v.age().getAsInt()) : "").append('/')
          .append(v.ageBand().map(AgeBand::toString).orElse("")).append('/')
          .append(v.relationship()).append('/').append(v.outcome());
    }
    set(IncidentDraft.VICTIMS, victims.toString());
    set(IncidentDraft.ATTEMPT, in.context().attempt().name());
    set(IncidentDraft.MECHANISM, in.context().mechanism().name());
    set(IncidentDraft.PLACE_TYPE, in.context().placeType().name());
    in.context().domestic().ifPresent(b -> set(IncidentDraft.DOMESTIC, b.toString()));
    in.context().organisedCrime().ifPresent(b -> set(IncidentDraft.ORGANISED_CRIME, b.toString()));
    set(IncidentDraft.CASE_HISTORY, in.caseHistory().toText());
    set(IncidentDraft.PUBLICATION, in.publication().name());
    set(IncidentDraft.SOURCE, in.source().name());
    if (!in.sourceRefs().isEmpty()) {
      StringWriter refs = new StringWriter();
      try (var jg = JsonIo.MAPPER.getFactory().createGenerator(refs)) {
        IncidentJson.writeSourceRefs(jg, in.sourceRefs());
      }
      set(IncidentDraft.SOURCE_REFS, refs.toString());
    }
    in.narrative().ifPresent(n -> set(IncidentDraft.NARRATIVE, n));
    StringBuilder flags = new StringBuilder();
    for (SensitivityFlag f : in.sensitivity()) {
      flags.append(flags.length() > 0 ? " " : "").append(f.name());
    }
    set(IncidentDraft.SENSITIVITY, flags.toString());
    set(IncidentDraft.ATTRIBUTES, json(in.attributes().values()));
    writeRow(row);
  }

  private void set(String field, String value) {
    int i = IncidentDraft.CANONICAL_FIELDS.indexOf(field);
    row[i] = layout.protectFormulas() && !CsvIo.NUMERIC.contains(field) ? CsvIo.protect(value) : value;
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
