package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apiguardian.api.API;

/**
 * A directly age-standardised rate with the gamma interval of Fay and Feuer (1997): the rate the
 * study population would have if it had the age structure of a standard population, so that areas
 * or years with different age structures can be compared.
 *
 * <p>With strata {@code i} (age bands, possibly crossed with sex), counts {@code x_i}, populations
 * {@code n_i} and standard weights {@code w_i = s_i / sum(s)}:
 *
 * <ul>
 *   <li>rate {@code y = sum(w_i x_i / n_i)}, variance {@code v = sum(w_i^2 x_i / n_i^2)};
 *   <li>lower limit {@code qgamma(alpha/2, shape = y^2/v, scale = v/y)}, and 0 when {@code y = 0};
 *   <li>upper limit {@code qgamma(1 - alpha/2, shape = (y + wM)^2/(v + wM^2), scale = (v + wM^2)/(y
 *       + wM))}, with {@code wM = max(w_i / n_i)};
 * </ul>
 *
 * all times {@code per}. This is the interval of R {@code epitools::ageadjust.direct}. The standard
 * is the user's choice (for example the WHO World Standard Population 2000-2025, or Honduras' 2013
 * census population); only its proportions matter. Immutable and thread-safe.
 *
 * @param count the total count; not negative
 * @param population the total population; positive
 * @param per the base, for example 100,000; positive
 * @param crudeRate {@code count / population * per}
 * @param rate the standardised rate, per {@code per}
 * @param lower the lower confidence limit, per {@code per}
 * @param upper the upper confidence limit, per {@code per}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param lineage what the rate came from: strata, counts used, confidence, method and version, plus
 *     whatever the caller added with {@link #withLineage(Lineage)}; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record DirectStandardisedRate(
    long count,
    double population,
    double per,
    double crudeRate,
    double rate,
    double lower,
    double upper,
    double confidence,
    Lineage lineage) {

  /** The method, as lineages record it. */
  static final String METHOD = "direct standardisation, Fay-Feuer gamma interval";

  /**
   * Validates the values. Prefer {@link #of(long[], double[], double[], double, double)}, which
   * computes them.
   *
   * @throws IllegalArgumentException if a value breaks the rules above
   */
  public DirectStandardisedRate {
    PoissonIntervals.checkCount(count);
    Rate.checkPositiveFinite("population", population);
    Rate.checkPositiveFinite("per", per);
    ConfidenceInterval.checkConfidence(confidence);
    checkArgument(
        lower <= rate && rate <= upper,
        "rate (%s) must lie within its limits (%s, %s)",
        rate,
        lower,
        upper);
    Objects.requireNonNull(lineage, "lineage must not be null");
  }

  /**
   * Validates the values and gives the rate the lineage the factories give (counts used,
   * confidence, method, version).
   *
   * @param count the observed count over all strata
   * @param population the population over all strata
   * @param per the base
   * @param crudeRate the crude rate, per {@code per}
   * @param rate the standardised rate, per {@code per}
   * @param lower the lower limit, per {@code per}
   * @param upper the upper limit, per {@code per}
   * @param confidence the confidence level
   * @throws IllegalArgumentException if a value breaks the rules of the record
   */
  public DirectStandardisedRate(
      long count,
      double population,
      double per,
      double crudeRate,
      double rate,
      double lower,
      double upper,
      double confidence) {
    this(
        count,
        population,
        per,
        crudeRate,
        rate,
        lower,
        upper,
        confidence,
        defaultLineage(count, confidence, 0));
  }

  private static Lineage defaultLineage(long count, double confidence, int strata) {
    ConfidenceInterval.checkConfidence(confidence);
    return Lineage.builder(
            strata > 0
                ? "directly standardised rate over " + strata + " strata"
                : "directly standardised rate")
        .used(Math.max(count, 0))
        .confidence(confidence)
        .method(METHOD)
        .build();
  }

  /**
   * Returns this rate with another lineage, for example with the input file, the filters and the
   * standard population's name added: {@code
   * r.withLineage(r.lineage().toBuilder().input("...").build())}.
   *
   * @param lineage the lineage; never null
   * @return a rate equal to this one but for its lineage; never {@code null}
   */
  public DirectStandardisedRate withLineage(Lineage lineage) {
    return new DirectStandardisedRate(
        count, population, per, crudeRate, rate, lower, upper, confidence, lineage);
  }

  /**
   * Returns the standardised rate per 100,000 with a 95% interval.
   *
   * @param counts counts per stratum; never null, none negative
   * @param populations populations per stratum, same length; never null, each positive
   * @param standard the standard population per stratum, same length; never null, none negative,
   *     positive total
   * @return the rate; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static DirectStandardisedRate of(long[] counts, double[] populations, double[] standard) {
    return of(counts, populations, standard, Rate.DEFAULT_CONFIDENCE, Rate.PER_100_000);
  }

  /**
   * Returns the standardised rate with its Fay-Feuer interval.
   *
   * @param counts counts per stratum; never null, none negative
   * @param populations populations per stratum, same length; never null, each positive
   * @param standard the standard population per stratum, same length; never null, none negative,
   *     positive total
   * @param confidence the confidence level, strictly between 0 and 1
   * @param per the base; positive and finite
   * @return the rate; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static DirectStandardisedRate of(
      long[] counts, double[] populations, double[] standard, double confidence, double per) {
    Objects.requireNonNull(counts, "counts must not be null");
    Objects.requireNonNull(populations, "populations must not be null");
    Objects.requireNonNull(standard, "standard must not be null");
    checkArgument(counts.length > 0, "counts must have at least one stratum");
    checkArgument(
        populations.length == counts.length && standard.length == counts.length,
        "counts (%s strata), populations (%s) and standard (%s) must have the same length",
        counts.length,
        populations.length,
        standard.length);
    ConfidenceInterval.checkConfidence(confidence);
    Rate.checkPositiveFinite("per", per);
    double standardTotal = 0;
    long count = 0;
    double population = 0;
    for (int i = 0; i < counts.length; i++) {
      checkArgument(counts[i] >= 0, "count (%s) of stratum %s must not be negative", counts[i], i);
      checkArgument(
          populations[i] > 0 && Double.isFinite(populations[i]),
          "population (%s) of stratum %s must be positive and finite",
          (Object) populations[i],
          i);
      checkArgument(
          standard[i] >= 0 && Double.isFinite(standard[i]),
          "standard population (%s) of stratum %s must not be negative",
          (Object) standard[i],
          i);
      standardTotal += standard[i];
      count = Math.addExact(count, counts[i]);
      population += populations[i];
    }
    checkArgument(standardTotal > 0, "standard population must have a positive total");
    double y = 0;
    double v = 0;
    double wM = 0;
    for (int i = 0; i < counts.length; i++) {
      double w = standard[i] / standardTotal;
      double n = populations[i];
      y += w * counts[i] / n;
      v += w * w * counts[i] / (n * n);
      wM = Math.max(wM, w / n);
    }
    double alpha = 1 - confidence;
    double lower =
        y == 0 ? 0 : GammaDistribution.of(y * y / v, v / y).inverseCumulativeProbability(alpha / 2);
    double yu = y + wM;
    double vu = v + wM * wM;
    double upper =
        GammaDistribution.of(yu * yu / vu, vu / yu).inverseSurvivalProbability(alpha / 2);
    return new DirectStandardisedRate(
        count,
        population,
        per,
        count / population * per,
        y * per,
        Math.min(lower, y) * per,
        Math.max(upper, y) * per,
        confidence,
        defaultLineage(count, confidence, counts.length));
  }
}
