package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Garwood's exact interval at its edges (a count of 0, a count of 1 at high confidence, where
 * Newton's start is not usable), the Newton iteration behind it, and the arguments refused.
 */
class PoissonIntervalsTest {

  @Test
  void aCountOfZeroHasLowerLimitZeroAndUpperLimitMinusLogOfHalfAlpha() {
    // R: poisson.test(0)$conf.int is 0.000000 3.688879; qgamma(1 - a/2, 1) = -log(a/2).
    ConfidenceInterval ci = PoissonIntervals.exact(0, 0.95);
    assertThat(ci.lower()).isZero();
    assertRelative("upper", ci.upper(), 3.6888794541139363);
    // R: poisson.test(0, conf.level = 0.995)$conf.int[2] = -log(0.0025) = 5.991464547107982
    assertRelative("upper 99.5%", PoissonIntervals.exact(0, 0.995).upper(), 5.991464547107982);
    assertThat(PoissonIntervals.of(0, 0.95, IntervalMethod.EXACT)).isEqualTo(ci);
  }

  @Test
  void aCountOfOneAtHighConfidenceGetsGarwoodsLimitsWhereByarsStartIsNegative() {
    // Byar's lower limit for x = 1 is negative above about 99.2%; at 99.5%
    // (1 - 1/9 - 2.807/3)^3 < 0, so the library's inverse answers the lower limit.
    assertThat(PoissonIntervals.byar(1, 0.993).lower()).isZero();
    assertThat(PoissonIntervals.byar(1, 0.99).lower()).isPositive();
    // R: poisson.test(1, conf.level = 0.995)$conf.int: qgamma(0.0025, 1) = -log(1 - 0.0025) and
    // qgamma(0.9975, 2), the root of (1 + u) exp(-u) = 0.0025:
    // 0.0025031302181185304 8.2119680620682542
    ConfidenceInterval ci = PoissonIntervals.exact(1, 0.995);
    assertRelative("lower", ci.lower(), 0.0025031302181185304);
    assertRelative("upper", ci.upper(), 8.2119680620682542);
    // R: poisson.test(1, conf.level = 0.999)$conf.int: 0.00050012504168229792 9.9986774976238040
    ConfidenceInterval wide = PoissonIntervals.exact(1, 0.999);
    assertRelative("lower 99.9%", wide.lower(), 0.00050012504168229792);
    assertRelative("upper 99.9%", wide.upper(), 9.9986774976238040);
  }

  @Test
  void newtonFromByarsStartSettlesOnTheGammaQuantileSoTheSlowFallbackIsNotNeeded() {
    // decision 0005: started from Byar's approximation, Newton's method converges in a few
    // steps; the library's inverse is only a fallback. Wherever Byar's limit is positive, Newton
    // alone must answer, and give the library's quantile to 1e-12.
    NormalDistribution normal = NormalDistribution.of(0, 1);
    long[] counts = new long[70];
    for (int i = 0; i < 60; i++) {
      counts[i] = i + 1;
    }
    long[] large = {75, 100, 250, 1000, 5000, 20_000, 100_000, 1_000_000, 10_000_000};
    System.arraycopy(large, 0, counts, 60, large.length);
    for (double confidence : new double[] {0.5, 0.8, 0.9, 0.95, 0.99, 0.999}) {
      double tail = (1 - confidence) / 2;
      double z = normal.inverseSurvivalProbability(tail);
      for (long x : counts) {
        GammaDistribution above = GammaDistribution.of(x + 1.0, 1);
        double upper = PoissonIntervals.newtonGammaQuantile(above, x + 1.0, tail, true, z);
        assertThat(Math.abs(upper / above.inverseSurvivalProbability(tail) - 1))
            .as("upper x=%s conf=%s: %s", x, confidence, upper)
            .isLessThanOrEqualTo(1e-12);
        if (PoissonIntervals.byar(x, confidence).lower() > 0) {
          GammaDistribution below = GammaDistribution.of(x, 1);
          double lower = PoissonIntervals.newtonGammaQuantile(below, x, tail, false, z);
          assertThat(Math.abs(lower / below.inverseCumulativeProbability(tail) - 1))
              .as("lower x=%s conf=%s: %s", x, confidence, lower)
              .isLessThanOrEqualTo(1e-12);
        }
      }
    }
  }

  @Test
  void newtonGivesUpWhenByarsStartIsNotPositive() {
    double tail = 0.0005; // 99.9%
    double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(tail);
    // (1 - 1/9 - 3.29/3)^3 < 0: no start, so no Newton answer.
    assertThat(PoissonIntervals.newtonGammaQuantile(GammaDistribution.of(1, 1), 1, tail, false, z))
        .isNaN();
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyComputationNamingTheValue() {
    String confidenceRule = " must be strictly between 0 and 1, for example 0.95";
    assertThatThrownBy(() -> PoissonIntervals.byar(-1, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count (-1) must not be negative");
    assertThatThrownBy(() -> PoissonIntervals.byar(-5, 0.95))
        .hasMessage("count (-5) must not be negative");
    assertThatThrownBy(() -> PoissonIntervals.byar(3, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence (1.5)" + confidenceRule);
    assertThatThrownBy(() -> PoissonIntervals.exact(3, -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence (-0.5)" + confidenceRule);
    assertThatThrownBy(() -> PoissonIntervals.of(3, 1.5, IntervalMethod.EXACT))
        .hasMessage("confidence (1.5)" + confidenceRule);
    assertThatThrownBy(() -> PoissonIntervals.of(3, 0.95, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("method must not be null");
    assertThatThrownBy(() -> PoissonIntervals.exactWithin(-1, 3, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lowest (-1) must not be negative");
    assertThatThrownBy(() -> PoissonIntervals.exactWithNoise(3, 1, 1, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("terms (0) must be at least 1");
    assertThatThrownBy(() -> PoissonIntervals.exactWithNoise(3, 1, 1, 1, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence (1.0)" + confidenceRule);
    assertThatThrownBy(() -> PoissonIntervals.exactWithNoise(3, 0, 1, 1, 0.95))
        .hasMessage("epsilon (0.0) must be a positive number");
  }
}
