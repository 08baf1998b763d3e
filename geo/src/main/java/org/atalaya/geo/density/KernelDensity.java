package org.atalaya.geo.density;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.internal.Extent;

/**
 * Kernel density estimation of incidents on a square grid in a metric CRS (project longitude and
 * latitude first, e.g. with {@link org.atalaya.geo.crs.CrsTransform} to UTM 16N).
 *
 * <p>The density at a cell centre is &Sigma;<sub>i</sub> K(d<sub>i</sub>) with kernels that
 * integrate to 1 over the plane, so it is in incidents per square metre, reported per square
 * kilometre (x 10<sup>6</sup>); summed over all cells times the cell area it gives about the number
 * of incidents. Kernels, with h the bandwidth in metres:
 *
 * <ul>
 *   <li>{@link Kernel#QUARTIC} (biweight, as in CrimeStat and QGIS heatmaps): 3 / (&pi; h&sup2;) (1
 *       - d&sup2;/h&sup2;)&sup2; for d &lt; h, else 0. The grid extends h beyond the points.
 *   <li>{@link Kernel#GAUSSIAN}: 1 / (2 &pi; h&sup2;) exp(-d&sup2; / (2 h&sup2;)), cut off beyond
 *       5h (the mass lost there is below 4 x 10<sup>-6</sup>). The grid extends 3h beyond the
 *       points.
 * </ul>
 *
 * <p>The grid's lower-left corner is the points' minimum less the margin, rounded down to a
 * multiple of the cell size so grids of the same cell size align. Edge effects are not corrected.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KernelDensity {
  private static final long MAX_CELLS = 50_000_000L;

  private KernelDensity() {}

  /**
   * The kernel function.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Kernel {
    /** The quartic (biweight) kernel, zero beyond the bandwidth. */
    QUARTIC,
    /** The Gaussian kernel with standard deviation equal to the bandwidth. */
    GAUSSIAN
  }

  /**
   * Estimates the density of the points on a grid.
   *
   * @param x eastings in metres; never {@code null}
   * @param y northings in metres; never {@code null}
   * @param kernel the kernel; never {@code null}
   * @param bandwidthMetres h, positive
   * @param cellMetres the cell side, positive
   * @return the grid of densities per square kilometre; never {@code null}
   * @throws IllegalArgumentException for no points, a non-finite coordinate (named by index) or a
   *     grid of more than 50 million cells
   */
  public static DensityGrid estimate(
      double[] x, double[] y, Kernel kernel, double bandwidthMetres, double cellMetres) {
    Objects.requireNonNull(x, "x must not be null");
    Objects.requireNonNull(y, "y must not be null");
    Objects.requireNonNull(kernel, "kernel must not be null");
    checkArgument(x.length > 0, "there are no points to estimate a density from");
    checkArgument(
        bandwidthMetres > 0 && Double.isFinite(bandwidthMetres),
        "bandwidth (%s metres) must be positive",
        bandwidthMetres);
    checkArgument(
        cellMetres > 0 && Double.isFinite(cellMetres),
        "cell size (%s metres) must be positive",
        cellMetres);
    Extent e = Extent.of(x, y);
    double x0 = e.minX();
    double y0 = e.minY();
    double x1 = e.maxX();
    double y1 = e.maxY();
    double h = bandwidthMetres;
    double margin = kernel == Kernel.QUARTIC ? h : 3 * h;
    double support = kernel == Kernel.QUARTIC ? h : 5 * h;
    double originX = Math.floor((x0 - margin) / cellMetres) * cellMetres;
    double originY = Math.floor((y0 - margin) / cellMetres) * cellMetres;
    long columns = (long) Math.ceil((x1 + margin - originX) / cellMetres);
    long rows = (long) Math.ceil((y1 + margin - originY) / cellMetres);
    checkArgument(
        columns * rows <= MAX_CELLS,
        "a grid of %s x %s cells is too large (at most %s): use a larger cell size than %s metres",
        columns,
        rows,
        MAX_CELLS,
        cellMetres);
    int cols = (int) columns;
    int rws = (int) rows;
    double[] density = new double[cols * rws];
    double h2 = h * h;
    double support2 = support * support;
    double quartic = 3 / (Math.PI * h2);
    double gauss = 1 / (2 * Math.PI * h2);
    for (int i = 0; i < x.length; i++) {
      int c0 = Math.max(0, (int) Math.floor((x[i] - support - originX) / cellMetres));
      int c1 = Math.min(cols - 1, (int) Math.floor((x[i] + support - originX) / cellMetres));
      int r0 = Math.max(0, (int) Math.floor((y[i] - support - originY) / cellMetres));
      int r1 = Math.min(rws - 1, (int) Math.floor((y[i] + support - originY) / cellMetres));
      for (int r = r0; r <= r1; r++) {
        double dy = originY + (r + 0.5) * cellMetres - y[i];
        for (int c = c0; c <= c1; c++) {
          double dx = originX + (c + 0.5) * cellMetres - x[i];
          double d2 = dx * dx + dy * dy;
          if (d2 >= support2) {
            continue;
          }
          double k;
          if (kernel == Kernel.QUARTIC) {
            double u = 1 - d2 / h2;
            k = quartic * u * u;
          } else {
            k = gauss * Math.exp(-d2 / (2 * h2));
          }
          density[r * cols + c] += k * 1e6;
        }
      }
    }
    return new DensityGrid(originX, originY, cellMetres, cols, rws, density);
  }
}
