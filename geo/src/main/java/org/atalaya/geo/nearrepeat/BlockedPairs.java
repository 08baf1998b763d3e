package org.atalaya.geo.nearrepeat;

/**
 * The close pairs grouped by distance band (two int arrays per band, sorted by the first incident)
 * and a counter that tabulates {@link #BLOCK} permutations in one pass over them. Used when every
 * time limit is a whole number of days: then a pair's time band depends only on {@code floor(|dt|)}
 * ({@code dt >= L} exactly when {@code floor(dt) >= L} for whole L), so a byte table over the day
 * range replaces the band comparisons, and counts equal {@link NearRepeat.Pairs#count}'s exactly.
 *
 * <p>Why blocks: one pass per permutation streams 8 bytes per pair from memory (16 MB for 2
 * million pairs) and is bound by memory bandwidth; with the times of {@link #BLOCK} permutations
 * interleaved ({@code times[i * BLOCK + r]}), one read of a pair serves all of them, the two time
 * reads per pair are each one cache line, and the {@link #BLOCK} counters updated per pair are
 * independent, so increments of the same cell do not wait for each other. Immutable; {@link
 * #count} is safe to call from several threads with their own arrays.
 */
final class BlockedPairs {
  /** Permutations tabulated per pass; 8 doubles are one 64-byte cache line. */
  static final int BLOCK = 8;

  /** Day ranges beyond this fall back to the comparing loop (the table would be too large). */
  private static final double MAX_RANGE = 1 << 22;

  private final int[][] first;
  private final int[][] second;
  private final byte[] bandOfDay;
  private final int slots;

  private BlockedPairs(int[][] first, int[][] second, byte[] bandOfDay, int slots) {
    this.first = first;
    this.second = second;
    this.bandOfDay = bandOfDay;
    this.slots = slots;
  }

  /**
   * Returns the blocked form of the pairs, or null when a time limit is not a whole number or the
   * times span too many days (the caller then uses the comparing loop).
   */
  static BlockedPairs of(NearRepeat.Pairs pairs, int distanceBands, double[] t, double[] timeLimits) {
    for (double limit : timeLimits) {
      if (limit != Math.rint(limit)) {
        return null;
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : t) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = t.length == 0 ? 0 : max - min;
    if (!(range < MAX_RANGE)) {
      return null;
    }
    int tBands = timeLimits.length - 1;
    // |ta - tb| rounds to at most the rounded max - min, so floor(|dt|) <= floor(range)
    byte[] lut = new byte[(int) range + 2];
    for (int v = 0; v < lut.length; v++) {
      int b = NearRepeat.band(v, timeLimits);
      lut[v] = (byte) (b < 0 ? tBands : b); // slot tBands collects the pairs outside every band
    }
    int[] sizes = new int[distanceBands];
    for (byte b : pairs.band) {
      sizes[b]++;
    }
    int[][] first = new int[distanceBands][];
    int[][] second = new int[distanceBands][];
    for (int d = 0; d < distanceBands; d++) {
      first[d] = new int[sizes[d]];
      second[d] = new int[sizes[d]];
    }
    int[] fill = new int[distanceBands];
    for (int a = 0; a < pairs.start.length - 1; a++) {
      for (int k = pairs.start[a]; k < pairs.start[a + 1]; k++) {
        int d = pairs.band[k];
        first[d][fill[d]] = a;
        second[d][fill[d]++] = pairs.partner[k];
      }
    }
    return new BlockedPairs(first, second, lut, tBands + 1);
  }

  /** Returns the length of the counts array {@link #count} fills: BLOCK x bands x (time bands + 1). */
  int countsLength() {
    return BLOCK * first.length * slots;
  }

  /** Returns the count of permutation r of the block in (distance band d, time band b). */
  int get(int[] counts, int r, int d, int b) {
    return counts[(r * first.length + d) * slots + b];
  }

  /**
   * Sets {@code counts} to the table of each of the {@link #BLOCK} permutations whose times are
   * interleaved in {@code times} (length n x BLOCK).
   */
  void count(double[] times, int[] counts) {
    java.util.Arrays.fill(counts, 0);
    byte[] lut = bandOfDay;
    int stride = first.length * slots;
    for (int d = 0; d < first.length; d++) {
      int[] f = first[d];
      int[] s = second[d];
      int o0 = d * slots;
      int o1 = o0 + stride;
      int o2 = o1 + stride;
      int o3 = o2 + stride;
      int o4 = o3 + stride;
      int o5 = o4 + stride;
      int o6 = o5 + stride;
      int o7 = o6 + stride;
      for (int k = 0; k < f.length; k++) {
        int a = f[k] * BLOCK;
        int b = s[k] * BLOCK;
        // written out: the JIT does not reliably unroll the inner loop over the block
        counts[o0 + lut[(int) Math.abs(times[a] - times[b])]]++;
        counts[o1 + lut[(int) Math.abs(times[a + 1] - times[b + 1])]]++;
        counts[o2 + lut[(int) Math.abs(times[a + 2] - times[b + 2])]]++;
        counts[o3 + lut[(int) Math.abs(times[a + 3] - times[b + 3])]]++;
        counts[o4 + lut[(int) Math.abs(times[a + 4] - times[b + 4])]]++;
        counts[o5 + lut[(int) Math.abs(times[a + 5] - times[b + 5])]]++;
        counts[o6 + lut[(int) Math.abs(times[a + 6] - times[b + 6])]]++;
        counts[o7 + lut[(int) Math.abs(times[a + 7] - times[b + 7])]]++;
      }
    }
  }
}
