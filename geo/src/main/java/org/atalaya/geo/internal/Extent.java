package org.atalaya.geo.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The bounding box of planar points, checked on the way: every coordinate finite, x and y of the
 * same length. Immutable. <b>Internal:</b> use outside Atalaya is not supported.
 *
 * @param minX the smallest x
 * @param minY the smallest y
 * @param maxX the largest x
 * @param maxY the largest y
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Extent(double minX, double minY, double maxX, double maxY) {

  /**
   * Returns the bounding box of the points; (0, 0, 0, 0) when there are none.
   *
   * @param x eastings; never {@code null}
   * @param y northings; never {@code null}
   * @return the box; never {@code null}
   * @throws IllegalArgumentException if the lengths differ or a coordinate is not finite (the
   *     message names the point's index and its coordinates)
   */
  public static Extent of(double[] x, double[] y) {
    Objects.requireNonNull(x, "x must not be null");
    Objects.requireNonNull(y, "y must not be null");
    checkArgument(
        x.length == y.length,
        "x (%s values) and y (%s values) must have the same length",
        x.length,
        y.length);
    if (x.length == 0) {
      return new Extent(0, 0, 0, 0);
    }
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      checkArgument(
          Double.isFinite(x[i]) && Double.isFinite(y[i]),
          "point %s (%s, %s) must have finite coordinates",
          i,
          x[i],
          y[i]);
      x0 = Math.min(x0, x[i]);
      y0 = Math.min(y0, y[i]);
      x1 = Math.max(x1, x[i]);
      y1 = Math.max(y1, y[i]);
    }
    return new Extent(x0, y0, x1, y1);
  }

  /**
   * Returns the box's area.
   *
   * @return width x height, in squared units
   */
  public double area() {
    return (maxX - minX) * (maxY - minY);
  }
}
