package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact intervals of noisy counts and of sums of noisy counts, and their coverage. */
class NoisyCountIntervalsTest {
  private static final int DRAWS = 10_000;

  @Test
  void aNoisyCountAtEpsilonOneHasTheIntervalWorkedOutByHand() {
    // a = e^-1 = 0.367879; P(|Z| > q) = 2 a^(q+1) / (1 + a):
    //   q = 2: 2 * 0.049787 / 1.367879 = 0.072795 > 0.05
    //   q = 3: 2 * 0.018316 / 1.367879 = 0.026780 <= 0.05
    // so q = 3, and a published 7 gives [4, 10] with coverage 1 - 0.026780 = 0.973220.
    DiscreteLaplace noise = DiscreteLaplace.distribution(1, 1);
    assertThat(noise.tailProbability(2, 1)).isCloseTo(0.072795, within(1e-6));
    assertThat(noise.tailProbability(3, 1)).isCloseTo(0.026780, within(1e-6));
    NoisyCount seven = noise.interval(7, 0.95);
    assertThat(seven).isEqualTo(new NoisyCount(7, 4, 10, 0.95, seven.coverage()));
    assertThat(seven.coverage()).isCloseTo(0.973220, within(1e-6));
    // Near zero the limits are raised to 0; a very negative count holds only 0.
    assertThat(noise.interval(1, 0.95))
        .extracting(NoisyCount::lower, NoisyCount::upper)
        .containsExactly(0L, 4L);
    assertThat(noise.interval(-2, 0.95))
        .extracting(NoisyCount::lower, NoisyCount::upper)
        .containsExactly(0L, 1L);
    assertThat(noise.interval(-9, 0.95))
        .extracting(NoisyCount::lower, NoisyCount::upper)
        .containsExactly(0L, 0L);
  }

  @ParameterizedTest
  @CsvSource({
    "0.1, 1, 30, 0.952701",
    "0.5, 1, 6, 0.962406",
    "1, 1, 3, 0.973220",
    "1, 2, 6, 0.962406"
  })
  void theHalfWidthsAndCoveragesQuotedInTheGuide(
      double epsilon, int sensitivity, long q, double coverage) {
    // sdk-docs/anonymisation.md quotes these: +-30, +-6 and +-3 at epsilon 0.1, 0.5 and 1.
    DiscreteLaplace noise = DiscreteLaplace.distribution(epsilon, sensitivity);
    assertThat(noise.halfWidth(0.95, 1)).isEqualTo(q);
    assertThat(noise.tailProbability(q, 1)).isLessThanOrEqualTo(0.05);
    assertThat(noise.tailProbability(q - 1, 1)).isGreaterThan(0.05);
    assertThat(noise.interval(50, 0.95).coverage()).isCloseTo(coverage, within(1e-6));
  }

  @Test
  void theDistributionOfASumMatchesTheConvolutionOfItsTerms() {
    DiscreteLaplace noise = DiscreteLaplace.distribution(0.5, 1);
    // P(Z1 + Z2 + Z3 = s) by brute-force convolution over a wide support.
    int m = 200;
    double[] one = new double[2 * m + 1];
    for (int z = -m; z <= m; z++) {
      one[z + m] = noise.probability(z);
    }
    double[] sum = one;
    for (int k = 2; k <= 3; k++) {
      double[] next = new double[sum.length + 2 * m];
      for (int i = 0; i < sum.length; i++) {
        for (int j = 0; j < one.length; j++) {
          next[i + j] += sum[i] * one[j];
        }
      }
      sum = next;
    }
    int centre = (sum.length - 1) / 2;
    for (int s : List.of(-40, -9, -1, 0, 1, 5, 12, 30)) {
      double cdf = 0;
      for (int i = 0; i <= centre + s; i++) {
        cdf += sum[i];
      }
      assertThat(noise.cumulativeProbability(s, 3))
          .as("P(S <= %s)", s)
          .isCloseTo(cdf, within(1e-12));
    }
    assertThat(noise.cumulativeProbability(-3, 1))
        .isCloseTo(noise.probability(-3) / (1 - Math.exp(-0.5)), within(1e-15));
    // A grand total of many cells at a small epsilon is nearly normal: its half-width is a little
    // about 1.96 standard deviations of the sum, rounded to a whole number.
    for (double epsilon : new double[] {0.1, 0.5, 1}) {
      DiscreteLaplace d = DiscreteLaplace.distribution(epsilon, 1);
      double sd = d.standardDeviation() * Math.sqrt(260);
      assertThat((double) d.halfWidth(0.95, 260))
          .as("epsilon %s", epsilon)
          .isBetween(1.9 * sd, 2.05 * sd);
    }
    // Three cells' noise is wider than one's: the total's half-width is larger.
    assertThat(noise.halfWidth(0.95, 3)).isGreaterThan(noise.halfWidth(0.95, 1));
  }

