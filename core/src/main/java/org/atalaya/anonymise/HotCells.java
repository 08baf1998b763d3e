package org.atalaya.anonymise;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;

/**
 * The utility figure of the privacy report: how many of the top-decile hot cells (0.01 degree,
 * about 1.1 km) before anonymisation are still top-decile cells after it. 1.0 means an analyst
 * finds the same hot spots in the release as in the source; a plain degree grid is used on purpose,
 * because core has no projection library and the figure only compares two rankings.
 */
final class HotCells {
  private static final double CELL_DEGREES = 0.01;

  private HotCells() {}

  /** Returns the overlap of the hot cells of the points of {@code before} and of {@code after}. */
  static double overlap(List<Incident> before, List<Incident> after) {
    long[] top = top(before);
    if (top.length == 0) {
      return 1.0;
    }
    long[] topAfter = top(after);
    long kept = Arrays.stream(top).filter(c -> Arrays.binarySearch(topAfter, c) >= 0).count();
    return Math.round(1000.0 * kept / top.length) / 1000.0;
  }

  /**
   * Returns the top decile of the cells by count (ties: the smaller cell id first), sorted by id.
   * Counted by sorting the cell ids of all points: no boxed count per point.
   */
  private static long[] top(List<Incident> incidents) {
    long[] ids = new long[incidents.size()];
    int n = 0;
    for (Incident i : incidents) {
      Optional<Location> l = i.location();
      if (l.isPresent() && l.get().point().isPresent()) {
        LatLon p = l.get().point().get();
        long row = (long) Math.floor(p.latitude() / CELL_DEGREES);
        long col = (long) Math.floor(p.longitude() / CELL_DEGREES);
        ids[n++] = row * 1_000_000L + col;
      }
    }
    ids = Arrays.copyOf(ids, n);
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
    Arrays.sort(cells, (x, y) -> x[0] != y[0] ? Long.compare(y[0], x[0]) : Long.compare(x[1], y[1]));
    long[] out = new long[(m + 9) / 10];
    for (int i = 0; i < out.length; i++) {
      out[i] = cells[i][1];
    }
    Arrays.sort(out);
    return out;
  }
}
