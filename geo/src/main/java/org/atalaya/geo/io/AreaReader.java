package org.atalaya.geo.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.internal.JsonErrors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads areas (fences, administrative units) from GeoJSON or WKT, repairing invalid polygons and
 * rejecting unusable features with a reason: nothing is dropped silently, and {@code accepted +
 * rejected == read} for every input.
 *
 * <p>GeoJSON input may be a FeatureCollection (features are streamed one by one), a single Feature,
 * or a bare Polygon or MultiPolygon geometry (which becomes one area with id {@code "1"}). The id
 * is taken from the property named by {@link Builder#idProperty(String)}, or from the Feature's own
 * {@code id} member when none is set; numbers are turned into their decimal text. The name comes
 * from the property named by {@link Builder#nameProperty(String)} ({@code "name"} by default) and
 * may be absent.
 *
 * <p>Each geometry is checked with JTS {@code IsValidOp}; an invalid one is repaired with {@code
 * GeometryFixer}, keeping only its polygonal part, and listed in {@link AreaReadResult#repairs()}
 * with what was wrong. A feature is rejected (see {@link AreaRejection.Reason}) when it has no id,
 * a duplicate id, no geometry, an unparseable or non-areal geometry, coordinates out of range, or
 * nothing areal left after repair.
 *
 * <p>Immutable and thread-safe: one reader may read many inputs concurrently.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class AreaReader {

  private static final Logger LOG = LoggerFactory.getLogger(AreaReader.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private final String idProperty;
  private final String nameProperty;

  private AreaReader(Builder b) {
    this.idProperty = b.idProperty;
    this.nameProperty = b.nameProperty;
  }

  /**
   * Returns a reader taking ids from each Feature's {@code id} member and names from the {@code
   * name} property.
   *
   * @return the reader; never {@code null}
   */
  public static AreaReader create() {
    return builder().build();
  }

  /**
   * Returns a builder to choose the id and name properties.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a GeoJSON file (UTF-8).
   *
   * @param file the file; never {@code null}
   * @return the result, named after the file; never {@code null}
   * @throws IOException if the file cannot be read or is not a JSON object
   */
  public AreaReadResult readGeoJson(Path file) throws IOException {
    Objects.requireNonNull(file, "file must not be null");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readGeoJson(in, file.getFileName().toString());
    }
  }

  /**
   * Reads GeoJSON from a reader, which is not closed.
   *
   * @param in the input; never {@code null}
   * @param source the input's name for reports; never {@code null}
   * @return the result; never {@code null}
   * @throws IOException if the input cannot be read, is not well-formed JSON, or is not a JSON
   *     object of a GeoJSON type
   */
  public AreaReadResult readGeoJson(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Collector out = new Collector(source);
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(
            source + ": GeoJSON must be a JSON object, found " + p.currentToken());
      }
      ObjectNode top = MAPPER.createObjectNode();
      boolean collection = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("features") && value == JsonToken.START_ARRAY) {
          collection = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode feature = MAPPER.readTree(p);
            feature(out, out.read + 1, feature);
          }
        } else {
          top.set(field, MAPPER.readTree(p));
        }
      }
      String type = top.path("type").asText("");
      if (!collection) {
        if (type.equals("Feature")) {
          feature(out, 1, top);
        } else if (type.equals("FeatureCollection")) {
          LOG.debug("{}: FeatureCollection without features", source);
        } else if (top.has("coordinates") || type.equals("GeometryCollection")) {
          out.read++;
          geometry(out, 1, "1", Optional.empty(), () -> parseGeoJson(top));
        } else {
          throw new IOException(
              source
                  + ": not GeoJSON: type is '"
                  + type
                  + "'; expected FeatureCollection,"
                  + " Feature, Polygon or MultiPolygon");
        }
      }
    } catch (JsonProcessingException e) {
      throw new IOException(source + ": not well-formed JSON" + JsonErrors.where(e), e);
    }
    return out.result();
  }

  /**
   * Reads WKT, one geometry per non-blank line. A line may start with an id and a tab ({@code
   * "0801\tPOLYGON ((...))"}); otherwise the area's id is its 1-based line number. Areas read from
   * WKT have no name. The reader is not closed.
   *
   * @param in the input; never {@code null}
   * @param source the input's name for reports; never {@code null}
   * @return the result, counting non-blank lines as read; never {@code null}
   * @throws IOException if the input cannot be read
   */
  public AreaReadResult readWkt(Reader in, String source) throws IOException {
    Objects.requireNonNull(in, "in must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Collector out = new Collector(source);
    BufferedReader lines = in instanceof BufferedReader br ? br : new BufferedReader(in);
    long lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      String id = tab >= 0 ? line.substring(0, tab).strip() : Long.toString(lineNumber);
      String wkt = tab >= 0 ? line.substring(tab + 1) : line;
      out.read++;
      if (id.isEmpty()) {
        out.reject(lineNumber, "", AreaRejection.Reason.NO_ID, "the text before the tab is empty");
        continue;
      }
      geometry(out, lineNumber, id, Optional.empty(), () -> new WKTReader(FACTORY).read(wkt));
    }
    return out.result();
  }

  private void feature(Collector out, long index, JsonNode feature) {
    out.read++;
    if (!feature.isObject() || !"Feature".equals(feature.path("type").asText(""))) {
      out.reject(
          index,
          "",
          AreaRejection.Reason.NOT_A_FEATURE,
          "expected an object with \"type\": \"Feature\"");
      return;
    }
    JsonNode properties = feature.path("properties");
    JsonNode idNode = idProperty == null ? feature.path("id") : properties.path(idProperty);
    String id = text(idNode);
    if (id == null || id.isBlank()) {
      out.reject(
          index,
          "",
          AreaRejection.Reason.NO_ID,
          idProperty == null
              ? "the feature has no \"id\" member; set the id property"
              : "property \"" + idProperty + "\" is missing, null or blank");
      return;
    }
    Optional<String> name =
        Optional.ofNullable(nameProperty == null ? null : text(properties.path(nameProperty)))
            .filter(n -> !n.isBlank());
    JsonNode geometry = feature.path("geometry");
    if (!geometry.isObject()) {
      out.reject(index, id, AreaRejection.Reason.NO_GEOMETRY, "\"geometry\" is missing or null");
      return;
    }
    geometry(out, index, id, name, () -> parseGeoJson(geometry));
  }

  private static Geometry parseGeoJson(JsonNode geometry) throws ParseException {
    return new GeoJsonReader(FACTORY).read(geometry.toString());
  }

  private static String text(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().strip();
    }
    if (node.isNumber()) {
      return node.asText();
    }
    return null;
  }

  private interface GeometrySource {
    Geometry get() throws ParseException;
  }

  private static void geometry(
      Collector out, long index, String id, Optional<String> name, GeometrySource source) {
    Geometry g;
    try {
      g = source.get();
    } catch (ParseException | RuntimeException e) {
      out.reject(
          index, id, AreaRejection.Reason.UNPARSEABLE_GEOMETRY, String.valueOf(e.getMessage()));
      return;
    }
    if (!(g instanceof Polygonal)) {
      out.reject(index, id, AreaRejection.Reason.NOT_AREAL, g.getGeometryType());
      return;
    }
    if (g.isEmpty()) {
      out.reject(index, id, AreaRejection.Reason.EMPTY, "the " + g.getGeometryType() + " is empty");
      return;
    }
    for (Coordinate c : g.getCoordinates()) {
      if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
        out.reject(
            index,
            id,
            AreaRejection.Reason.OUT_OF_RANGE,
            "coordinate ("
                + c.x
                + ", "
                + c.y
                + ") is outside longitude [-180, 180] or latitude"
                + " [-90, 90]; check the order is longitude, latitude");
        return;
      }
    }
    IsValidOp validity = new IsValidOp(g);
    String problem = null;
    if (!validity.isValid()) {
      problem = validity.getValidationError().toString();
      Geometry fixed = GeometryFixer.fix(g);
      if (!(fixed instanceof Polygonal)) {
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(fixed);
        fixed = FACTORY.buildGeometry(polygons);
      }
      if (fixed.isEmpty() || !(fixed instanceof Polygonal)) {
        out.reject(
            index,
            id,
            AreaRejection.Reason.EMPTY,
            "nothing areal is left after repairing: " + problem);
        return;
      }
      g = fixed;
    }
    Long first = out.ids.putIfAbsent(id, index);
    if (first != null) {
      out.reject(index, id, AreaRejection.Reason.DUPLICATE_ID, "first used by feature " + first);
      return;
    }
    g.setSRID(4326);
    out.areas.add(new Area(id, name, g));
    if (problem != null) {
      out.repairs.add(new AreaRepair(index, id, problem));
      LOG.debug("{}: feature {} (id {}) repaired: {}", out.source, index, id, problem);
    }
  }

  /** Mutable per-call state. */
  private static final class Collector {
    final String source;
    long read;
    final List<Area> areas = new ArrayList<>();
    final List<AreaRepair> repairs = new ArrayList<>();
    final List<AreaRejection> rejections = new ArrayList<>();
    final Map<String, Long> ids = new HashMap<>();

    Collector(String source) {
      this.source = source;
    }

    void reject(long index, String id, AreaRejection.Reason reason, String detail) {
      rejections.add(new AreaRejection(index, id, reason, detail));
      LOG.debug("{}: feature {} rejected: {} ({})", source, index, reason, detail);
    }

    AreaReadResult result() {
      return new AreaReadResult(source, read, areas, repairs, rejections);
    }
  }

  /**
   * Chooses the property names. Not thread-safe; the reader it builds is.
   *
   * @since 0.1
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private String idProperty;
    private String nameProperty = "name";

    private Builder() {}

    /**
     * Sets the property holding each feature's id, for example {@code "shapeID"} (geoBoundaries) or
     * {@code "ADM2_PCODE"} (HDX).
     *
     * @param name the property name, or {@code null} to use the Feature's {@code id} member (the
     *     default)
     * @return this builder
     */
    public Builder idProperty(String name) {
      this.idProperty = name;
      return this;
    }

    /**
     * Sets the property holding each feature's display name.
     *
     * @param name the property name, or {@code null} for no names; {@code "name"} by default
     * @return this builder
     */
    public Builder nameProperty(String name) {
      this.nameProperty = name;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader; never {@code null}
     */
    public AreaReader build() {
      return new AreaReader(this);
    }
  }
}
