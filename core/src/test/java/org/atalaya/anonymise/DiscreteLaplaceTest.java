package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The discrete Laplace noise: its documented probabilities, its symmetry, the draws that follow
 * them, the half-width rule of its intervals and the arguments it refuses. Expected values are
 * computed here from the formulas of the class documentation, never read back from the class.
 */
class DiscreteLaplaceTest {

  /** {@code P(Z = z) = (1 - a) / (1 + a) * a^|z|}, {@code a = exp(-epsilon / sensitivity)}. */
  private static double pmf(double epsilon, int sensitivity, long z) {
    double a = Math.exp(-epsilon / sensitivity);
    return (1 - a) / (1 + a) * Math.pow(a, Math.abs(z));
  }

  @ParameterizedTest
  @CsvSource({"0.1, 1", "0.5, 1", "1, 1", "1, 2", "2, 3"})
  void theProbabilitiesAreTheTwoSidedGeometricOfTheDocumentation(double epsilon, int sensitivity) {
    DiscreteLaplace d = DiscreteLaplace.distribution(epsilon, sensitivity);
    double a = Math.exp(-epsilon / sensitivity);
    // P(Z = 0) = (1 - e^-eps) / (1 + e^-eps) for a sensitivity of 1.
    assertThat(d.probability(0)).isCloseTo((1 - a) / (1 + a), within(1e-15));
    double total = 0;
    double cdf = 0;
    for (long z = -3000; z <= 3000; z++) {
      total += pmf(epsilon, sensitivity, z);
    }
    for (long z = -3000; z <= 40; z++) {
      double p = pmf(epsilon, sensitivity, z);
      cdf += p;
      if (z >= -40) {
        assertThat(d.probability(z)).as("P(Z = %s)", z).isCloseTo(p, within(1e-15));
        assertThat(d.probability(-z)).as("symmetric at %s", z).isEqualTo(d.probability(z));
        assertThat(d.cumulativeProbability(z)).as("P(Z <= %s)", z).isCloseTo(cdf, within(1e-12));
        assertThat(d.cumulativeProbability(z, 1)).isEqualTo(d.cumulativeProbability(z));
        // Symmetric: P(Z <= -z - 1) = P(Z > z) = 1 - P(Z <= z).
        assertThat(d.cumulativeProbability(-z - 1))
            .isCloseTo(1 - d.cumulativeProbability(z), within(1e-15));
      }
    }
    assertThat(total).isCloseTo(1, within(1e-12));
    for (long q = 0; q <= 20; q++) {
      // P(|Z| > q) = 2 a^(q+1) / (1 + a)
      assertThat(d.tailProbability(q, 1))
          .as("P(|Z| > %s)", q)
          .isCloseTo(2 * Math.pow(a, q + 1) / (1 + a), within(1e-15));
    }
    assertThat(d.epsilon()).isEqualTo(epsilon);
    assertThat(d.sensitivity()).isEqualTo(sensitivity);
    // sqrt(2a) / (1 - a), the square root of the variance of a difference of two geometrics.
    assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(2 * a) / (1 - a), within(1e-12));
  }

  @Test
  void drawsAtSensitivityTwoFollowTheExactProbabilitiesAndAreSymmetric() {
    double epsilon = 1;
    int sensitivity = 2; // a = e^-0.5
    DiscreteLaplace m =
        DiscreteLaplace.forTesting(epsilon, sensitivity, new SplittableRandom(20261207L));
    int draws = 60_000;
    int half = 10; // bins -10..10, the tails pooled into the end bins
    long[] observed = new long[2 * half + 1];
    long positive = 0;
    long negative = 0;
    for (int i = 0; i < draws; i++) {
      long z = m.addNoise(1000) - 1000;
      observed[(int) Math.max(-half, Math.min(half, z)) + half]++;
      positive += z > 0 ? 1 : 0;
      negative += z < 0 ? 1 : 0;
    }
    double a = Math.exp(-0.5);
    double chi = 0;
    for (int b = 0; b < observed.length; b++) {
      int z = b - half;
      double p =
          Math.abs(z) < half
              ? pmf(epsilon, sensitivity, z)
              : Math.pow(a, half) / (1 + a); // P(Z >= half) = P(Z <= -half)
      double expected = p * draws;
      chi += (observed[b] - expected) * (observed[b] - expected) / expected;
    }
    double critical =
        ChiSquaredDistribution.of(observed.length - 1).inverseSurvivalProbability(0.001);
    assertThat(chi).as("chi-square %s against %s", chi, critical).isLessThan(critical);
    // Symmetry: as many draws above 0 as below, to within 4 standard deviations of a fair split.
    double n = positive + negative;
    assertThat(Math.abs(positive - n / 2)).isLessThan(4 * Math.sqrt(n) / 2);
  }

  @Test
  void theProductionMechanismDrawsIntegerNoiseAroundTheCount() {
    DiscreteLaplace m = DiscreteLaplace.of(1, 1);
    assertThat(m.epsilon()).isEqualTo(1);
    assertThat(m.sensitivity()).isEqualTo(1);
    // P(|Z| > 60) = 2 e^-61 / (1 + e^-1), about 4e-27: never seen.
    for (int i = 0; i < 100; i++) {
      assertThat(m.addNoise(500)).isBetween(440L, 560L);
    }
  }

  @Test
  void theHalfWidthIsTheSmallestWholeQWhoseTailIsAtMostOneMinusTheConfidence() {
    // At equality the tail is allowed (P(|S| > q) <= 1 - confidence): search an epsilon at which
    // 1 - confidence equals the tail of q = 4 exactly in double arithmetic.
    for (int terms : new int[] {1, 3}) {
      long q = 4;
      double epsilon = terms == 1 ? 0.3 : 0.6;
      int tries = 0;
      while (true) {
        DiscreteLaplace d = DiscreteLaplace.distribution(epsilon, 1);
        double tail = d.tailProbability(q, terms);
        double confidence = 1 - tail;
        if (1 - confidence == tail) {
          assertThat(d.tailProbability(q - 1, terms)).isGreaterThan(tail);
          assertThat(d.halfWidth(confidence, terms))
              .as("terms %s, epsilon %s, tail %s", terms, epsilon, tail)
              .isEqualTo(q);
          assertThat(d.halfWidth(Math.nextUp(confidence), terms)).isEqualTo(q + 1);
          break;
        }
        epsilon = Math.nextUp(epsilon);
        assertThat(++tries).as("no epsilon found").isLessThan(10_000);
      }
    }
  }

  @Test
  void aLargeEpsilonGivesAZeroHalfWidthSoTheNoisyCountIsItsOwnInterval() {
    // epsilon 12: P(|Z| > 0) = 2 e^-12 / (1 + e^-12), about 1.2e-5, already below 0.05.
    DiscreteLaplace d = DiscreteLaplace.distribution(12, 1);
    assertThat(d.halfWidth(0.95, 1)).isZero();
    assertThat(d.halfWidth(0.95, 2)).isZero();
    NoisyCount seven = d.interval(7, 0.95);
    assertThat(seven.lower()).isEqualTo(7);
    assertThat(seven.upper()).isEqualTo(7);
    assertThat(seven.coverage())
        .isCloseTo(1 - 2 * Math.exp(-12) / (1 + Math.exp(-12)), within(1e-15));
  }

  @Test
  void theTailOfASumIsExactFarOutAndZeroBeyondItsTable() {
    // The sum of two draws, by convolution of the documented probabilities over a wide support.
    double epsilon = 1;
    DiscreteLaplace d = DiscreteLaplace.distribution(epsilon, 1);
    int m = 400;
    double[] sum = new double[4 * m + 1]; // s = -2m..2m
    for (int i = -m; i <= m; i++) {
      for (int j = -m; j <= m; j++) {
        sum[i + j + 2 * m] += pmf(epsilon, 1, i) * pmf(epsilon, 1, j);
      }
    }
    double upper = 0; // P(S > q), summed from the far end
    double[] tail = new double[2 * m + 1];
    for (int s = 2 * m; s >= 0; s--) {
      tail[s] = upper;
      upper += sum[s + 2 * m];
    }
    for (int q = 0; q <= 2 * m; q++) {
      assertThat(d.tailProbability(q, 2))
          .as("P(|S| > %s)", q)
          .isCloseTo(2 * tail[q], within(1e-15));
      assertThat(d.cumulativeProbability(q, 2)).isCloseTo(1 - tail[q], within(1e-15));
      assertThat(d.cumulativeProbability(-q - 1, 2)).isCloseTo(tail[q], within(1e-15));
    }
    assertThat(d.tailProbability(1_000_000, 2)).isZero();
  }

  @Test
  void badArgumentsAreRefusedNamingTheValueAndTheRule() {
    assertThatThrownBy(() -> DiscreteLaplace.of(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon (0.0) must be a positive number");
    assertThatThrownBy(() -> DiscreteLaplace.distribution(Double.NaN, 1))
        .hasMessage("epsilon (NaN) must be a positive number");
    assertThatThrownBy(() -> DiscreteLaplace.distribution(Double.POSITIVE_INFINITY, 1))
        .hasMessage("epsilon (Infinity) must be a positive number");
    assertThatThrownBy(() -> DiscreteLaplace.distribution(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sensitivity (0) must be at least 1");
    assertThatThrownBy(() -> DiscreteLaplace.forTesting(1, 1, null))
        .hasMessage("random must not be null");
    DiscreteLaplace d = DiscreteLaplace.distribution(1, 1);
    assertThatThrownBy(() -> d.cumulativeProbability(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms (0) must be at least 1");
    assertThatThrownBy(() -> d.tailProbability(3, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms (0) must be at least 1");
    assertThatThrownBy(() -> d.tailProbability(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("q (-1) must not be negative");
    assertThatThrownBy(() -> d.tailProbability(-1, 2)).hasMessage("q (-1) must not be negative");
    assertThatThrownBy(() -> d.halfWidth(0.95, 0)).hasMessage("terms (0) must be at least 1");
    assertThatThrownBy(() -> d.halfWidth(0, 1))
        .hasMessage("confidence (0.0) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> d.halfWidth(1, 2))
        .hasMessage("confidence (1.0) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> d.interval(3, Double.NaN))
        .hasMessage("confidence (NaN) must be strictly between 0 and 1, for example 0.95");
  }
}
