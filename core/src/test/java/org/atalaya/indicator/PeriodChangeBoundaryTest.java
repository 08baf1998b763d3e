package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The edges of the change verdict: a change is significant only when the p-value is strictly below
 * {@code 1 - confidence} and the interval of the rate ratio strictly excludes 1; how the p-value
 * and the rates are printed near those edges; and what the change records and refuses.
 */
class PeriodChangeBoundaryTest {

  /**
   * R {@code poisson.test(c(after, before), c(1, 1))$p.value} for equal populations: {@code
   * binom.test} at 0.5, twice the smaller tail, {@code 2 * pbinom(min, n, 0.5)}, here in exact
   * integer arithmetic.
   */
  private static BigDecimal twoSidedP(int before, int after) {
    int n = before + after;
    BigInteger tail = BigInteger.ZERO;
    for (int k = 0; k <= Math.min(before, after); k++) {
      tail = tail.add(binomial(n, k));
    }
    return new BigDecimal(tail.shiftLeft(1)).divide(new BigDecimal(BigInteger.ONE.shiftLeft(n)));
  }

  private static BigInteger binomial(int n, int k) {
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return c;
  }

  private static PeriodChange change(long before, long after, double confidence) {
    return PeriodChange.of(
        "homicide",
        "homicidios",
        Rate.builder().count(before).population(100_000).confidence(confidence).build(),
        Rate.builder().count(after).population(100_000).confidence(confidence).build());
  }

  @Test
  void aFallOf3To1IsNotCalledSignificant() {
    // R: poisson.test(c(1, 3), c(1, 1))$p.value = 2 * pbinom(1, 4, 0.5) = 0.625
    PeriodChange c = change(3, 1, 0.95);
    assertThat(c.comparison().pValue()).isEqualTo(twoSidedP(3, 1).doubleValue()).isEqualTo(0.625);
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(c.english())
        .isEqualTo(
            "The homicide rate went from 3.0 to 1.0 per 100,000; the change is within what chance"
                + " alone could produce (p = 0.63).");
    assertThat(c.toString()).isEqualTo(c.english());
    assertThat(c.sentence(Locale.ENGLISH)).isEqualTo(c.english());
    assertThat(c.sentence(Locale.forLanguageTag("es"))).isEqualTo(c.spanish());
  }