  @Test
  void aDistributionDrawsNoNoise() {
    assertThatThrownBy(() -> DiscreteLaplace.distribution(1, 1).noise())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("draws no noise");
    assertThatThrownBy(() -> DiscreteLaplace.distribution(1, 1).halfWidth(1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence (1.0) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> DiscreteLaplace.distribution(1, 1).interval(3, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms (0) must be at least 1");
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.1", "1, 0.1", "3, 0.1", "10, 0.1", "100, 0.1",
    "0, 0.5", "1, 0.5", "3, 0.5", "10, 0.5", "100, 0.5",
    "0, 1", "1, 1", "3, 1", "10, 1", "100, 1"
  })
  void aNoisyCountsIntervalHoldsTheTrueCountAsOftenAsItSays(long truth, double epsilon) {
    DiscreteLaplace mechanism =
        DiscreteLaplace.forTesting(
            epsilon, 1, new SplittableRandom(1_000 * truth + Math.round(10 * epsilon)));
    DiscreteLaplace noise = DiscreteLaplace.distribution(epsilon, 1);
    int covered = 0;
    for (int i = 0; i < DRAWS; i++) {
      covered += noise.interval(mechanism.addNoise(truth), 0.95).contains(truth) ? 1 : 0;
    }
    double measured = (double) covered / DRAWS;
    double stated = noise.interval(truth, 0.95).coverage();
    // The exact coverage: as stated from 1, higher at 0 (the raised upper limit also holds 0).
    double exact = truth == 0 ? 1 - (1 - stated) / 2 : stated;
    System.out.printf(
        "noisy count %d, epsilon %s: coverage %.4f (exact %.4f)%n",
        truth, epsilon, measured, exact);
    assertThat(measured).isGreaterThanOrEqualTo(0.94);
    // Five standard errors: a wrong half-width (one less or more) moves coverage further than that.
    assertThat(measured).isCloseTo(exact, within(5 * Math.sqrt(exact * (1 - exact) / DRAWS)));
  }

  @Test
  void aTotalsIntervalHoldsTheTrueSumAsOftenAsItSays() {
    for (int terms : List.of(2, 7, 20)) {
      DiscreteLaplace mechanism = DiscreteLaplace.forTesting(0.5, 1, new SplittableRandom(terms));
      DiscreteLaplace noise = DiscreteLaplace.distribution(0.5, 1);
      int covered = 0;
      for (int i = 0; i < DRAWS; i++) {
        long sum = 0;
        for (int t = 0; t < terms; t++) {
          sum += mechanism.addNoise(3);
        }
        covered += noise.interval(sum, terms, 0.95).contains(3L * terms) ? 1 : 0;
      }
      double measured = (double) covered / DRAWS;
      double exact = noise.interval(3L * terms, terms, 0.95).coverage();
      System.out.printf(
          "total of %d noisy cells, epsilon 0.5: coverage %.4f (exact %.4f)%n",
          terms, measured, exact);
      assertThat(measured)
          .isGreaterThanOrEqualTo(0.94)
          .isCloseTo(exact, within(5 * Math.sqrt(exact * (1 - exact) / DRAWS)));
    }
  }

  @Test
  void theIntervalHoldsANonNegativeCountHasWholeLimitsAndWidensAsEpsilonFalls() {
    qt().forAll(
            longs().between(-50, 100_000),
            integers().between(1, 40),
            integers().between(1, 40),
            integers().between(1, 3))
        .checkAssert(
            (y, e1, e2, terms) -> {
              double lo = Math.min(e1, e2) / 10.0;
              double hi = Math.max(e1, e2) / 10.0;
              NoisyCount wide = DiscreteLaplace.distribution(lo, 1).interval(y, terms, 0.95);
              NoisyCount narrow = DiscreteLaplace.distribution(hi, 1).interval(y, terms, 0.95);
              if (y >= 0) {
                assertThat(wide.contains(y)).isTrue();
                assertThat(narrow.contains(y)).isTrue();
              }
              assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
              assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper());
              assertThat(wide.coverage()).isGreaterThanOrEqualTo(0.95);
              // Limits are whole numbers by type; the published text must be too.
              assertThat(Long.toString(wide.lower())).matches("\\d+");
            });
  }
}
