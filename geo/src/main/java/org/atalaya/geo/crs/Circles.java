package org.atalaya.geo.crs;

import org.apiguardian.api.API;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Builds circle fences of a radius in metres around a point: the circle is drawn in the point's own
 * UTM zone (where a metre is a metre to within 0.1% near the zone's centre) and brought back to WGS
 * 84 longitude/latitude. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Circles {

  /** Segments per quarter circle used by {@link #circle(double, double, double)}. */
  public static final int DEFAULT_QUADRANT_SEGMENTS = 16;

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  private Circles() {}

  /**
   * Returns a polygon (x = longitude, y = latitude, SRID 4326) approximating the circle of {@code
   * radiusMetres} around the point, with {@value #DEFAULT_QUADRANT_SEGMENTS} segments per quarter.
   *
   * @param latitude the centre's latitude, degrees in (-80, 84) (the UTM range)
   * @param longitude the centre's longitude, degrees in [-180, 180]
   * @param radiusMetres the radius in metres, greater than zero
   * @return the polygon; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range, or the circle would cross the
   *     antimeridian
   */
  public static Polygon circle(double latitude, double longitude, double radiusMetres) {
    return circle(latitude, longitude, radiusMetres, DEFAULT_QUADRANT_SEGMENTS);
  }

  /**
   * Returns a polygon approximating the circle of {@code radiusMetres} around the point.
   *
   * @param latitude the centre's latitude, degrees in (-80, 84) (the UTM range)
   * @param longitude the centre's longitude, degrees in [-180, 180]
   * @param radiusMetres the radius in metres, greater than zero and at most 100 km
   * @param quadrantSegments segments per quarter circle, 1 or more
   * @return the polygon (x = longitude, y = latitude, SRID 4326); never {@code null}
   * @throws IllegalArgumentException if an argument is out of range, or the circle would cross the
   *     antimeridian (longitude 180), which one longitude/latitude polygon cannot represent
   */
  public static Polygon circle(
      double latitude, double longitude, double radiusMetres, int quadrantSegments) {
    Geodesy.checkLatLon("latitude", latitude, "longitude", longitude);
    if (!(latitude > -80 && latitude < 84)) {
      throw new IllegalArgumentException(
          "latitude (" + latitude + ") must be in (-80, 84), the range of UTM");
    }
    if (!(radiusMetres > 0 && radiusMetres <= 100_000)) {
      throw new IllegalArgumentException(
          "radiusMetres (" + radiusMetres + ") must be greater than 0 and at most 100000");
    }
    if (quadrantSegments < 1) {
      throw new IllegalArgumentException(
          "quadrantSegments (" + quadrantSegments + ") must be 1 or more");
    }
    CrsTransform[] pair = CrsTransform.wgs84AndLocalUtm(latitude, longitude);
    double[] centre = pair[0].transform(longitude, latitude);
    Geometry metric =
        new GeometryFactory()
            .createPoint(new Coordinate(centre[0], centre[1]))
            .buffer(radiusMetres, quadrantSegments);
    Geometry back = pair[1].transform(metric);
    Envelope e = back.getEnvelopeInternal();
    if (e.getWidth() > 90 || e.getMaxX() > 180 || e.getMinX() < -180) {
      // proj4j wrapped some vertices to the other side of the antimeridian.
      throw new IllegalArgumentException(
          "circle of "
              + radiusMetres
              + " m around ("
              + latitude
              + ", "
              + longitude
              + ") crosses the antimeridian; split the fence in two");
    }
    return WGS84.createPolygon(back.getCoordinates());
  }
}
