package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.atalaya.anonymise.PopulationUniqueness.Estimate;
import org.atalaya.anonymise.PopulationUniqueness.Model;
import org.atalaya.anonymise.PopulationUniqueness.Sample;
import org.junit.jupiter.api.Test;

/**
 * Population-uniqueness estimates agree with an independent implementation, land near the truth on
 * simulated populations, keep their bounds, and refuse bad input by name.
 */
class PopulationUniquenessTest {

  // -------------------------------------------------------------- (a) reference values
  // Pinned from core/src/test/resources/org/atalaya/anonymise/population_uniqueness_reference.py
  // (scipy's L-BFGS-B, fsolve and hypergeometric; rerun with python3 and compare).

  /**
   * Table A: 30 classes of size 1, 10 of 2, 5 of 3, 2 of 4, 1 of 10; n = 83, pi = 0.05, N = 1660.
   */
  static final Sample A = Sample.ofFrequencies(30, 10, 5, 2, 0, 0, 0, 0, 0, 1);

  /** Table B: {1: 120, 2: 40, 3: 15, 5: 6, 8: 2}; n = 291, pi = 0.3, N = 970. */
  static final Sample B = Sample.ofFrequencies(120, 40, 15, 0, 6, 0, 0, 2);

  /** Table C: {1: 8, 2: 6, 3: 4, 4: 3, 6: 1}; n = 50, pi = 0.5, N = 100. */
  static final Sample C = Sample.ofFrequencies(8, 6, 4, 3, 0, 1);

  @Test
  void zayatzMatchesTheReference() {
    assertThat(PopulationUniqueness.zayatz(A, 0.05).populationUniques())
        .isCloseTo(11.8788024952, within(1e-8));
    assertThat(PopulationUniqueness.zayatz(B, 0.3).populationUniques())
        .isCloseTo(69.6755804770, within(1e-8));
    assertThat(PopulationUniqueness.zayatz(C, 0.5).populationUniques())
        .isCloseTo(3.4100267902, within(1e-8));
  }

  @Test
  void pitmanMatchesTheReference() {
    // Table A has an interior maximum; B and C have theirs on the edge alpha = 0 (Ewens's model).
    PopulationUniqueness.PitmanFit a = PopulationUniqueness.fitPitman(A);
    assertThat(a.converged()).isTrue();
    assertThat(a.theta()).isCloseTo(43.77145865, within(1e-4));
    assertThat(a.alpha()).isCloseTo(0.04504068, within(1e-6));
    assertThat(PopulationUniqueness.pitman(A, 0.05).populationUniques())
        .isCloseTo(2.4921990876, within(1e-5));
    PopulationUniqueness.PitmanFit b = PopulationUniqueness.fitPitman(B);
    assertThat(b.alpha()).isEqualTo(0);
    assertThat(b.theta()).isCloseTo(210.39801254, within(1e-4));
    assertThat(PopulationUniqueness.pitman(B, 0.3).populationUniques())
        .isCloseTo(50.9139076602, within(1e-5));
    assertThat(PopulationUniqueness.fitPitman(C).theta()).isCloseTo(14.45147992, within(1e-5));
    assertThat(PopulationUniqueness.pitman(C, 0.5).populationUniques())
        .isCloseTo(4.4742637092, within(1e-6));
  }

