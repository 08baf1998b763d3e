package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import org.junit.jupiter.api.Test;

/** Direct standardisation: the base, the strata and the standard population it accepts. */
class DirectStandardisedRateTest {

  private static final long[] COUNTS = {1, 5, 20, 3};
  private static final double[] POPULATIONS = {1000, 2000, 5000, 1500};
  private static final double[] STANDARD = {8.86, 8.69, 8.60, 8.47};

  @Test
  void theCrudeAndStandardisedRatesAndBothLimitsAreExpressedPerTheBase() {
    // R 4.2, epitools 0.5-10.1: ageadjust.direct(count = c(1, 5, 20, 3), pop = c(1000, 2000,
    // 5000, 1500), stdpop = c(8.86, 8.69, 8.6, 8.47)) gives crude 0.0030526315789473684, adj
    // 0.0023664067013287118, lci 0.0014549279193627675, uci 0.0038804555576193961; per 100,000:
    DirectStandardisedRate r =
        DirectStandardisedRate.of(COUNTS, POPULATIONS, STANDARD, 0.95, 100_000);
    assertRelative("crude", r.crudeRate(), 305.26315789473684);
    assertRelative("adjusted", r.rate(), 236.64067013287118);
    assertRelative("lower", r.lower(), 145.49279193627675);
    assertRelative("upper", r.upper(), 388.04555576193961);
    assertThat(r.lineage().indicator()).isEqualTo("directly standardised rate over 4 strata");
  }

  @Test
  void aStratumAbsentFromTheStandardWeighsNothing() {
    // weights (0, 1): the standardised rate is the second stratum's, 5 / 2000 per 1; the crude
    // rate still counts both, 6 / 3000
    DirectStandardisedRate r =
        DirectStandardisedRate.of(
            new long[] {1, 5}, new double[] {1000, 2000}, new double[] {0, 7}, 0.95, 1);
    assertThat(r.rate()).isEqualTo(0.0025);
    assertThat(r.crudeRate()).isEqualTo(0.002);
  }

  @Test
  void strataStandardAndArgumentsOutOfRangeAreRefusedNamingTheValue() {
    double[] one = {1};
    assertThatThrownBy(
            () -> DirectStandardisedRate.of(new long[0], new double[0], new double[0], 0.95, 1))
        .hasMessage("counts must have at least one stratum");
    assertThatThrownBy(() -> DirectStandardisedRate.of(new long[] {1}, one, one, 1.5, 1))
        .hasMessage("confidence (1.5) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> DirectStandardisedRate.of(new long[] {1}, one, one, 0.95, 0))
        .hasMessage("per (0.0) must be positive and finite");
    // the base is named before the strata, in parameter order
    assertThatThrownBy(() -> DirectStandardisedRate.of(new long[] {-1}, one, one, 0.95, 0))
        .hasMessage("per (0.0) must be positive and finite");
    assertThatThrownBy(() -> DirectStandardisedRate.of(new long[] {-1}, one, one, 0.95, 1))
        .hasMessage("count (-1) of stratum 0 must not be negative");
    assertThatThrownBy(
            () ->
                DirectStandardisedRate.of(
                    new long[] {1, 1}, new double[] {10, 10}, new double[] {1, -1}, 0.95, 1))
        .hasMessage("standard population (-1.0) of stratum 1 must not be negative");
    assertThatThrownBy(
            () ->
                DirectStandardisedRate.of(
                    new long[] {1, 1}, new double[] {10, 10}, new double[] {0, 0}, 0.95, 1))
        .hasMessage("standard population must have a positive total");
  }

  @Test
  void aStandardisedRateValueRefusesValuesOutOfRange() {
    assertThatThrownBy(() -> new DirectStandardisedRate(-1, 10, 1, 0, 0, 0, 1, 0.95))
        .hasMessage("count (-1) must not be negative");
    assertThatThrownBy(() -> new DirectStandardisedRate(1, 0, 1, 0, 0, 0, 1, 0.95))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> new DirectStandardisedRate(1, 10, 0, 0, 0, 0, 1, 0.95))
        .hasMessage("per (0.0) must be positive and finite");
    Lineage noLevel = Lineage.builder("directly standardised rate").build();
    assertThatThrownBy(() -> new DirectStandardisedRate(1, 10, 1, 0.1, 0.1, 0, 1, 1.5, noLevel))
        .hasMessage("confidence (1.5) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> new DirectStandardisedRate(1, 10, 1, 0.1, 2, 0, 1, 0.95))
        .hasMessage("rate (2.0) must lie within its limits (0.0, 1.0)");
    // a zero count: rate and lower limit both 0
    DirectStandardisedRate zero = new DirectStandardisedRate(0, 10, 1, 0, 0, 0, 0.3, 0.95);
    assertThat(zero.rate()).isZero();
    assertThat(zero.lineage().indicator()).isEqualTo("directly standardised rate");
    assertThat(new DirectStandardisedRate(1, 10, 1, 0.1, 0.1, 0, 0.1, 0.95).upper()).isEqualTo(0.1);
  }
}
