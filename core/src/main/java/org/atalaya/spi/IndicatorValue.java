package org.atalaya.spi;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.indicator.ConfidenceInterval;
import org.atalaya.indicator.Lineage;

/**
 * The value an {@link IncidentIndicator} computed: the estimate, its interval when there is an
 * honest one, the counts behind it, and its lineage. Immutable and thread-safe.
 *
 * @param estimate the value, in {@code unit}
 * @param interval the confidence interval, if the method gives one
 * @param numerator the count the value is built on (victims, incidents)
 * @param denominator what it is divided by (population, all homicides), or 1 for a plain count
 * @param unit the unit, for example {@code "per 100,000"} or {@code "share"}
 * @param method how it was computed, for example {@code "Clopper-Pearson 95%"}
 * @param lineage inputs, filters and version; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record IndicatorValue(
    double estimate,
    Optional<ConfidenceInterval> interval,
    long numerator,
    double denominator,
    String unit,
    String method,
    Lineage lineage) {

  /**
   * Validates the value.
   *
   * @throws IllegalArgumentException if the estimate is not finite or lies outside its interval
   */
  public IndicatorValue {
    Objects.requireNonNull(interval, "interval must not be null; use Optional.empty()");
    Objects.requireNonNull(unit, "unit must not be null");
    Objects.requireNonNull(method, "method must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
    if (!Double.isFinite(estimate)) {
      throw new IllegalArgumentException("estimate must be a finite number, not " + estimate);
    }
    if (interval.isPresent() && !interval.get().contains(estimate)) {
      throw new IllegalArgumentException(
          "estimate " + estimate + " lies outside its interval " + interval.get());
    }
    if (numerator < 0 || !(denominator > 0)) {
      throw new IllegalArgumentException(
          "numerator must be >= 0 and denominator > 0, not " + numerator + " and " + denominator);
    }
  }
}
