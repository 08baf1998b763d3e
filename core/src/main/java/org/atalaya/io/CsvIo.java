package org.atalaya.io;

import org.atalaya.internal.IsoTimes;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Sex;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;

/**
 * CSV reading and writing, canonical columns or mapped ones (see {@link CsvLayout}, {@link
 * CsvMapping} and {@code sdk-docs/io.md} for the column reference).
 *
 * <p>Structured fields use compact cells: victims {@code SEX/age/ageBand/RELATIONSHIP/OUTCOME}
 * separated by {@code |}; the case history {@code STATUS@yyyy-mm-dd} separated by blanks;
 * sensitivity flags separated by blanks; other codes, source references and attributes as JSON.
 */
final class CsvIo {
  private static final CsvFactory FACTORY = new CsvFactory();
  private static final java.util.regex.Pattern FLAG_SEPARATOR = java.util.regex.Pattern.compile("[\\s,;|]+");
  private static final int SAMPLE = 1 << 16;
  /** Columns whose cells are numbers: never formula-prefixed, written with the decimal separator. */
  private static final List<String> NUMERIC =
      List.of(IncidentDraft.LATITUDE, IncidentDraft.LONGITUDE, IncidentDraft.ACCURACY);

  private CsvIo() {}

  /** Reads canonical or mapped CSV. */
  static final class Reader implements IncidentReader {
    @Override
    public ReadReport read(InputStream input, ReadOptions options, IncidentHandler handler)
        throws IOException {
      CsvLayout layout = options.csvLayout();
      String file = options.sourceName();
      BufferedInputStream in = new BufferedInputStream(input, SAMPLE);
      in.mark(SAMPLE + 4);
      byte[] sample = in.readNBytes(SAMPLE);
      in.reset();
      boolean bom = sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
      if (bom) {
        in.skipNBytes(3);
      }
      Charset charset =
          layout.charset().orElseGet(() -> bom || isUtf8(sample) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
      CharsetDecoder decoder =
          charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
      char delimiter =
          layout.delimiter().orElseGet(() -> detectDelimiter(new String(sample, bom ? 3 : 0, sample.length - (bom ? 3 : 0), charset)));
      CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar();
      ReadContext ctx = new ReadContext(options, handler);
      long row = 0;
      java.io.Reader reader = new InputStreamReader(JsonIo.nonClosing(in), decoder);
      try (CsvParser p = FACTORY.createParser(reader);
          CsvRowSource rows = new CsvRowSource(configure(p, schema), file)) {
        List<String> header = rows.next();
        if (header == null) {
          throw new IncidentReadException(file + ": the CSV file is empty; it needs a header row");
        }
        Columns columns = new Columns(header, layout.mapping().orElse(null), file);
        List<String> cells;
        while ((cells = rows.next()) != null) {
          row++;
          if (cells.size() > columns.headers.size()) {
            ctx.reject(
                row,
                encode(cells, delimiter),
                List.of(
                    new Problem(file, row, "", String.valueOf(cells.size()), ProblemCode.MALFORMED_RECORD,
                        "the row has " + cells.size() + " cells but the header has " + columns.headers.size())));
            continue;
          }
          IncidentDraft d = new IncidentDraft(new FieldDecoder(file, row), columns::header);
          columns.fill(cells, d, layout.protectFormulas());
          List<String> record = cells;
          ctx.complete(d, () -> encode(record, delimiter));
        }
      } catch (CharacterCodingException e) {
        throw new IncidentReadException(
            file + ": after data row " + row + " the bytes are not valid " + charset.name()
                + "; save the file as UTF-8, or give the character set (for example --charset windows-1252)", e);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IncidentReadException(
            file + ": the CSV cannot be parsed after data row " + row + ": " + e.getOriginalMessage()
                + " (check for an unclosed quote)", e);
      }
      return ctx.report();
    }

    private static CsvParser configure(CsvParser p, CsvSchema schema) {
      p.setSchema(schema);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      return p;
    }
  }

  /** The header of a file and how each column feeds the draft. */
  private static final class Columns {
    final List<String> headers;
    final CsvMapping mapping;
    /** Column index of each canonical field, or -1. */
    final Map<String, Integer> index = new HashMap<>();
    /** Unmapped columns: index to attribute key. */
    final Map<Integer, String> extra = new TreeMap<>();
    final List<Integer> unknownCanonical = new ArrayList<>();

