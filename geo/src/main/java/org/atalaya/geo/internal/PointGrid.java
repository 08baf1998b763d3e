package org.atalaya.geo.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * A uniform grid over planar points (metres) for radius and nearest-neighbour queries: points are
 * bucketed by cell, cells stored as compressed rows. Immutable and thread-safe.
 *
 * <p><b>Internal:</b> use outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PointGrid {
  private final double[] x;
  private final double[] y;
  private final double minX;
  private final double minY;
  private final double cell;
  private final int columns;
  private final int rows;
  private final int[] start;
  private final int[] members;

  private PointGrid(double[] x, double[] y, double cell) {
    this.x = x;
    this.y = y;
    Extent e = Extent.of(x, y);
    double x0 = e.minX();
    double y0 = e.minY();
    double x1 = e.maxX();
    double y1 = e.maxY();
    // never more cells than about 4 per point, so sparse data does not make a huge empty grid
    double minCell =
        Math.sqrt(Math.max((x1 - x0) * (y1 - y0), 1e-18) / Math.max(1, 4.0 * x.length));
    this.cell = Math.max(cell, Math.max(minCell, 1e-9));
    this.minX = x0;
    this.minY = y0;
    this.columns = (int) Math.min(1 << 20, Math.floor((x1 - x0) / this.cell) + 1);
    this.rows = (int) Math.min(1 << 20, Math.floor((y1 - y0) / this.cell) + 1);
    checkArgument(
        (long) columns * rows < Integer.MAX_VALUE, "too many grid cells (%s x %s)", columns, rows);
    start = new int[columns * rows + 1];
    int[] cellOf = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      cellOf[i] = cellIndex(x[i], y[i]);
      start[cellOf[i] + 1]++;
    }
    for (int c = 0; c < columns * rows; c++) {
      start[c + 1] += start[c];
    }
    members = new int[x.length];
    int[] fill = start.clone();
    for (int i = 0; i < x.length; i++) {
      members[fill[cellOf[i]]++] = i;
    }
  }

  /**
   * Indexes the points (the arrays are not copied: do not change them while the grid is used).
   *
   * @param x eastings in metres
   * @param y northings in metres
   * @param cell the preferred cell size, usually the query radius
   * @return the grid
   */
  public static PointGrid of(double[] x, double[] y, double cell) {
    checkArgument(
        x.length == y.length,
        "x (%s values) and y (%s values) must have the same length",
        x.length,
        y.length);
    checkArgument(cell > 0, "cell (%s) must be positive", cell);
    return new PointGrid(x, y, cell);
  }

  /**
   * Returns the number of columns of cells (x).
   *
   * @return at least 1
   */
  public int columns() {
    return columns;
  }

  /**
   * Returns the number of rows of cells (y).
   *
   * @return at least 1
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the cell holding (px, py), a point within the extent of the grid's points: {@code row *
   * columns() + column}, counted from the lower left.
   *
   * @param px x in metres, within the extent
   * @param py y in metres, within the extent
   * @return the cell index
   */
  public int cellOf(double px, double py) {
    return cellIndex(px, py);
  }

  private int cellIndex(double px, double py) {
    int c = Math.min(columns - 1, (int) ((px - minX) / cell));
    int r = Math.min(rows - 1, (int) ((py - minY) / cell));
    return r * columns + c;
  }

  /** Receives the index of each point found and its squared distance. */
  @FunctionalInterface
  public interface Visitor {
    /**
     * Called once per point found.
     *
     * @param j the point's index
     * @param squaredDistance its squared distance to the query
     */
    void visit(int j, double squaredDistance);
  }

  /**
   * Visits every point at distance at most {@code radius} from (px, py), in no particular order.
   *
   * @param px query x
   * @param py query y
   * @param radius the radius, non-negative
   * @param visitor receives the points
   */
  public void within(double px, double py, double radius, Visitor visitor) {
    double r2 = radius * radius;
    int c0 = Math.max(0, (int) Math.floor((px - radius - minX) / cell));
    int c1 = Math.min(columns - 1, (int) Math.floor((px + radius - minX) / cell));
    int r0 = Math.max(0, (int) Math.floor((py - radius - minY) / cell));
    int r1 = Math.min(rows - 1, (int) Math.floor((py + radius - minY) / cell));
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cellIdx = r * columns + c;
        for (int m = start[cellIdx]; m < start[cellIdx + 1]; m++) {
          int j = members[m];
          double dx = x[j] - px;
          double dy = y[j] - py;
          double d2 = dx * dx + dy * dy;
          if (d2 <= r2) {
            visitor.visit(j, d2);
          }
        }
      }
    }
  }

  /**
   * Returns the k nearest points to point i (i excluded), nearest first; ties are broken by the
   * lower index so the answer does not depend on the grid.
   *
   * @param i the query point's index
   * @param k how many, at most n - 1
   * @return the indices, nearest first
   */
  public int[] nearest(int i, int k) {
    int n = x.length;
    checkArgument(k >= 1 && k <= n - 1, "k (%s) must be between 1 and n - 1 (%s)", k, n - 1);
    int[] best = new int[k];
    double[] bestD = new double[k];
    double radius = cell;
    while (true) {
      int[] count = {0};
      double r = radius;
      Arrays.fill(bestD, Double.POSITIVE_INFINITY);
      Arrays.fill(best, Integer.MAX_VALUE);
      within(
          x[i],
          y[i],
          r,
          (j, d2) -> {
            if (j == i) {
              return;
            }
            count[0]++;
            insert(best, bestD, j, d2);
          });
      // the k found are final once the search circle holds k others (anything outside is farther)
      if (count[0] >= k || r > 2 * (columns + rows) * cell) {
        return best;
      }
      radius *= 2;
    }
  }

  private static void insert(int[] best, double[] bestD, int j, double d2) {
    int k = best.length;
    if (d2 > bestD[k - 1] || (d2 == bestD[k - 1] && j > best[k - 1])) {
      return;
    }
    int p = k - 1;
    while (p > 0 && (bestD[p - 1] > d2 || (bestD[p - 1] == d2 && best[p - 1] > j))) {
      bestD[p] = bestD[p - 1];
      best[p] = best[p - 1];
      p--;
    }
    bestD[p] = d2;
    best[p] = j;
  }

  /**
   * Returns the distance from point i to its nearest other point.
   *
   * @param i the index
   * @return the distance in metres
   */
  public double nearestDistance(int i) {
    int j = nearest(i, 1)[0];
    return Math.hypot(x[j] - x[i], y[j] - y[i]);
  }
}
