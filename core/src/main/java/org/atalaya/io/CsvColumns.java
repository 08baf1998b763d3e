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

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Sex;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.internal.IsoTimes;
import org.atalaya.taxonomy.IccsCode;

/** The header of a CSV file and how each of its columns feeds a {@link RecordDecoder}. */
final class CsvColumns {
  private static final Pattern FLAG_SEPARATOR = Pattern.compile("[\\s,;|]+");

  final List<String> headers;
  final CsvMapping mapping;

  /** Column index of each canonical field the file has. */
  final Map<CanonicalField, Integer> index = new EnumMap<>(CanonicalField.class);

  // Per-row lookups go through arrays indexed by the field's ordinal, not through maps.
  private final int[] columnOf = new int[CanonicalField.all().length];
  private final String[] names = new String[CanonicalField.all().length];
  private final String[] defaults = new String[CanonicalField.all().length];

  /** Unmapped columns: index to attribute key. */
  final Map<Integer, String> extra = new TreeMap<>();

  final List<Integer> unknownCanonical = new ArrayList<>();

  CsvColumns(List<String> header, CsvMapping mapping, String file) throws IncidentReadException {
    this.headers = List.copyOf(header);
    this.mapping = mapping;
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      if (byName.putIfAbsent(headers.get(i).strip(), i) != null) {
        throw IncidentReadException.unreadable("csvTwice", null, file, headers.get(i));
      }
    }
    if (mapping == null) {
      for (int i = 0; i < headers.size(); i++) {
        String h = headers.get(i).strip();
        Optional<CanonicalField> field = CanonicalField.named(h);
        if (field.isPresent()) {
          index.put(field.get(), i);
        } else {
          extra.put(i, "csv:" + (h.isEmpty() ? "column_" + (i + 1) : h));
          unknownCanonical.add(i);
        }
      }
    } else {
      for (Map.Entry<String, String> e : mapping.columns().entrySet()) {
        Integer i = byName.get(e.getValue().strip());
        if (i == null) {
          throw IncidentReadException.unreadable(
              "csvMappingColumn", null, file, e.getValue(), e.getKey(), headers);
        }
        index.put(CanonicalField.named(e.getKey()).orElseThrow(), i); // CsvMapping checked the key
      }
      for (int i = 0; i < headers.size(); i++) {
        if (!index.containsValue(i)) {
          String h = headers.get(i).strip();
          extra.put(
              i, mapping.attributeNamespace() + ":" + (h.isEmpty() ? "column_" + (i + 1) : h));
        }
      }
    }
    if (!index.containsKey(ID)) {
      throw IncidentReadException.unreadable("csvNoId", null, file, headers);
    }
    tabulate();
  }

  /**
   * The header naming a canonical field in this file; its canonical name when the file has none.
   */
  String header(CanonicalField field) {
    return names[field.ordinal()];
  }

  private String cell(List<String> cells, CanonicalField field, boolean unprotect) {
    int f = field.ordinal();
    int i = columnOf[f];
    String v = i < 0 || i >= cells.size() ? null : cells.get(i);
    if (v == null || v.isEmpty()) {
      v = defaults[f];
    }
    if (v != null && unprotect && !field.numeric()) {
      v = CsvIo.unprotect(v);
    }
    return v;
  }

  /** Precomputes, per canonical field, its column, header and default. */
  private void tabulate() {
    for (CanonicalField field : CanonicalField.all()) {
      int f = field.ordinal();
      Integer i = index.get(field);
      columnOf[f] = i == null ? -1 : i;
      names[f] = i == null ? field.canonicalName() : headers.get(i);
      defaults[f] = mapping == null ? null : mapping.defaults().get(field.canonicalName());
    }
  }

  void fill(List<String> cells, RecordDecoder d, boolean unprotect) {
    FieldDecoder dec = d.decoder;
    d.mapCategory = columnOf[ICCS.ordinal()] < 0;
    d.id = FieldDecoder.blankToNull(cell(cells, ID, unprotect));
    String iccs = FieldDecoder.blankToNull(cell(cells, ICCS, unprotect));
    if (iccs != null) {
      if (IccsCode.isValid(iccs)) {
        d.iccs = IccsCode.of(iccs);
      } else {
        d.problem(ProblemCode.INVALID_VALUE, ICCS, iccs, "ICCS codes have 2, 4, 5 or 6 digits");
      }
    }
    d.sourceLabel = cell(cells, CATEGORY, unprotect);
    jsonMap(cells, OTHER_CODES, d, d.otherCodes, unprotect);
    d.occurredFrom = dateTime(cells, OCCURRED_FROM, d, unprotect);
    d.occurredTo = dateTime(cells, OCCURRED_TO, d, unprotect);
    d.timePrecision =
        dec.enumValue(
            header(TIME_PRECISION),
            cell(cells, TIME_PRECISION, unprotect),
            TimePrecision.class,
            d.timePrecision);
    Boolean estimated = dec.bool(header(TIME_ESTIMATED), cell(cells, TIME_ESTIMATED, unprotect));
    d.timeEstimated = Boolean.TRUE.equals(estimated);
    d.reportedAt = dateTime(cells, REPORTED_AT, d, unprotect);
    d.latitude =
        dec.number(
            header(LATITUDE), cell(cells, LATITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
    d.longitude =
        dec.number(
            header(LONGITUDE), cell(cells, LONGITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
    d.accuracy =
        dec.number(header(ACCURACY), cell(cells, ACCURACY, false), ProblemCode.INVALID_VALUE);
    d.locationPrecision =
        dec.enumValue(
            header(LOCATION_PRECISION),
            cell(cells, LOCATION_PRECISION, unprotect),
            LocationPrecision.class,
            LocationPrecision.UNKNOWN);
    d.department = cell(cells, DEPARTMENT, unprotect);
    d.municipality = cell(cells, MUNICIPALITY, unprotect);
    d.colonia = cell(cells, COLONIA, unprotect);
    d.address = cell(cells, ADDRESS, unprotect);
    victims(cell(cells, VICTIMS, unprotect), d);
    d.attempt =
        dec.enumValue(
            header(ATTEMPT), cell(cells, ATTEMPT, unprotect), Attempt.class, Attempt.UNKNOWN);
    d.mechanism =
        dec.enumValue(
            header(MECHANISM),
            cell(cells, MECHANISM, unprotect),
            Mechanism.class,
            Mechanism.UNKNOWN);
    d.placeType =
        dec.enumValue(
            header(PLACE_TYPE),
            cell(cells, PLACE_TYPE, unprotect),
            PlaceType.class,
            PlaceType.UNKNOWN);
    d.domestic = dec.bool(header(DOMESTIC), cell(cells, DOMESTIC, unprotect));
    d.organisedCrime = dec.bool(header(ORGANISED_CRIME), cell(cells, ORGANISED_CRIME, unprotect));
    String history = FieldDecoder.blankToNull(cell(cells, CASE_HISTORY, unprotect));
    if (history != null) {
      try {
        d.caseHistory = CaseHistory.parse(history);
      } catch (IllegalArgumentException e) {
        d.problem(ProblemCode.INVALID_CASE_HISTORY, CASE_HISTORY, history, e.getMessage());
      }
    }
    d.publication =
        dec.enumValue(
            header(PUBLICATION),
            cell(cells, PUBLICATION, unprotect),
            PublicationState.class,
            PublicationState.DRAFT);
    d.source =
        dec.enumValue(
            header(SOURCE), cell(cells, SOURCE, unprotect), SourceType.class, SourceType.UNKNOWN);
    sourceRefs(cell(cells, SOURCE_REFS, unprotect), d);
    d.narrative = cell(cells, NARRATIVE, unprotect);
    String flags = FieldDecoder.blankToNull(cell(cells, SENSITIVITY, unprotect));
    if (flags != null) {
      for (String f : FLAG_SEPARATOR.split(flags.strip())) {
        SensitivityFlag flag = dec.enumValue(header(SENSITIVITY), f, SensitivityFlag.class, null);
        if (flag != null) {
          d.sensitivity.add(flag);
        }
      }
    }
    jsonMap(cells, ATTRIBUTES, d, d.attributes, unprotect);
    for (Map.Entry<Integer, String> e : extra.entrySet()) {
      int i = e.getKey();
      String v = i < cells.size() ? cells.get(i) : "";
      if (v.isEmpty()) {
        continue;
      }
      d.attributes.put(e.getValue(), unprotect ? CsvIo.unprotect(v) : v);
      if (unknownCanonical.contains(i)) {
        dec.problem(
            ProblemCode.UNKNOWN_FIELD,
            headers.get(i).isBlank() ? "column " + (i + 1) : headers.get(i),
            v,
            "kept as attribute " + e.getValue());
      }
    }
  }

  private OffsetDateTime dateTime(
      List<String> cells, CanonicalField field, RecordDecoder d, boolean unprotect) {
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
    ZoneOffset offset = mapping == null ? TimeWindow.HONDURAS : mapping.zoneOffset();
    for (DateTimeFormatter f : formats) {
      try {
        TemporalAccessor parsed = f.parseBest(t, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof LocalDateTime ldt) {
          return ldt.atOffset(offset);
        }
        LocalDate day = (LocalDate) parsed;
        if (field == OCCURRED_FROM && d.timePrecision == null) {
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

  private void jsonMap(
      List<String> cells,
      CanonicalField field,
      RecordDecoder d,
      Map<String, String> into,
      boolean unprotect) {
    String text = FieldDecoder.blankToNull(cell(cells, field, unprotect));
    if (text == null) {
      return;
    }
    try {
      JsonIo.readStringMap(text, into);
    } catch (IOException e) {
      d.problem(
          ProblemCode.INVALID_VALUE,
          field,
          text,
          "expected a JSON object such as {\"key\":\"value\"}");
    }
  }

  private static void sourceRefs(String text, RecordDecoder d) {
    if (FieldDecoder.blankToNull(text) == null) {
      return;
    }
    try {
      JsonIo.readSourceRefs(text, d.sourceRefs);
    } catch (IOException | RuntimeException e) {
      d.problem(
          ProblemCode.INVALID_VALUE,
          SOURCE_REFS,
          text,
          "expected a JSON array of {\"system\",\"id\",\"url\"}");
    }
  }

  private void victims(String text, RecordDecoder d) {
    if (FieldDecoder.blankToNull(text) == null) {
      return;
    }
    for (String entry : text.split("\\|")) {
      String[] parts = entry.strip().split("/", -1);
      if (parts.length != 5) {
        d.problem(
            ProblemCode.INVALID_VICTIM,
            VICTIMS,
            entry,
            "expected SEX/age/ageBand/RELATIONSHIP/OUTCOME");
        continue;
      }
      FieldDecoder dec = d.decoder;
      int before = dec.problems().size();
      String field = header(VICTIMS);
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
      VictimOutcome out =
          dec.enumValue(field, parts[4], VictimOutcome.class, VictimOutcome.UNKNOWN);
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