  @Test
  void newtonAndTheBracketingSearchFindTheSameMaximum() {
    qt().withExamples(60)
        .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(2, 8))
        .assuming(counts -> counts.get(0) > 0 && counts.stream().skip(1).anyMatch(c -> c > 0))
        .checkAssert(
            counts -> {
              Sample s = sampleOf(counts);
              PopulationUniqueness.PitmanFit fit = PopulationUniqueness.fitPitman(s);
              PopulationUniqueness.PitmanFit bracketed =
                  PopulationUniqueness.fitPitmanByBracketing(s);
              assertThat(bracketed.converged()).isEqualTo(fit.converged());
              if (fit.converged()) {
                assertThat(bracketed.logLikelihood())
                    .isCloseTo(fit.logLikelihood(), within(1e-7 * Math.abs(fit.logLikelihood())));
                assertThat(bracketed.alpha()).isCloseTo(fit.alpha(), within(1e-4));
              }
            });
  }

  @Test
  void snbMatchesTheReference() {
    PopulationUniqueness.SnbFit a = PopulationUniqueness.fitSnb(A, 0.05);
    assertThat(a.classes()).isCloseTo(397.063749, within(1e-5));
    assertThat(a.a()).isCloseTo(0.06951298, within(1e-7));
    assertThat(a.b()).isCloseTo(0.00010636, within(1e-8));
    assertThat(PopulationUniqueness.snb(A, 0.05).populationUniques())
        .isCloseTo(10.5109274908, within(1e-6));
    assertThat(PopulationUniqueness.snb(B, 0.3).populationUniques())
        .isCloseTo(54.7869253686, within(1e-6));
    assertThat(PopulationUniqueness.snb(C, 0.5).populationUniques())
        .isCloseTo(2.2405145593, within(1e-6));
  }

  @Test
  void dankarPicksByTheSamplingFractionAndTheSmallerEstimate() {
    // pi 0.05 <= 0.1: Pitman. pi 0.3: min(Zayatz 69.68, SNB 54.79) = SNB. pi 0.5: min(3.41, 2.24) =
    // SNB.
    assertThat(PopulationUniqueness.dankar(A, 0.05))
        .isEqualTo(PopulationUniqueness.pitman(A, 0.05));
    assertThat(PopulationUniqueness.dankar(B, 0.3)).isEqualTo(PopulationUniqueness.snb(B, 0.3));
    assertThat(PopulationUniqueness.dankar(C, 0.5).model()).isEqualTo(Model.SNB);
    // Table C at pi 0.2: the SNB estimate (0.47) is below Zayatz's (1.91).
    Estimate z = PopulationUniqueness.zayatz(C, 0.2);
    Estimate s = PopulationUniqueness.snb(C, 0.2);
    Estimate d = PopulationUniqueness.dankar(C, 0.2);
    assertThat(d.populationUniques())
        .isEqualTo(Math.min(z.populationUniques(), s.populationUniques()));
  }

  @Test
  void dankarFallsBackToZayatzWhenThePreferredModelDoesNotConverge() {
    // Every record unique: Pitman's likelihood grows without bound towards alpha = 1.
    Sample allUnique = Sample.ofFrequencies(40);
    assertThat(PopulationUniqueness.pitman(allUnique, 0.05).converged()).isFalse();
    assertThat(PopulationUniqueness.pitman(allUnique, 0.05).populationUniques()).isNaN();
    Estimate d = PopulationUniqueness.dankar(allUnique, 0.05);
    assertThat(d.model()).isEqualTo(Model.DANKAR_ZAYATZ_FALLBACK);
    assertThat(d.converged()).isTrue();
    assertThat(d.populationUniques())
        .isEqualTo(PopulationUniqueness.zayatz(allUnique, 0.05).populationUniques());
    // No class of size 2: the SNB equations have no solution.
    Sample noPairs = Sample.ofFrequencies(10, 0, 4, 2);
    assertThat(PopulationUniqueness.snb(noPairs, 0.4).converged()).isFalse();
    assertThat(PopulationUniqueness.dankar(noPairs, 0.4).model())
        .isEqualTo(Model.DANKAR_ZAYATZ_FALLBACK);
  }

  @Test
  void aSampleOfClassNumbersCountsItsClasses() {
    Sample s = Sample.ofClassNumbers(new int[] {0, 1, 1, 2, 3, 3, 3, 7});
    assertThat(s).isEqualTo(Sample.ofFrequencies(3, 1, 1, 0, 0));
    assertThat(s.records()).isEqualTo(8);
    assertThat(s.classes()).isEqualTo(5);
    assertThat(s.uniques()).isEqualTo(3);
    assertThat(s.largestClass()).isEqualTo(3);
    assertThat(s.classesOfSize(9)).isZero();
  }

  // -------------------------------------------------------------- (b) simulation

  /**
   * A population of 20,000 records whose keys follow a Zipf law (exponent 1) over 60,000 cells,
   * sampled without replacement 10 times at each fraction: the mean estimate is compared with the
   * mean true count of sample records unique in the population.
   */
  @Test
  void estimatesLandNearTheTruthOnASimulatedPopulation() {
    int population = 20_000;
    int cells = 60_000;
    SplittableRandom random = new SplittableRandom(17);
    double[] cumulative = new double[cells];
    double total = 0;
    for (int c = 0; c < cells; c++) {
      total += 1.0 / (c + 1);
      cumulative[c] = total;
    }
    int[] keys = new int[population];
    int[] populationCounts = new int[cells];
    for (int r = 0; r < population; r++) {
      double u = random.nextDouble() * total;
      int c = Arrays.binarySearch(cumulative, u);
      keys[r] = c >= 0 ? c : Math.min(cells - 1, -c - 1);
      populationCounts[keys[r]]++;
    }
    double[] fractions = {0.1, 0.3, 0.5, 0.9};
    // Relative tolerance of the mean estimate at each fraction; every estimator is biased upwards
    // at small pi.
    double[] relative = {0.5, 0.3, 0.2, 0.05};
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < fractions.length; p++) {
      double pi = fractions[p];
      int n = (int) Math.round(pi * population);
      double truth = 0;
      double uniques = 0;
      Map<String, Double> sums = new LinkedHashMap<>();
      for (int rep = 0; rep < 10; rep++) {
        int[] order = new int[population];
        for (int i = 0; i < population; i++) {
          order[i] = i;
        }
        int[] sampleCounts = new int[cells];
        for (int i = 0; i < n; i++) {
          int j = i + random.nextInt(population - i);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
          sampleCounts[keys[order[i]]]++;
        }
        long[] frequencies = new long[n];
        for (int c = 0; c < cells; c++) {
          if (sampleCounts[c] > 0) {
            frequencies[sampleCounts[c] - 1]++;
            if (sampleCounts[c] == 1 && populationCounts[c] == 1) {
              truth++;
            }
          }
        }
        Sample sample = Sample.ofFrequencies(frequencies);
        uniques += sample.uniques();
        add(sums, "zayatz", PopulationUniqueness.zayatz(sample, pi));
        add(sums, "pitman", PopulationUniqueness.pitman(sample, pi));
        add(sums, "snb", PopulationUniqueness.snb(sample, pi));
        add(sums, "dankar", PopulationUniqueness.dankar(sample, pi));
      }
      double meanTruth = truth / 10;
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "pi %.1f: truth %.1f, sample uniques %.1f", pi, meanTruth, uniques / 10));
      for (Map.Entry<String, Double> e : sums.entrySet()) {
        double mean = e.getValue() / 10;
        line.append(
            String.format(
                ", %s %.1f (%+.1f%%)", e.getKey(), mean, 100 * (mean - meanTruth) / meanTruth));
        assertThat(mean)
            .as("%s at pi %s", e.getKey(), pi)
            .isCloseTo(meanTruth, within(relative[p] * meanTruth));
        // Better than taking every sample unique as a population unique.
        assertThat(Math.abs(mean - meanTruth))
            .as("%s at pi %s", e.getKey(), pi)
            .isLessThan(uniques / 10 - meanTruth);
      }
      lines.add(line.toString());
    }
    System.out.println(String.join(System.lineSeparator(), lines));
  }

  private static void add(Map<String, Double> sums, String name, Estimate e) {
    assertThat(e.converged()).as("%s converged", name).isTrue();
    sums.merge(name, e.populationUniques(), Double::sum);
  }

  // -------------------------------------------------------------- (c) properties

  private static final List<BiFunction<Sample, Double, Estimate>> METHODS =
      List.of(
          PopulationUniqueness::zayatz,
          PopulationUniqueness::pitman,
          PopulationUniqueness::snb,
          PopulationUniqueness::dankar);

  private static Sample sampleOf(List<Integer> counts) {
    return Sample.ofFrequencies(counts.stream().mapToLong(Integer::longValue).toArray());
  }

  @Test
  void aFractionOfOneGivesExactlyTheSampleUniques() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 40)).ofSizeBetween(1, 8))
        .assuming(counts -> counts.stream().anyMatch(c -> c > 0))
        .checkAssert(
            counts -> {
              Sample s = sampleOf(counts);
              for (BiFunction<Sample, Double, Estimate> method : METHODS) {
                Estimate e = method.apply(s, 1.0);
                assertThat(e.model()).isEqualTo(Model.EXACT);
                assertThat(e.populationUniques()).isEqualTo((double) s.uniques());
                assertThat(e.share()).isEqualTo(s.uniques() / (double) s.records());
              }
            });
  }

  @Test
  void estimatesLieBetweenZeroAndTheSampleUniques() {
    qt().withExamples(300)
        .forAll(
            lists().of(integers().between(0, 40)).ofSizeBetween(1, 8), integers().between(1, 999))
        .assuming((counts, permille) -> counts.stream().anyMatch(c -> c > 0))
        .checkAssert(
            (counts, permille) -> {
              Sample s = sampleOf(counts);
              double pi = permille / 1000.0;
              for (BiFunction<Sample, Double, Estimate> method : METHODS) {
                Estimate e = method.apply(s, pi);
                if (e.converged()) {
                  assertThat(e.populationUniques())
                      .as("%s at %s", s, pi)
                      .isBetween(0.0, (double) s.uniques());
                  assertThat(e.share())
                      .isCloseTo(e.populationUniques() / s.records(), within(1e-15));
                } else {
                  assertThat(e.populationUniques()).isNaN();
                }
              }
              // Dankar's rule always gives a number.
              assertThat(PopulationUniqueness.dankar(s, pi).converged()).isTrue();
            });
  }

  @Test
  void zayatzAndPitmanGrowWithTheSamplingFraction() {
    // With the sample fixed, a smaller population leaves fewer records that could join a sample
    // unique.
    qt().withExamples(100)
        .forAll(
            lists().of(integers().between(0, 30)).ofSizeBetween(2, 6),
            integers().between(0, 200),
            integers().between(1, 400))
        .assuming(
            (counts, extra, more) ->
                counts.get(0) > 0 && counts.stream().skip(1).anyMatch(c -> c > 0))
        .checkAssert(
            (counts, extra, more) -> {
              Sample s = sampleOf(counts);
              long n = s.records();
              double small = n / (double) (n + extra + more);
              double large = n / (double) (n + extra);
              assertThat(PopulationUniqueness.zayatz(s, large).populationUniques())
                  .isGreaterThanOrEqualTo(
                      PopulationUniqueness.zayatz(s, small).populationUniques() - 1e-9);
              Estimate pLarge = PopulationUniqueness.pitman(s, large);
              Estimate pSmall = PopulationUniqueness.pitman(s, small);
              assertThat(pLarge.converged()).isEqualTo(pSmall.converged());
              if (pLarge.converged()) {
                assertThat(pLarge.populationUniques())
                    .isGreaterThanOrEqualTo(pSmall.populationUniques() - 1e-9);
              }
            });
  }

  @Test
  void aSampleWithoutUniquesHasNoPopulationUniques() {
    Sample s = Sample.ofFrequencies(0, 5, 3);
    for (BiFunction<Sample, Double, Estimate> method : METHODS) {
      Estimate e = method.apply(s, 0.2);
      assertThat(e.populationUniques()).isZero();
      assertThat(e.converged()).isTrue();
    }
  }

  // -------------------------------------------------------------- (d) bad input

  @Test
  void badInputIsRefusedByName() {
    Sample s = Sample.ofFrequencies(3, 1);
    for (double pi : new double[] {0, -0.1, 1.5, Double.NaN}) {
      for (BiFunction<Sample, Double, Estimate> method : METHODS) {
        assertThatThrownBy(() -> method.apply(s, pi))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("samplingFraction (" + pi + ")");
      }
    }
    assertThatThrownBy(() -> Sample.ofFrequencies())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no records");
    assertThatThrownBy(() -> Sample.ofFrequencies(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no records");
    assertThatThrownBy(() -> Sample.ofFrequencies(4, -2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classesOfSize[1] (-2)");
    assertThatThrownBy(() -> Sample.ofClassNumbers(new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no records");
    assertThatThrownBy(() -> Sample.ofClassNumbers(new int[] {0, -3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("classNumbers[1] (-3)");
    assertThatThrownBy(() -> PopulationUniqueness.zayatz(Sample.ofFrequencies(1_000), 1e-7))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("population size");
  }
}
