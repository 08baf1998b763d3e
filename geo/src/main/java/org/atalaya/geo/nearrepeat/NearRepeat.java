package org.atalaya.geo.nearrepeat;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.internal.Parallel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The near-repeat table of Ratcliffe's Near Repeat Calculator and its Knox-style Monte Carlo test,
 * done once and fast: every pair of incidents closer than the last distance band is found once with
 * a spatial grid, then each permutation shuffles the times among incidents (locations stay), which
 * keeps both the spatial and the temporal distribution and breaks only their interaction.
 *
 * <p><b>Bands</b> are half-open {@link Interval}s [a, b) built from ascending limits: distance
 * limits {@code 0, 100, 200, 400} give [0, 100), [100, 200), [200, 400) metres; time limits {@code
 * 0, 7, 14} give [0, 7), [7, 14) days. A pair at exactly 100 m is in [100, 200). Pairs beyond the
 * last limits are not tabulated. Distances are Euclidean in metres (project to a metric CRS first);
 * times are in days (fractions allowed).
 *
 * <p><b>Inference</b>: for each cell, expected = the mean count over the permutations, Knox ratio =
 * observed / expected, and the one-sided p-value {@code (#{simulated >= observed} + 1) / (N + 1)}.
 * Permutation r draws from {@link Permutations#stream(long, long)} with index r, so results are
 * identical for any number of threads. Only per-cell counters are kept, whatever N: memory is the
 * pair list (4 bytes per pair, grouped by distance band, plus 4 bytes per incident and band) plus,
 * per thread, the times of one block of permutations (at most 32 MB of lane keys and 64 bytes per
 * incident; 64 bytes per incident with 8 per pass) and O(cells) counters.
 *
 * <p><b>Speed</b>: with whole-day time limits (at most four above zero) and times that an integer
 * key orders exactly (dates, or times since 1970), up to 128 permutations are counted per pass over
 * the pairs on vector instructions ({@code LanePairs}); otherwise (more limits, times the keys
 * cannot order exactly, more than 262,144 incidents, a JVM that will not vectorise) 8 per pass
 * ({@code BlockedPairs}); with fractional limits, one at a time. The tables are the same in every
 * case.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NearRepeat {
  private static final Logger LOG = LoggerFactory.getLogger(NearRepeat.class);

  private final double[] distanceLimits;
  private final double[] timeLimits;
  private final Permutations permutations;

  private NearRepeat(Builder b) {
    this.distanceLimits = b.distanceLimits;
    this.timeLimits = b.timeLimits;
    this.permutations = b.permutations;
  }

  /**
   * Returns a builder; distance and time limits must be given.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tabulates the pairs of incidents and tests each cell.
   *
   * @param x eastings in metres, one per incident; never {@code null}
   * @param y northings in metres; never {@code null}
   * @param days the time of each incident in days from any origin; never {@code null}
   * @return the table; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or hold a non-finite value (the
   *     message names the incident index)
   */
  public NearRepeatTable run(double[] x, double[] y, double[] days) {
    Objects.requireNonNull(x, "x must not be null");
    Objects.requireNonNull(y, "y must not be null");
    Objects.requireNonNull(days, "days must not be null");
    int n = x.length;
    checkArgument(
        y.length == n && days.length == n,
        "x (%s), y (%s) and days (%s) must have the same length",
        n,
        y.length,
        days.length);
    for (int i = 0; i < n; i++) {
      checkArgument(
          Double.isFinite(x[i]) && Double.isFinite(y[i]),
          "incident %s has a non-finite position (%s, %s)",
          i,
          x[i],
          y[i]);
      checkArgument(
          Double.isFinite(days[i]), "incident %s has a non-finite time (%s)", (Object) i, days[i]);
    }
    ClosePairs pairs = ClosePairs.find(x, y, distanceLimits, permutations.threads());
    double[] t = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = days[pairs.order[k]];
    }
    int cells = (distanceLimits.length - 1) * (timeLimits.length - 1);
    long[] observed = new long[cells];
    pairs.count(t, timeLimits, observed);
    long[] ge = new long[cells];
    long[] sum = new long[cells];
    int count = permutations.count();
    if (count > 0) {
      LanePairs lanes = LanePairs.of(pairs, t, timeLimits);
      BlockedPairs blocked = lanes == null ? BlockedPairs.of(pairs, t, timeLimits) : null;
      int unit = lanes != null ? lanes.lanes() : blocked != null ? BlockedPairs.BLOCK : 1;
      int units = (count + unit - 1) / unit;
      int threads = Math.min(permutations.threads(), units);
      long[][] geOf = new long[threads][cells];
      long[][] sumOf = new long[threads][cells];
      AtomicInteger next = new AtomicInteger();
      // integer sums make the merge independent of which thread counted which permutation
      Parallel.forEach(
          threads,
          threads,
          k -> {
            if (lanes != null) {
              permuteLanes(lanes, observed, next, geOf[k], sumOf[k]);
              return;
            }
            if (blocked != null) {
              permuteBlocks(blocked, t, observed, k, threads, geOf[k], sumOf[k]);
              return;
            }
            long[] counts = new long[cells];
            double[] shuffled = new double[n];
            int[] order = new int[n];
            for (int r = k; r < count; r += threads) {
              permutation(order, r);
              for (int i = 0; i < n; i++) {
                shuffled[i] = t[order[i]];
              }
              Arrays.fill(counts, 0);
              pairs.count(shuffled, timeLimits, counts);
              for (int c = 0; c < cells; c++) {
                tally(c, counts[c], observed, geOf[k], sumOf[k]);
              }
            }
          });
      for (int k = 0; k < threads; k++) {
        for (int c = 0; c < cells; c++) {
          ge[c] += geOf[k][c];
          sum[c] += sumOf[k][c];
        }
      }
    }
    List<NearRepeatCell> out = new ArrayList<>(cells);
    int tBands = timeLimits.length - 1;
    for (int d = 0; d < distanceLimits.length - 1; d++) {
      for (int b = 0; b < tBands; b++) {
        int c = d * tBands + b;
        double expected = count > 0 ? (double) sum[c] / count : Double.NaN;
        double p = count > 0 ? (ge[c] + 1.0) / (count + 1.0) : Double.NaN;
        out.add(
            new NearRepeatCell(
                new Interval(distanceLimits[d], distanceLimits[d + 1]),
                new Interval(timeLimits[b], timeLimits[b + 1]),
                observed[c],
                expected,
                expected > 0 ? observed[c] / expected : Double.NaN,
                p));
      }
    }
    LOG.debug("near-repeat: {} incidents, {} close pairs, {} permutations", n, pairs.size(), count);
    return new NearRepeatTable(n, pairs.size(), count, permutations.seed(), out);
  }

  /**
   * Tabulates blocks k, k + threads, ... of {@link BlockedPairs#BLOCK} permutations. Permutation r
   * is the same shuffle of the same stream as in the one-at-a-time loop, so the counts are too.
   */
  private void permuteBlocks(
      BlockedPairs blocked,
      double[] t,
      long[] observed,
      int k,
      int threads,
      long[] ge,
      long[] sum) {
    int n = t.length;
    int block = BlockedPairs.BLOCK;
    int count = permutations.count();
    int dBands = distanceLimits.length - 1;
    int tBands = timeLimits.length - 1;
    int[] order = new int[n];
    double[] times = new double[n * block];
    int[] counts = new int[blocked.countsLength()];
    for (int first = k * block; first < count; first += threads * block) {
      int size = Math.min(block, count - first);
      for (int r = 0; r < block; r++) {
        permutation(
            order, r < size ? first + r : -1); // a filler slot in the last block: counted, ignored
        for (int i = 0; i < n; i++) {
          times[i * block + r] = t[order[i]];
        }
      }
      blocked.count(times, counts);
      for (int r = 0; r < size; r++) {
        for (int d = 0; d < dBands; d++) {
          for (int b = 0; b < tBands; b++) {
            tally(d * tBands + b, blocked.get(counts, r, d, b), observed, ge, sum);
          }
        }
      }
    }
  }

  /**
   * Tabulates blocks of {@link LanePairs#lanes()} permutations, taking the next block from {@code
   * next} until none is left (so a core that runs slower does less of the work). Permutation r is
   * again the same shuffle of the same stream, and the counts are exactly those of the other loops
   * ({@link LanePairs#of} refuses data where they could differ), so which thread takes which block
   * does not change the table.
   */
  private void permuteLanes(
      LanePairs lanes, long[] observed, AtomicInteger next, long[] ge, long[] sum) {
    int[] keys = lanes.keys();
    int n = keys.length;
    int width = lanes.lanes();
    int count = permutations.count();
    int dBands = distanceLimits.length - 1;
    int tBands = timeLimits.length - 1;
    // permutations are shuffled a cache line (16 int lanes) at a time, then interleaved, so each
    // incident's line of lane keys is written once
    int group = Math.min(16, width);
    int[][] shuffled = new int[group][n];
    int[] laneKeys = new int[n * width];
    int[] counts = new int[lanes.countsLength()];
    for (int first = next.getAndIncrement() * width;
        first < count;
        first = next.getAndIncrement() * width) {
      int size = Math.min(width, count - first);
      for (int g = 0; g < width; g += group) {
        for (int q = 0; q < group; q++) {
          int r = g + q;
          System.arraycopy(keys, 0, shuffled[q], 0, n);
          if (r < size) {
            shuffle(shuffled[q], Permutations.stream(permutations.seed(), first + r));
          } // else: a filler lane of the last block, counted and ignored
        }
        for (int i = 0; i < n; i++) {
          int at = i * width + g;
          for (int q = 0; q < group; q++) {
            laneKeys[at + q] = shuffled[q][i];
          }
        }
      }
      lanes.count(laneKeys, counts);
      for (int r = 0; r < size; r++) {
        for (int d = 0; d < dBands; d++) {
          for (int b = 0; b < tBands; b++) {
            tally(
                d * tBands + b,
                lanes.below(counts, r, d, b + 1) - lanes.below(counts, r, d, b),
                observed,
                ge,
                sum);
          }
        }
      }
    }
  }

  private static void tally(int cell, long count, long[] observed, long[] ge, long[] sum) {
    sum[cell] += count;
    if (count >= observed[cell]) {
      ge[cell]++;
    }
  }

  /**
   * Sets {@code order} to permutation r of the incidents (permutation -1: the identity): the time
   * incident i gets in permutation r is the observed time of incident {@code order[i]}.
   */
  private void permutation(int[] order, int r) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (r >= 0) {
      shuffle(order, Permutations.stream(permutations.seed(), r));
    }
  }

  /**
   * Shuffles {@code a} uniformly (Fisher-Yates). Each index is drawn with Lemire's multiply-shift
   * method from half of a 64-bit random word, rejecting the few low products that would make some
   * indices likelier: no division per element, which made the shuffles a sixth of the run.
   */
  static void shuffle(int[] a, SplittableRandom rng) {
    long bits = 0;
    int left = 0;
    for (int k = a.length - 1; k > 0; k--) {
      int bound = k + 1;
      int j;
      while (true) {
        if (left == 0) {
          bits = rng.nextLong();
          left = 2;
        }
        long product = (bits & 0xFFFFFFFFL) * bound;
        bits >>>= 32;
        left--;
        int low = (int) product;
        // only a low word below bound can be biased; the exact threshold costs a division, rarely
        if (Integer.compareUnsigned(low, bound) < 0
            && Integer.compareUnsigned(low, Integer.remainderUnsigned(-bound, bound)) < 0) {
          continue;
        }
        j = (int) (product >>> 32);
        break;
      }
      int tmp = a[k];
      a[k] = a[j];
      a[j] = tmp;
    }
  }

  static int band(double v, double[] limits) {
    if (v < limits[0] || v >= limits[limits.length - 1]) {
      return -1;
    }
    int b = 0;
    while (v >= limits[b + 1]) {
      b++;
    }
    return b;
  }

  /**
   * Collects the settings of a {@link NearRepeat}. Not thread-safe.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private double[] distanceLimits;
    private double[] timeLimits;
    private Permutations permutations = Permutations.of(999, 0);

    private Builder() {}

    /**
     * Sets the distance band limits in metres, ascending: {@code 0, 100, 200, 400} gives three
     * bands, [0, 100), [100, 200) and [200, 400).
     *
     * @param metres at least two limits, ascending, the first not negative
     * @return this builder
     */
    public Builder distanceBands(double... metres) {
      this.distanceLimits = limits(metres, "distance band limits", 127);
      return this;
    }

    /**
     * Sets the time band limits in days, ascending: {@code 0, 7, 14} gives [0, 7) and [7, 14).
     *
     * @param days at least two limits, ascending, the first not negative
     * @return this builder
     */
    public Builder timeBands(double... days) {
      this.timeLimits = limits(days, "time band limits", 10_000);
      return this;
    }

    /**
     * Sets the permutations (default 999 from seed 0 on every processor).
     *
     * @param permutations the settings; never {@code null}
     * @return this builder
     */
    public Builder permutations(Permutations permutations) {
      this.permutations = Objects.requireNonNull(permutations, "permutations must not be null");
      return this;
    }

    /**
     * Builds the calculator.
     *
     * @return the calculator; never {@code null}
     * @throws IllegalStateException if the distance or time bands were not given
     */
    public NearRepeat build() {
      if (distanceLimits == null || timeLimits == null) {
        throw new IllegalStateException(
            "give the distance bands and the time bands before build()");
      }
      return new NearRepeat(this);
    }

    private static double[] limits(double[] v, String what, int maxBands) {
      Objects.requireNonNull(v, what + " must not be null");
      checkArgument(
          v.length >= 2, "%s (%s) must be at least two numbers", what, Arrays.toString(v));
      checkArgument(v.length - 1 <= maxBands, "%s: at most %s bands", what, maxBands);
      for (int k = 0; k < v.length; k++) {
        checkArgument(
            Double.isFinite(v[k]) && v[k] >= 0,
            "%s: limit %s (%s) must be finite and not negative",
            what,
            k + 1,
            v[k]);
        checkArgument(
            k == 0 || v[k] > v[k - 1],
            "%s (%s) must be strictly ascending",
            what,
            Arrays.toString(v));
      }
      return v.clone();
    }
  }
}
