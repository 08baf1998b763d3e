package org.atalaya.anonymise.internal;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The utility figure of the privacy report: how many of the top-decile hot cells (0.01 degree,
 * about 1.1 km) before anonymisation are still top-decile cells after it. 1.0 means an analyst
 * finds the same hot spots in the release as in the source; a plain degree grid is used on purpose,
 * because core has no projection library and the figure only compares two rankings.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class HotCells {
  private static final double CELL_DEGREES = 0.01;

  private HotCells() {}

  /**
   * Returns the share of the top-decile cells of {@code before} that are also top-decile cells of
   * {@code after}, rounded to three decimals; 1.0 when {@code before} has no cell.
   *
   * @param before the cell ids ({@link #cell}) of the source's points; sorted in place
   * @param after the cell ids of the released points; sorted in place
   */
  static double overlap(long[] before, long[] after) {
    long[] top = top(before);
    if (top.length == 0) {
      return 1.0;
    }
    long[] topAfter = top(after);
    long kept = Arrays.stream(top).filter(c -> Arrays.binarySearch(topAfter, c) >= 0).count();
    return Math.round(1000.0 * kept / top.length) / 1000.0;
  }

  /** Returns the id of the 0.01-degree cell holding a point. */
  static long cell(double latitude, double longitude) {
    long row = (long) Math.floor(latitude / CELL_DEGREES);
    long col = (long) Math.floor(longitude / CELL_DEGREES);
    return row * 1_000_000L + col;
  }

  /**
   * Returns the top decile of the cells by count (ties: the smaller cell id first), sorted by id.
   * Counted by sorting the cell ids: no boxed count per point.
   */
  private static long[] top(long[] ids) {
    int n = ids.length;
    Arrays.parallelSort(ids);
    // Runs of equal ids are the cells: {count, id} pairs, ranked by count down, then id up.
    long[][] cells = new long[n][];
    int m = 0;
    for (int a = 0, b; a < n; a = b) {
      b = a;
      while (b < n && ids[b] == ids[a]) {
        b++;
      }
      cells[m++] = new long[] {b - a, ids[a]};
    }
    cells = Arrays.copyOf(cells, m);
    Arrays.sort(
        cells, (x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));
    long[] out = new long[(m + 9) / 10];
    for (int i = 0; i < out.length; i++) {
      out[i] = cells[i][1];
    }
    Arrays.sort(out);
    return out;
  }
}
