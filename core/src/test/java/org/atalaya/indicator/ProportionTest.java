package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Clopper-Pearson intervals against R 4.2 {@code stats::binom.test}. */
class ProportionTest {

  /**
   * {successes, trials, confidence, lower, upper}, from the R call in the comment above each row.
   */
  static final double[][] BINOM_TEST = {
    // binom.test(0, 10, conf.level = 0.9)$conf.int
    {0, 10, 0.9, 0, 0.2588655508930523},
    // binom.test(10, 10, conf.level = 0.9)$conf.int
    {10, 10, 0.9, 0.74113444910694759, 1},
    // binom.test(3, 10, conf.level = 0.9)$conf.int
    {3, 10, 0.9, 0.087264433914150272, 0.60662421610541339},
    // binom.test(298, 970, conf.level = 0.9)$conf.int
    {298, 970, 0.9, 0.28279388631061575, 0.33251015168126408},
    // binom.test(970, 7104, conf.level = 0.9)$conf.int
    {970, 7104, 0.9, 0.129882659628765, 0.14342446125014674},
    // binom.test(1, 1, conf.level = 0.9)$conf.int
    {1, 1, 0.9, 0.049999999999999989, 1},
    // binom.test(0, 1, conf.level = 0.9)$conf.int
    {0, 1, 0.9, 0, 0.94999999999999996},
    // binom.test(57, 60, conf.level = 0.9)$conf.int
    {57, 60, 0.9, 0.87581278952256392, 0.986234842431717},
    // binom.test(12, 500, conf.level = 0.9)$conf.int
    {12, 500, 0.9, 0.013905389328677969, 0.038595578839896727},
    // binom.test(0, 10, conf.level = 0.95)$conf.int
    {0, 10, 0.95, 0, 0.30849710781876083},
    // binom.test(10, 10, conf.level = 0.95)$conf.int
    {10, 10, 0.95, 0.69150289218123917, 1},
    // binom.test(3, 10, conf.level = 0.95)$conf.int
    {3, 10, 0.95, 0.066739511177734495, 0.65245285005999731},
    // binom.test(298, 970, conf.level = 0.95)$conf.int
    {298, 970, 0.95, 0.27829073264187215, 0.33731780359561825},
    // binom.test(970, 7104, conf.level = 0.95)$conf.int
    {970, 7104, 0.95, 0.12863818699713425, 0.14474694464725224},
    // binom.test(1, 1, conf.level = 0.95)$conf.int
    {1, 1, 0.95, 0.025000000000000022, 1},
    // binom.test(0, 1, conf.level = 0.95)$conf.int
    {0, 1, 0.95, 0, 0.97499999999999998},
    // binom.test(57, 60, conf.level = 0.95)$conf.int
    {57, 60, 0.95, 0.8607567532789272, 0.98956767035565174},
    // binom.test(12, 500, conf.level = 0.95)$conf.int
    {12, 500, 0.95, 0.012461239059555674, 0.04154761879968627},
    // binom.test(0, 10, conf.level = 0.99)$conf.int
    {0, 10, 0.99, 0, 0.41129598134752532},
    // binom.test(10, 10, conf.level = 0.99)$conf.int
    {10, 10, 0.99, 0.58870401865247468, 1},
    // binom.test(3, 10, conf.level = 0.99)$conf.int
    {3, 10, 0.99, 0.037007221096232092, 0.73511398528713079},
    // binom.test(298, 970, conf.level = 0.99)$conf.int
    {298, 970, 0.99, 0.2695774881884006, 0.34677673670346953},
    // binom.test(970, 7104, conf.level = 0.99)$conf.int
    {970, 7104, 0.99, 0.1262257233865749, 0.1473509336815586},
    // binom.test(1, 1, conf.level = 0.99)$conf.int
    {1, 1, 0.99, 0.0050000000000000044, 1},
    // binom.test(0, 1, conf.level = 0.99)$conf.int
    {0, 1, 0.99, 0, 0.995},
    // binom.test(57, 60, conf.level = 0.99)$conf.int
    {57, 60, 0.99, 0.82881461095879505, 0.99428927562569147},
    // binom.test(12, 500, conf.level = 0.99)$conf.int
    {12, 500, 0.99, 0.0099467286132565932, 0.047704810741928227}
  };

  @Test
  @DisplayName("Clopper-Pearson limits equal R binom.test to 1e-9 relative")
  void equalsBinomTest() {
    for (double[] row : BINOM_TEST) {
      Proportion p = Proportion.of((long) row[0], (long) row[1], row[2]);
      String what =
          "binom.test(" + (long) row[0] + ", " + (long) row[1] + ", conf.level = " + row[2] + ")";
      assertRelative(what + " lower", p.lower(), row[3]);
      assertRelative(what + " upper", p.upper(), row[4]);
      assertThat(p.estimate()).isEqualTo(row[0] / row[1]);
    }
  }

  @Test
  @DisplayName("property: the interval contains the estimate and widens with the confidence")
  void containsAndWidens() {
    qt().forAll(
            integers().between(1, 100_000), doubles().between(0, 1), doubles().between(0.5, 0.98))
        .checkAssert(
            (n, u, c) -> {
              long k = Math.min(n, (long) Math.floor(u * (n + 1)));
              Proportion p = Proportion.of(k, n, c);
              Proportion wider = Proportion.of(k, n, c + 0.01);
              assertThat(p.interval().contains(p.estimate())).isTrue();
              assertThat(wider.lower()).isLessThanOrEqualTo(p.lower());
              assertThat(wider.upper()).isGreaterThanOrEqualTo(p.upper());
            });
  }

  @Test
  @DisplayName("bad counts are refused with the value and the rule")
  void badCounts() {
    assertThatThrownBy(() -> Proportion.of(3, 0, 0.95)).hasMessage("trials (0) must be positive");
    assertThatThrownBy(() -> Proportion.of(5, 4, 0.95))
        .hasMessage("successes (5) must be from 0 to trials (4)");
  }
}