    Columns(List<String> header, CsvMapping mapping, String file) throws IncidentReadException {
      this.headers = List.copyOf(header);
      this.mapping = mapping;
      Map<String, Integer> byName = new HashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        if (byName.putIfAbsent(headers.get(i).strip(), i) != null) {
          throw new IncidentReadException(file + ": the header names the column '" + headers.get(i) + "' twice");
        }
      }
      if (mapping == null) {
        for (int i = 0; i < headers.size(); i++) {
          String h = headers.get(i).strip();
          if (IncidentDraft.CANONICAL_FIELDS.contains(h)) {
            index.put(h, i);
          } else {
            extra.put(i, "csv:" + (h.isEmpty() ? "column_" + (i + 1) : h));
            unknownCanonical.add(i);
          }
        }
      } else {
        for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
          Integer i = byName.get(e.getValue().strip());
          if (i == null) {
            throw new IncidentReadException(
                file + ": the mapping names the column '" + e.getValue() + "' for " + e.getKey()
                    + ", but the header has only " + headers);
          }
          index.put(e.getKey(), i);
        }
        for (int i = 0; i < headers.size(); i++) {
          if (!index.containsValue(i)) {
            String h = headers.get(i).strip();
            extra.put(i, mapping.attributeNamespace() + ":" + (h.isEmpty() ? "column_" + (i + 1) : h));
          }
        }
      }
      if (!index.containsKey(IncidentDraft.ID)) {
        throw new IncidentReadException(
            file + ": no 'id' column; the header is " + headers
                + ". Name the id column 'id' or give a mapping that names it");
      }
    }

    String header(String canonical) {
      Integer i = index.get(canonical);
      return i == null ? canonical : headers.get(i);
    }

    private String cell(List<String> cells, String field, boolean unprotect) {
      Integer i = index.get(field);
      String v = i == null || i >= cells.size() ? null : cells.get(i);
      if ((v == null || v.isEmpty()) && mapping != null) {
        v = mapping.defaults().get(field);
      }
      if (v != null && unprotect && !NUMERIC.contains(field)) {
        v = unprotect(v);
      }
      return v;
    }

