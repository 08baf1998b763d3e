package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The change sentence never claims more than the test supports. */
class PeriodChangeTest {

  private static PeriodChange change(long before, double popBefore, long after, double popAfter) {
    return PeriodChange.of(
        "homicide", "homicidios", Rate.of(before, popBefore), Rate.of(after, popAfter));
  }

  @Test
  @DisplayName("a significant fall is called a fall, with its p-value, in English and Spanish")
  void significantFall() {
    PeriodChange c = change(7740, 9_000_000, 7110, 9_000_000);
    // poisson.test(c(7110, 7740), c(9e6, 9e6)): p = 2.4383000874709752e-07, CI
    // (0.88937496777754010, 0.94878451781001105)
    assertRelative("p", c.comparison().pValue(), 2.4383000874709752e-07);
    assertRelative("lower", c.comparison().lower(), 0.88937496777754010);
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.SIGNIFICANT_DECREASE);
    assertThat(c.english())
        .isEqualTo(
            "The homicide rate fell from 86.0 to 79.0 per 100,000; the fall is statistically"
                + " significant (p < 0.001).");
    assertThat(c.sentence(Locale.forLanguageTag("es-HN")))
        .isEqualTo(
            "La tasa de homicidios bajó de 86.0 a 79.0 por cada 100,000 habitantes; la baja es"
                + " estadísticamente significativa (p < 0.001).");
  }

  @Test
  @DisplayName("a significant rise is called a rise")
  void significantRise() {
    PeriodChange c = change(7110, 9_000_000, 7740, 9_000_000);
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.SIGNIFICANT_INCREASE);
    assertThat(c.english())
        .startsWith(
            "The homicide rate rose from 79.0 to 86.0 per 100,000; the rise is statistically"
                + " significant");
    assertThat(c.spanish()).startsWith("La tasa de homicidios subió de 79.0 a 86.0");
  }

  @Test
  @DisplayName("a change chance alone could produce is not called a rise or a fall")
  void notSignificant() {
    PeriodChange c = change(12, 100_000, 11, 100_000);
    // poisson.test(c(11, 12), c(1e5, 1e5))$p.value is 1
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.NOT_SIGNIFICANT);
    assertThat(c.english())
        .isEqualTo(
            "The homicide rate went from 12.0 to 11.0 per 100,000; the change is within what chance"
                + " alone could produce (p = 1).");
    assertThat(c.spanish())
        .isEqualTo(
            "La tasa de homicidios pasó de 12.0 a 11.0 por cada 100,000 habitantes; el cambio está"
                + " dentro de lo que el azar por sí solo podría producir (p = 1).");
  }

  @Test
  @DisplayName(
      "when the p-value and the interval disagree, the sentence says no change should be claimed")
  void borderline() {
    // poisson.test(c(2, 13), c(1, 1.5)): p = 0.036461661552639989 < 0.05, but CI
    // (0.025282958288220241, 1.0193261565727396) contains 1
    PeriodChange c = change(13, 150_000, 2, 100_000);
    assertRelative("p", c.comparison().pValue(), 0.036461661552639989);
    assertRelative("upper", c.comparison().upper(), 1.0193261565727396);
    assertThat(c.verdict()).isEqualTo(ChangeVerdict.BORDERLINE);
    assertThat(c.verdict().isSignificant()).isFalse();
    assertThat(c.english())
        .isEqualTo(
            "The homicide rate went from 8.7 to 2.0 per 100,000; the evidence of a change is"
                + " borderline: the test (p = 0.036) and the 95% confidence interval of the rate"
                + " ratio (0.03 to 1.02) disagree, so no change should be claimed.");
    assertThat(c.spanish())
        .contains("la evidencia de un cambio es dudosa")
        .contains("no debe afirmarse un cambio");
  }

  @Test
  @DisplayName(
      "rates that print alike at one decimal get more decimals; a p-value near 0.05 is not rounded"
          + " across it")
  void formatting() {
    assertThat(change(1_000_000, 1e9, 1_000_400, 1e9).english())
        .contains("from 100.00 to 100.04 per 100,000");
    // poisson.test(c(42, 25), c(1, 1))$p.value is 0.04980011429472881, CI (1.000419, 2.876357): two
    // digits would print 0.050
    PeriodChange nearFivePercent = change(25, 100_000, 42, 100_000);
    assertRelative("p", nearFivePercent.comparison().pValue(), 0.04980011429472881);
    assertThat(nearFivePercent.verdict()).isEqualTo(ChangeVerdict.SIGNIFICANT_INCREASE);
    assertThat(nearFivePercent.english())
        .endsWith("the rise is statistically significant (p = 0.0498).");
  }

  @Test
  @DisplayName(
      "property: the words fell/rose/bajó/subió appear only when the change is significant")
  void neverOverclaims() {
    qt().forAll(integers().between(0, 400), integers().between(0, 400))
        .assuming((a, b) -> a + b > 0)
        .checkAssert(
            (a, b) -> {
              PeriodChange c = change(a, 1_000_000, b, 1_000_000);
              boolean claims =
                  c.english().contains(" fell ")
                      || c.english().contains(" rose ")
                      || c.spanish().contains(" bajó ")
                      || c.spanish().contains(" subió ");
              assertThat(claims).as(c.english()).isEqualTo(c.verdict().isSignificant());
              if (claims) {
                assertThat(c.comparison().pValue()).isLessThan(0.05);
                assertThat(c.comparison().interval().contains(1)).isFalse();
              }
            });
  }

  @Test
  @DisplayName("rates on different bases are refused")
  void differentBases() {
    Rate perThousand = Rate.builder().count(3).population(1000).per(1000).build();
    assertThatThrownBy(
            () -> PeriodChange.of("homicide", "homicidios", Rate.of(3, 1000), perThousand))
        .hasMessage("before.per (100000.0) must equal after.per (1000.0)");
  }
}
