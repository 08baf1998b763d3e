package org.atalaya.geo.hotspot;

import java.util.SplittableRandom;
import org.atalaya.geo.internal.Parallel;
import org.atalaya.geo.weights.SpatialWeights;

/**
 * Conditional permutation inference for local statistics (Anselin 1995): area i keeps its own value
 * and its neighbours' values are replaced by a random sample, without replacement, of the other n -
 * 1 values. The local statistic is an affine function of the spatial lag &Sigma;<sub>j</sub>
 * w<sub>ij</sub> x<sub>j</sub> for fixed i, so only the lag is simulated and compared in the
 * direction of the statistic ({@code direction[i]}: +1, -1, or 0 when the statistic does not depend
 * on the lag). Area i draws from {@link Permutations#stream(long, long)} with index i, so results
 * do not depend on threads. Memory: two counters per area.
 */
final class ConditionalPermutation {
  private static final int CHUNK = 512;

  private final int n;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] weights;

  ConditionalPermutation(SpatialWeights w) {
    n = w.size();
    offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + w.cardinality(i);
    }
    neighbours = new int[offsets[n]];
    weights = new double[offsets[n]];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < w.cardinality(i); k++) {
        neighbours[offsets[i] + k] = w.neighbour(i, k);
        weights[offsets[i] + k] = w.weight(i, k);
      }
    }
  }

  /** Returns the folded pseudo p-value of every area. */
  double[] pValues(double[] x, double[] direction, Permutations p) {
    double[] out = new double[n];
    int chunks = (n + CHUNK - 1) / CHUNK;
    short[] small = smallIntegers(x);
    Parallel.forEach(chunks, p.threads(), c -> chunk(c, x, small, direction, p, out));
    return out;
  }

  /**
   * Returns the values as shorts when they all are integers in the short range (counts per cell,
   * the usual input), else null. Sums of such values are exact in int and in double alike, so
   * comparing int sums gives exactly the double results, from an array a quarter the size: the
   * random reads of the simulations then stay in the processor's cache.
   */
  private static short[] smallIntegers(double[] x) {
    short[] s = new short[x.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i] != Math.rint(x[i]) || x[i] < Short.MIN_VALUE || x[i] > Short.MAX_VALUE) {
        return null;
      }
      s[i] = (short) x[i];
    }
    return s;
  }

  private void chunk(
      int c, double[] x, short[] small, double[] direction, Permutations p, double[] out) {
    int[] drawn = new int[16];
    int[] scratch = null;
    // Lemire's rejection threshold for uniform draws from the n - 1 other areas: 2^32 mod (n - 1)
    int threshold = Integer.remainderUnsigned(-(n - 1), n - 1);
    for (int i = c * CHUNK; i < Math.min(n, (c + 1) * CHUNK); i++) {
      int from = offsets[i];
      int k = offsets[i + 1] - from;
      if (k == 0 || direction[i] == 0) {
        out[i] = 1.0; // every simulation equals the observation
        continue;
      }
      if (drawn.length < k) {
        drawn = new int[k];
      }
      boolean equal = true;
      for (int s = 1; s < k && equal; s++) {
        equal = weights[from + s] == weights[from];
      }
      // with equal weights (binary, or row-standardised binary) the sum orders the lags the same
      // way
      double observed = 0;
      for (int s = 0; s < k; s++) {
        observed += (equal ? 1 : weights[from + s]) * x[neighbours[from + s]];
      }
      // rejection of repeats is cheap while k is small against n; otherwise a partial shuffle
      boolean shuffle = 4L * k > n - 1;
      SplittableRandom rng = shuffle ? Permutations.stream(p.seed(), i) : null;
      long state = Permutations.streamSeed(p.seed(), i); // the same stream, for draw()
      long ge = 0;
      long le = 0;
      if (shuffle && scratch == null) {
        scratch = new int[n];
      }
      for (int r = 0; r < p.count(); r++) {
        if (shuffle) {
          drawByShuffle(rng, i, k, scratch, drawn);
        } else {
          state = draw(state, i, k, drawn, threshold);
        }
        double lag = 0;
        if (equal && small != null) {
          int sum = 0;
          for (int s = 0; s < k; s++) {
            sum += small[drawn[s]];
          }
          lag = sum;
        } else if (equal) {
          for (int s = 0; s < k; s++) {
            lag += x[drawn[s]];
          }
        } else {
          for (int s = 0; s < k; s++) {
            lag += weights[from + s] * x[drawn[s]];
          }
        }
        double d = direction[i] > 0 ? lag - observed : observed - lag;
        if (d >= 0) {
          ge++;
        }
        if (d <= 0) {
          le++;
        }
      }
      out[i] = Permutations.foldedP(ge, le, p.count());
    }
  }

  /**
   * Draws k distinct areas other than i, uniformly, into {@code drawn[0..k)}, and returns the new
   * state. The random words are those of {@code new SplittableRandom(state)} (SplitMix64 with the
   * golden-ratio gamma), written out so that the state stays in a register: with a {@code
   * SplittableRandom} the same draws took 13% longer. Each word gives two draws, Lemire's
   * multiply-shift on its low then its high 32 bits, rejecting the few low products that would make
   * some indices likelier; a repeat is rejected too. A word's unused half is dropped when the
   * sample is complete. The two halves are written out: as a loop over them the gain was lost.
   */
  long draw(long state, int i, int k, int[] drawn, int threshold) {
    int bound = n - 1;
    int lowest = threshold + Integer.MIN_VALUE; // unsigned comparison, as a signed one
    // a 64-bit filter of the indices drawn so far: most new indices miss it, and only a hit
    // (a repeat, or one of about t/64 false alarms) costs a scan of the t drawn before
    long seen = 0;
    int t = 0;
    while (t < k) {
      long z = Permutations.mix(state += Permutations.GOLDEN_GAMMA);
      long product = (z & 0xFFFFFFFFL) * bound;
      if ((int) product + Integer.MIN_VALUE >= lowest) {
        int j = (int) (product >>> 32);
        j +=
            (i - 1 - j)
                >>> 31; // skip the area itself: +1 when j >= i, without a branch to mispredict
        long bit = 1L << j;
        if ((seen & bit) == 0 || !contains(drawn, t, j)) {
          seen |= bit;
          drawn[t++] = j;
        }
      }
      if (t < k) {
        product = (z >>> 32) * bound;
        if ((int) product + Integer.MIN_VALUE >= lowest) {
          int j = (int) (product >>> 32);
          j += (i - 1 - j) >>> 31;
          long bit = 1L << j;
          if ((seen & bit) == 0 || !contains(drawn, t, j)) {
            seen |= bit;
            drawn[t++] = j;
          }
        }
      }
    }
    return state;
  }

  private static boolean contains(int[] a, int length, int value) {
    for (int u = 0; u < length; u++) {
      if (a[u] == value) {
        return true;
      }
    }
    return false;
  }

  private void drawByShuffle(SplittableRandom rng, int i, int k, int[] scratch, int[] drawn) {
    // scratch holds the n - 1 other indices; a partial Fisher-Yates picks k of them
    int m = 0;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        scratch[m++] = j;
      }
    }
    for (int t = 0; t < k; t++) {
      int r = t + rng.nextInt(m - t);
      int tmp = scratch[t];
      scratch[t] = scratch[r];
      scratch[r] = tmp;
      drawn[t] = scratch[t];
    }
  }
}