    void fill(List<String> cells, IncidentDraft d, boolean unprotect) {
      FieldDecoder dec = d.decoder;
      d.mapCategory = !index.containsKey(IncidentDraft.ICCS);
      d.id = FieldDecoder.blankToNull(cell(cells, IncidentDraft.ID, unprotect));
      String iccs = FieldDecoder.blankToNull(cell(cells, IncidentDraft.ICCS, unprotect));
      if (iccs != null) {
        if (IccsCode.isValid(iccs)) {
          d.iccs = IccsCode.of(iccs);
        } else {
          d.problem(ProblemCode.INVALID_VALUE, IncidentDraft.ICCS, iccs, "ICCS codes have 2, 4, 5 or 6 digits");
        }
      }
      d.sourceLabel = cell(cells, IncidentDraft.CATEGORY, unprotect);
      jsonMap(cells, IncidentDraft.OTHER_CODES, d, d.otherCodes, unprotect);
      d.occurredFrom = dateTime(cells, IncidentDraft.OCCURRED_FROM, d, unprotect);
      d.occurredTo = dateTime(cells, IncidentDraft.OCCURRED_TO, d, unprotect);
      d.timePrecision = dec.enumValue(header(IncidentDraft.TIME_PRECISION), cell(cells, IncidentDraft.TIME_PRECISION, unprotect), TimePrecision.class, d.timePrecision);
      Boolean estimated = dec.bool(header(IncidentDraft.TIME_ESTIMATED), cell(cells, IncidentDraft.TIME_ESTIMATED, unprotect));
      d.timeEstimated = Boolean.TRUE.equals(estimated);
      d.reportedAt = dateTime(cells, IncidentDraft.REPORTED_AT, d, unprotect);
      d.latitude = dec.number(header(IncidentDraft.LATITUDE), cell(cells, IncidentDraft.LATITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
      d.longitude = dec.number(header(IncidentDraft.LONGITUDE), cell(cells, IncidentDraft.LONGITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
      d.accuracy = dec.number(header(IncidentDraft.ACCURACY), cell(cells, IncidentDraft.ACCURACY, false), ProblemCode.INVALID_VALUE);
      d.locationPrecision = dec.enumValue(header(IncidentDraft.LOCATION_PRECISION), cell(cells, IncidentDraft.LOCATION_PRECISION, unprotect), LocationPrecision.class, LocationPrecision.UNKNOWN);
      d.department = cell(cells, IncidentDraft.DEPARTMENT, unprotect);
      d.municipality = cell(cells, IncidentDraft.MUNICIPALITY, unprotect);
      d.colonia = cell(cells, IncidentDraft.COLONIA, unprotect);
      d.address = cell(cells, IncidentDraft.ADDRESS, unprotect);
      victims(cell(cells, IncidentDraft.VICTIMS, unprotect), d);
      d.attempt = dec.enumValue(header(IncidentDraft.ATTEMPT), cell(cells, IncidentDraft.ATTEMPT, unprotect), Attempt.class, Attempt.UNKNOWN);
      d.mechanism = dec.enumValue(header(IncidentDraft.MECHANISM), cell(cells, IncidentDraft.MECHANISM, unprotect), Mechanism.class, Mechanism.UNKNOWN);
      d.placeType = dec.enumValue(header(IncidentDraft.PLACE_TYPE), cell(cells, IncidentDraft.PLACE_TYPE, unprotect), PlaceType.class, PlaceType.UNKNOWN);
      d.domestic = dec.bool(header(IncidentDraft.DOMESTIC), cell(cells, IncidentDraft.DOMESTIC, unprotect));
      d.organisedCrime = dec.bool(header(IncidentDraft.ORGANISED_CRIME), cell(cells, IncidentDraft.ORGANISED_CRIME, unprotect));
      String history = FieldDecoder.blankToNull(cell(cells, IncidentDraft.CASE_HISTORY, unprotect));
      if (history != null) {
        try {
          d.caseHistory = CaseHistory.parse(history);
        } catch (IllegalArgumentException e) {
          d.problem(ProblemCode.INVALID_CASE_HISTORY, IncidentDraft.CASE_HISTORY, history, e.getMessage());
        }
      }
      d.publication = dec.enumValue(header(IncidentDraft.PUBLICATION), cell(cells, IncidentDraft.PUBLICATION, unprotect), PublicationState.class, PublicationState.DRAFT);
      d.source = dec.enumValue(header(IncidentDraft.SOURCE), cell(cells, IncidentDraft.SOURCE, unprotect), SourceType.class, SourceType.UNKNOWN);
      sourceRefs(cell(cells, IncidentDraft.SOURCE_REFS, unprotect), d);
      d.narrative = cell(cells, IncidentDraft.NARRATIVE, unprotect);
      String flags = FieldDecoder.blankToNull(cell(cells, IncidentDraft.SENSITIVITY, unprotect));
      if (flags != null) {
        for (String f : FLAG_SEPARATOR.split(flags.strip())) {
          SensitivityFlag flag = dec.enumValue(header(IncidentDraft.SENSITIVITY), f, SensitivityFlag.class, null);
          if (flag != null) {
            d.sensitivity.add(flag);
          }
        }
      }
      jsonMap(cells, IncidentDraft.ATTRIBUTES, d, d.attributes, unprotect);
      for (Map.Entry<Integer, String> e : extra.entrySet()) {
        int i = e.getKey();
        String v = i < cells.size() ? cells.get(i) : "";
        if (v.isEmpty()) {
          continue;
        }
        d.attributes.put(e.getValue(), unprotect ? unprotect(v) : v);
        if (unknownCanonical.contains(i)) {
          dec.problem(ProblemCode.UNKNOWN_FIELD, headers.get(i).isBlank() ? "column " + (i + 1) : headers.get(i), v, "kept as attribute " + e.getValue());
        }
      }
    }

    private OffsetDateTime dateTime(List<String> cells, String field, IncidentDraft d, boolean unprotect) {
      String text = FieldDecoder.blankToNull(cell(cells, field, unprotect));
      if (text == null) {
        return null;
      }
      String t = text.strip();
      try {
        return IsoTimes.offsetDateTime(t);
      } catch (DateTimeParseException notIso) {
        // fall through to local forms
      }
      List<DateTimeFormatter> formats =
          mapping == null
              ? List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME, DateTimeFormatter.ISO_LOCAL_DATE)
              : mapping.formatters();
      java.time.ZoneOffset offset = mapping == null ? TimeWindow.HONDURAS : mapping.zoneOffset();
      for (DateTimeFormatter f : formats) {
        try {
          TemporalAccessor parsed = f.parseBest(t, LocalDateTime::from, LocalDate::from);
          if (parsed instanceof LocalDateTime ldt) {
            return ldt.atOffset(offset);
          }
          LocalDate day = (LocalDate) parsed;
          if (field.equals(IncidentDraft.OCCURRED_FROM) && d.timePrecision == null) {
            d.timePrecision = TimePrecision.DAY;
          }
          return day.atStartOfDay().atOffset(offset);
        } catch (DateTimeParseException | ClassCastException e) {
          // try the next format
        }
      }
      d.problem(
          ProblemCode.INVALID_DATE,
          field,
          text,
          mapping == null || mapping.dateFormats().isEmpty()
              ? "expected ISO 8601, for example 2024-03-15T21:30:00-06:00"
              : "expected ISO 8601 or one of " + mapping.dateFormats());
      return null;
    }

    private void jsonMap(List<String> cells, String field, IncidentDraft d, Map<String, String> into, boolean unprotect) {
      String text = FieldDecoder.blankToNull(cell(cells, field, unprotect));
      if (text == null) {
        return;
      }
      try {
        JsonIo.readStringMap(text, into);
      } catch (IOException e) {
        d.problem(ProblemCode.INVALID_VALUE, field, text, "expected a JSON object such as {\"key\":\"value\"}");
      }
    }

    private static void sourceRefs(String text, IncidentDraft d) {
      if (FieldDecoder.blankToNull(text) == null) {
        return;
      }
      try {
        JsonIo.readSourceRefs(text, d.sourceRefs);
      } catch (IOException | RuntimeException e) {
        d.problem(ProblemCode.INVALID_VALUE, IncidentDraft.SOURCE_REFS, text, "expected a JSON array of {\"system\",\"id\",\"url\"}");
      }
    }

    private void victims(String text, IncidentDraft d) {
      if (FieldDecoder.blankToNull(text) == null) {
        return;
      }
      for (String entry : text.split("\\|")) {
        String[] parts = entry.strip().split("/", -1);
        if (parts.length != 5) {
          d.problem(ProblemCode.INVALID_VICTIM, IncidentDraft.VICTIMS, entry, "expected SEX/age/ageBand/RELATIONSHIP/OUTCOME");
          continue;
        }
        FieldDecoder dec = d.decoder;
        int before = dec.problems().size();
        String field = header(IncidentDraft.VICTIMS);
        Sex sex = dec.enumValue(field, parts[0], Sex.class, Sex.UNKNOWN);
        OptionalInt age = dec.integer(field, parts[1]);
        Optional<AgeBand> band = Optional.empty();
        if (!parts[2].isBlank()) {
          try {
            band = Optional.of(AgeBand.parse(parts[2]));
          } catch (IllegalArgumentException e) {
            dec.problem(ProblemCode.INVALID_VICTIM, field, entry, e.getMessage());
          }
        }
        Relationship rel = dec.enumValue(field, parts[3], Relationship.class, Relationship.UNKNOWN);
        VictimOutcome out = dec.enumValue(field, parts[4], VictimOutcome.class, VictimOutcome.UNKNOWN);
        if (dec.problems().size() > before) {
          dec.recode(before, ProblemCode.INVALID_VICTIM);
          continue;
        }
        try {
          d.victims.add(new Victim(sex, age, band, rel, out));
        } catch (IllegalArgumentException e) {
          dec.problem(ProblemCode.INVALID_VICTIM, field, entry, e.getMessage());
        }
      }
    }
  }

  /** Returns whether a cell would be read by a spreadsheet as a formula, apostrophes aside. */
  private static boolean looksLikeFormula(String v, int from) {
    int i = from;
    while (i < v.length() && v.charAt(i) == '\'') {
      i++;
    }
    if (i >= v.length()) {
      return false;
    }
    char c = v.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  static String protect(String v) {
    return looksLikeFormula(v, 0) ? "'" + v : v;
  }

  static String unprotect(String v) {
    return v.length() > 1 && v.charAt(0) == '\'' && looksLikeFormula(v, 1) ? v.substring(1) : v;
  }

  static boolean isUtf8(byte[] sample) {
    CharsetDecoder d =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(sample.length + 1);
    // endOfInput=false: a character cut off at the end of the sample is not an error.
    CoderResult r = d.decode(ByteBuffer.wrap(sample), out, false);
    return !r.isError();
  }

  static char detectDelimiter(String sample) {
    int comma = 0;
    int semi = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          break;
        } else if (c == ',') {
          comma++;
        } else if (c == ';') {
          semi++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (semi > comma && semi >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  private static String encode(List<String> cells, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String c = cells.get(i);
      if (c.indexOf(delimiter) >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Writes canonical CSV in the given layout (always UTF-8). */
  static final class Writer implements IncidentWriter {
    private final java.io.Writer out;
    private final CsvGenerator g;
    private final CsvLayout layout;
    private final String[] row = new String[IncidentDraft.CANONICAL_FIELDS.size()];

    Writer(OutputStream stream, CsvLayout layout) throws IOException {
      this.layout = layout;
      this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      if (layout.byteOrderMark()) {
        out.write('\uFEFF');
      }
      char delimiter = layout.delimiter().orElse(',');
      CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withQuoteChar('"').withoutEscapeChar().withLineSeparator("\r\n");
      g = FACTORY.createGenerator(out);
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
      row[i] = layout.protectFormulas() && !NUMERIC.contains(field) ? protect(value) : value;
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
}
