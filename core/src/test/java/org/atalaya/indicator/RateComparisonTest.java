package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two-rate comparisons against R 4.2 {@code stats::poisson.test(c(x1, x2), c(T1, T2))}. */
class RateComparisonTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  /**
   * {x1, x2, T1, T2, confidence, rate ratio, lower, upper, two-sided p, p greater, p less}: each
   * row from the R calls in the comment above it ({@code $estimate}, {@code $conf.int}, {@code
   * $p.value}; the one-sided p-values from the same call with {@code alternative = "greater"} and
   * {@code alternative = "less"}), printed with {@code formatC(v, digits = 17)}.
   */
  static final double[][] POISSON_TEST = {
    // poisson.test(c(11, 21), c(800, 3011), conf.level = 0.9); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      11,
      21,
      800,
      3011,
      0.9,
      1.9714880952380953,
      0.97758434749674494,
      3.827386407850879,
      0.079668633033329522,
      0.056008659787699693,
      0.97593182322731198
    },
    // poisson.test(c(0, 5), c(100, 100), conf.level = 0.9); alternative = "greater" and "less" for
    // the one-sided p-values
    {0, 5, 100, 100, 0.9, 0, 0, 0.82056420302608013, 0.0625, 1, 0.03125},
    // poisson.test(c(5, 0), c(100, 100), conf.level = 0.9); alternative = "greater" and "less" for
    // the one-sided p-values
    {5, 0, 100, 100, 0.9, INF, 1.2186736836827581, INF, 0.0625, 0.03125, 1},
    // poisson.test(c(3, 3), c(10, 10), conf.level = 0.9); alternative = "greater" and "less" for
    // the one-sided p-values
    {3, 3, 10, 10, 0.9, 1, 0.18086217015569436, 5.529072216368708, 1, 0.65625, 0.65625},
    // poisson.test(c(86, 79), c(100, 100), conf.level = 0.9); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      86,
      79,
      100,
      100,
      0.9,
      1.0886075949367089,
      0.83258107620396449,
      1.4243881228499913,
      0.64056223420313418,
      0.32028111710156709,
      0.733227553184576
    },
    // poisson.test(c(7, 1), c(2.5, 4), conf.level = 0.9); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      7,
      1,
      2.5,
      4,
      0.9,
      11.199999999999999,
      1.7993414004560577,
      248.74614443931637,
      0.0066083388319513863,
      0.0066083388319513863,
      0.99952113486724992
    },
    // poisson.test(c(1, 12), c(1, 1), conf.level = 0.9); alternative = "greater" and "less" for the
    // one-sided p-values
    {
      1,
      12,
      1,
      1,
      0.9,
      0.083333333333333329,
      0.0039534323073037994,
      0.46271488154191276,
      0.0034179687500000009,
      0.9998779296875,
      0.0017089843750000004
    },
    // poisson.test(c(120, 95), c(1000, 1100), conf.level = 0.9); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      120,
      95,
      1000,
      1100,
      0.9,
      1.3894736842105262,
      1.0989502949260819,
      1.7594313571569165,
      0.016826903097752071,
      0.0097227742650269032,
      0.99331178920688257
    },
    // poisson.test(c(4, 9), c(37.5, 12.25), conf.level = 0.9); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      4,
      9,
      37.5,
      12.25,
      0.9,
      0.14518518518518519,
      0.041477218235691997,
      0.43767925908097066,
      0.0008777602839047014,
      0.99989021245678222,
      0.0008777602839047014
    },
    // poisson.test(c(560, 480), c(6500000, 6600000), conf.level = 0.9); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      560,
      480,
      6500000,
      6600000,
      0.9,
      1.1846153846153846,
      1.0674414563524843,
      1.3148941342104437,
      0.0069508906632370325,
      0.0035004493420958539,
      0.99710018752006213
    },
    // poisson.test(c(1000, 1200), c(1e+05, 1e+05), conf.level = 0.9); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      1000,
      1200,
      1e+05,
      1e+05,
      0.9,
      0.83333333333333337,
      0.77591182939351067,
      0.89491426265125973,
      2.1817026407914624e-05,
      0.99999099209663933,
      1.0908513203957312e-05
    },
    // poisson.test(c(2, 30), c(1, 1), conf.level = 0.9); alternative = "greater" and "less" for the
    // one-sided p-values
    {
      2,
      30,
      1,
      1,
      0.9,
      0.066666666666666666,
      0.011346799719379786,
      0.22540530098570355,
      2.4633482098579439e-07,
      0.99999999231658876,
      1.2316741049289719e-07
    },
    // poisson.test(c(11, 21), c(800, 3011), conf.level = 0.95); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      11,
      21,
      800,
      3011,
      0.95,
      1.9714880952380953,
      0.85842640339163923,
      4.2772659436540712,
      0.079668633033329522,
      0.056008659787699693,
      0.97593182322731198
    },
    // poisson.test(c(0, 5), c(100, 100), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {0, 5, 100, 100, 0.95, 0, 0, 1.0912791051825459, 0.0625, 1, 0.03125},
    // poisson.test(c(5, 0), c(100, 100), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {5, 0, 100, 100, 0.95, INF, 0.91635585731546021, INF, 0.0625, 0.03125, 1},
    // poisson.test(c(3, 3), c(10, 10), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {3, 3, 10, 10, 0.95, 1, 0.13393758817773022, 7.4661640067240667, 1, 0.65625, 0.65625},
    // poisson.test(c(86, 79), c(100, 100), conf.level = 0.95); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      86,
      79,
      100,
      100,
      0.95,
      1.0886075949367089,
      0.79269239888818377,
      1.4966845367690076,
      0.64056223420313418,
      0.32028111710156709,
      0.733227553184576
    },
    // poisson.test(c(7, 1), c(2.5, 4), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      7,
      1,
      2.5,
      4,
      0.95,
      11.199999999999999,
      1.4388805534005704,
      504.77341659004378,
      0.0066083388319513863,
      0.0066083388319513863,
      0.99952113486724992
    },
    // poisson.test(c(1, 12), c(1, 1), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      1,
      12,
      1,
      1,
      0.95,
      0.083333333333333329,
      0.001949421347072952,
      0.56322649795652013,
      0.0034179687500000009,
      0.9998779296875,
      0.0017089843750000004
    },
    // poisson.test(c(120, 95), c(1000, 1100), conf.level = 0.95); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      120,
      95,
      1000,
      1100,
      0.95,
      1.3894736842105262,
      1.0527304860623576,
      1.8382891805940262,
      0.016826903097752071,
      0.0097227742650269032,
      0.99331178920688257
    },
    // poisson.test(c(4, 9), c(37.5, 12.25), conf.level = 0.95); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      4,
      9,
      37.5,
      12.25,
      0.95,
      0.14518518518518519,
      0.03267113468341952,
      0.52019410467711602,
      0.0008777602839047014,
      0.99989021245678222,
      0.0008777602839047014
    },
    // poisson.test(c(560, 480), c(6500000, 6600000), conf.level = 0.95); alternative = "greater"
    // and "less" for the one-sided p-values
    {
      560,
      480,
      6500000,
      6600000,
      0.95,
      1.1846153846153846,
      1.0467714307652976,
      1.3410135961359353,
      0.0069508906632370325,
      0.0035004493420958539,
      0.99710018752006213
    },
    // poisson.test(c(1000, 1200), c(1e+05, 1e+05), conf.level = 0.95); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      1000,
      1200,
      1e+05,
      1e+05,
      0.95,
      0.83333333333333337,
      0.7654859875367217,
      0.90704465333002171,
      2.1817026407914624e-05,
      0.99999099209663933,
      1.0908513203957312e-05
    },
    // poisson.test(c(2, 30), c(1, 1), conf.level = 0.95); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      2,
      30,
      1,
      1,
      0.95,
      0.066666666666666666,
      0.0077198762832899372,
      0.26273695921022722,
      2.4633482098579439e-07,
      0.99999999231658876,
      1.2316741049289719e-07
    },
    // poisson.test(c(11, 21), c(800, 3011), conf.level = 0.99); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      11,
      21,
      800,
      3011,
      0.99,
      1.9714880952380953,
      0.65999872521942005,
      5.31432858849446,
      0.079668633033329522,
      0.056008659787699693,
      0.97593182322731198
    },
    // poisson.test(c(0, 5), c(100, 100), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {0, 5, 100, 100, 0.99, 0, 0, 1.8853998118144273, 0.0625, 1, 0.03125},
    // poisson.test(c(5, 0), c(100, 100), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {5, 0, 100, 100, 0.99, INF, 0.5303914818139519, INF, 0.0625, 0.03125, 1},
    // poisson.test(c(3, 3), c(10, 10), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {3, 3, 10, 10, 0.99, 1, 0.070983985170617742, 14.087684674175321, 1, 0.65625, 0.65625},
    // poisson.test(c(86, 79), c(100, 100), conf.level = 0.99); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      86,
      79,
      100,
      100,
      0.99,
      1.0886075949367089,
      0.72002648756120846,
      1.6493960627494,
      0.64056223420313418,
      0.32028111710156709,
      0.733227553184576
    },
    // poisson.test(c(7, 1), c(2.5, 4), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      7,
      1,
      2.5,
      4,
      0.99,
      11.199999999999999,
      0.93358127526065093,
      2552.7947368334235,
      0.0066083388319513863,
      0.0066083388319513863,
      0.99952113486724992
    },
    // poisson.test(c(1, 12), c(1, 1), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      1,
      12,
      1,
      1,
      0.99,
      0.083333333333333329,
      0.00038565448585000962,
      0.81496362719172921,
      0.0034179687500000009,
      0.9998779296875,
      0.0017089843750000004
    },
    // poisson.test(c(120, 95), c(1000, 1100), conf.level = 0.99); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      120,
      95,
      1000,
      1100,
      0.99,
      1.3894736842105262,
      0.96794458998143551,
      2.0035864693276366,
      0.016826903097752071,
      0.0097227742650269032,
      0.99331178920688257
    },
    // poisson.test(c(4, 9), c(37.5, 12.25), conf.level = 0.99); alternative = "greater" and "less"
    // for the one-sided p-values
    {
      4,
      9,
      37.5,
      12.25,
      0.99,
      0.14518518518518519,
      0.019773398255411599,
      0.7314542624452558,
      0.0008777602839047014,
      0.99989021245678222,
      0.0008777602839047014
    },
    // poisson.test(c(560, 480), c(6500000, 6600000), conf.level = 0.99); alternative = "greater"
    // and "less" for the one-sided p-values
    {
      560,
      480,
      6500000,
      6600000,
      0.99,
      1.1846153846153846,
      1.0075319268199592,
      1.3936350421908377,
      0.0069508906632370325,
      0.0035004493420958539,
      0.99710018752006213
    },
    // poisson.test(c(1000, 1200), c(1e+05, 1e+05), conf.level = 0.99); alternative = "greater" and
    // "less" for the one-sided p-values
    {
      1000,
      1200,
      1e+05,
      1e+05,
      0.99,
      0.83333333333333337,
      0.74549573117936774,
      0.93122022346365174,
      2.1817026407914624e-05,
      0.99999099209663933,
      1.0908513203957312e-05
    },
    // poisson.test(c(2, 30), c(1, 1), conf.level = 0.99); alternative = "greater" and "less" for
    // the one-sided p-values
    {
      2,
      30,
      1,
      1,
      0.99,
      0.066666666666666666,
      0.0032913741444099321,
      0.3491831517232582,
      2.4633482098579439e-07,
      0.99999999231658876,
      1.2316741049289719e-07
    }
  };

  @Test
  @DisplayName("rate ratio, interval and p-values equal R poisson.test to 1e-9 relative")
  void equalsPoissonTest() {
    for (double[] row : POISSON_TEST) {
      RateComparison c = RateComparison.of((long) row[0], row[2], (long) row[1], row[3], row[4]);
      String what =
          "poisson.test(c("
              + (long) row[0]
              + ", "
              + (long) row[1]
              + "), c("
              + row[2]
              + ", "
              + row[3]
              + "), conf.level = "
              + row[4]
              + ")";
      assertRelative(what + " rate ratio", c.rateRatio(), row[5]);
      assertRelative(what + " lower", c.lower(), row[6]);
      assertRelative(what + " upper", c.upper(), row[7]);
      assertRelative(what + " p", c.pValue(), row[8]);
      assertRelative(what + " p greater", c.pValueGreater(), row[9]);
      assertRelative(what + " p less", c.pValueLess(), row[10]);
    }
  }

  @Test
  @DisplayName(
      "poisson.test(c(11, 21), c(800, 3011)) gives 1.971488, p = 0.07967, CI (0.858426, 4.277266),"
          + " as published")
  void publishedVector() {
    RateComparison c = RateComparison.of(11, 800, 21, 3011);
    assertThat(c.rateRatio()).isCloseTo(1.971488, offset(5e-7));
    assertThat(c.pValue()).isCloseTo(0.07967, offset(5e-6));
    assertThat(c.lower()).isCloseTo(0.858426, offset(5e-7));
    assertThat(c.upper()).isCloseTo(4.277266, offset(5e-7));
    assertThat(c.confidence()).isEqualTo(0.95);
    assertThat(c.interval().contains(c.rateRatio())).isTrue();
  }

  @Test
  @DisplayName("the two-sided p-value is R's, not twice the smaller tail")
  void notTwiceTheSmallerTail() {
    RateComparison c = RateComparison.of(11, 800, 21, 3011);
    // poisson.test(c(11, 21), c(800, 3011)): p = 0.079668633033329522, one-sided "greater"
    // 0.056008659787699693
    assertRelative("p", c.pValue(), 0.079668633033329522);
    assertThat(c.pValue()).isLessThan(2 * c.pValueGreater());
  }

  @Test
  @DisplayName("property: bisection finds the same p-value as R's scan over every outcome")
  void bisectionEqualsScan() {
    qt().forAll(integers().between(1, 3000), doubles().between(0.01, 0.99), doubles().between(0, 1))
        .checkAssert(
            (n, p, u) -> {
              int x = (int) Math.min(n, Math.floor(u * (n + 1)));
              BinomialDistribution b = BinomialDistribution.of(n, p);
              assertThat(RateComparison.twoSidedPValue(b, n, p, x))
                  .as("n=%s p=%s x=%s", n, p, x)
                  .isEqualTo(RateComparison.twoSidedPValueByScan(b, n, p, x));
            });
  }

  @Test
  @DisplayName("symmetric ties count both sides: poisson.test(c(2, 4), c(1, 1)) has p = 0.6875")
  void symmetricTies() {
    // R 4.2: poisson.test(c(2, 4), c(1, 1))$p.value is 0.6875 (binom.test(2, 6): P(X <= 2) + P(X >=
    // 4))
    assertThat(RateComparison.of(2, 1, 4, 1).pValue()).isEqualTo(0.6875);
    assertThat(RateComparison.of(3, 1, 3, 1).pValue()).isEqualTo(1);
  }

  @Test
  @DisplayName("property: the interval contains the rate ratio and p-values are probabilities")
  void intervalContainsRatio() {
    qt().forAll(
            integers().between(0, 5000),
            integers().between(0, 5000),
            doubles().between(0.1, 1e6),
            doubles().between(0.5, 0.999))
        .assuming((x1, x2, t, c) -> x1 + x2 > 0)
        .checkAssert(
            (x1, x2, t, c) -> {
              RateComparison r = RateComparison.of(x1, t, x2, 1000, c);
              assertThat(r.interval().contains(r.rateRatio())).isTrue();
              assertThat(r.pValue()).isBetween(0.0, 1.0);
              assertThat(r.pValueGreater() + r.pValueLess()).isGreaterThanOrEqualTo(1 - 1e-12);
            });
  }

  @Test
  @DisplayName("comparing two zero counts is refused: there is nothing to compare")
  void zeroCounts() {
    assertThatThrownBy(() -> RateComparison.of(0, 10, 0, 10))
        .hasMessageStartingWith("count1 + count2 (0) must be positive");
    assertThatThrownBy(() -> RateComparison.of(-1, 10, 3, 10))
        .hasMessage("count1 (-1) must not be negative");
    assertThatThrownBy(() -> RateComparison.of(1, 10, 3, -2))
        .hasMessage("population2 (-2.0) must be positive and finite");
  }

  @Test
  void aGroupWithNoEventsComparedWithOneThatHasSomeHasARatioOfZero() {
    // poisson.test(c(0, 5), c(1, 1)): binom.test(0, 5) gives p = 2 / 32 = 0.0625; the
    // Clopper-Pearson upper limit for 0 of 5 is 1 - 0.025^(1/5), and the ratio's is p / (1 - p)
    RateComparison c = RateComparison.of(0, 1, 5, 1);
    assertThat(c.rateRatio()).isZero();
    assertThat(c.lower()).isZero();
    double p = 1 - Math.pow(0.025, 1 / 5.0);
    assertRelative("upper", c.upper(), p / (1 - p));
    assertRelative("p", c.pValue(), 0.0625);
  }

  @Test
  void rsScanRuleCountsEveryOutcomeNoMoreLikelyThanTheOneObservedOnBothSides() {
    // binom.test(2, 10)$p.value = binom.test(8, 10)$p.value = 2 * 56 / 1024 = 0.109375;
    // binom.test(2, 6)$p.value = binom.test(4, 6)$p.value = 0.6875 (the tie at 4 counts);
    // binom.test(3, 6)$p.value = 1
    BinomialDistribution ten = BinomialDistribution.of(10, 0.5);
    BinomialDistribution six = BinomialDistribution.of(6, 0.5);
    assertRelative("2 of 10", RateComparison.twoSidedPValueByScan(ten, 10, 0.5, 2), 0.109375);
    assertRelative("8 of 10", RateComparison.twoSidedPValueByScan(ten, 10, 0.5, 8), 0.109375);
    assertRelative("2 of 6", RateComparison.twoSidedPValueByScan(six, 6, 0.5, 2), 0.6875);
    assertRelative("4 of 6", RateComparison.twoSidedPValueByScan(six, 6, 0.5, 4), 0.6875);
    assertThat(RateComparison.twoSidedPValueByScan(six, 6, 0.5, 3)).isEqualTo(1);
    // binom.test(1, 1)$p.value = 1: the other outcome, 0, is as likely and counts
    BinomialDistribution one = BinomialDistribution.of(1, 0.5);
    assertThat(RateComparison.twoSidedPValueByScan(one, 1, 0.5, 1)).isEqualTo(1);
    assertThat(RateComparison.twoSidedPValue(one, 1, 0.5, 1)).isEqualTo(1);
  }

  @Test
  void countsUpToTheLargestIntSumAreCompared() {
    RateComparison c = RateComparison.of(Integer.MAX_VALUE - 1L, 1, 1, 1);
    assertThat(c.rateRatio()).isEqualTo(Integer.MAX_VALUE - 1.0);
    assertThat(c.pValue()).isLessThan(1e-300);
  }
}
