package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A confidence interval: ordered number limits, a level strictly between 0 and 1, and scaling. */
class ConfidenceIntervalTest {

  @Test
  void anIntervalHasNumberLimitsInOrderAndMayReachZeroAndInfinity() {
    assertThatThrownBy(() -> new ConfidenceInterval(Double.NaN, 1, 0.95))
        .hasMessage("lower (NaN) must be a number below infinity");
    assertThatThrownBy(
            () -> new ConfidenceInterval(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0.95))
        .hasMessage("lower (Infinity) must be a number below infinity");
    assertThatThrownBy(() -> new ConfidenceInterval(0, Double.NaN, 0.95))
        .hasMessage("upper (NaN) must be a number");
    assertThatThrownBy(() -> new ConfidenceInterval(2, 1, 0.95))
        .hasMessage("lower (2.0) must not be above upper (1.0)");
    // a zero count's interval starts at 0; a ratio's upper limit may be infinite
    ConfidenceInterval open = new ConfidenceInterval(0, Double.POSITIVE_INFINITY, 0.95);
    assertThat(open.contains(0)).isTrue();
    assertThat(open.contains(1e300)).isTrue();
    assertThat(new ConfidenceInterval(3, 3, 0.5).contains(3)).isTrue();
  }

  @Test
  void theConfidenceLevelIsStrictlyBetweenZeroAndOne() {
    for (double c : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> new ConfidenceInterval(0, 1, c))
          .hasMessage("confidence (" + c + ") must be strictly between 0 and 1, for example 0.95");
    }
    assertThat(new ConfidenceInterval(0, 1, Math.ulp(1.0)).confidence()).isEqualTo(Math.ulp(1.0));
    assertThat(new ConfidenceInterval(0, 1, Math.nextDown(1.0)).confidence())
        .isEqualTo(Math.nextDown(1.0));
  }

  @Test
  void scalingACountIntervalByPerOverPopulationGivesTheRateInterval() {
    // R 4.2: poisson.test(10)$conf.int is (4.795389, 18.390356); per 100,000 of a population of
    // 200,000 the rate interval is half of it, (2.397694, 9.195178), at the same level.
    ConfidenceInterval counts = new ConfidenceInterval(4.795389, 18.390356, 0.95);
    ConfidenceInterval rates = counts.scaled(100_000 / 200_000.0);
    assertThat(rates.lower()).isCloseTo(2.3976945, within(1e-12));
    assertThat(rates.upper()).isCloseTo(9.195178, within(1e-12));
    assertThat(rates.confidence()).isEqualTo(0.95);
    assertThat(counts.scaled(3).upper()).isCloseTo(55.171068, within(1e-9));
  }

  @Test
  void aScaleFactorMustBePositiveAndFinite() {
    ConfidenceInterval counts = new ConfidenceInterval(1, 2, 0.95);
    for (double f : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> counts.scaled(f))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("factor (" + f + ") must be positive and finite");
    }
    assertThat(counts.scaled(Double.MIN_VALUE).lower()).isEqualTo(Double.MIN_VALUE);
  }
}
