package org.atalaya.geo.nearrepeat;

import java.util.Arrays;

/**
 * Counts the close pairs for {@link #lanes()} permutations at once with integer time keys laid out
 * so that the JIT compiles the inner loop to vector instructions: for one pair, lane r is
 * permutation r, and the same few integer operations run on every lane.
 *
 * <p><b>The time key.</b> Each time t (days, not negative) is split into its whole day D = floor(t)
 * and its fraction of a day, replaced by its rank among the distinct fractions. With K = (D - first
 * day) x 2<sup>rankBits</sup> + rank, floor(|ta - tb|) = |Ka - Kb| &gt;&gt; rankBits: the day
 * difference, less one when the later day has the smaller fraction (equal fractions give a whole
 * number of days, and equal ranks a multiple of 2<sup>rankBits</sup>). For a whole-day limit L,
 * |dt| &lt; L exactly when floor(|dt|) &lt; L, that is when |Ka - Kb| &lt; L x
 * 2<sup>rankBits</sup>: one subtraction, one absolute value and one comparison per limit, with no
 * table lookup, which is what lets the loop run on vectors.
 *
 * <p><b>Exactness.</b> The comparing loop floors the <em>rounded</em> difference {@code ta - tb};
 * the key floors the exact one. They agree when rounding cannot carry a difference onto or across a
 * whole day, which {@link #of} checks: every time at least 0 (so {@code t - floor(t)} is exact),
 * and either all times within a factor of two of each other (then every difference is exact, by
 * Sterbenz's lemma: days since 1970, as the CLI gives them) or every two distinct fractions more
 * than {@code ulp(max t) + 2^-50} apart, also across midnight. Dates, and times to the second or
 * minute since 1970, pass; 7.1 and 0.1 days do not (exactly 6.99999999999999964 apart, 7 once
 * rounded), and such data are counted by the other loops.
 *
 * <p><b>Why this shape.</b> HotSpot's C2 vectorises a counted loop only when it can prove that no
 * store in the loop feeds a later load; every {@code int[]} may be the same array, so it proves it
 * only when all accesses use the same index and the arrays are allocated in the method. Hence each
 * pair copies its partner's lane keys into a scratch row ({@code System.arraycopy}, itself
 * vectorised) and the loop reads {@code a[r]}, {@code b[r]} and updates {@code packed[r]}, all
 * local. With the same arrays passed in as parameters the loop ran scalar, 4 times slower; the
 * benchmark is the check. Measured on this project's 2-core (AVX-512) machine: 0.38-0.43 ns per
 * pair and permutation with 128 lanes against 0.85-0.9 for {@link BlockedPairs} in the same run
 * (see the guide's "Performance").
 *
 * <p>Immutable; {@link #count} is safe to call from several threads with their own arrays.
 */
final class LanePairs {
  /**
   * Time limits above zero counted in one pass; with more, the count takes {@link BlockedPairs}.
   */
  static final int MAX_LIMITS = 4;

  /** Pairs a packed 8-bit count field takes before it is emptied. */
  private static final int FIELD_MAX = 255;

  /** Most permutations per pass: more lanes amortise the per-pair copy, but cost memory. */
  static final int MAX_LANES = 128;

  /** Fewest lanes worth using: below this the per-pair overhead outweighs the vectors. */
  static final int MIN_LANES = 32;

  /** Memory for one thread's lane keys ({@code 4 x lanes} bytes per incident). */
  private static final long LANE_BYTES = 32L << 20;

  /** Bits of a time key: keeps every key, every difference and every threshold within an int. */
  private static final int MAX_KEY_BITS = 30;

  private final ClosePairs rows;
  private final int[] keys;
  private final int lanes;

  /**
   * The key differences below which a pair is nearer than each limit above zero, ascending, padded
   * with zeros (no pair is below 0) to {@link #MAX_LIMITS}: counter s of a pass counts below {@code
   * threshold[s]}.
   */
  private final int[] threshold;

  /** Per time limit: its counter, or -1 for a limit of zero. */
  private final int[] slot;

