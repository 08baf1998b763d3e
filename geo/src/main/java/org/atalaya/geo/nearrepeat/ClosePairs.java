package org.atalaya.geo.nearrepeat;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.geo.internal.Parallel;
import org.atalaya.geo.internal.PointGrid;

/**
 * The pairs of incidents closer than the last distance limit, grouped by distance band as
 * compressed rows: in band d the partners of incident a are {@code partner[d][rowStart[d][a] ..
 * rowStart[d][a + 1])}, each pair once, from its lower index. Incidents are renumbered cell by cell
 * of a grid ({@link #order}), so a pair's two incidents tend to be near in memory too, and the
 * counting loops walk one band at a time with no band lookup per pair. Immutable.
 */
final class ClosePairs {
  /** Pairs beyond this are refused: the lists would need more than 1.6 GB. */
  static final long MAX_PAIRS = 400_000_000L;

  /** Incidents per unit of work when pairs are found on several threads. */
  private static final int CHUNK = 2048;

  /** Renumbering: incident k here is incident {@code order[k]} of the input. */
  final int[] order;

  final int[][] rowStart;
  final int[][] partner;

  private ClosePairs(int[] order, int[][] rowStart, int[][] partner) {
    this.order = order;
    this.rowStart = rowStart;
    this.partner = partner;
  }

