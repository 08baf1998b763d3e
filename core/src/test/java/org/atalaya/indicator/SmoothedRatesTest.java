package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import com.google.common.primitives.ImmutableDoubleArray;
import org.junit.jupiter.api.Test;

/** Marshall's global empirical Bayes: the base, the areas it accepts, and the values it holds. */
class SmoothedRatesTest {

  private static final long[] COUNTS = {50, 2, 120, 5, 40, 1};
  private static final double[] POPULATIONS = {10000, 10000, 20000, 10000, 5000, 8000};

  @Test
  void globalRawAndSmoothedRatesAreExpressedPerTheBaseAndTheShrinkageIsNot() {
    // eb(c(50, 2, 120, 5, 40, 1), c(10000, 10000, 20000, 10000, 5000, 8000)) with eb as in
    // StandardisationAndSmoothingTest (Marshall 1991, evaluated in R 4.2), times 100,000
    SmoothedRates s = SmoothedRates.marshallGlobal(COUNTS, POPULATIONS);
    assertThat(s.per()).isEqualTo(100_000);
    assertRelative("global rate", s.globalRate(), 346.03174603174604);
    assertRelative("between-area variance", s.betweenAreaVariance(), 8.2208553791887134e-06);
    double[] smoothed = {
      493.78094948896358,
      33.168999741926743,
      594.76516402761194,
      61.957246601116508,
      764.75062101815173,
      29.171573933279129
    };
    for (int i = 0; i < COUNTS.length; i++) {
      assertRelative("raw " + i, s.rawRates().get(i), COUNTS[i] * 100_000.0 / POPULATIONS[i]);
      assertRelative("smoothed " + i, s.smoothedRates().get(i), smoothed[i]);
    }
    SmoothedRates perOne = SmoothedRates.marshallGlobal(COUNTS, POPULATIONS, 1);
    assertThat(s.shrinkage()).isEqualTo(perOne.shrinkage());
    assertThat(s.lineage().indicator()).isEqualTo("empirically smoothed rates over 6 areas");
    assertThat(s.lineage().used()).isEqualTo(218);
  }

  @Test
  void areasAndBaseOutOfRangeAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[0], new double[0]))
        .hasMessage("counts must have at least one area");
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[] {1, 2}, new double[] {10}))
        .hasMessage("counts (2 areas) and populations (1) must have the same length");
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[] {1}, new double[] {10}, 0))
        .hasMessage("per (0.0) must be positive and finite");
    // the base is named before the areas, in parameter order
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[] {-1}, new double[] {10}, 0))
        .hasMessage("per (0.0) must be positive and finite");
    assertThatThrownBy(
            () -> SmoothedRates.marshallGlobal(new long[] {-1, 3}, new double[] {10, 10}))
        .hasMessage("count (-1) of area 0 must not be negative");
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[] {1, 3}, new double[] {10, 0}))
        .hasMessage("population (0.0) of area 1 must be positive and finite");
  }

  @Test
  void aSmoothedRatesValueNeedsAPositiveBaseANonNegativeVarianceAndOneValuePerArea() {
    ImmutableDoubleArray two = ImmutableDoubleArray.of(1, 2);
    assertThatThrownBy(() -> new SmoothedRates(0, 1, 0, true, two, two, two))
        .hasMessage("per (0.0) must be positive and finite");
    assertThatThrownBy(() -> new SmoothedRates(1, 1, -1, false, two, two, two))
        .hasMessage("betweenAreaVariance (-1.0) must not be negative");
    assertThatThrownBy(() -> new SmoothedRates(1, 1, 0, true, two, ImmutableDoubleArray.of(1), two))
        .hasMessage("rawRates, shrinkage and smoothedRates must have the same length");
    assertThatThrownBy(() -> new SmoothedRates(1, 1, 0, true, two, two, ImmutableDoubleArray.of(1)))
        .hasMessage("rawRates, shrinkage and smoothedRates must have the same length");
    assertThatThrownBy(() -> new SmoothedRates(1, 1, 0, true, null, two, two))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("rawRates must not be null");
    SmoothedRates s = new SmoothedRates(1, 1.5, 0, true, two, two, two);
    assertThat(s.lineage().indicator()).isEqualTo("empirically smoothed rates over 2 areas");
    Lineage l = s.lineage().toBuilder().input("areas.csv").build();
    SmoothedRates relabelled = s.withLineage(l);
    assertThat(relabelled.lineage()).isEqualTo(l);
    assertThat(relabelled.globalRate()).isEqualTo(1.5);
    assertThat(relabelled.varianceTruncated()).isTrue();
    assertThat(relabelled.smoothedRates()).isEqualTo(two);
  }

  @Test
  void aBetweenAreaVarianceOfExactlyZeroIsNotATruncation() {
    // counts 6 and 2 in populations of 1: m = 4, nbar = 1, s2 = (1 * 2^2 + 1 * 2^2) / 2 = 4, so
    // a = s2 - m / nbar = 0 by the formula itself: nothing negative was set to 0
    SmoothedRates s = SmoothedRates.marshallGlobal(new long[] {6, 2}, new double[] {1, 1}, 1);
    assertThat(s.betweenAreaVariance()).isZero();
    assertThat(s.varianceTruncated()).isFalse();
    assertThat(s.smoothedRates()).isEqualTo(ImmutableDoubleArray.of(4, 4));
  }
}
