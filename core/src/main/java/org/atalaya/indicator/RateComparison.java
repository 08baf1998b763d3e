package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apiguardian.api.API;

/**
 * The comparison of two Poisson rates, {@code count1 / population1} against {@code count2 /
 * population2}, exactly as R {@code poisson.test(c(count1, count2), c(population1, population2))}.
 *
 * <p>Given the total {@code n = count1 + count2}, {@code count1} is binomial with {@code n} trials
 * and success probability {@code population1 / (population1 + population2)} when the rates are
 * equal. So:
 *
 * <ul>
 *   <li>the rate ratio is {@code (count1/population1) / (count2/population2)}: positive infinity
 *       when {@code count2} is 0, and 0 when {@code count1} is 0;
 *   <li>its interval is the Clopper-Pearson interval {@code (pL, pU)} of that binomial proportion
 *       mapped back with {@code p / (1 - p) * population2 / population1} (the upper limit is
 *       positive infinity when {@code count2} is 0);
 *   <li>the two-sided p-value follows R {@code binom.test}: the probability of every outcome no
 *       more likely than the one observed, where "no more likely" allows a relative tolerance of
 *       {@code 1e-7} ({@code dbinom(i) <= dbinom(x) * (1 + 1e-7)}), capped at 1. It is not twice
 *       the smaller tail;
 *   <li>{@link #pValueGreater()} is {@code P(X >= count1)}, for the alternative that the first rate
 *       is higher, and {@link #pValueLess()} is {@code P(X <= count1)}, for the alternative that it
 *       is lower.
 * </ul>
 *
 * <p>The interval inverts the central (equal-tailed) test, and the two-sided p-value comes from the
 * minimum-likelihood test, so at the edge they can disagree: a p-value just below {@code 1 -
 * confidence} with an interval that still contains 1, or the reverse. {@link PeriodChange} reports
 * that case as borderline. Immutable and thread-safe.
 *
 * @param count1 the first count; not negative
 * @param population1 the first population or person-time; positive and finite
 * @param count2 the second count; not negative, and {@code count1 + count2 > 0}
 * @param population2 the second population or person-time; positive and finite
 * @param confidence the confidence level of the interval, strictly between 0 and 1
 * @param rateRatio the first rate divided by the second
 * @param lower the lower limit of the rate ratio's interval
 * @param upper the upper limit of the rate ratio's interval; may be positive infinity
 * @param pValue the two-sided p-value by R's rule
 * @param pValueGreater the one-sided p-value for "the first rate is higher"
 * @param pValueLess the one-sided p-value for "the first rate is lower"
 * @param lineage what the comparison came from: the counts used, the confidence level, the method
 *     and the version, plus whatever the caller added with {@link #withLineage(Lineage)}; never
 *     {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RateComparison(
    long count1,
    double population1,
    long count2,
    double population2,
    double confidence,
    double rateRatio,
    double lower,
    double upper,
    double pValue,
    double pValueGreater,
    double pValueLess,
    Lineage lineage) {

  /** R's relative tolerance when comparing outcome probabilities in {@code binom.test}. */
  static final double RELATIVE_TOLERANCE = 1 + 1e-7;

  /**
   * Validates the comparison. Prefer {@link #of(long, double, long, double, double)}, which
   * computes it.
   *
   * @throws IllegalArgumentException if an argument breaks the rules above
   */
  public RateComparison {
    checkInputs(count1, population1, count2, population2, confidence);
    checkProbability("pValue", pValue);
    checkProbability("pValueGreater", pValueGreater);
    checkProbability("pValueLess", pValueLess);
    checkArgument(
        lower <= rateRatio && rateRatio <= upper,
        "rateRatio (%s) must lie within its limits (%s, %s)",
        rateRatio,
        lower,
        upper);
    Objects.requireNonNull(lineage, "lineage must not be null");
  }

  /**
   * Validates the comparison and gives it the lineage {@link #of(long, double, long, double,
   * double)} gives.
   *
   * @param count1 the first count
   * @param population1 the first population
   * @param count2 the second count
   * @param population2 the second population
   * @param confidence the confidence level
   * @param rateRatio the rate ratio
   * @param lower the lower limit
   * @param upper the upper limit
   * @param pValue the two-sided p-value
   * @param pValueGreater the one-sided p-value, first rate higher
   * @param pValueLess the one-sided p-value, first rate lower
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RateComparison(
      long count1,
      double population1,
      long count2,
      double population2,
      double confidence,
      double rateRatio,
      double lower,
      double upper,
      double pValue,
      double pValueGreater,
      double pValueLess) {
    this(
        count1,
        population1,
        count2,
        population2,
        confidence,
        rateRatio,
        lower,
        upper,
        pValue,
        pValueGreater,
        pValueLess,
        defaultLineage(count1, count2, confidence));
  }

  /** The method, as lineages record it. */
  static final String METHOD =
      "conditional binomial test of two Poisson rates, as R poisson.test: Clopper-Pearson interval"
          + " of the rate ratio, two-sided p-value by R binom.test's rule";

  private static Lineage defaultLineage(long count1, long count2, double confidence) {
    ConfidenceInterval.checkConfidence(confidence);
    return Lineage.builder("rate ratio")
        .used(Math.max(count1, 0) + Math.max(count2, 0))
        .confidence(confidence)
        .method(METHOD)
        .build();
  }

  /**
   * Returns this comparison with another lineage.
   *
   * @param lineage the lineage; never null
   * @return a comparison equal to this one but for its lineage; never {@code null}
   * @since 0.1
   */
  public RateComparison withLineage(Lineage lineage) {
    return new RateComparison(
        count1,
        population1,
        count2,
        population2,
        confidence,
        rateRatio,
        lower,
        upper,
        pValue,
        pValueGreater,
        pValueLess,
        lineage);
  }

  /**
   * Compares two rates with a 95% interval.
   *
   * @param count1 the first count; not negative
   * @param population1 the first population; positive and finite
   * @param count2 the second count; not negative
   * @param population2 the second population; positive and finite
   * @return the comparison; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range or both counts are 0
   */
  public static RateComparison of(
      long count1, double population1, long count2, double population2) {
    return of(count1, population1, count2, population2, Rate.DEFAULT_CONFIDENCE);
  }

  /**
   * Compares two rates, as R {@code poisson.test(c(count1, count2), c(population1, population2),
   * conf.level = confidence)}.
   *
   * @param count1 the first count; not negative
   * @param population1 the first population; positive and finite
   * @param count2 the second count; not negative
   * @param population2 the second population; positive and finite
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the comparison; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range or both counts are 0 (there is
   *     nothing to compare)
   */
  public static RateComparison of(
      long count1, double population1, long count2, double population2, double confidence) {
    checkInputs(count1, population1, count2, population2, confidence);
    long n = count1 + count2;
    checkArgument(
        n <= Integer.MAX_VALUE, "count1 + count2 (%s) must not exceed %s", n, Integer.MAX_VALUE);
    int trials = (int) n;
    int x = (int) count1;
    double p = population1 / (population1 + population2);
    BinomialDistribution binomial = BinomialDistribution.of(trials, p);

    double alpha = (1 - confidence) / 2;
    double pLower =
        x == 0 ? 0 : BetaDistribution.of(x, trials - x + 1.0).inverseCumulativeProbability(alpha);
    double pUpper =
        x == trials
            ? 1
            : BetaDistribution.of(x + 1.0, trials - x).inverseSurvivalProbability(alpha);
    double ratioScale = population2 / population1;
    double lower = pLower / (1 - pLower) * ratioScale;
    double upper = pUpper == 1 ? Double.POSITIVE_INFINITY : pUpper / (1 - pUpper) * ratioScale;
    double ratio =
        count2 == 0 ? Double.POSITIVE_INFINITY : (count1 / population1) / (count2 / population2);

    double greater = Math.min(1, binomial.survivalProbability(x - 1));
    double less = Math.min(1, binomial.cumulativeProbability(x));
    double twoSided = twoSidedPValue(binomial, trials, p, x);
    return new RateComparison(
        count1,
        population1,
        count2,
        population2,
        confidence,
        ratio,
        Math.min(lower, ratio),
        Math.max(upper, ratio),
        twoSided,
        greater,
        less);
  }

  /**
   * Returns the interval of the rate ratio as a value.
   *
   * @return the interval; never {@code null}
   */
  public ConfidenceInterval interval() {
    return new ConfidenceInterval(lower, upper, confidence);
  }

  /**
   * R {@code binom.test}'s two-sided p-value. The binomial probabilities decrease away from the
   * mode, and the mode lies between {@code floor(m)} and {@code ceil(m)} for {@code m = n p}, so
   * the outcomes on the far side of the mean that are no more likely than the observed one form a
   * run at the end of the range, found by bisection instead of R's scan over every outcome.
   */
  static double twoSidedPValue(BinomialDistribution binomial, int n, double p, int x) {
    double m = n * p;
    if (x == m) {
      return 1;
    }
    double threshold = binomial.probability(x) * RELATIVE_TOLERANCE;
    double value;
    if (x < m) {
      int from = (int) Math.ceil(m);
      // smallest i in [from, n] with dbinom(i) <= threshold; the predicate is monotone there
      int lo = from;
      int hi = n + 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (binomial.probability(mid) <= threshold) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      int y = n + 1 - lo;
      value = binomial.cumulativeProbability(x) + binomial.survivalProbability(n - y);
    } else {
      int to = (int) Math.floor(m);
      // largest i in [0, to] with dbinom(i) <= threshold; the predicate is monotone there
      int lo = -1;
      int hi = to;
      while (lo < hi) {
        int mid = (lo + hi + 1) >> 1;
        if (binomial.probability(mid) <= threshold) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      int y = lo + 1;
      value = binomial.cumulativeProbability(y - 1) + binomial.survivalProbability(x - 1);
    }
    return Math.min(1, value);
  }

  /** R's scan over every outcome, kept for tests of the bisection. */
  static double twoSidedPValueByScan(BinomialDistribution binomial, int n, double p, int x) {
    double m = n * p;
    if (x == m) {
      return 1;
    }
    double threshold = binomial.probability(x) * RELATIVE_TOLERANCE;
    int y = 0;
    if (x < m) {
      for (int i = (int) Math.ceil(m); i <= n; i++) {
        if (binomial.probability(i) <= threshold) {
          y++;
        }
      }
      return Math.min(1, binomial.cumulativeProbability(x) + binomial.survivalProbability(n - y));
    }
    for (int i = 0; i <= (int) Math.floor(m); i++) {
      if (binomial.probability(i) <= threshold) {
        y++;
      }
    }
    return Math.min(1, binomial.cumulativeProbability(y - 1) + binomial.survivalProbability(x - 1));
  }

  private static void checkInputs(
      long count1, double population1, long count2, double population2, double confidence) {
    checkArgument(count1 >= 0, "count1 (%s) must not be negative", count1);
    checkArgument(count2 >= 0, "count2 (%s) must not be negative", count2);
    checkArgument(
        count1 + count2 > 0,
        "count1 + count2 (%s) must be positive: with no events in either group there is nothing to"
            + " compare",
        count1 + count2);
    Rate.checkPositiveFinite("population1", population1);
    Rate.checkPositiveFinite("population2", population2);
    ConfidenceInterval.checkConfidence(confidence);
  }

  private static void checkProbability(String name, double value) {
    checkArgument(value >= 0 && value <= 1, "%s (%s) must be from 0 to 1", name, value);
  }
}
