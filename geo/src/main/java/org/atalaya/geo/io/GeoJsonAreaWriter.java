package org.atalaya.geo.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.apiguardian.api.API;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes areas as an RFC 7946 GeoJSON FeatureCollection: positions in longitude, latitude order,
 * exterior rings counterclockwise and holes clockwise (the right-hand rule, checked with JTS {@link
 * Orientation}), coordinates rounded half-up to a fixed number of decimals (7 by default, about 1
 * cm). Each feature has the area's id as its {@code id} member and in the id property, and the name
 * (when present) in the name property.
 *
 * <p>Immutable and thread-safe; each call writes to its own writer.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class GeoJsonAreaWriter {

  /** The default number of decimals, 7 (about 1 cm at the equator). */
  public static final int DEFAULT_DECIMALS = 7;

  private static final JsonFactory JSON = new JsonFactory();

  private final int decimals;
  private final String idProperty;
  private final String nameProperty;

  private GeoJsonAreaWriter(int decimals, String idProperty, String nameProperty) {
    this.decimals = decimals;
    this.idProperty = idProperty;
    this.nameProperty = nameProperty;
  }

  /**
   * Returns a writer with 7 decimals and properties {@code id} and {@code name}.
   *
   * @return the writer; never {@code null}
   */
  public static GeoJsonAreaWriter create() {
    return of(DEFAULT_DECIMALS, "id", "name");
  }

  /**
   * Returns a writer.
   *
   * @param decimals decimals kept in coordinates, 0 to 15
   * @param idProperty the property to write each id into; never {@code null}
   * @param nameProperty the property to write each name into; never {@code null}
   * @return the writer; never {@code null}
   * @throws IllegalArgumentException if decimals is out of range
   */
  public static GeoJsonAreaWriter of(int decimals, String idProperty, String nameProperty) {
    if (decimals < 0 || decimals > 15) {
      throw new IllegalArgumentException("decimals (" + decimals + ") must be in [0, 15]");
    }
    return new GeoJsonAreaWriter(
        decimals,
        Objects.requireNonNull(idProperty, "idProperty must not be null"),
        Objects.requireNonNull(nameProperty, "nameProperty must not be null"));
  }

  /**
   * Writes the areas as one FeatureCollection, in iteration order. The writer is flushed, not
   * closed.
   *
   * @param areas the areas; never {@code null}
   * @param out where to write; never {@code null}
   * @throws IOException if writing fails
   */
  public void write(Iterable<Area> areas, Writer out) throws IOException {
    Objects.requireNonNull(areas, "areas must not be null");
    Objects.requireNonNull(out, "out must not be null");
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    for (Area area : areas) {
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", area.id());
      g.writeObjectFieldStart("properties");
      g.writeStringField(idProperty, area.id());
      if (area.name().isPresent()) {
        g.writeStringField(nameProperty, area.name().get());
      }
      g.writeEndObject();
      g.writeFieldName("geometry");
      geometry(g, area.geometry());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  /**
   * Writes one Polygon or MultiPolygon as a GeoJSON geometry object.
   *
   * @param geometry the geometry; never {@code null}
   * @param out where to write; never {@code null}
   * @throws IOException if writing fails
   * @throws IllegalArgumentException if the geometry is not a Polygon or MultiPolygon
   */
  public void writeGeometry(Geometry geometry, Writer out) throws IOException {
    Objects.requireNonNull(geometry, "geometry must not be null");
    Objects.requireNonNull(out, "out must not be null");
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    geometry(g, geometry);
    g.flush();
  }

  private void geometry(JsonGenerator g, Geometry geometry) throws IOException {
    g.writeStartObject();
    if (geometry instanceof Polygon polygon) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      polygon(g, polygon);
    } else if (geometry instanceof MultiPolygon multi) {
      g.writeStringField("type", "MultiPolygon");
      g.writeArrayFieldStart("coordinates");
      for (int i = 0; i < multi.getNumGeometries(); i++) {
        polygon(g, (Polygon) multi.getGeometryN(i));
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "geometry (" + geometry.getGeometryType() + ") must be a Polygon or MultiPolygon");
    }
    g.writeEndObject();
  }

  private void polygon(JsonGenerator g, Polygon polygon) throws IOException {
    g.writeStartArray();
    ring(g, polygon.getExteriorRing(), true);
    for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
      ring(g, polygon.getInteriorRingN(i), false);
    }
    g.writeEndArray();
  }

  private void ring(JsonGenerator g, LinearRing ring, boolean exterior) throws IOException {
    CoordinateSequence seq = ring.getCoordinateSequence();
    int n = seq.size();
    boolean reverse = n >= 4 && Orientation.isCCW(seq) != exterior;
    g.writeStartArray();
    for (int k = 0; k < n; k++) {
      int i = reverse ? n - 1 - k : k;
      g.writeStartArray();
      number(g, seq.getX(i));
      number(g, seq.getY(i));
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private void number(JsonGenerator g, double v) throws IOException {
    BigDecimal d =
        BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
    g.writeNumber(d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString());
  }
}
