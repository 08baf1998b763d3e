package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.assertj.core.data.Percentage;
import org.atalaya.anonymise.DiscreteLaplace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rates from noisy and suppressed counts: exact intervals, and their coverage by simulation. */
class ProtectedRateTest {
  private static final int DRAWS = 10_000;

  @Test
  void aNoisyCountsLimitsAreWhereTheTailsOfPoissonPlusNoiseReachTwoAndAHalfPercent() {
    ConfidenceInterval i = PoissonIntervals.exactWithNoise(7, 1, 1, 1, 0.95);
    // Checked against a brute-force double sum over the Poisson count and the noise.
    assertThat(bruteForceCdf(i.upper(), 7, 1)).isCloseTo(0.025, within(1e-9));
    assertThat(1 - bruteForceCdf(i.lower(), 6, 1)).isCloseTo(0.025, within(1e-9));
    // Wider than Garwood's for the same count on both sides: the noise adds uncertainty.
    ConfidenceInterval garwood = PoissonIntervals.exact(7, 0.95);
    assertThat(i.lower()).isLessThan(garwood.lower());
    assertThat(i.upper()).isGreaterThan(garwood.upper());
    ProtectedRate r = ProtectedRate.ofNoisyCount(7, 1, 1, 50_000);
    assertThat(r.rate().getAsDouble()).isCloseTo(14.0, within(1e-12));
    // The figures quoted in sdk-docs/indicators.md (Garwood's for 7: 2.8144 to 14.4227).
    assertThat(i.lower()).isCloseTo(2.242390, within(1e-6));
    assertThat(i.upper()).isCloseTo(15.111501, within(1e-6));
    ConfidenceInterval half = PoissonIntervals.exactWithNoise(7, 0.5, 1, 1, 0.95);
    assertThat(half.lower()).isCloseTo(0.439631, within(1e-6));
    assertThat(half.upper()).isCloseTo(16.941076, within(1e-6));
    assertThat(PoissonIntervals.exactWithNoise(0, 0.5, 1, 1, 0.95).upper())
        .isCloseTo(8.170401, within(1e-6));
    assertThat(r.lower()).isCloseTo(i.lower() * 2, within(1e-12));
    assertThat(r.upper()).isCloseTo(i.upper() * 2, within(1e-12));
    assertThat(r.basis())
        .isEqualTo(
            "noisy count 7, discrete Laplace noise of epsilon 1.0 and sensitivity 1;"
                + " exact interval for Poisson count plus noise");
    // A negative noisy count: the estimate is 0, the lower limit 0, the upper limit still positive.
    ProtectedRate negative = ProtectedRate.ofNoisyCount(-2, 1, 1, 100_000);
    assertThat(negative.rate()).hasValue(0.0);
    assertThat(negative.lower()).isZero();
    assertThat(negative.upper()).isPositive().isLessThan(PoissonIntervals.exact(0, 0.95).upper());
    // Far below anything the noise gives: only 0 is left.
    assertThat(PoissonIntervals.exactWithNoise(-40, 1, 1, 1, 0.95))
        .isEqualTo(new ConfidenceInterval(0, 0, 0.95));
  }

