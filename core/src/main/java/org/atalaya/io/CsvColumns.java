package org.atalaya.io;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
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

/** The header of a CSV file and how each of its columns feeds an {@link IncidentDraft}. */
final class CsvColumns {
  private static final java.util.regex.Pattern FLAG_SEPARATOR = java.util.regex.Pattern.compile("[\\s,;|]+");

  final List<String> headers;
  final CsvMapping mapping;
  /** Column index of each canonical field, or -1. */
  final Map<String, Integer> index = new HashMap<>();
  private final int[] columnOf = new int[IncidentDraft.CANONICAL_FIELDS.size()];
  private final String[] names = new String[IncidentDraft.CANONICAL_FIELDS.size()];
  private final String[] defaults = new String[IncidentDraft.CANONICAL_FIELDS.size()];
  private final boolean[] numeric = new boolean[IncidentDraft.CANONICAL_FIELDS.size()];
  /** Unmapped columns: index to attribute key. */
  final Map<Integer, String> extra = new TreeMap<>();
  final List<Integer> unknownCanonical = new ArrayList<>();

  CsvColumns(List<String> header, CsvMapping mapping, String file) throws IncidentReadException {
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
    tabulate();
  }

  String header(String canonical) {
    Integer i = index.get(canonical);
    return i == null ? canonical : headers.get(i);
  }

  /** The header naming a canonical field (by its {@code IncidentDraft.I_*} position). */
  private String header(int field) {
    return names[field];
  }

  private String cell(List<String> cells, int field, boolean unprotect) {
    int i = columnOf[field];
    String v = i < 0 || i >= cells.size() ? null : cells.get(i);
    if (v == null || v.isEmpty()) {
      v = defaults[field];
    }
    if (v != null && unprotect && !numeric[field]) {
      v = CsvIo.unprotect(v);
    }
    return v;
  }

  /** Precomputes, per canonical field, its column, header, default and whether it is numeric. */
  private void tabulate() {
    for (int f = 0; f < IncidentDraft.CANONICAL_FIELDS.size(); f++) {
      String key = IncidentDraft.CANONICAL_FIELDS.get(f);
      Integer i = index.get(key);
      columnOf[f] = i == null ? -1 : i;
      names[f] = header(key);
      defaults[f] = mapping == null ? null : mapping.defaults().get(key);
      numeric[f] = CsvIo.NUMERIC.contains(key);
    }
  }

