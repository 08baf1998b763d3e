package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.atalaya.anonymise.PopulationUniqueness.Estimate;
import org.atalaya.anonymise.PopulationUniqueness.Model;
import org.atalaya.anonymise.PopulationUniqueness.Sample;
import org.junit.jupiter.api.Test;

/**
 * The rules around the population-uniqueness estimators: what an estimate and a sample may hold,
 * where Dankar's rule switches model, and the model formulas checked against their own series.
 */
class PopulationUniquenessRulesTest {

  // --- Estimate ---

  @Test
  void aConvergedEstimateIsANumberOfRecordsAndAShare() {
    assertThat(new Estimate(Model.ZAYATZ, 0, 0, true).share()).isZero();
    assertThat(new Estimate(Model.ZAYATZ, 5, 1, true).share()).isEqualTo(1);
    assertThatThrownBy(() -> new Estimate(Model.ZAYATZ, -0.5, 0, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("populationUniques (-0.5) must be a non-negative number");
    assertThatThrownBy(() -> new Estimate(Model.ZAYATZ, Double.POSITIVE_INFINITY, 0, true))
        .hasMessage("populationUniques (Infinity) must be a non-negative number");
    assertThatThrownBy(() -> new Estimate(Model.ZAYATZ, 1, 1.5, true))
        .hasMessage("share (1.5) must be between 0 and 1");
    assertThatThrownBy(() -> new Estimate(Model.ZAYATZ, 1, -0.1, true))
        .hasMessage("share (-0.1) must be between 0 and 1");
    assertThatThrownBy(() -> new Estimate(null, 1, 0.1, true))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("model must not be null");
  }

  @Test
  void anEstimateThatDidNotConvergeHasNoFigures() {
    assertThat(new Estimate(Model.PITMAN, Double.NaN, Double.NaN, false).converged()).isFalse();
    assertThatThrownBy(() -> new Estimate(Model.PITMAN, 2, Double.NaN, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an estimate that did not converge has no figures, not (2.0, NaN)");
    assertThatThrownBy(() -> new Estimate(Model.PITMAN, Double.NaN, 0.5, false))
        .hasMessage("an estimate that did not converge has no figures, not (NaN, 0.5)");
  }

  // --- Sample ---

  @Test
  void aSampleIgnoresTrailingEmptySizesAndKeepsItsOwnCopy() {
    long[] frequencies = {3, 1, 0, 0};
    Sample s = Sample.ofFrequencies(frequencies);
    frequencies[0] = 99;
    assertThat(s.largestClass()).isEqualTo(2);
    assertThat(s.records()).isEqualTo(5);
    assertThat(s.classes()).isEqualTo(4);
    assertThat(s.classesOfSize(1)).isEqualTo(3);
    assertThat(s.classesOfSize(2)).isEqualTo(1);
    assertThat(s.classesOfSize(3)).isZero();
    assertThat(s)
        .isEqualTo(Sample.ofFrequencies(3, 1))
        .hasSameHashCodeAs(Sample.ofFrequencies(3, 1));
    assertThat(s).isNotEqualTo(Sample.ofFrequencies(3, 2)).isNotEqualTo("Sample[3, 1]");
    assertThat(s).hasToString("Sample[3, 1]");
    assertThatThrownBy(() -> s.classesOfSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size (0) must be at least 1");
  }

  @Test
  void aSampleHoldsAtMostIntegerMaxValueRecords() {
    assertThat(Sample.ofFrequencies(Integer.MAX_VALUE).records()).isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> Sample.ofFrequencies(Integer.MAX_VALUE - 1L, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the sample's records (2147483648) must be at most 2147483647");
    assertThatThrownBy(() -> Sample.ofFrequencies(0, -1))
        .hasMessage("classesOfSize[1] (-1), the number of classes of size 2, must not be negative");
  }

  @Test
  void thePopulationMayHaveAtMostIntegerMaxValueRecords() {
    Sample one = Sample.ofFrequencies(1);
    assertThat(PopulationUniqueness.zayatz(one, 1.0 / Integer.MAX_VALUE).converged()).isTrue();
    assertThatThrownBy(() -> PopulationUniqueness.zayatz(one, 1.0 / (Integer.MAX_VALUE + 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the population size n / samplingFraction (1 / ")
        .hasMessageEndingWith("must be at most 2147483647");
    assertThatThrownBy(() -> PopulationUniqueness.snb(one, 0))
        .hasMessage("samplingFraction (0.0) must be more than 0 and at most 1");
    assertThatThrownBy(() -> PopulationUniqueness.dankar(null, 0.5))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sample must not be null");
  }

  // --- Dankar's rule ---

  @Test
  void dankarUsesPitmanUpToATenthAndTheSmallerOfZayatzAndSnbAbove() {
    Sample a = PopulationUniquenessTest.A;
    assertThat(PopulationUniqueness.dankar(a, PopulationUniqueness.DANKAR_PITMAN_LIMIT))
        .isEqualTo(PopulationUniqueness.pitman(a, 0.1));
    Estimate above = PopulationUniqueness.dankar(a, 0.1001);
    assertThat(above.model()).isIn(Model.ZAYATZ, Model.SNB);
    assertThat(above.populationUniques())
        .isEqualTo(
            Math.min(
                PopulationUniqueness.zayatz(a, 0.1001).populationUniques(),
                PopulationUniqueness.snb(a, 0.1001).populationUniques()));
    // Table C at pi 0.9: Zayatz's (6.780) is below the SNB's (6.792), and Zayatz's estimate
    // comes back whole, with its model.
    assertThat(PopulationUniqueness.dankar(PopulationUniquenessTest.C, 0.9))
        .isEqualTo(PopulationUniqueness.zayatz(PopulationUniquenessTest.C, 0.9));
  }

  @Test
  void onATieDankarKeepsThePreferredModel() {
    Sample noUniques = Sample.ofFrequencies(0, 5, 3);
    assertThat(PopulationUniqueness.dankar(noUniques, 0.3).model()).isEqualTo(Model.SNB);
    assertThat(PopulationUniqueness.dankar(noUniques, 0.05).model()).isEqualTo(Model.PITMAN);
    assertThat(PopulationUniqueness.dankar(noUniques, 0.3).populationUniques()).isZero();
  }

  // --- the model formulas ---

  @Test
  void shlosserMatchesAHandWorkedSample() {
    // Two uniques and one pair at pi = 0.5: top = 0.5 * 2 + 0.25 * 1 = 1.25,
    // bottom = 1 * 0.5 * 1 * 2 + 2 * 0.5 * 0.5 * 1 = 1.5, so K = 3 + 2 * 1.25 / 1.5 = 14 / 3.
    assertThat(PopulationUniqueness.shlosser(Sample.ofFrequencies(2, 1), 0.5))
        .isCloseTo(14.0 / 3, within(1e-12));
    // With a class of size 3 as well, at pi = 0.25 (q = 0.75):
    // top = 0.75 * 2 + 0.5625 * 1 + 0.421875 * 1 = 2.484375,
    // bottom = 0.25 * 2 + 2 * 0.25 * 0.75 + 3 * 0.25 * 0.5625 = 1.296875.
    assertThat(PopulationUniqueness.shlosser(Sample.ofFrequencies(2, 1, 1), 0.25))
        .isCloseTo(4 + 2 * 2.484375 / 1.296875, within(1e-12));
  }

  /**
   * Under the SNB model a population class has 1 + M records with M negative binomial (a, b), and
   * each record is sampled with probability pi. The closed forms for P(f = 1) and P(f = 2) must
   * equal the series over M.
   */
  @Test
  void snbProbabilitiesEqualTheirSeries() {
    qt().withExamples(200)
        .forAll(integers().between(1, 400), integers().between(1, 99), integers().between(1, 99))
        .checkAssert(
            (aHundredths, bPercent, piPercent) -> {
              double a = aHundredths / 100.0;
              double b = bPercent / 100.0;
              double pi = piPercent / 100.0;
              double q = 1 - pi;
              double p1 = 0;
              double p2 = 0;
              // NB(m) = Gamma(a + m) / (Gamma(a) m!) b^a (1 - b)^m, built term by term.
              double nb = Math.pow(b, a);
              for (int m = 0; m < 20_000 && (m < 10 || nb > 1e-300); m++) {
                p1 += nb * (m + 1) * pi * Math.pow(q, m);
                if (m >= 1) {
                  p2 += nb * (m + 1) * m / 2.0 * pi * pi * Math.pow(q, m - 1);
                }
                nb *= (a + m) / (m + 1) * (1 - b);
              }
              double[] closed = PopulationUniqueness.snbProbabilities(a, b, pi);
              assertThat(closed[0])
                  .as("P(f=1) at %s %s %s", a, b, pi)
                  .isCloseTo(p1, within(1e-9 * Math.max(1, p1)));
              assertThat(closed[1])
                  .as("P(f=2) at %s %s %s", a, b, pi)
                  .isCloseTo(p2, within(1e-9 * Math.max(1, p2)));
            });
  }

  /**
   * Pitman's sampling formula, computed as a product for table A at the fitted (theta, alpha): the
   * fit's log-likelihood must be that number (up to the constant of the class sizes' counts).
   */
  @Test
  void pitmansLogLikelihoodIsTheSamplingFormula() {
    Sample a = PopulationUniquenessTest.A;
    PopulationUniqueness.PitmanFit fit = PopulationUniqueness.fitPitman(a);
    double theta = fit.theta();
    double alpha = fit.alpha();
    double log = 0;
    for (long i = 1; i < a.classes(); i++) {
      log += Math.log(theta + i * alpha);
    }
    for (long i = 1; i < a.records(); i++) {
      log -= Math.log(theta + i);
    }
    for (int size = 2; size <= a.largestClass(); size++) {
      double rising = 0;
      for (int i = 1; i < size; i++) {
        rising += Math.log(i - alpha);
      }
      log += a.classesOfSize(size) * rising;
    }
    assertThat(fit.logLikelihood()).isCloseTo(log, within(1e-9 * Math.abs(log)));
  }
}