  /**
   * Finds the pairs closer than the last of {@code limits} (metres, ascending) with {@code threads}
   * threads; the result does not depend on their number. A pair is in band d when its distance
   * {@code sqrt(dx * dx + dy * dy)} is in [limits[d], limits[d + 1]).
   *
   * @throws IllegalArgumentException if there are more than {@link #MAX_PAIRS} pairs
   */
  static ClosePairs find(double[] x0, double[] y0, double[] limits, int threads) {
    int n = x0.length;
    double max = limits[limits.length - 1];
    PointGrid grid = PointGrid.of(x0, y0, max);
    Cells cells = new Cells(grid, x0, y0);
    int[] order = cells.order;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = x0[order[k]];
      y[k] = y0[order[k]];
    }
    int bands = limits.length - 1;
    int chunks = (n + CHUNK - 1) / CHUNK;
    Rows[] found = new Rows[chunks];
    AtomicLong total = new AtomicLong();
    Parallel.forEach(
        chunks,
        Math.max(1, Math.min(threads, chunks)),
        c -> {
          Rows rows = new Rows(c * CHUNK, Math.min(n, (c + 1) * CHUNK), bands);
          for (int a = rows.first; a < rows.end; a++) {
            cells.scanLater(x, y, a, limits, rows);
            rows.close(a);
          }
          found[c] = rows;
          // checked chunk by chunk, so too large a band fails before all its pairs are held
          long sum = total.addAndGet(rows.size());
          checkArgument(
              sum <= MAX_PAIRS,
              "more than %s pairs closer than %s m: use a smaller last distance band",
              (Object) MAX_PAIRS,
              max);
        });
    int[][] rowStart = new int[bands][n + 1];
    int[][] partner = new int[bands][];
    for (int d = 0; d < bands; d++) {
      int size = 0;
      for (Rows rows : found) {
        size += rows.count[d];
      }
      partner[d] = new int[size];
      int at = 0;
      for (Rows rows : found) {
        System.arraycopy(rows.partners[d], 0, partner[d], at, rows.count[d]);
        for (int a = rows.first; a < rows.end; a++) {
          rowStart[d][a + 1] = at + rows.ends[d][a - rows.first];
        }
        at += rows.count[d];
      }
    }
    return new ClosePairs(order, rowStart, partner);
  }

  /** The grid's cells, row by row, and the incidents renumbered cell by cell in that order. */
  private static final class Cells {
    final int[] order;
    private final int columns;
    private final int gridRows;

    /** Per cell: its first incident; the incidents of cell c are start[c] .. start[c + 1] - 1. */
    private final int[] start;

    /** Per incident (renumbered): its cell. */
    private final int[] cellOf;

    Cells(PointGrid grid, double[] x, double[] y) {
      int n = x.length;
      columns = grid.columns();
      gridRows = grid.rows();
      int cells = columns * gridRows;
      int[] cell = new int[n];
      start = new int[cells + 1];
      for (int i = 0; i < n; i++) {
        cell[i] = grid.cellOf(x[i], y[i]);
        start[cell[i] + 1]++;
      }
      for (int c = 0; c < cells; c++) {
        start[c + 1] += start[c];
      }
      order = new int[n];
      cellOf = new int[n];
      int[] fill = Arrays.copyOf(start, cells);
      for (int i = 0; i < n; i++) { // in index order: a cell's incidents keep their order
        int k = fill[cell[i]]++;
        order[k] = i;
        cellOf[k] = cell[i];
      }
    }

    /**
     * Adds to {@code rows} the partners of incident a (renumbered) with a higher index: the later
     * incidents of its own cell, then every incident of each of the eight neighbouring cells that
     * comes later (right; above left, above, above right). Cells are at least as wide as the last
     * limit, so these hold every later partner, and each pair is met once, from its lower index.
     */
    void scanLater(double[] x, double[] y, int a, double[] limits, Rows rows) {
      double max = limits[limits.length - 1];
      double r2 = max * max;
      int own = cellOf[a];
      scan(x, y, a, a + 1, start[own + 1], r2, limits, rows);
      int column = own % columns;
      int row = own / columns;
      for (int r = Math.max(0, row - 1); r <= Math.min(gridRows - 1, row + 1); r++) {
        for (int c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
          int cell = r * columns + c;
          if (cell > own) {
            scan(x, y, a, start[cell], start[cell + 1], r2, limits, rows);
          }
        }
      }
    }
  }

  /** Adds the incidents j in [from, to) closer to a than the last limit, each to its band. */
  private static void scan(
      double[] x, double[] y, int a, int from, int to, double r2, double[] limits, Rows rows) {
    double px = x[a];
    double py = y[a];
    for (int j = from; j < to; j++) {
      double dx = x[j] - px;
      double dy = y[j] - py;
      double d2 = dx * dx + dy * dy;
      if (d2 <= r2) {
        int b = NearRepeat.band(Math.sqrt(d2), limits);
        if (b >= 0) {
          rows.add(b, j);
        }
      }
    }
  }

  /** Returns the number of pairs. */
  long size() {
    long size = 0;
    for (int[] p : partner) {
      size += p.length;
    }
    return size;
  }

  /** Returns the number of distance bands. */
  int bands() {
    return partner.length;
  }

  /** Returns the number of incidents. */
  int incidents() {
    return order.length;
  }

  /**
   * Adds each pair to its (distance band, time band) cell of {@code counts}: the comparing loop,
   * for any time limits. Most pairs are further apart in time than the last band and leave at the
   * first test (a branch-free band search was measured slower: every pair then updates a histogram
   * cell).
   *
   * @param t the time of each incident, in the order of {@link #order}
   */
  void count(double[] t, double[] timeLimits, long[] counts) {
    int tBands = timeLimits.length - 1;
    double t0 = timeLimits[0];
    double tMax = timeLimits[tBands];
    for (int d = 0; d < partner.length; d++) {
      int[] start = rowStart[d];
      int[] p = partner[d];
      for (int a = 0; a < start.length - 1; a++) {
        double ta = t[a];
        for (int k = start[a]; k < start[a + 1]; k++) {
          double dt = Math.abs(ta - t[p[k]]);
          if (dt >= tMax || dt < t0) {
            continue;
          }
          int b = 0;
          while (dt >= timeLimits[b + 1]) {
            b++;
          }
          counts[d * tBands + b]++;
        }
      }
    }
  }

  /** The rows of one chunk of incidents, per band, growing as pairs are found. */
  private static final class Rows {
    final int first;
    final int end;
    final int[][] partners;
    final int[] count;

    /** Per band and incident of the chunk: the end of its row within {@link #partners}. */
    final int[][] ends;

    Rows(int first, int end, int bands) {
      this.first = first;
      this.end = end;
      this.partners = new int[bands][256];
      this.count = new int[bands];
      this.ends = new int[bands][end - first];
    }

    void add(int band, int j) {
      if (count[band] == partners[band].length) {
        partners[band] = Arrays.copyOf(partners[band], count[band] * 2);
      }
      partners[band][count[band]++] = j;
    }

    /** Ends the rows of incident a. */
    void close(int a) {
      for (int d = 0; d < count.length; d++) {
        ends[d][a - first] = count[d];
      }
    }

    long size() {
      long size = 0;
      for (int c : count) {
        size += c;
      }
      return size;
    }
  }
}
