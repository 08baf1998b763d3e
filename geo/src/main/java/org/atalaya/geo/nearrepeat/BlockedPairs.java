package org.atalaya.geo.nearrepeat;

import java.util.Arrays;

/**
 * A counter that tabulates {@link #BLOCK} permutations in one pass over the {@link ClosePairs}: the
 * fallback of {@link LanePairs} (more than four limits, times its keys cannot order exactly, more
 * than 262,144 incidents, a JVM that will not vectorise). Used when every time limit is a whole
 * number of days: then a pair's time band depends only on {@code floor(|dt|)} ({@code dt >= L}
 * exactly when {@code floor(dt) >= L} for whole L), so a table over the day range replaces the band
 * comparisons, and counts equal {@link ClosePairs#count}'s exactly.
 *
 * <p>Why blocks: one pass per permutation is bound by streaming the pairs from memory; with the
 * times of {@link #BLOCK} permutations interleaved ({@code times[i * BLOCK + r]}), one read of a
 * pair serves all of them and each time read is one cache line. The pairs of a band are compressed
 * rows (the partners of incident a), so the 8 times of a are read once per row, not once per pair.
 * Immutable; {@link #count} is safe to call from several threads with their own arrays.
 */
final class BlockedPairs {
  /** Permutations tabulated per pass; 8 doubles are one 64-byte cache line. */
  static final int BLOCK = 8;

  /**
   * Day ranges beyond this (2,870 years) fall back to the comparing loop: the tables would pass 16
   * MB.
   */
  private static final double MAX_RANGE = 1 << 20;

  /** Time bands up to which a permutation's counts fit in the fields of one long. */
  private static final int MAX_PACKED_BANDS = 8;

  /**
   * Per distance band: the pairs of incident a are partner[d][rowStart[d][a] .. rowStart[d][a + 1])
   * ({@link ClosePairs}).
   */
  private final int[][] rowStart;

  private final int[][] partner;
  private final byte[] bandOfDay;
  private final int slots;

  /**
   * Per signed whole day of dt, at index {@code (int) dt + offset}: the increment of a packed
   * accumulator, or null (too many bands). The cast truncates towards zero, so {@code |(int) dt| =
   * floor(|dt|)} and no absolute value is taken per pair.
   */
  private final long[] packed;

  private final int offset;

  /** Bits per time band in a packed accumulator. */
  private final int width;

  private BlockedPairs(int[][] rowStart, int[][] partner, byte[] bandOfDay, int slots) {
    this.rowStart = rowStart;
    this.partner = partner;
    this.bandOfDay = bandOfDay;
    this.slots = slots;
    int bands = slots - 1;
    // 8 bands of 8 bits at most: narrower fields would be emptied too often to pay
    this.width = bands <= MAX_PACKED_BANDS ? Math.min(16, 64 / bands) : 0;
    this.offset = bandOfDay.length - 1;
    if (width > 0) {
      packed = new long[2 * bandOfDay.length - 1];
      for (int v = 0; v < packed.length; v++) {
        byte band = bandOfDay[Math.abs(v - offset)];
        packed[v] = band == bands ? 0 : 1L << (band * width);
      }
    } else {
      packed = null;
    }
  }

  /**
   * Returns the blocked form of the pairs, or null when a time limit is not a whole number or the
   * times span too many days (the caller then uses the comparing loop).
   */
  static BlockedPairs of(ClosePairs rows, double[] t, double[] timeLimits) {
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
    return new BlockedPairs(rows.rowStart, rows.partner, lut, tBands + 1);
  }

  /**
   * Returns the length of the counts array {@link #count} fills: BLOCK x bands x (time bands + 1).
   */
  int countsLength() {
    return BLOCK * partner.length * slots;
  }

  /** Returns the count of permutation r of the block in (distance band d, time band b). */
  int get(int[] counts, int r, int d, int b) {
    return counts[(r * partner.length + d) * slots + b];
  }

  /**
   * Sets {@code counts} to the table of each of the {@link #BLOCK} permutations whose times are
   * interleaved in {@code times} (length n x BLOCK).
   */
  void count(double[] times, int[] counts) {
    Arrays.fill(counts, 0);
    for (int d = 0; d < partner.length; d++) {
      if (packed != null) {
        countPacked(d, times, counts);
      } else {
        countInMemory(d, times, counts);
      }
    }
  }