  void fill(List<String> cells, IncidentDraft d, boolean unprotect) {
    FieldDecoder dec = d.decoder;
    d.mapCategory = columnOf[IncidentDraft.I_ICCS] < 0;
    d.id = FieldDecoder.blankToNull(cell(cells, IncidentDraft.I_ID, unprotect));
    String iccs = FieldDecoder.blankToNull(cell(cells, IncidentDraft.I_ICCS, unprotect));
    if (iccs != null) {
      if (IccsCode.isValid(iccs)) {
        d.iccs = IccsCode.of(iccs);
      } else {
        d.problem(ProblemCode.INVALID_VALUE, IncidentDraft.ICCS, iccs, "ICCS codes have 2, 4, 5 or 6 digits");
      }
    }
    d.sourceLabel = cell(cells, IncidentDraft.I_CATEGORY, unprotect);
    jsonMap(cells, IncidentDraft.I_OTHER_CODES, d, d.otherCodes, unprotect);
    d.occurredFrom = dateTime(cells, IncidentDraft.I_OCCURRED_FROM, d, unprotect);
    d.occurredTo = dateTime(cells, IncidentDraft.I_OCCURRED_TO, d, unprotect);
    d.timePrecision = dec.enumValue(header(IncidentDraft.I_TIME_PRECISION), cell(cells, IncidentDraft.I_TIME_PRECISION, unprotect), TimePrecision.class, d.timePrecision);
    Boolean estimated = dec.bool(header(IncidentDraft.I_TIME_ESTIMATED), cell(cells, IncidentDraft.I_TIME_ESTIMATED, unprotect));
    d.timeEstimated = Boolean.TRUE.equals(estimated);
    d.reportedAt = dateTime(cells, IncidentDraft.I_REPORTED_AT, d, unprotect);
    d.latitude = dec.number(header(IncidentDraft.I_LATITUDE), cell(cells, IncidentDraft.I_LATITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
    d.longitude = dec.number(header(IncidentDraft.I_LONGITUDE), cell(cells, IncidentDraft.I_LONGITUDE, false), ProblemCode.COORDINATE_NOT_A_NUMBER);
    d.accuracy = dec.number(header(IncidentDraft.I_ACCURACY), cell(cells, IncidentDraft.I_ACCURACY, false), ProblemCode.INVALID_VALUE);
    d.locationPrecision = dec.enumValue(header(IncidentDraft.I_LOCATION_PRECISION), cell(cells, IncidentDraft.I_LOCATION_PRECISION, unprotect), LocationPrecision.class, LocationPrecision.UNKNOWN);
    d.department = cell(cells, IncidentDraft.I_DEPARTMENT, unprotect);
    d.municipality = cell(cells, IncidentDraft.I_MUNICIPALITY, unprotect);
    d.colonia = cell(cells, IncidentDraft.I_COLONIA, unprotect);
    d.address = cell(cells, IncidentDraft.I_ADDRESS, unprotect);
    victims(cell(cells, IncidentDraft.I_VICTIMS, unprotect), d);
    d.attempt = dec.enumValue(header(IncidentDraft.I_ATTEMPT), cell(cells, IncidentDraft.I_ATTEMPT, unprotect), Attempt.class, Attempt.UNKNOWN);
    d.mechanism = dec.enumValue(header(IncidentDraft.I_MECHANISM), cell(cells, IncidentDraft.I_MECHANISM, unprotect), Mechanism.class, Mechanism.UNKNOWN);
    d.placeType = dec.enumValue(header(IncidentDraft.I_PLACE_TYPE), cell(cells, IncidentDraft.I_PLACE_TYPE, unprotect), PlaceType.class, PlaceType.UNKNOWN);
    d.domestic = dec.bool(header(IncidentDraft.I_DOMESTIC), cell(cells, IncidentDraft.I_DOMESTIC, unprotect));
    d.organisedCrime = dec.bool(header(IncidentDraft.I_ORGANISED_CRIME), cell(cells, IncidentDraft.I_ORGANISED_CRIME, unprotect));
    String history = FieldDecoder.blankToNull(cell(cells, IncidentDraft.I_CASE_HISTORY, unprotect));
    if (history != null) {
      try {
        d.caseHistory = CaseHistory.parse(history);
      } catch (IllegalArgumentException e) {
        d.problem(ProblemCode.INVALID_CASE_HISTORY, IncidentDraft.CASE_HISTORY, history, e.getMessage());
      }
    }
    d.publication = dec.enumValue(header(IncidentDraft.I_PUBLICATION), cell(cells, IncidentDraft.I_PUBLICATION, unprotect), PublicationState.class, PublicationState.DRAFT);
    d.source = dec.enumValue(header(IncidentDraft.I_SOURCE), cell(cells, IncidentDraft.I_SOURCE, unprotect), SourceType.class, SourceType.UNKNOWN);
    sourceRefs(cell(cells, IncidentDraft.I_SOURCE_REFS, unprotect), d);
    d.narrative = cell(cells, IncidentDraft.I_NARRATIVE, unprotect);
    String flags = FieldDecoder.blankToNull(cell(cells, IncidentDraft.I_SENSITIVITY, unprotect));
    if (flags != null) {
      for (String f : FLAG_SEPARATOR.split(flags.strip())) {
        SensitivityFlag flag = dec.enumValue(header(IncidentDraft.I_SENSITIVITY), f, SensitivityFlag.class, null);
        if (flag != null) {
          d.sensitivity.add(flag);
        }
      }
    }
    jsonMap(cells, IncidentDraft.I_ATTRIBUTES, d, d.attributes, unprotect);
    for (Map.Entry<Integer, String> e : extra.entrySet()) {
      int i = e.getKey();
      String v = i < cells.size() ? cells.get(i) : "";
      if (v.isEmpty()) {
        continue;
      }
      d.attributes.put(e.getValue(), unprotect ? CsvIo.unprotect(v) : v);
      if (unknownCanonical.contains(i)) {
        dec.problem(ProblemCode.UNKNOWN_FIELD, headers.get(i).isBlank() ? "column " + (i + 1) : headers.get(i), v, "kept as attribute " + e.getValue());
      }
    }
  }

  private OffsetDateTime dateTime(List<String> cells, int at, IncidentDraft d, boolean unprotect) {
    String field = IncidentDraft.CANONICAL_FIELDS.get(at);
    String text = FieldDecoder.blankToNull(cell(cells, at, unprotect));
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

  private void jsonMap(List<String> cells, int at, IncidentDraft d, Map<String, String> into, boolean unprotect) {
    String field = IncidentDraft.CANONICAL_FIELDS.get(at);
    String text = FieldDecoder.blankToNull(cell(cells, at, unprotect));
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
      String field = header(IncidentDraft.I_VICTIMS);
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
