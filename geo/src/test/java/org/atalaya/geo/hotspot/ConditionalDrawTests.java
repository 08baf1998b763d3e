package org.atalaya.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
    SpatialWeights w = PointWeights.distanceBand(List.of("a", "b", "c", "d", "e", "f", "g"), x, new double[N], 1.5, Transform.BINARY);
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
    double chi2 = seen.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
    assertThat(chi2).as("chi-square, 29 degrees of freedom; 58.3 is the 0.999 quantile").isLessThan(58.3);
  }

  @Test
  @DisplayName("conditional draws: two distinct other areas, never the area itself, every ordered pair equally likely")
  void drawsAreUniform() {
    int threshold = Integer.remainderUnsigned(-(N - 1), N - 1);
    assertUniform((c, rng, drawn) -> c.drawByRejection(rng, AREA, 2, drawn, threshold));
  }
}
