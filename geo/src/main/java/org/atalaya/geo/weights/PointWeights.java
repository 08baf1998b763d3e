package org.atalaya.geo.weights;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.internal.Extent;
import org.atalaya.geo.internal.PointGrid;

/**
 * Builds weights from planar points (metres, in a metric CRS such as {@link
 * org.atalaya.geo.crs.Crs#UTM_16N}; never longitude/latitude degrees): a distance band or the k
 * nearest neighbours. Use area centroids for polygons. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PointWeights {
  private PointWeights() {}

  /**
   * Links every pair of points at Euclidean distance at most {@code metres} (as PySAL {@code
   * DistanceBand} and spdep {@code dnearneigh(x, 0, d)}; the band includes its upper limit and
   * coincident points are neighbours). Symmetric. Points with none in range are islands.
   *
   * @param ids one id per point; never {@code null}
   * @param x eastings in metres
   * @param y northings in metres
   * @param metres the band's upper limit, positive
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}
   * @return the weights; never {@code null}
   */
  public static SpatialWeights distanceBand(
      List<String> ids, double[] x, double[] y, double metres, Transform transform) {
    check(ids, x, y);
    checkArgument(
        metres > 0 && Double.isFinite(metres),
        "distance band (%s metres) must be positive and finite",
        metres);
    PointGrid grid = PointGrid.of(x, y, metres);
    SpatialWeights.Builder b = SpatialWeights.builder(ids);
    for (int i = 0; i < x.length; i++) {
      int row = i;
      grid.within(
          x[i],
          y[i],
          metres,
          (j, d2) -> {
            if (j != row) {
              b.link(row, j);
            }
          });
    }
    return b.build(transform);
  }

  /**
   * Links every point to its k nearest other points (as spdep {@code knearneigh} + {@code knn2nb}
   * and PySAL {@code KNN}); ties at the k-th distance go to the lower index. Not symmetric in
   * general: j may be among i's nearest without i being among j's.
   *
   * @param ids one id per point; never {@code null}
   * @param x eastings in metres
   * @param y northings in metres
   * @param k how many neighbours, 1 to n - 1
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}
   * @return the weights; never {@code null}
   */
  public static SpatialWeights knn(
      List<String> ids, double[] x, double[] y, int k, Transform transform) {
    check(ids, x, y);
    checkArgument(
        k >= 1 && k < x.length,
        "k (%s) must be at least 1 and less than the number of points (%s)",
        k,
        x.length);
    // a cell holding about k points on average keeps each search to a few cells
    double area = extentArea(x, y);
    PointGrid grid = PointGrid.of(x, y, Math.sqrt(Math.max(area, 1e-12) * k / x.length));
    SpatialWeights.Builder b = SpatialWeights.builder(ids);
    for (int i = 0; i < x.length; i++) {
      for (int j : grid.nearest(i, k)) {
        b.link(i, j);
      }
    }
    return b.build(transform);
  }

  private static double extentArea(double[] x, double[] y) {
    Extent e = Extent.of(x, y);
    return Math.max(e.maxX() - e.minX(), 1e-6) * Math.max(e.maxY() - e.minY(), 1e-6);
  }

  private static void check(List<String> ids, double[] x, double[] y) {
    Objects.requireNonNull(ids, "ids must not be null");
    checkArgument(
        ids.size() == x.length && x.length == y.length,
        "ids (%s), x (%s values) and y (%s values) must have the same length",
        ids.size(),
        x.length,
        y.length);
  }
}
