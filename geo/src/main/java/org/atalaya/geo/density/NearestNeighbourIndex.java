package org.atalaya.geo.density;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.internal.Extent;
import org.atalaya.geo.internal.PointGrid;

/**
 * The Clark-Evans nearest neighbour index of a point pattern: R = r&#772;<sub>obs</sub> /
 * r&#772;<sub>exp</sub>, with r&#772;<sub>obs</sub> the mean distance from each point to its
 * nearest other point and r&#772;<sub>exp</sub> = 0.5 / &radic;(n / A) its expectation under
 * complete spatial randomness in a study area of A square metres. R &lt; 1 means clustering, R &gt;
 * 1 dispersion. z = (r&#772;<sub>obs</sub> - r&#772;<sub>exp</sub>) / SE with SE = 0.26136 /
 * &radic;(n&sup2; / A) (Clark and Evans 1954).
 *
 * <p>No edge correction: points near the border of the study area have their nearest neighbour
 * measured inside it only, which biases R upwards. The result depends strongly on A: give the real
 * study area, not the points' bounding box, when you have it. Coincident points have distance 0.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NearestNeighbourIndex {
  private NearestNeighbourIndex() {}

  /**
   * The index and its test.
   *
   * @param points n
   * @param areaSquareMetres A
   * @param observedMean the mean nearest neighbour distance, metres
   * @param expectedMean 0.5 / sqrt(n / A), metres
   * @param ratio R = observedMean / expectedMean
   * @param standardError 0.26136 / sqrt(n^2 / A), metres
   * @param z (observedMean - expectedMean) / standardError
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Result(
      int points,
      double areaSquareMetres,
      double observedMean,
      double expectedMean,
      double ratio,
      double standardError,
      double z) {}

  /**
   * Computes the index in a study area of known size.
   *
   * @param x eastings in metres; never {@code null}
   * @param y northings in metres; never {@code null}
   * @param areaSquareMetres the study area, positive
   * @return the result; never {@code null}
   */
  public static Result of(double[] x, double[] y, double areaSquareMetres) {
    Objects.requireNonNull(x, "x must not be null");
    Objects.requireNonNull(y, "y must not be null");
    checkArgument(
        x.length == y.length,
        "x (%s values) and y (%s values) must have the same length",
        x.length,
        y.length);
    checkArgument(x.length >= 2, "at least 2 points are needed, got %s", x.length);
    checkArgument(
        areaSquareMetres > 0 && Double.isFinite(areaSquareMetres),
        "area (%s square metres) must be positive",
        areaSquareMetres);
    int n = x.length;
    PointGrid grid = PointGrid.of(x, y, Math.sqrt(areaSquareMetres / n));
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += grid.nearestDistance(i);
    }
    double observed = sum / n;
    double density = n / areaSquareMetres;
    double expected = 0.5 / Math.sqrt(density);
    double se = 0.26136 / Math.sqrt(n * density);
    return new Result(
        n,
        areaSquareMetres,
        observed,
        expected,
        observed / expected,
        se,
        (observed - expected) / se);
  }

  /**
   * Computes the index with the points' bounding box as the study area (a rough default: it is the
   * smallest rectangle holding the points, which understates a real study area).
   *
   * @param x eastings in metres; never {@code null}
   * @param y northings in metres; never {@code null}
   * @return the result; never {@code null}
   */
  public static Result ofBoundingBox(double[] x, double[] y) {
    return of(x, y, Extent.of(x, y).area());
  }
}
