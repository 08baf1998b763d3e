package org.atalaya.geo.crs;

import java.util.Objects;
import org.apiguardian.api.API;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms coordinates from one {@link Crs} to another through proj4j.
 *
 * <p>Coordinates are x first (longitude, easting) then y (latitude, northing), see {@link Crs}.
 * Thread-safe: proj4j's transforms are not, so each thread gets its own from a {@link ThreadLocal};
 * instances may be shared freely.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CrsTransform {

  private final Crs source;
  private final Crs target;
  private final ThreadLocal<Worker> worker;

  private CrsTransform(Crs source, Crs target, String sourceProj, String targetProj) {
    this.source = source;
    this.target = target;
    this.worker = ThreadLocal.withInitial(() -> new Worker(sourceProj, targetProj));
    worker.get(); // fail here, not on first use, if proj4j rejects a string
  }

  /**
   * Returns a transform from {@code source} to {@code target}.
   *
   * @param source the system coordinates are in; never {@code null}
   * @param target the system to express them in; never {@code null}
   * @return the transform; never {@code null}
   */
  public static CrsTransform of(Crs source, Crs target) {
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(target, "target must not be null");
    return new CrsTransform(source, target, source.projString(), target.projString());
  }

  /**
   * Returns a transform from WGS 84 longitude/latitude to the UTM zone (north or south) that holds
   * {@code longitude} and {@code latitude}, for metric work anywhere. Package-private: the public
   * systems are those of {@link Crs}.
   */
  static CrsTransform[] wgs84AndLocalUtm(double latitude, double longitude) {
    int zone = (int) Math.floor((longitude + 180.0) / 6.0) + 1;
    zone = Math.max(1, Math.min(60, zone));
    String utm =
        "+proj=utm +zone="
            + zone
            + (latitude < 0 ? " +south" : "")
            + " +datum=WGS84 +units=m +no_defs";
    String wgs = Crs.WGS84.projString();
    return new CrsTransform[] {
      new CrsTransform(Crs.WGS84, null, wgs, utm), new CrsTransform(null, Crs.WGS84, utm, wgs)
    };
  }

  /**
   * Returns the source system.
   *
   * @return the source; never {@code null} for transforms made by {@link #of}
   */
  public Crs source() {
    return source;
  }

  /**
   * Returns the target system.
   *
   * @return the target; never {@code null} for transforms made by {@link #of}
   */
  public Crs target() {
    return target;
  }

  /**
   * Transforms one position.
   *
   * @param x longitude in degrees or easting in metres
   * @param y latitude in degrees or northing in metres
   * @return a new {@code {x, y}} array in the target system; never {@code null}
   * @throws IllegalArgumentException if a coordinate is not finite
   * @throws org.locationtech.proj4j.Proj4jException if proj4j cannot project the position
   */
  public double[] transform(double x, double y) {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("x (" + x + ") and y (" + y + ") must be finite");
    }
    Worker w = worker.get();
    w.in.x = x;
    w.in.y = y;
    w.transform.transform(w.in, w.out);
    return new double[] {w.out.x, w.out.y};
  }

  /**
   * Transforms many positions, as {@link #transform(double, double)} does each.
   *
   * @param xs longitudes in degrees or eastings in metres; never {@code null}
   * @param ys latitudes in degrees or northings in metres, as many as {@code xs}
   * @return {@code {x[], y[]}} in the target system, each as long as the input; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a coordinate is not finite
   */
  public double[][] transform(double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException(
          xs.length + " x coordinates but " + ys.length + " y coordinates");
    }
    double[][] out = new double[2][xs.length];
    for (int i = 0; i < xs.length; i++) {
      double[] p = transform(xs[i], ys[i]);
      out[0][i] = p[0];
      out[1][i] = p[1];
    }
    return out;
  }

  /**
   * Transforms one coordinate (x and y; z is kept as is).
   *
   * @param c the coordinate; never {@code null}, not modified
   * @return a new coordinate in the target system; never {@code null}
   */
  public Coordinate transform(Coordinate c) {
    Objects.requireNonNull(c, "c must not be null");
    double[] xy = transform(c.x, c.y);
    return new Coordinate(xy[0], xy[1], c.getZ());
  }

  /**
   * Transforms a geometry vertex by vertex (edges are not densified: long edges in one system are
   * straight lines in the other only approximately).
   *
   * @param geometry the geometry; never {@code null}, not modified
   * @return a transformed copy; never {@code null}
   */
  public Geometry transform(Geometry geometry) {
    Objects.requireNonNull(geometry, "geometry must not be null");
    Geometry copy = geometry.copy();
    copy.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            double[] xy = transform(seq.getX(i), seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.X, xy[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, xy[1]);
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
    copy.geometryChanged();
    return copy;
  }

  /**
   * Returns the inverse transform.
   *
   * @return a transform from the target to the source; never {@code null}
   */
  public CrsTransform inverse() {
    return of(target, source);
  }

  @Override
  public String toString() {
    return "CrsTransform[" + source + " -> " + target + "]";
  }

  /** One thread's proj4j transform and scratch coordinates. */
  private static final class Worker {
    final CoordinateTransform transform;
    final ProjCoordinate in = new ProjCoordinate();
    final ProjCoordinate out = new ProjCoordinate();

    Worker(String sourceProj, String targetProj) {
      CRSFactory crs = new CRSFactory();
      CoordinateReferenceSystem s = crs.createFromParameters("source", sourceProj);
      CoordinateReferenceSystem t = crs.createFromParameters("target", targetProj);
      transform = new CoordinateTransformFactory().createTransform(s, t);
    }
  }
}