  @Test
  void aPValueEqualToOneMinusTheConfidenceWithAnIntervalStartingAtOneIsNotSignificant() {
    // R: poisson.test(c(14, 5), c(1, 1))$p.value = 2 * pbinom(5, 19, 0.5) = 0.063568115234375, a
    // dyadic fraction, exact in binary. At confidence 1 - p the significance level equals p, and
    // the Clopper-Pearson lower limit of the proportion is exactly 0.5, so the rate ratio's
    // interval starts exactly at 1. Neither test is passed: both need a strict inequality.
    BigDecimal p = twoSidedP(5, 14);
    assertThat(p).isEqualByComparingTo("0.063568115234375");
    double confidence = BigDecimal.ONE.subtract(p).doubleValue(); // 0.936431884765625, exact
    PeriodChange rise = change(5, 14, confidence);
    assertThat(rise.comparison().pValue()).isEqualTo(p.doubleValue());
    assertThat(rise.comparison().lower()).isEqualTo(1.0);
    assertThat(rise.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(rise.english())
        .isEqualTo(
            "The homicide rate went from 5.0 to 14.0 per 100,000; the change is within what chance"
                + " alone could produce (p = 0.064).");
    // The mirror image: a fall of 14 to 5, whose interval ends exactly at 1.
    PeriodChange fall = change(14, 5, confidence);
    assertThat(fall.comparison().upper()).isEqualTo(1.0);
    assertThat(fall.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(fall.spanish())
        .isEqualTo(
            "La tasa de homicidios pasó de 14.0 a 5.0 por cada 100,000 habitantes; el cambio está"
                + " dentro de lo que el azar por sí solo podría producir (p = 0.064).");
  }

  @Test
  void aPValueOnTheSignificanceLevelIsPrintedWithTheDigitsThatKeepItOffTheWrongSide() {
    // R: poisson.test(c(11, 5), c(1, 1))$p.value = 2 * pbinom(5, 16, 0.5) = 0.210113525390625.
    // At confidence 1 - p the level is p itself: 0.21, 0.210, 0.2101 and 0.21011 would all read
    // as below it, so six digits are printed.
    BigDecimal p = twoSidedP(5, 11);
    assertThat(p).isEqualByComparingTo("0.210113525390625");
    PeriodChange c = change(5, 11, BigDecimal.ONE.subtract(p).doubleValue());
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(c.english()).endsWith("(p = 0.210114).");
    assertThat(new BigDecimal(c.comparison().pValue()).round(new MathContext(6)))
        .isEqualByComparingTo("0.210114");
  }

  @Test
  void aPValueJustAbove5PercentMayReadAsExactly5PercentWhichIsNotBelowIt() {
    // R: poisson.test(c(22, 10), c(1, 1))$p.value = 2 * pbinom(10, 32, 0.5) = 0.050102459732443
    // Rounded to two digits it reads 0.05: not below the level 0.05, so the rounding does not
    // cross it and two digits are enough.
    BigDecimal p = twoSidedP(10, 22);
    assertThat(p.doubleValue()).isEqualTo(0.050102459732443094);
    PeriodChange c = change(10, 22, 0.95);
    assertThat(c.comparison().pValue()).isEqualTo(p.doubleValue());
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(c.english()).endsWith("(p = 0.05).");
  }

  @Test
  void ratesGetAtMostSixDecimalsSoRatesCloserThanThatAreSaidToStay() {
    // 10 per 100,000 against 10 / (1 + 2e-8) = 9.9999998: equal at six decimals (10.000000),
    // different only at the seventh.
    PeriodChange c =
        PeriodChange.of(
            "homicide",
            "homicidios",
            Rate.of(100, 1_000_000),
            Rate.of(100, 1_000_000 * (1 + 2e-8)));
    assertThat(c.english())
        .startsWith("The homicide rate stayed at 10.000000 per 100,000; the change is within");
    assertThat(c.spanish()).startsWith("La tasa de homicidios se mantuvo en 10.000000 por cada");
  }

  @Test
  void theChangesLineageMergesBothPeriodsFiltersExclusionsAndVintages() {
    Rate before = Rate.of(7740, 9_000_000);
    Rate after = Rate.of(7110, 9_000_000);
    before =
        before.withLineage(
            before.lineage().toBuilder()
                .filter("ICCS 0101")
                .filter("not attempted")
                .excluded("no date", 2)
                .populationVintage("INE 2013 projections")
                .build());
    after =
        after.withLineage(
            after.lineage().toBuilder()
                .filter("ICCS 0101")
                .filter("victims only")
                .excluded("no date", 3)
                .excluded("outside Honduras", 1)
                .populationVintage("INE 2019 projections")
                .build());
    Lineage merged = PeriodChange.of("homicide", "homicidios", before, after).lineage();
    assertThat(merged.filters()).containsExactly("ICCS 0101", "not attempted", "victims only");
    assertThat(merged.excluded())
        .containsEntry("no date", 5L)
        .containsEntry("outside Honduras", 1L);
    assertThat(merged.populationVintage())
        .hasValue("INE 2013 projections (before); INE 2019 projections (after)");

    Rate plain = Rate.of(7110, 9_000_000);
    assertThat(
            PeriodChange.of("homicide", "homicidios", before, plain).lineage().populationVintage())
        .hasValue("INE 2013 projections");
    assertThat(
            PeriodChange.of("homicide", "homicidios", plain, after).lineage().populationVintage())
        .hasValue("INE 2019 projections");
    Rate sameVintage =
        plain.withLineage(
            plain.lineage().toBuilder().populationVintage("INE 2013 projections").build());
    assertThat(
            PeriodChange.of("homicide", "homicidios", before, sameVintage)
                .lineage()
                .populationVintage())
        .hasValue("INE 2013 projections");
  }

  @Test
  void blankSubjectsAndDifferentConfidenceLevelsAreRefused() {
    Rate r = Rate.of(3, 1000);
    assertThatThrownBy(() -> PeriodChange.of(" ", "homicidios", r, r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subjectEnglish must not be blank");
    assertThatThrownBy(() -> PeriodChange.of("homicide", "", r, r))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subjectSpanish must not be blank");
    Rate at90 = Rate.builder().count(3).population(1000).confidence(0.9).build();
    assertThatThrownBy(() -> PeriodChange.of("homicide", "homicidios", r, at90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("before.confidence (0.95) must equal after.confidence (0.9)");
  }
}