  @Test
  void aSuppressedCountsLimitsAreGarwoodsAtTheEndsOfItsRange() {
    // A small cell of a table with threshold 5 lies from 1 to 4; qgamma(0.025, 1) = 0.025318 and
    // qgamma(0.975, 5) = 10.241589 (R poisson.test(1) and poisson.test(4)).
    ConfidenceInterval i = PoissonIntervals.exactWithin(1, 4, 0.95);
    assertThat(i.lower()).isCloseTo(0.0253178, Percentage.withPercentage(1e-4));
    assertThat(i.upper()).isCloseTo(10.2415887, Percentage.withPercentage(1e-5));
    ProtectedRate r = ProtectedRate.ofSuppressedCount(0, 4, 50_000);
    assertThat(r.rate()).isEmpty();
    assertThat(r.lower()).isZero();
    assertThat(r.upper()).isCloseTo(20.483177, Percentage.withPercentage(1e-5));
    assertThat(r.basis())
        .isEqualTo(
            "suppressed count from 0 to 4; Garwood lower limit at the smallest, upper limit at the"
                + " largest");
    assertThatThrownBy(() -> PoissonIntervals.exactWithin(5, 4, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("highest (4) must not be below lowest (5)");
    assertThatThrownBy(() -> ProtectedRate.ofNoisyCount(3, 0, 1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon (0.0) must be a positive number");
  }

  @Test
  void withoutNoiseTheIntervalIsGarwoods() {
    // At epsilon 40 a noise value other than 0 has probability below 1e-17.
    qt().forAll(integers().between(0, 2_000))
        .checkAssert(
            x -> {
              ConfidenceInterval noisy = PoissonIntervals.exactWithNoise(x, 40, 1, 1, 0.95);
              ConfidenceInterval garwood = PoissonIntervals.exact(x, 0.95);
              assertThat(noisy.lower())
                  .isCloseTo(garwood.lower(), within(1e-8 * Math.max(1, garwood.lower())));
              assertThat(noisy.upper()).isCloseTo(garwood.upper(), within(1e-8 * garwood.upper()));
            });
  }

  @Test
  void theIntervalIsOrderedAndWidensAsEpsilonFalls() {
    qt().forAll(integers().between(-20, 300), integers().between(1, 20), integers().between(1, 20))
        .checkAssert(
            (y, e1, e2) -> {
              ConfidenceInterval wide =
                  PoissonIntervals.exactWithNoise(y, Math.min(e1, e2) / 10.0, 1, 1, 0.95);
              ConfidenceInterval narrow =
                  PoissonIntervals.exactWithNoise(y, Math.max(e1, e2) / 10.0, 1, 1, 0.95);
              assertThat(wide.lower()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(wide.upper());
              if (y >= 0) {
                // More noise, a wider interval around the published count (on the side the count
                // allows).
                assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower() + 1e-9);
                assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper() - 1e-9);
                assertThat(wide.contains(y)).isTrue();
              }
            });
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.1", "1, 0.1", "3, 0.1", "10, 0.1", "100, 0.1",
    "0, 0.5", "1, 0.5", "3, 0.5", "10, 0.5", "100, 0.5",
    "0, 1", "1, 1", "3, 1", "10, 1", "100, 1"
  })
  void aRateFromANoisyCountHoldsTheTrueRateAtLeastAsOftenAsItSays(double mean, double epsilon) {
    SplittableRandom random =
        new SplittableRandom(7_000 + 100 * (long) mean + Math.round(10 * epsilon));
    DiscreteLaplace mechanism = DiscreteLaplace.forTesting(epsilon, 1, random);
    Map<Long, ProtectedRate> byCount = new HashMap<>();
    int covered = 0;
    for (int i = 0; i < DRAWS; i++) {
      long y = mechanism.addNoise(poisson(mean, random));
      // Population 100,000: the rate per 100,000 is the mean itself.
      ProtectedRate r =
          byCount.computeIfAbsent(y, c -> ProtectedRate.ofNoisyCount(c, epsilon, 1, 100_000));
      covered += r.interval().contains(mean) ? 1 : 0;
    }
    double measured = (double) covered / DRAWS;
    System.out.printf(
        "rate from noisy count, mean %s, epsilon %s: coverage %.4f%n", mean, epsilon, measured);
    assertThat(measured).isGreaterThanOrEqualTo(0.94);
  }

  @Test
  void aRateFromANoisyTotalHoldsTheTrueRate() {
    SplittableRandom random = new SplittableRandom(99);
    DiscreteLaplace mechanism = DiscreteLaplace.forTesting(0.5, 1, random);
    Map<Long, ProtectedRate> byCount = new HashMap<>();
    int covered = 0;
    for (int i = 0; i < DRAWS; i++) {
      // A total of 4 cells with means 1, 2, 3 and 4: a Poisson count of mean 10 plus 4 noises.
      long y = 0;
      for (int c = 1; c <= 4; c++) {
        y += mechanism.addNoise(poisson(c, random));
      }
      ProtectedRate r =
          byCount.computeIfAbsent(
              y, c -> ProtectedRate.ofNoisyCount(c, 0.5, 1, 4, 100_000, 100_000, 0.95));
      covered += r.interval().contains(10) ? 1 : 0;
    }
    double measured = (double) covered / DRAWS;
    System.out.printf(
        "rate from a noisy total of 4 cells, mean 10, epsilon 0.5: coverage %.4f%n", measured);
    assertThat(measured).isGreaterThanOrEqualTo(0.94);
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "3", "10", "100"})
  void aRateFromASmallCellTableHoldsTheTrueRateAtLeastAsOftenAsItSays(double mean) {
    // Threshold 5: a count from 1 to 4 is suppressed and known to lie from 0 to 4 (a reader cannot
    // tell a small cell from a hidden 0); the others are published and get Garwood's interval.
    SplittableRandom random = new SplittableRandom(11 + (long) mean);
    int covered = 0;
    int suppressed = 0;
    int coveredWhenSuppressed = 0;
    for (int i = 0; i < DRAWS; i++) {
      long x = poisson(mean, random);
      boolean hidden = x >= 1 && x <= 4;
      ConfidenceInterval counts =
          hidden ? PoissonIntervals.exactWithin(0, 4, 0.95) : PoissonIntervals.exact(x, 0.95);
      boolean holds = counts.contains(mean);
      covered += holds ? 1 : 0;
      suppressed += hidden ? 1 : 0;
      coveredWhenSuppressed += hidden && holds ? 1 : 0;
    }
    double measured = (double) covered / DRAWS;
    System.out.printf(
        "rate from a small-cell table, mean %s: coverage %.4f (%d suppressed, %.4f of them"
            + " covered)%n",
        mean,
        measured,
        suppressed,
        suppressed == 0 ? Double.NaN : (double) coveredWhenSuppressed / suppressed);
    assertThat(measured).isGreaterThanOrEqualTo(0.94);
  }

  @Test
  void aRateFromACellHiddenToProtectAnotherHoldsTheTrueRate() {
    // A cell hidden by secondary suppression: known only to lie from 0 to its line's remainder,
    // here the count plus up to 20 more (the other hidden cells of the line).
    for (double mean : new double[] {1, 3, 10, 100}) {
      SplittableRandom random = new SplittableRandom(23 + (long) mean);
      int covered = 0;
      for (int i = 0; i < DRAWS; i++) {
        long x = poisson(mean, random);
        long highest = x + random.nextInt(21);
        covered += PoissonIntervals.exactWithin(0, highest, 0.95).contains(mean) ? 1 : 0;
      }
      double measured = (double) covered / DRAWS;
      System.out.printf(
          "rate from a cell hidden in [0, x + up to 20], mean %s: coverage %.4f%n", mean, measured);
      assertThat(measured).isGreaterThanOrEqualTo(0.94);
    }
  }

  /** A Poisson draw by inversion (means up to a few hundred). */
  private static long poisson(double mean, SplittableRandom random) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cdf = p;
    long x = 0;
    while (u > cdf && p > 0) {
      x++;
      p *= mean / x;
      cdf += p;
    }
    return x;
  }