  /**
   * Counts band d with one long accumulator per permutation held in a register, a field of {@code
   * width} bits per time band: a pair adds {@code packed[day]} (1 shifted to its band's field, or 0
   * when it is outside every band). Why: most pairs fall outside every band, so counting them in
   * memory makes each permutation's "outside" counter a chain of read-modify-writes through one
   * address; a register add has no such wait. The fields are emptied into {@code counts} before
   * they can overflow: after at most {@code 2^width - 1} pairs.
   */
  private void countPacked(int d, double[] times, int[] counts) {
    long[] inc = packed;
    int o = offset;
    int[] start = rowStart[d];
    int[] p = partner[d];
    int chunk = (1 << width) - 1;
    int n = start.length - 1;
    long c0 = 0;
    long c1 = 0;
    long c2 = 0;
    long c3 = 0;
    long c4 = 0;
    long c5 = 0;
    long c6 = 0;
    long c7 = 0;
    int room = chunk;
    for (int a = 0; a < n; a++) {
      int k = start[a];
      int end = start[a + 1];
      if (k == end) {
        continue;
      }
      int i = a * BLOCK;
      double t0 = times[i];
      double t1 = times[i + 1];
      double t2 = times[i + 2];
      double t3 = times[i + 3];
      double t4 = times[i + 4];
      double t5 = times[i + 5];
      double t6 = times[i + 6];
      double t7 = times[i + 7];
      while (k < end) {
        int to = Math.min(end, k + room);
        room -= to - k;
        for (; k < to; k++) {
          int b = p[k] * BLOCK;
          // written out: the JIT does not reliably unroll the inner loop over the block
          c0 += inc[(int) (t0 - times[b]) + o];
          c1 += inc[(int) (t1 - times[b + 1]) + o];
          c2 += inc[(int) (t2 - times[b + 2]) + o];
          c3 += inc[(int) (t3 - times[b + 3]) + o];
          c4 += inc[(int) (t4 - times[b + 4]) + o];
          c5 += inc[(int) (t5 - times[b + 5]) + o];
          c6 += inc[(int) (t6 - times[b + 6]) + o];
          c7 += inc[(int) (t7 - times[b + 7]) + o];
        }
        if (room == 0) {
          flush(d, counts, c0, c1, c2, c3, c4, c5, c6, c7);
          c0 = c1 = c2 = c3 = c4 = c5 = c6 = c7 = 0;
          room = chunk;
        }
      }
    }
    flush(d, counts, c0, c1, c2, c3, c4, c5, c6, c7);
  }

  private void flush(
      int d, int[] counts, long c0, long c1, long c2, long c3, long c4, long c5, long c6, long c7) {
    int stride = partner.length * slots;
    int o = d * slots;
    unpack(c0, counts, o);
    unpack(c1, counts, o + stride);
    unpack(c2, counts, o + 2 * stride);
    unpack(c3, counts, o + 3 * stride);
    unpack(c4, counts, o + 4 * stride);
    unpack(c5, counts, o + 5 * stride);
    unpack(c6, counts, o + 6 * stride);
    unpack(c7, counts, o + 7 * stride);
  }

  private void unpack(long fields, int[] counts, int offset) {
    long mask = (1L << width) - 1;
    for (int b = 0; b < slots - 1; b++) {
      counts[offset + b] += (int) ((fields >>> (b * width)) & mask);
    }
  }

  /** Counts band d in memory, one counter per cell; for more time bands than fit in a long. */
  private void countInMemory(int d, double[] times, int[] counts) {
    byte[] lut = bandOfDay;
    int[] start = rowStart[d];
    int[] p = partner[d];
    int stride = partner.length * slots;
    int o0 = d * slots;
    for (int a = 0; a < start.length - 1; a++) {
      int i = a * BLOCK;
      for (int k = start[a]; k < start[a + 1]; k++) {
        int b = p[k] * BLOCK;
        for (int r = 0; r < BLOCK; r++) {
          counts[o0 + r * stride + lut[(int) Math.abs(times[i + r] - times[b + r])]]++;
        }
      }
    }
  }
}