  private LanePairs(ClosePairs rows, int[] keys, int lanes, int[] threshold, int[] slot) {
    this.rows = rows;
    this.keys = keys;
    this.lanes = lanes;
    this.threshold = threshold;
    this.slot = slot;
  }

  /**
   * Returns the lane form of the pairs with the times {@code t} (one per incident, in the order of
   * {@code rows}), or null when the keys would not count exactly what the comparing loop counts (a
   * time limit not a whole number, a negative time, two fractions of a day too close, too long a
   * span), when more than {@link #MAX_LIMITS} limits are above zero, when even {@link #MIN_LANES}
   * lanes would not fit the memory budget, or when this JVM would not run the loop on vectors
   * ({@link VectorLoops}); the caller then uses another loop.
   */
  static LanePairs of(ClosePairs rows, double[] t, double[] timeLimits) {
    int n = t.length;
    int lanes = MAX_LANES;
    while (lanes >= MIN_LANES && (long) n * lanes * Integer.BYTES > LANE_BYTES) {
      lanes /= 2;
    }
    if (n == 0 || lanes < MIN_LANES || !VectorLoops.AVAILABLE) {
      return null;
    }
    int positive = 0;
    for (double limit : timeLimits) {
      if (limit != Math.rint(limit)) {
        return null;
      }
      positive += limit > 0 ? 1 : 0;
    }
    if (positive > MAX_LIMITS) {
      return null;
    }
    double firstDay = Double.POSITIVE_INFINITY;
    double lastDay = Double.NEGATIVE_INFINITY;
    double minTime = Double.POSITIVE_INFINITY;
    double maxTime = 0;
    double[] fraction = new double[n];
    for (int i = 0; i < n; i++) {
      if (!(t[i] >= 0)) {
        return null;
      }
      double day = Math.floor(t[i]);
      firstDay = Math.min(firstDay, day);
      lastDay = Math.max(lastDay, day);
      minTime = Math.min(minTime, t[i]);
      maxTime = Math.max(maxTime, t[i]);
      fraction[i] = t[i] - day; // exact for t >= 0 (Sterbenz when t >= 1)
    }
    double span = lastDay - firstDay;
    if (span >= 1 << MAX_KEY_BITS) {
      return null;
    }
    int dayBits = Math.max(1, 32 - Integer.numberOfLeadingZeros((int) span));
    double[] distinct = fraction.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (double f : distinct) {
      if (m == 0 || f != distinct[m - 1]) {
        distinct[m++] = f;
      }
    }
    // Within a factor of two of each other (days since 1970, say) every ta - tb is exact
    // (Sterbenz); otherwise rounding moves it by at most ulp(max t) / 2, which must not reach a
    // whole day: the fractions must be further apart than that (the margin covers the gaps' own
    // rounding).
    boolean exactDifferences = minTime > 0 && maxTime <= 2 * minTime;
    if (m > 1 && !exactDifferences) {
      double gap = 1 - distinct[m - 1] + distinct[0];
      for (int k = 1; k < m; k++) {
        gap = Math.min(gap, distinct[k] - distinct[k - 1]);
      }
      if (!(gap > Math.ulp(maxTime) + 0x1p-50)) {
        return null;
      }
    }
    int rankBits = m == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(m - 1);
    if (rankBits + dayBits > MAX_KEY_BITS) {
      return null;
    }
    int[] keys = new int[n];
    for (int i = 0; i < n; i++) {
      int rank = Arrays.binarySearch(distinct, 0, m, fraction[i]);
      keys[i] = ((int) (Math.floor(t[i]) - firstDay) << rankBits) | rank;
    }
    int[] threshold = new int[MAX_LIMITS];
    int[] slot = new int[timeLimits.length];
    int next = 0;
    for (int j = 0; j < timeLimits.length; j++) {
      slot[j] = timeLimits[j] == 0 ? -1 : next;
      if (slot[j] >= 0) {
        // floor(|dt|) < 2^dayBits, so a larger limit holds every pair: capped, it fits an int
        threshold[next++] = (int) Math.min(timeLimits[j], 1L << dayBits) << rankBits;
      }
    }
    return new LanePairs(rows, keys, lanes, threshold, slot);
  }

