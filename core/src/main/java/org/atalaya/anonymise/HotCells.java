package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.incident.LatLon;

/**
 * The utility figure of the privacy report: how many of the top-decile hot cells (0.01 degree,
 * about 1.1 km) before anonymisation are still top-decile cells after it. 1.0 means an analyst
 * finds the same hot spots in the release as in the source; a plain degree grid is used on purpose,
 * because core has no projection library and the figure only compares two rankings.
 */
final class HotCells {
  private static final double CELL_DEGREES = 0.01;

  private HotCells() {}

  static double overlap(Collection<LatLon> before, Collection<LatLon> after) {
    Set<Long> top = top(before);
    if (top.isEmpty()) {
      return 1.0;
    }
    Set<Long> topAfter = top(after);
    long kept = top.stream().filter(topAfter::contains).count();
    return Math.round(1000.0 * kept / top.size()) / 1000.0;
  }

  private static Set<Long> top(Collection<LatLon> points) {
    Map<Long, Integer> counts = new HashMap<>();
    for (LatLon p : points) {
      long row = (long) Math.floor(p.latitude() / CELL_DEGREES);
      long col = (long) Math.floor(p.longitude() / CELL_DEGREES);
      counts.merge(row * 1_000_000L + col, 1, Integer::sum);
    }
    List<Map.Entry<Long, Integer>> cells = new ArrayList<>(counts.entrySet());
    cells.sort(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue).reversed().thenComparing(Map.Entry::getKey));
    int n = (cells.size() + 9) / 10;
    Set<Long> out = new HashSet<>();
    for (int i = 0; i < n; i++) {
      out.add(cells.get(i).getKey());
    }
    return out;
  }
}
