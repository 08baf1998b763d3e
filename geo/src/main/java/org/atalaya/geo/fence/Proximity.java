package org.atalaya.geo.fence;

import org.atalaya.geo.crs.Geodesy;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Distance from a point to a fence's boundary; package-private helper of {@link FenceIndex}. */
final class Proximity {

  private Proximity() {}

  /**
   * Returns whether the fence's envelope comes within {@code metres} of the point, conservatively
   * (a degree of latitude is at least 110,574 m; a degree of longitude at latitude phi at least
   * 111,000 cos(phi) m).
   */
  static boolean envelopeWithin(Envelope e, double lat, double lon, double metres) {
    double dLat = metres / 110_000.0;
    double maxLat = Math.abs(lat) + dLat;
    if (e.getMinY() > lat + dLat || e.getMaxY() < lat - dLat) {
      return false;
    }
    if (maxLat >= 89.9) {
      return true;
    }
    double dLon = metres / (111_000.0 * Math.cos(Math.toRadians(maxLat)));
    return e.getMinX() <= lon + dLon && e.getMaxX() >= lon - dLon;
  }

  /**
   * Returns the geodesic distance from the point to the boundary point of {@code g} nearest to it
   * in a local equirectangular frame (x scaled by cos(lat)) centred on the point.
   */
  static double boundaryDistance(Geometry g, double lat, double lon) {
    double k = Math.cos(Math.toRadians(lat));
    double best = Double.POSITIVE_INFINITY;
    double bestLon = lon;
    double bestLat = lat;
    for (int p = 0; p < g.getNumGeometries(); p++) {
      Polygon polygon = (Polygon) g.getGeometryN(p);
      for (int r = -1; r < polygon.getNumInteriorRing(); r++) {
        CoordinateSequence seq =
            (r < 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r))
                .getCoordinateSequence();
        for (int i = 0; i + 1 < seq.size(); i++) {
          double ax = (seq.getX(i) - lon) * k;
          double ay = seq.getY(i) - lat;
          double bx = (seq.getX(i + 1) - lon) * k;
          double by = seq.getY(i + 1) - lat;
          double dx = bx - ax;
          double dy = by - ay;
          double len2 = dx * dx + dy * dy;
          double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
          double px = ax + t * dx;
          double py = ay + t * dy;
          double d2 = px * px + py * py;
          if (d2 < best) {
            best = d2;
            bestLon = lon + px / k;
            bestLat = lat + py;
          }
        }
      }
    }
    bestLon = Math.max(-180, Math.min(180, bestLon));
    bestLat = Math.max(-90, Math.min(90, bestLat));
    return Geodesy.distanceMetres(lat, lon, bestLat, bestLon);
  }
}