  /** Returns the number of permutations counted per pass. */
  int lanes() {
    return lanes;
  }

  /** Returns the time key of each incident, to be shuffled into {@link #count}'s input. */
  int[] keys() {
    return keys.clone();
  }

  /** Returns the length of the counts array {@link #count} fills. */
  int countsLength() {
    return rows.bands() * MAX_LIMITS * lanes;
  }

  /**
   * Returns, of the counts {@link #count} filled, how many pairs of distance band d are less than
   * time limit j apart in permutation (lane) r.
   */
  int below(int[] counts, int r, int d, int j) {
    return slot[j] < 0 ? 0 : counts[(d * MAX_LIMITS + slot[j]) * lanes + r];
  }

  /**
   * Sets {@code counts} to the number of pairs below each time limit, per distance band and
   * permutation: {@code laneKeys[i * lanes() + r]} is the key incident i has in permutation r.
   */
  void count(int[] laneKeys, int[] counts) {
    for (int d = 0; d < rows.bands(); d++) {
      countBand(rows.rowStart[d], rows.partner[d], laneKeys, counts, d * MAX_LIMITS * lanes);
    }
  }

  /**
   * The vector loop: for each pair of one distance band, lane r counts the pair below threshold s
   * when the keys differ by less than it. {@code (d - L) >>> 31} is 1 exactly when d &lt; L (both
   * in [0, 2<sup>30</sup>], so the subtraction cannot overflow). The four counts of a lane are kept
   * as 8-bit fields of one int, {@code packed[r]}, and emptied into the counters every 255 pairs,
   * before a field can overflow: one read and one write per lane and pair instead of four (measured
   * 12-15% faster).
   */
  private void countBand(int[] start, int[] partner, int[] laneKeys, int[] counts, int at) {
    int w = lanes;
    // all allocated here: C2 then knows their lengths and that each is no other array
    int[] a = new int[w];
    int[] b = new int[w];
    int[] c0 = new int[w];
    int[] c1 = new int[w];
    int[] c2 = new int[w];
    int[] c3 = new int[w];
    int l0 = threshold[0];
    int l1 = threshold[1];
    int l2 = threshold[2];
    int l3 = threshold[3];
    int[] packed = new int[w];
    int room = FIELD_MAX;
    for (int i = 0; i < start.length - 1; i++) {
      int k = start[i];
      int end = start[i + 1];
      if (k == end) {
        continue;
      }
      System.arraycopy(laneKeys, i * w, a, 0, w);
      for (; k < end; k++) {
        System.arraycopy(laneKeys, partner[k] * w, b, 0, w);
        for (int r = 0; r < w; r++) {
          int dt = Math.abs(a[r] - b[r]);
          packed[r] +=
              ((dt - l0) >>> 31)
                  + (((dt - l1) >>> 31) << 8)
                  + (((dt - l2) >>> 31) << 16)
                  + (((dt - l3) >>> 31) << 24);
        }
        if (--room == 0) {
          empty(packed, c0, c1, c2, c3);
          room = FIELD_MAX;
        }
      }
    }
    empty(packed, c0, c1, c2, c3);
    System.arraycopy(c0, 0, counts, at, w);
    System.arraycopy(c1, 0, counts, at + w, w);
    System.arraycopy(c2, 0, counts, at + 2 * w, w);
    System.arraycopy(c3, 0, counts, at + 3 * w, w);
  }

  /** Adds the four 8-bit fields of each {@code packed[r]} to the counters and clears it. */
  private static void empty(int[] packed, int[] c0, int[] c1, int[] c2, int[] c3) {
    for (int r = 0; r < packed.length; r++) {
      int v = packed[r];
      c0[r] += v & 0xFF;
      c1[r] += (v >>> 8) & 0xFF;
      c2[r] += (v >>> 16) & 0xFF;
      c3[r] += v >>> 24;
      packed[r] = 0;
    }
  }
}
