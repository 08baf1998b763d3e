package org.atalaya.geo.nearrepeat;

import java.util.Arrays;

/**
 * The close pairs grouped by distance band, as compressed rows: in band d the partners of incident
 * a are {@code partner[d][rowStart[d][a] .. rowStart[d][a + 1])}, a in grid-cell order. The
 * counting kernels walk one band at a time, so they need no band lookup per pair, and they read
 * the times of a once per row. Immutable.
 */
final class BandRows {
  final int[][] rowStart;
  final int[][] partner;

  private BandRows(int[][] rowStart, int[][] partner) {
    this.rowStart = rowStart;
    this.partner = partner;
  }

  /** Groups {@code pairs} by their distance band (0 to {@code distanceBands - 1}). */
  static BandRows of(NearRepeat.Pairs pairs, int distanceBands) {
    int n = pairs.start.length - 1;
    int[][] rowStart = new int[distanceBands][n + 1];
    for (int a = 0; a < n; a++) {
      for (int k = pairs.start[a]; k < pairs.start[a + 1]; k++) {
        rowStart[pairs.band[k]][a + 1]++;
      }
    }
    int[][] partner = new int[distanceBands][];
    for (int d = 0; d < distanceBands; d++) {
      for (int a = 0; a < n; a++) {
        rowStart[d][a + 1] += rowStart[d][a];
      }
      partner[d] = new int[rowStart[d][n]];
    }
    int[][] fill = new int[distanceBands][];
    for (int d = 0; d < distanceBands; d++) {
      fill[d] = Arrays.copyOf(rowStart[d], n);
    }
    for (int a = 0; a < n; a++) {
      for (int k = pairs.start[a]; k < pairs.start[a + 1]; k++) {
        int d = pairs.band[k];
        partner[d][fill[d][a]++] = pairs.partner[k];
      }
    }
    return new BandRows(rowStart, partner);
  }

  /** Returns the number of distance bands. */
  int bands() {
    return partner.length;
  }

  /** Returns the number of incidents. */
  int incidents() {
    return rowStart[0].length - 1;
  }
}
