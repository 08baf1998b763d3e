package org.atalaya.geo.hotspot;

import java.util.SplittableRandom;
import org.atalaya.geo.internal.Parallel;
import org.atalaya.geo.weights.SpatialWeights;

/**
 * Conditional permutation inference for local statistics (Anselin 1995): area i keeps its own
 * value and its neighbours' values are replaced by a random sample, without replacement, of the
 * other n - 1 values. The local statistic is an affine function of the spatial lag
 * &Sigma;<sub>j</sub> w<sub>ij</sub> x<sub>j</sub> for fixed i, so only the lag is simulated and
 * compared in the direction of the statistic ({@code direction[i]}: +1, -1, or 0 when the
 * statistic does not depend on the lag). Area i draws from {@link Permutations#stream(long, long)}
 * with index i, so results do not depend on threads. Memory: two counters per area.
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
    Parallel.forEach(chunks, p.threads(), c -> chunk(c, x, direction, p, out));
    return out;
  }

  private void chunk(int c, double[] x, double[] direction, Permutations p, double[] out) {
    int[] drawn = new int[16];
    int[] scratch = null;
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
      double observed = 0;
      for (int s = 0; s < k; s++) {
        observed += weights[from + s] * x[neighbours[from + s]];
      }
      SplittableRandom rng = Permutations.stream(p.seed(), i);
      long ge = 0;
      long le = 0;
      // rejection of repeats is cheap while k is small against n; otherwise a partial shuffle
      boolean shuffle = 4L * k > n - 1;
      if (shuffle && scratch == null) {
        scratch = new int[n];
      }
      for (int r = 0; r < p.count(); r++) {
        if (shuffle) {
          drawByShuffle(rng, i, k, scratch, drawn);
        } else {
          drawByRejection(rng, i, k, drawn);
        }
        double lag = 0;
        for (int s = 0; s < k; s++) {
          lag += weights[from + s] * x[drawn[s]];
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

  private void drawByRejection(SplittableRandom rng, int i, int k, int[] drawn) {
    for (int t = 0; t < k; t++) {
      int j;
      boolean repeat;
      do {
        j = rng.nextInt(n - 1);
        if (j >= i) {
          j++; // skip the area itself
        }
        repeat = false;
        for (int u = 0; u < t; u++) {
          if (drawn[u] == j) {
            repeat = true;
            break;
          }
        }
      } while (repeat);
      drawn[t] = j;
    }
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
