package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * An event rate with its confidence interval: {@code count / population * per}, for example
 * homicides per 100,000 inhabitants. The count is treated as a Poisson count; the population (or
 * person-time) as known without error.
 *
 * <p>With {@link IntervalMethod#EXACT} the rate and limits equal R {@code poisson.test(count,
 * population, conf.level = confidence)} times {@code per}. Immutable and thread-safe.
 *
 * @param count the observed count; not negative
 * @param population the population or person-time; positive and finite
 * @param per the base the rate is expressed per (100,000 by default); positive and finite
 * @param rate {@code count / population * per}
 * @param lower the lower confidence limit, per {@code per}
 * @param upper the upper confidence limit, per {@code per}
 * @param confidence the confidence level, strictly between 0 and 1
 * @param method how the interval was computed; never {@code null}
 * @param lineage what the rate came from: the count used, the confidence level, the method and the
 *     version, plus whatever the caller added with {@link #withLineage(Lineage)}; never {@code
 *     null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Rate(
    long count,
    double population,
    double per,
    double rate,
    double lower,
    double upper,
    double confidence,
    IntervalMethod method,
    Lineage lineage) {

  /** The default base: rates per 100,000. */
  public static final double PER_100_000 = 100_000;

  /** The default confidence level: 0.95. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /**
   * Validates the rate. Prefer {@link #of(long, double)} or {@link #builder()}, which compute the
   * rate and its interval.
   *
   * @throws IllegalArgumentException if an argument breaks the rules above or the rate does not lie
   *     within its limits
   */
  public Rate {
    PoissonIntervals.checkCount(count);
    checkPositiveFinite("population", population);
    checkPositiveFinite("per", per);
    ConfidenceInterval.checkConfidence(confidence);
    Objects.requireNonNull(method, "method must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
    checkArgument(
        lower <= rate && rate <= upper,
        "rate (%s) must lie within its limits (%s, %s)",
        rate,
        lower,
        upper);
  }

  /**
   * Validates the rate and gives it the lineage the factories give: the count used, the confidence
   * level, the method and the version.
   *
   * @param count the observed count; not negative
   * @param population the population or person-time; positive and finite
   * @param per the base; positive and finite
   * @param rate {@code count / population * per}
   * @param lower the lower limit
   * @param upper the upper limit
   * @param confidence the confidence level, strictly between 0 and 1
   * @param method how the interval was computed; never null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Rate(
      long count,
      double population,
      double per,
      double rate,
      double lower,
      double upper,
      double confidence,
      IntervalMethod method) {
    this(
        count,
        population,
        per,
        rate,
        lower,
        upper,
        confidence,
        method,
        defaultLineage(count, per, confidence, method));
  }

  /** Built directly rather than through a builder: {@code Rate.of} is on the benchmarked path. */
  private static Lineage defaultLineage(
      long count, double per, double confidence, IntervalMethod method) {
    // before the indicator name: a base of NaN or infinity has no decimal form
    checkPositiveFinite("per", per);
    ConfidenceInterval.checkConfidence(confidence);
    String indicator =
        per == PER_100_000
            ? "rate per 100,000"
            : "rate per "
                + new BigDecimal(Double.toString(per)).stripTrailingZeros().toPlainString();
    return new Lineage(
        indicator,
        ImmutableList.of(),
        ImmutableList.of(),
        Math.max(count, 0),
        ImmutableMap.of(),
        Optional.empty(),
        OptionalDouble.of(confidence),
        Optional.of(describe(Objects.requireNonNull(method, "method must not be null"))),
        OptionalLong.empty(),
        Lineage.atalayaVersion());
  }

  /**
   * Describes an interval method in words, as lineages record it.
   *
   * @param method the method; never null
   * @return the description; never {@code null}
   */
  static String describe(IntervalMethod method) {
    return switch (method) {
      case EXACT -> "exact (Garwood) Poisson interval, as R poisson.test";
      case BYAR -> "Byar's approximation to the Poisson interval (Breslow and Day, 1987)";
    };
  }

  /**
   * Returns this rate with another lineage, typically {@code
   * r.withLineage(r.lineage().toBuilder().input("incidents.csv").populationVintage("INE 2013
   * projections").build())}.
   *
   * @param lineage the lineage; never null
   * @return a rate equal to this one but for its lineage; never {@code null}
   * @since 0.1
   */
  public Rate withLineage(Lineage lineage) {
    return new Rate(count, population, per, rate, lower, upper, confidence, method, lineage);
  }

  /**
   * Returns the rate per 100,000 with Garwood's exact 95% interval.
   *
   * @param count the observed count; not negative
   * @param population the population; positive and finite
   * @return the rate; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Rate of(long count, double population) {
    return builder().count(count).population(population).build();
  }

  /**
   * Returns a builder with the defaults: per 100,000, confidence 0.95, exact interval.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the interval as a value.
   *
   * @return the interval, per {@code per}; never {@code null}
   */
  public ConfidenceInterval interval() {
    return new ConfidenceInterval(lower, upper, confidence);
  }

  static void checkPositiveFinite(String name, double value) {
    checkArgument(
        value > 0 && Double.isFinite(value), "%s (%s) must be positive and finite", name, value);
  }

  /**
   * Builds a {@link Rate}. Not thread-safe; the rates it builds are.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private long count = -1;
    private double population = Double.NaN;
    private double per = PER_100_000;
    private double confidence = DEFAULT_CONFIDENCE;
    private IntervalMethod method = IntervalMethod.EXACT;

    private Builder() {}

    /**
     * Sets the observed count (required).
     *
     * @param count the count; not negative
     * @return this builder
     */
    public Builder count(long count) {
      this.count = count;
      return this;
    }

    /**
     * Sets the population or person-time (required).
     *
     * @param population positive and finite
     * @return this builder
     */
    public Builder population(double population) {
      this.population = population;
      return this;
    }

    /**
     * Sets the base the rate is expressed per; 100,000 unless set.
     *
     * @param per positive and finite (1 gives events per unit of population)
     * @return this builder
     */
    public Builder per(double per) {
      this.per = per;
      return this;
    }

    /**
     * Sets the confidence level; 0.95 unless set.
     *
     * @param confidence strictly between 0 and 1
     * @return this builder
     */
    public Builder confidence(double confidence) {
      this.confidence = confidence;
      return this;
    }

    /**
     * Sets the interval method; {@link IntervalMethod#EXACT} unless set.
     *
     * @param method the method; never null
     * @return this builder
     */
    public Builder method(IntervalMethod method) {
      this.method = Objects.requireNonNull(method, "method must not be null");
      return this;
    }

    /**
     * Computes the rate and its interval.
     *
     * @return the rate; never {@code null}
     * @throws IllegalArgumentException if the count or population was not set or an argument is out
     *     of range
     */
    public Rate build() {
      checkArgument(count >= 0, "count (%s) must be set and not negative", count);
      checkPositiveFinite("population", population);
      checkPositiveFinite("per", per);
      ConfidenceInterval counts = PoissonIntervals.of(count, confidence, method);
      return new Rate(
          count,
          population,
          per,
          count / population * per,
          counts.lower() / population * per,
          counts.upper() / population * per,
          confidence,
          method);
    }
  }
}