  /** P(X + Z <= c) by a double sum, X Poisson(lambda), Z the discrete Laplace noise. */
  private static double bruteForceCdf(double lambda, long c, double epsilon) {
    DiscreteLaplace noise = DiscreteLaplace.distribution(epsilon, 1);
    double sum = 0;
    double p = Math.exp(-lambda);
    for (int x = 0; x <= 400; x++) {
      for (int z = -400; z <= 400; z++) {
        if (x + z <= c) {
          sum += p * noise.probability(z);
        }
      }
      p *= lambda / (x + 1);
    }
    return sum;
  }

  @Test
  void aSuppressedCountsLimitsAreExpressedPerTheBaseOfThePopulation() {
    // a hidden cell of 1 to 4 in a population of 50,000, per 1,000: qgamma(0.025, 1) = -log(0.975)
    // and qgamma(0.975, 5) (R poisson.test(1) and poisson.test(4)), times 1,000 / 50,000
    ProtectedRate r = ProtectedRate.ofSuppressedCount(1, 4, 50_000, 1000, 0.95);
    assertThat(r.lower()).isCloseTo(-Math.log(0.975) / 50, Percentage.withPercentage(1e-7));
    assertThat(r.upper())
        .isCloseTo(
            GammaDistribution.of(5, 1).inverseSurvivalProbability(0.025) / 50,
            Percentage.withPercentage(1e-7));
    assertThat(r.upper()).isCloseTo(0.20483177, Percentage.withPercentage(1e-5));
  }
}
