package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A rate with its confidence interval, computed from a count as a protected table released it: a
 * noisy count of a differentially private table ({@link #ofNoisyCount}), or a suppressed count
 * known only to lie in a range ({@link #ofSuppressedCount}). The interval covers the true rate with
 * at least the nominal confidence: it combines the Poisson uncertainty of the true count with the
 * noise, or with the range, exactly (see {@link PoissonIntervals#exactWithNoise} and {@link
 * PoissonIntervals#exactWithin}); the population is taken as known without error. Immutable and
 * thread-safe.
 *
 * @param rate the point estimate: {@code max(0, noisy count) / population * per} for a noisy count
 *     (a negative rate is impossible, and the clamped estimate lies within the limits at every
 *     confidence above 0.5); empty for a suppressed count, which has none
 * @param lower the lower confidence limit, per {@code per}; not negative
 * @param upper the upper confidence limit, per {@code per}; not below {@code lower}
 * @param population the population or person-time; positive and finite
 * @param per the base the rate is expressed per; positive and finite
 * @param confidence the confidence level, strictly between 0 and 1
 * @param basis what the count was and how the interval was computed, in words; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProtectedRate(
    OptionalDouble rate,
    double lower,
    double upper,
    double population,
    double per,
    double confidence,
    String basis) {

  /**
   * Validates the rate. Prefer the factories, which compute it.
   *
   * @throws IllegalArgumentException if an argument breaks the rules above
   */
  public ProtectedRate {
    Objects.requireNonNull(rate, "rate must not be null");
    Rate.checkPositiveFinite("population", population);
    Rate.checkPositiveFinite("per", per);
    ConfidenceInterval.checkConfidence(confidence);
    checkArgument(
        lower >= 0 && lower <= upper,
        "limits (%s, %s) must be ordered and not negative",
        lower,
        upper);
    checkArgument(
        rate.isEmpty() || rate.getAsDouble() >= 0, "rate (%s) must not be negative", rate);
    Objects.requireNonNull(basis, "basis must not be null");
  }

  /**
   * Returns the rate per 100,000 with its exact 95% interval from one noisy cell.
   *
   * @param noisyCount the published noisy count; may be negative
   * @param epsilon the table's epsilon, more than 0
   * @param sensitivity the table's contribution bound ({@code maxIncidentsPerPerson}), at least 1
   * @param population the population; positive and finite
   * @return the rate; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ProtectedRate ofNoisyCount(
      long noisyCount, double epsilon, int sensitivity, double population) {
    return ofNoisyCount(
        noisyCount, epsilon, sensitivity, 1, population, Rate.PER_100_000, Rate.DEFAULT_CONFIDENCE);
  }

  /**
   * Returns the rate with its exact interval from a noisy count: a cell ({@code terms} 1) or a
   * total of {@code terms} noisy cells.
   *
   * @param noisyCount the published noisy count; may be negative
   * @param epsilon the table's epsilon, more than 0
   * @param sensitivity the table's contribution bound, at least 1
   * @param terms how many noisy cells the count sums, at least 1
   * @param population the population; positive and finite
   * @param per the base; positive and finite
   * @param confidence strictly between 0 and 1
   * @return the rate; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ProtectedRate ofNoisyCount(
      long noisyCount,
      double epsilon,
      int sensitivity,
      int terms,
      double population,
      double per,
      double confidence) {
    Rate.checkPositiveFinite("population", population);
    Rate.checkPositiveFinite("per", per);
    ConfidenceInterval counts =
        PoissonIntervals.exactWithNoise(noisyCount, epsilon, sensitivity, terms, confidence);
    String basis =
        "noisy count "
            + noisyCount
            + (terms == 1 ? "" : " (sum of " + terms + " noisy cells)")
            + ", discrete Laplace noise of epsilon "
            + epsilon
            + " and sensitivity "
            + sensitivity
            + "; exact interval for Poisson count plus noise";
    return new ProtectedRate(
        OptionalDouble.of(Math.max(0, noisyCount) / population * per),
        counts.lower() / population * per,
        counts.upper() / population * per,
        population,
        per,
        confidence,
        basis);
  }

  /**
   * Returns the rate per 100,000 with its exact 95% interval from a count known only to lie from
   * {@code lowest} to {@code highest}.
   *
   * @param lowest the smallest count possible; not negative
   * @param highest the largest count possible; not below {@code lowest}
   * @param population the population; positive and finite
   * @return the rate, without a point estimate; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ProtectedRate ofSuppressedCount(long lowest, long highest, double population) {
    return ofSuppressedCount(
        lowest, highest, population, Rate.PER_100_000, Rate.DEFAULT_CONFIDENCE);
  }

  /**
   * Returns the rate with its exact interval from a count known only to lie from {@code lowest} to
   * {@code highest} (see {@link PoissonIntervals#exactWithin} for which range a suppressed cell
   * allows).
   *
   * @param lowest the smallest count possible; not negative
   * @param highest the largest count possible; not below {@code lowest}
   * @param population the population; positive and finite
   * @param per the base; positive and finite
   * @param confidence strictly between 0 and 1
   * @return the rate, without a point estimate; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ProtectedRate ofSuppressedCount(
      long lowest, long highest, double population, double per, double confidence) {
    Rate.checkPositiveFinite("population", population);
    Rate.checkPositiveFinite("per", per);
    ConfidenceInterval counts = PoissonIntervals.exactWithin(lowest, highest, confidence);
    String basis =
        "suppressed count from "
            + lowest
            + " to "
            + highest
            + "; Garwood lower limit at the smallest, upper limit at the largest";
    return new ProtectedRate(
        OptionalDouble.empty(),
        counts.lower() / population * per,
        counts.upper() / population * per,
        population,
        per,
        confidence,
        basis);
  }

  /**
   * Returns the interval as a value.
   *
   * @return the interval, per {@code per}; never {@code null}
   */
  public ConfidenceInterval interval() {
    return new ConfidenceInterval(lower, upper, confidence);
  }
}
