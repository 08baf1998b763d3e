package org.atalaya.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.SourceRef;

/**
 * Readers and writers for the three JSON-based formats: a JSON array of incident objects, NDJSON
 * (one object per line) and a GeoJSON FeatureCollection (RFC 7946: Point geometries in longitude,
 * latitude order; the rest of the incident in the properties).
 */
final class JsonIo {
  /** Shared and thread-safe once configured. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private JsonIo() {}

  private static RecordDecoder decoder(ReadContext ctx, long row, String prefix) {
    return new RecordDecoder(new FieldDecoder(ctx.file(), row), field -> prefix + field.jsonPath());
  }

  /** A JSON array of incident objects. */
  static final class ArrayReader implements IncidentReader {
    @Override
    public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
        throws IOException {
      ReadContext ctx = new ReadContext(options, handler);
      long row = 0;
      try (JsonParser p = MAPPER.createParser(nonClosing(in))) {
        if (p.nextToken() != JsonToken.START_ARRAY) {
          throw IncidentReadException.unreadable(
              "jsonNotArray", null, options.sourceName(), "[{...}, ...]");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw IncidentReadException.unreadable("jsonNotClosed", null, options.sourceName());
          }
          row++;
          if (t != JsonToken.START_OBJECT) {
            JsonNode node = MAPPER.readTree(p);
            ctx.reject(
                row,
                String.valueOf(node),
                List.of(malformed(ctx, row, "an incident must be a JSON object")));
            continue;
          }
          ObjectNode node = MAPPER.readTree(p);
          RecordDecoder d = decoder(ctx, row, "");
          IncidentJson.read(node, d, "");
          ctx.complete(d, node::toString);
        }
      } catch (JsonProcessingException e) {
        throw IncidentReadException.unreadable(
            "jsonBroken",
            e,
            options.sourceName(),
            row,
            e.getLocation().getLineNr(),
            e.getLocation().getColumnNr(),
            e.getOriginalMessage());
      }
      return ctx.report();
    }
  }

  /** One incident object per line; blank lines are skipped and are not records. */
  static final class NdjsonReader implements IncidentReader {
    @Override
    public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
        throws IOException {
      ReadContext ctx = new ReadContext(options, handler);
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(
                  nonClosing(in),
                  StandardCharsets.UTF_8
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)),
              1 << 16);
      long row = 0;
      String line;
      try {
        while ((line = lines.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          row++;
          JsonNode node;
          try {
            node = MAPPER.readTree(line);
          } catch (JsonProcessingException e) {
            ctx.reject(row, line, List.of(malformed(ctx, row, e.getOriginalMessage())));
            continue;
          }
          if (!(node instanceof ObjectNode)) {
            ctx.reject(
                row, line, List.of(malformed(ctx, row, "an incident must be a JSON object")));
            continue;
          }
          RecordDecoder d = decoder(ctx, row, "");
          IncidentJson.read((ObjectNode) node, d, "");
          String record = line;
          ctx.complete(d, () -> record);
        }
      } catch (CharacterCodingException e) {
        throw IncidentReadException.unreadable("ndjsonNotUtf8", e, options.sourceName(), row + 1);
      }
      return ctx.report();
    }
  }

  /** A GeoJSON FeatureCollection whose features are incidents. */
  static final class GeoJsonReader implements IncidentReader {
    @Override
    public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
        throws IOException {
      ReadContext ctx = new ReadContext(options, handler);
      String file = options.sourceName();
      boolean sawType = false;
      boolean sawFeatures = false;
      long row = 0;
      try (JsonParser p = MAPPER.createParser(nonClosing(in))) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw IncidentReadException.unreadable("geojsonNotObject", null, file);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (name.equals("type")) {
            sawType = true;
            if (!"FeatureCollection".equals(p.getValueAsString())) {
              throw IncidentReadException.unreadable(
                  "geojsonType", null, file, p.getValueAsString());
            }
          } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
            sawFeatures = true;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
              row++;
              JsonNode node = MAPPER.readTree(p);
              if (t != JsonToken.START_OBJECT) {
                ctx.reject(
                    row,
                    String.valueOf(node),
                    List.of(malformed(ctx, row, "a feature must be a JSON object")));
                continue;
              }
              readFeature((ObjectNode) node, ctx, row);
            }
          } else {
            p.skipChildren(); // bbox, name, crs and foreign members carry no incident data
          }
        }
      } catch (JsonProcessingException e) {
        throw IncidentReadException.unreadable(
            "geojsonBroken", e, file, row, e.getLocation().getLineNr(), e.getOriginalMessage());
      }
      if (!sawType || !sawFeatures) {
        throw IncidentReadException.unreadable(
            "geojsonNotCollection", null, file, "\"type\": \"FeatureCollection\"", "\"features\"");
      }
      return ctx.report();
    }

    private static void readFeature(ObjectNode f, ReadContext ctx, long row) throws IOException {
      RecordDecoder d =
          new RecordDecoder(
              new FieldDecoder(ctx.file(), row),
              field ->
                  switch (field) {
                    case LATITUDE -> "geometry.coordinates[1]";
                    case LONGITUDE -> "geometry.coordinates[0]";
                    case ID -> "id";
                    default -> "properties." + field.jsonPath();
                  });
      FieldDecoder dec = d.decoder;
      if (!"Feature".equals(IncidentJson.text(f, "type"))) {
        dec.problem(
            ProblemCode.MALFORMED_RECORD,
            "type",
            String.valueOf(IncidentJson.text(f, "type")),
            "expected Feature");
        ctx.reject(row, f.toString(), dec.problems());
        return;
      }
      JsonNode props = f.get("properties");
      ObjectNode properties =
          props instanceof ObjectNode ? (ObjectNode) props : MAPPER.createObjectNode();
      IncidentJson.read(properties, d, "properties.");
      String featureId = IncidentJson.text(f, "id");
      if (d.id == null) {
        d.id = featureId;
      } else if (featureId != null && !featureId.equals(d.id)) {
        dec.problem(
            ProblemCode.INVALID_VALUE,
            "id",
            featureId,
            "feature id differs from properties.id " + d.id);
      }
      JsonNode g = f.get("geometry");
      if (g != null && !g.isNull()) {
        JsonNode coords = g.get("coordinates");
        if (!"Point".equals(IncidentJson.text(g, "type"))
            || coords == null
            || !coords.isArray()
            || coords.size() < 2
            || coords.size() > 3) {
          dec.problem(
              ProblemCode.INVALID_GEOMETRY,
              "geometry",
              g.toString(),
              "expected a Point [longitude, latitude]");
        } else {
          d.longitude =
              dec.number(
                  "geometry.coordinates[0]",
                  coords.get(0).asText(),
                  ProblemCode.COORDINATE_NOT_A_NUMBER);
          d.latitude =
              dec.number(
                  "geometry.coordinates[1]",
                  coords.get(1).asText(),
                  ProblemCode.COORDINATE_NOT_A_NUMBER);
          if (coords.size() == 3) {
            // RFC 7946 allows an altitude; the model has none, so keep it rather than drop it.
            d.attributes.put("geojson:altitude", coords.get(2).asText());
            dec.problem(
                ProblemCode.UNKNOWN_FIELD,
                "geometry.coordinates[2]",
                coords.get(2).asText(),
                "altitude kept as attribute geojson:altitude");
          }
        }
      }
      ctx.complete(d, f::toString);
    }
  }

  /**
   * Reads a flat JSON object of strings (a CSV cell) without building a tree; non-string values are
   * kept in their JSON text form.
   *
   * @throws IOException if the text is not a JSON object
   */
  static void readStringMap(String text, Map<String, String> into) throws IOException {
    List<String> simple = SimpleJsonCells.wholeObject(text);
    if (simple != null) {
      for (int i = 0; i < simple.size(); i += 2) {
        into.put(simple.get(i), simple.get(i + 1));
      }
      return;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_STRING) {
          into.put(key, p.getText());
        } else {
          into.put(key, MAPPER.readTree(p).toString());
        }
      }
      if (p.nextToken() != null) {
        throw new IOException("text after the JSON object");
      }
    }
  }

  /**
   * Reads a JSON array of source references {@code [{"system":..,"id":..,"url":..}]} (a CSV cell)
   * without building a tree.
   *
   * @throws IOException if the text is not such an array
   * @throws IllegalArgumentException if a reference is invalid
   */
  static void readSourceRefs(String text, List<SourceRef> into) throws IOException {
    List<List<String>> simple = SimpleJsonCells.wholeArrayOfObjects(text);
    if (simple != null) {
      for (List<String> kv : simple) {
        String system = null;
        String id = null;
        String url = null;
        for (int i = 0; i < kv.size(); i += 2) {
          switch (kv.get(i)) {
            case "system" -> system = kv.get(i + 1);
            case "id" -> id = kv.get(i + 1);
            case "url" -> url = kv.get(i + 1);
            default -> throw new IOException("unknown source reference field " + kv.get(i));
          }
        }
        into.add(new SourceRef(system, id, Optional.ofNullable(url)));
      }
      return;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("not a JSON array");
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String system = null;
        String id = null;
        String url = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw new IOException("source reference field " + name + " must be a string");
          }
          switch (name) {
            case "system" -> system = p.getText();
            case "id" -> id = p.getText();
            case "url" -> url = p.getText();
            default -> throw new IOException("unknown source reference field " + name);
          }
        }
        into.add(new SourceRef(system, id, Optional.ofNullable(url)));
      }
      if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw new IOException("not a JSON array of objects");
      }
    }
  }

  private static Problem malformed(ReadContext ctx, long row, String detail) {
    return new Problem(
        ctx.file(), row, "", "", ProblemCode.MALFORMED_RECORD, String.valueOf(detail));
  }

  /** The caller owns the stream; parsers must not close it. */
  static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** What the three JSON writers share: a UTF-8 generator on the caller's stream. */
  private abstract static class GeneratorWriter implements IncidentWriter {
    final JsonGenerator g;

    GeneratorWriter(OutputStream out) throws IOException {
      g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
    }

    @Override
    public void flush() throws IOException {
      g.flush();
    }
  }

  /** Writes a JSON array, one incident object per element, indented for people. */
  static final class ArrayWriter extends GeneratorWriter {
    ArrayWriter(OutputStream out) throws IOException {
      super(out);
      DefaultPrettyPrinter pp =
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pp);
      g.writeStartArray();
    }

    @Override
    public void write(Incident incident) throws IOException {
      g.writeStartObject();
      IncidentJson.writeFields(g, incident, true);
      g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.writeRaw('\n');
      g.close();
    }
  }

  /** Writes NDJSON: one compact object per line. */
  static final class NdjsonWriter extends GeneratorWriter {
    NdjsonWriter(OutputStream out) throws IOException {
      super(out);
      g.setRootValueSeparator(null);
    }

    @Override
    public void write(Incident incident) throws IOException {
      g.writeStartObject();
      IncidentJson.writeFields(g, incident, true);
      g.writeEndObject();
      g.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
      g.close();
    }
  }

  /** Writes a GeoJSON FeatureCollection, one feature per line. */
  static final class GeoJsonWriter extends GeneratorWriter {
    GeoJsonWriter(OutputStream out) throws IOException {
      super(out);
      g.setPrettyPrinter(new OneFeaturePerLine());
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
    }

    @Override
    public void write(Incident incident) throws IOException {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", incident.id());
      LatLon point = incident.location().flatMap(l -> l.point()).orElse(null);
      if (point == null) {
        g.writeNullField("geometry");
      } else {
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(point.longitude());
        g.writeNumber(point.latitude());
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeObjectFieldStart("properties");
      IncidentJson.writeFields(g, incident, false);
      g.writeEndObject();
      g.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
      g.close();
    }
  }

  /**
   * Compact JSON except that each element of the top-level {@code features} array starts a new
   * line, so a GeoJSON file reads and diffs one incident per line.
   */
  private static final class OneFeaturePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    private static boolean inFeatures(JsonGenerator g) {
      JsonStreamContext c = g.getOutputContext();
      return c.inArray()
          && c.getParent() != null
          && c.getParent().getParent() != null
          && c.getParent().getParent().inRoot();
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (inFeatures(g)) {
        g.writeRaw('\n');
      }
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(inFeatures(g) ? ",\n" : ",");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      if (inFeatures(g) && nrOfValues > 0) {
        g.writeRaw('\n');
      }
      g.writeRaw(']');
    }
  }
}
