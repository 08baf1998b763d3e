package org.atalaya.geo.event;

import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.crs.Geodesy;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Where a fix lies relative to a fence once its accuracy circle is taken into account.
 *
 * <p><b>Boundary rule.</b> The centre's side is decided by JTS {@code covers} (a centre on the
 * boundary is inside), as in {@link org.atalaya.geo.fence.FenceIndex}. The fix is {@link
 * #AMBIGUOUS} when its accuracy circle crosses the boundary, that is when the distance from the
 * centre to the boundary is less than the accuracy radius; a fix of zero (unknown) accuracy is
 * never ambiguous.
 *
 * <p><b>Distance method and error.</b> The fence boundary is projected into a local equirectangular
 * frame centred on the fix (metres per degree of latitude and of longitude from the WGS 84 meridian
 * and prime-vertical radii of curvature at the fix's latitude) and JTS measures the planar distance
 * there. Scale is exact at the centre and drifts with distance d by about d·tan(φ)/R (R ≈ 6,371
 * km): at Honduran latitudes (13°–17°) the relative error is under 5·10⁻⁵ at 1 km and under 5·10⁻⁴
 * at 10 km, i.e. centimetres for accuracy circles of GPS size. Edges are straight in longitude and
 * latitude, as JTS treats them. Fences are not wrapped across the antimeridian.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Containment {
  /** The whole accuracy circle is inside the fence (or the centre is, for zero accuracy). */
  INSIDE,
  /** The whole accuracy circle is outside the fence (or the centre is, for zero accuracy). */
  OUTSIDE,
  /** The accuracy circle crosses the fence boundary; the fix cannot tell inside from outside. */
  AMBIGUOUS;

  private static final double E2 = Geodesy.WGS84_F * (2 - Geodesy.WGS84_F);
  private static final GeometryFactory FACTORY = new GeometryFactory();

  /**
   * Classifies a position with an accuracy radius against a fence.
   *
   * @param fence a polygonal geometry, x = longitude, y = latitude; never {@code null}
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @param accuracyMetres the accuracy radius in metres, zero when unknown; not negative
   * @return the containment; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Containment of(
      Geometry fence, double latitude, double longitude, double accuracyMetres) {
    Objects.requireNonNull(fence, "fence must not be null");
    Events.checkLatLon(latitude, longitude);
    if (!(accuracyMetres >= 0) || Double.isInfinite(accuracyMetres)) {
      throw new IllegalArgumentException(
          "accuracyMetres (" + accuracyMetres + ") must be finite and not negative");
    }
    boolean covered = fence.covers(FACTORY.createPoint(new Coordinate(longitude, latitude)));
    if (accuracyMetres == 0) {
      return covered ? INSIDE : OUTSIDE;
    }
    if (!covered && !near(fence.getEnvelopeInternal(), latitude, longitude, accuracyMetres)) {
      return OUTSIDE;
    }
    double d = boundaryDistanceMetres(fence, latitude, longitude);
    if (d < accuracyMetres) {
      return AMBIGUOUS;
    }
    return covered ? INSIDE : OUTSIDE;
  }

  /**
   * Tells whether the envelope, widened by {@code metres}, may hold the point; a cheap, generous
   * test (never false when the true distance is at most {@code metres}).
   */
  static boolean near(Envelope e, double latitude, double longitude, double metres) {
    double dLat = metres / metresPerDegreeLatitude(latitude) * 1.01 + 1e-9;
    double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(latitude) + dLat)));
    double dLon = metres / (metresPerDegreeLongitudeAtEquator(latitude) * cos) * 1.01 + 1e-9;
    return longitude >= e.getMinX() - dLon
        && longitude <= e.getMaxX() + dLon
        && latitude >= e.getMinY() - dLat
        && latitude <= e.getMaxY() + dLat;
  }

  /**
   * Returns the distance in metres from the point to the fence's boundary, measured in the local
   * equirectangular frame described in the class documentation.
   */
  static double boundaryDistanceMetres(Geometry fence, double latitude, double longitude) {
    double ky = metresPerDegreeLatitude(latitude);
    double kx = metresPerDegreeLongitudeAtEquator(latitude) * Math.cos(Math.toRadians(latitude));
    Geometry local = fence.getBoundary().copy();
    local.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, 0, (seq.getX(i) - longitude) * kx);
            seq.setOrdinate(i, 1, (seq.getY(i) - latitude) * ky);
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return local.distance(FACTORY.createPoint(new Coordinate(0, 0)));
  }

  private static double metresPerDegreeLatitude(double latitude) {
    double s = Math.sin(Math.toRadians(latitude));
    double w = 1 - E2 * s * s;
    return Math.toRadians(Geodesy.WGS84_A * (1 - E2) / (w * Math.sqrt(w)));
  }

  /** The prime-vertical radius in metres per radian, as metres per degree; times cos(φ) later. */
  private static double metresPerDegreeLongitudeAtEquator(double latitude) {
    double s = Math.sin(Math.toRadians(latitude));
    return Math.toRadians(Geodesy.WGS84_A / Math.sqrt(1 - E2 * s * s));
  }
}
