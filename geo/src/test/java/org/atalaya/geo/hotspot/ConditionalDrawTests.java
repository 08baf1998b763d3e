package org.atalaya.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.atalaya.geo.weights.PointWeights;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConditionalDrawTests {
  /** One draw of two neighbours for the area. */
  interface Draw {
    void draw(ConditionalPermutation c, SplittableRandom rng, int[] drawn);
  }

  static final int N = 7;
  static final int AREA = 3;

  /** Draws 2 of the 6 other areas many times; every ordered pair must be equally likely. */
  static void assertUniform(Draw draw) {
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = i;
    }
    SpatialWeights w =
        PointWeights.distanceBand(
            List.of("a", "b", "c", "d", "e", "f", "g"), x, new double[N], 1.5, Transform.BINARY);
    ConditionalPermutation c = new ConditionalPermutation(w);
    SplittableRandom rng = new SplittableRandom(17);
    Map<String, Integer> seen = new HashMap<>();
    int draws = 60_000;
    int[] drawn = new int[2];
    for (int r = 0; r < draws; r++) {
      draw.draw(c, rng, drawn);
      assertThat(drawn[0]).isNotEqualTo(AREA).isNotEqualTo(drawn[1]).isBetween(0, N - 1);
      assertThat(drawn[1]).isNotEqualTo(AREA).isBetween(0, N - 1);
      seen.merge(drawn[0] + "," + drawn[1], 1, Integer::sum);
    }
    assertThat(seen).hasSize(30);
    double expected = draws / 30.0;
    double chi2 =
        seen.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
    assertThat(chi2)
        .as("chi-square, 29 degrees of freedom; 58.3 is the 0.999 quantile")
        .isLessThan(58.3);
  }

  @Test
  @DisplayName(
      "conditional draws: two distinct other areas, never the area itself, every ordered pair"
          + " equally likely")
  void drawsAreUniform() {
    int threshold = Integer.remainderUnsigned(-(N - 1), N - 1);
    long[] state = {17};
    assertUniform((c, rng, drawn) -> state[0] = c.draw(state[0], AREA, 2, drawn, threshold));
  }

  /**
   * The draws as first written, on a {@link SplittableRandom}: the reference that {@code draw}'s
   * written-out generator must equal, so seeded p-values stay what they were.
   */
  static void reference(SplittableRandom rng, int n, int i, int k, int[] drawn, int threshold) {
    int bound = n - 1;
    long bits = 0;
    int left = 0;
    int t = 0;
    while (t < k) {
      if (left == 0) {
        bits = rng.nextLong();
        left = 2;
      }
      long product = (bits & 0xFFFFFFFFL) * bound;
      bits >>>= 32;
      left--;
      if (Integer.compareUnsigned((int) product, threshold) < 0) {
        continue;
      }
      int j = (int) (product >>> 32);
      j += j >= i ? 1 : 0;
      boolean repeat = false;
      for (int u = 0; u < t; u++) {
        repeat |= drawn[u] == j;
      }
      if (!repeat) {
        drawn[t++] = j;
      }
    }
  }

  @Test
  @DisplayName(
      "the written-out generator draws exactly what a SplittableRandom from the same seed draws,"
          + " rejections and repeats included")
  void drawsEqualTheSplittableRandomReference() {
    for (int n : new int[] {3, 7, 100, 65_537, 100_000}) {
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
      }
      SpatialWeights w =
          PointWeights.distanceBand(
              IntStream.range(0, n).mapToObj(String::valueOf).toList(),
              x,
              new double[n],
              1.5,
              Transform.BINARY);
      ConditionalPermutation c = new ConditionalPermutation(w);
      // the real threshold rejects almost nothing; 2^31 (unsigned) rejects about half the draws
      for (int threshold :
          new int[] {Integer.remainderUnsigned(-(n - 1), n - 1), Integer.MIN_VALUE}) {
        for (int area : new int[] {0, n / 2, n - 1}) {
          int k = Math.min(n - 1, 5);
          long seed = Permutations.streamSeed(2026, area);
          SplittableRandom rng = new SplittableRandom(seed);
          long state = seed;
          int[] expected = new int[k];
          int[] actual = new int[k];
          for (int r = 0; r < 2_000; r++) {
            reference(rng, n, area, k, expected, threshold);
            state = c.draw(state, area, k, actual, threshold);
            assertThat(actual).as("n %s, area %s, permutation %s", n, area, r).isEqualTo(expected);
          }
          // the same words consumed: both give the same next word
          assertThat(new SplittableRandom(state).nextLong())
              .as("next word")
              .isEqualTo(rng.nextLong());
        }
      }
    }
  }
}
