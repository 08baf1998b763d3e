package org.atalaya.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
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
 * The JSON form of an incident, shared by the JSON, NDJSON and GeoJSON formats. Absent values are
 * left out when writing; when reading, a missing field and a JSON null both mean absent. Fields the
 * form does not define are kept as attributes under the {@code json:} namespace, with a warning.
 * Stateless and thread-safe.
 */
final class IncidentJson {
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "id",
          "sourceRefs",
          "classification",
          "occurred",
          "reportedAt",
          "location",
          "victims",
          "context",
          "caseHistory",
          "publication",
          "source",
          "narrative",
          "sensitivity",
          "attributes");

  private IncidentJson() {}

  /** Known members of each nested object; anything else is kept as an attribute with a warning. */
  private static final Map<String, Set<String>> NESTED =
      Map.of(
          "classification", Set.of("iccs", "sourceLabel", "otherCodes"),
          "occurred", Set.of("from", "to", "precision", "estimated"),
          "location",
              Set.of(
                  "latitude",
                  "longitude",
                  "accuracyMetres",
                  "precision",
                  "department",
                  "municipality",
                  "colonia",
                  "address"),
          "context", Set.of("attempt", "mechanism", "placeType", "domestic", "organisedCrime"));

  private static final Set<String> VICTIM =
      Set.of("sex", "age", "ageBand", "relationship", "outcome");
  private static final Set<String> CASE_STEP = Set.of("status", "date");
  private static final Set<String> SOURCE_REF = Set.of("system", "id", "url");

  /**
   * Keeps members of {@code obj} not in {@code known} as attributes {@code json:path}, with a
   * warning.
   */
  private static void keepUnknown(
      JsonNode obj, Set<String> known, String path, RecordDecoder d, String prefix) {
    if (obj == null || !obj.isObject()) {
      return;
    }
    Iterator<String> names = obj.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        JsonNode v = obj.get(name);
        String key = "json:" + path + "." + name;
        d.attributes.put(key, v.isTextual() ? v.asText() : v.toString());
        d.decoder.problem(
            ProblemCode.UNKNOWN_FIELD,
            prefix + path + "." + name,
            v.toString(),
            "kept as attribute " + key);
      }
    }
  }

  /** Reports a member that must be an object but is not; returns whether it is usable. */
  private static boolean expectObject(JsonNode n, String field, FieldDecoder dec) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return false;
    }
    if (n.isObject()) {
      return true;
    }
    dec.problem(ProblemCode.INVALID_VALUE, field, n.toString(), "expected a JSON object");
    return false;
  }

  /** Reports a member that must be an array but is not. */
  private static boolean expectArray(JsonNode n, String field, FieldDecoder dec) {
    if (n.isArray()) {
      return true;
    }
    dec.problem(ProblemCode.INVALID_VALUE, field, n.toString(), "expected a JSON array");
    return false;
  }

  /**
   * Writes the incident's fields into the current object (the caller writes the braces).
   *
   * @param withPoint false to leave latitude and longitude out (GeoJSON puts them in the geometry)
   */
  static void writeFields(JsonGenerator g, Incident in, boolean withPoint) throws IOException {
    g.writeStringField("id", in.id());
    if (!in.sourceRefs().isEmpty()) {
      g.writeFieldName("sourceRefs");
      writeSourceRefs(g, in.sourceRefs());
    }
    var c = in.classification();
    if (c.iccs().isPresent() || c.sourceLabel().isPresent() || !c.otherCodes().isEmpty()) {
      g.writeObjectFieldStart("classification");
      if (c.iccs().isPresent()) {
        g.writeStringField("iccs", c.iccs().get().value());
      }
      if (c.sourceLabel().isPresent()) {
        g.writeStringField("sourceLabel", c.sourceLabel().get());
      }
      writeMap(g, "otherCodes", c.otherCodes());
      g.writeEndObject();
    }
    if (in.occurred().isPresent()) {
      TimeWindow w = in.occurred().get();
      g.writeObjectFieldStart("occurred");
      g.writeStringField("from", w.from().toString());
      g.writeStringField("to", w.to().toString());
      g.writeStringField("precision", w.precision().name());
      g.writeBooleanField("estimated", w.estimated());
      g.writeEndObject();
    }
    if (in.reportedAt().isPresent()) {
      g.writeStringField("reportedAt", in.reportedAt().get().toString());
    }
    if (in.location().isPresent()) {
      Location l = in.location().get();
      g.writeObjectFieldStart("location");
      if (withPoint && l.point().isPresent()) {
        g.writeNumberField("latitude", l.point().get().latitude());
        g.writeNumberField("longitude", l.point().get().longitude());
      }
      if (l.accuracyMetres().isPresent()) {
        g.writeNumberField("accuracyMetres", l.accuracyMetres().getAsDouble());
      }
      g.writeStringField("precision", l.precision().name());
      writeOptional(g, "department", l.admin().department());
      writeOptional(g, "municipality", l.admin().municipality());
      writeOptional(g, "colonia", l.admin().colonia());
      writeOptional(g, "address", l.address());
      g.writeEndObject();
    }
    if (!in.victims().isEmpty()) {
      g.writeArrayFieldStart("victims");
      for (Victim v : in.victims()) {
        g.writeStartObject();
        g.writeStringField("sex", v.sex().name());
        if (v.age().isPresent()) {
          g.writeNumberField("age", v.age().getAsInt());
        }
        if (v.ageBand().isPresent()) {
          g.writeStringField("ageBand", v.ageBand().get().toString());
        }
        g.writeStringField("relationship", v.relationship().name());
        g.writeStringField("outcome", v.outcome().name());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    IncidentContext x = in.context();
    if (!x.equals(IncidentContext.UNKNOWN)) {
      g.writeObjectFieldStart("context");
      g.writeStringField("attempt", x.attempt().name());
      g.writeStringField("mechanism", x.mechanism().name());
      g.writeStringField("placeType", x.placeType().name());
      if (x.domestic().isPresent()) {
        g.writeBooleanField("domestic", x.domestic().get());
      }
      if (x.organisedCrime().isPresent()) {
        g.writeBooleanField("organisedCrime", x.organisedCrime().get());
      }
      g.writeEndObject();
    }
    if (!in.caseHistory().events().isEmpty()) {
      g.writeArrayFieldStart("caseHistory");
      for (CaseEvent e : in.caseHistory().events()) {
        g.writeStartObject();
        g.writeStringField("status", e.status().name());
        g.writeStringField("date", e.date().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeStringField("publication", in.publication().name());
    g.writeStringField("source", in.source().name());
    writeOptional(g, "narrative", in.narrative());
    if (!in.sensitivity().isEmpty()) {
      g.writeArrayFieldStart("sensitivity");
      for (SensitivityFlag f : in.sensitivity()) {
        g.writeString(f.name());
      }
      g.writeEndArray();
    }
    writeMap(g, "attributes", in.attributes().values());
  }

  /** Writes source references as a JSON array of {system, id, url} objects. */
  static void writeSourceRefs(JsonGenerator g, List<SourceRef> refs) throws IOException {
    g.writeStartArray();
    for (SourceRef r : refs) {
      g.writeStartObject();
      g.writeStringField("system", r.system());
      g.writeStringField("id", r.id());
      if (r.url().isPresent()) {
        g.writeStringField("url", r.url().get());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeOptional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static void writeMap(JsonGenerator g, String name, Map<String, String> map)
      throws IOException {
    if (!map.isEmpty()) {
      g.writeObjectFieldStart(name);
      for (Map.Entry<String, String> e : map.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
  }

  /**
   * Decodes an incident object into a record decoder. {@code prefix} is prepended to field paths in
   * problem reports (GeoJSON uses {@code "properties."}).
   */
  static void read(ObjectNode node, RecordDecoder d, String prefix) {
    FieldDecoder dec = d.decoder;
    d.id = text(node, "id");
    JsonNode refs = node.get("sourceRefs");
    if (present(refs)) {
      if (!refs.isArray()) {
        dec.problem(
            ProblemCode.INVALID_VALUE, prefix + "sourceRefs", refs.toString(), "expected an array");
      } else {
        for (int i = 0; i < refs.size(); i++) {
          JsonNode r = refs.get(i);
          if (!r.isObject()) {
            dec.problem(
                ProblemCode.INVALID_VALUE,
                prefix + "sourceRefs[" + i + "]",
                r.toString(),
                "expected an object {system, id, url}");
            continue;
          }
          keepUnknown(r, SOURCE_REF, "sourceRefs[" + i + "]", d, prefix);
          try {
            d.sourceRefs.add(
                new SourceRef(
                    text(r, "system"), text(r, "id"), Optional.ofNullable(text(r, "url"))));
          } catch (RuntimeException e) {
            dec.problem(
                ProblemCode.INVALID_VALUE,
                prefix + "sourceRefs[" + i + "]",
                r.toString(),
                String.valueOf(e.getMessage()));
          }
        }
      }
    }
    JsonNode c = node.get("classification");
    if (expectObject(c, prefix + "classification", dec)) {
      String iccs = text(c, "iccs");
      if (iccs != null) {
        if (IccsCode.isValid(iccs)) {
          d.iccs = IccsCode.of(iccs);
        } else {
          dec.problem(
              ProblemCode.INVALID_VALUE,
              prefix + "classification.iccs",
              iccs,
              "ICCS codes have 2, 4, 5 or 6 digits");
        }
      }
      d.sourceLabel = text(c, "sourceLabel");
      readMap(c.get("otherCodes"), d.otherCodes, dec, prefix + "classification.otherCodes");
    }
    JsonNode o = node.get("occurred");
    if (expectObject(o, prefix + "occurred", dec)) {
      d.occurredFrom = dec.dateTime(prefix + "occurred.from", text(o, "from"));
      d.occurredTo = dec.dateTime(prefix + "occurred.to", text(o, "to"));
      d.timePrecision =
          dec.enumValue(
              prefix + "occurred.precision", text(o, "precision"), TimePrecision.class, null);
      Boolean est = dec.bool(prefix + "occurred.estimated", text(o, "estimated"));
      d.timeEstimated = Boolean.TRUE.equals(est);
    }
    d.reportedAt = dec.dateTime(prefix + "reportedAt", text(node, "reportedAt"));
    JsonNode l = node.get("location");
    if (expectObject(l, prefix + "location", dec)) {
      d.latitude =
          dec.number(
              prefix + "location.latitude",
              text(l, "latitude"),
              ProblemCode.COORDINATE_NOT_A_NUMBER);
      d.longitude =
          dec.number(
              prefix + "location.longitude",
              text(l, "longitude"),
              ProblemCode.COORDINATE_NOT_A_NUMBER);
      d.accuracy =
          dec.number(
              prefix + "location.accuracyMetres",
              text(l, "accuracyMetres"),
              ProblemCode.INVALID_VALUE);
      d.locationPrecision =
          dec.enumValue(
              prefix + "location.precision",
              text(l, "precision"),
              LocationPrecision.class,
              LocationPrecision.UNKNOWN);
      d.department = text(l, "department");
      d.municipality = text(l, "municipality");
      d.colonia = text(l, "colonia");
      d.address = text(l, "address");
    }
    JsonNode vs = node.get("victims");
    if (present(vs) && expectArray(vs, prefix + "victims", dec)) {
      for (int i = 0; i < vs.size(); i++) {
        readVictim(vs.get(i), d, prefix + "victims[" + i + "]");
        keepUnknown(vs.get(i), VICTIM, "victims[" + i + "]", d, prefix);
      }
    }
    JsonNode x = node.get("context");
    if (expectObject(x, prefix + "context", dec)) {
      d.attempt =
          dec.enumValue(
              prefix + "context.attempt", text(x, "attempt"), Attempt.class, Attempt.UNKNOWN);
      d.mechanism =
          dec.enumValue(
              prefix + "context.mechanism",
              text(x, "mechanism"),
              Mechanism.class,
              Mechanism.UNKNOWN);
      d.placeType =
          dec.enumValue(
              prefix + "context.placeType",
              text(x, "placeType"),
              PlaceType.class,
              PlaceType.UNKNOWN);
      d.domestic = dec.bool(prefix + "context.domestic", text(x, "domestic"));
      d.organisedCrime = dec.bool(prefix + "context.organisedCrime", text(x, "organisedCrime"));
    }
    JsonNode h = node.get("caseHistory");
    if (present(h) && expectArray(h, prefix + "caseHistory", dec)) {
      readHistory(h, d, prefix + "caseHistory");
      for (int i = 0; i < h.size(); i++) {
        keepUnknown(h.get(i), CASE_STEP, "caseHistory[" + i + "]", d, prefix);
      }
    }
    d.publication =
        dec.enumValue(
            prefix + "publication",
            text(node, "publication"),
            PublicationState.class,
            PublicationState.DRAFT);
    d.source =
        dec.enumValue(
            prefix + "source", text(node, "source"), SourceType.class, SourceType.UNKNOWN);
    d.narrative = text(node, "narrative");
    JsonNode s = node.get("sensitivity");
    if (present(s) && expectArray(s, prefix + "sensitivity", dec)) {
      for (JsonNode f : s) {
        if (!f.isTextual()) {
          dec.problem(
              ProblemCode.INVALID_VALUE,
              prefix + "sensitivity",
              f.toString(),
              "expected flag names such as \"MINOR_VICTIM\"");
          continue;
        }
        SensitivityFlag flag =
            dec.enumValue(prefix + "sensitivity", f.asText(), SensitivityFlag.class, null);
        if (flag != null) {
          d.sensitivity.add(flag);
        }
      }
    }
    readMap(node.get("attributes"), d.attributes, dec, prefix + "attributes");
    NESTED.forEach((name, known) -> keepUnknown(node.get(name), known, name, d, prefix));
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!TOP_LEVEL.contains(name)) {
        JsonNode v = node.get(name);
        d.attributes.put("json:" + name, v.isTextual() ? v.asText() : v.toString());
        dec.problem(
            ProblemCode.UNKNOWN_FIELD,
            prefix + name,
            v.toString(),
            "kept as attribute json:" + name);
      }
    }
  }

  private static void readVictim(JsonNode v, RecordDecoder d, String field) {
    FieldDecoder dec = d.decoder;
    if (!v.isObject()) {
      dec.problem(
          ProblemCode.INVALID_VICTIM, field, v.toString(), "a victim must be a JSON object");
      return;
    }
    int before = dec.problems().size();
    Sex sex = dec.enumValue(field + ".sex", text(v, "sex"), Sex.class, Sex.UNKNOWN);
    OptionalInt age = dec.integer(field + ".age", text(v, "age"));
    Optional<AgeBand> band = Optional.empty();
    String bandText = text(v, "ageBand");
    if (bandText != null) {
      try {
        band = Optional.of(AgeBand.parse(bandText));
      } catch (IllegalArgumentException e) {
        dec.problem(ProblemCode.INVALID_VICTIM, field + ".ageBand", bandText, e.getMessage());
      }
    }
    Relationship rel =
        dec.enumValue(
            field + ".relationship",
            text(v, "relationship"),
            Relationship.class,
            Relationship.UNKNOWN);
    VictimOutcome out =
        dec.enumValue(
            field + ".outcome", text(v, "outcome"), VictimOutcome.class, VictimOutcome.UNKNOWN);
    if (dec.problems().size() > before) {
      dec.recode(before, ProblemCode.INVALID_VICTIM);
      return;
    }
    try {
      d.victims.add(new Victim(sex, age, band, rel, out));
    } catch (IllegalArgumentException e) {
      dec.problem(ProblemCode.INVALID_VICTIM, field, v.toString(), e.getMessage());
    }
  }

  private static void readHistory(JsonNode h, RecordDecoder d, String field) {
    FieldDecoder dec = d.decoder;
    StringBuilder text = new StringBuilder();
    for (JsonNode e : h) {
      text.append(text(e, "status")).append('@').append(text(e, "date")).append(' ');
    }
    try {
      d.caseHistory = CaseHistory.parse(text.toString());
    } catch (IllegalArgumentException e) {
      dec.problem(ProblemCode.INVALID_CASE_HISTORY, field, h.toString(), e.getMessage());
    }
  }

  private static void readMap(
      JsonNode n, Map<String, String> into, FieldDecoder dec, String field) {
    if (!present(n)) {
      return;
    }
    if (!n.isObject()) {
      dec.problem(ProblemCode.INVALID_VALUE, field, n.toString(), "expected an object of strings");
      return;
    }
    n.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              into.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
            });
  }

  private static boolean present(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  /** Returns a field as text (numbers and booleans in their JSON form), or null when absent. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (!present(v)) {
      return null;
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }
}
