package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * A two-sided confidence interval: a range of values compatible with the data at the given
 * confidence level. Immutable and thread-safe.
 *
 * @param lower the lower limit; not NaN, may be 0
 * @param upper the upper limit; not NaN, not below {@code lower}, may be positive infinity
 * @param confidence the confidence level, strictly between 0 and 1 (0.95 for a 95% interval)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ConfidenceInterval(double lower, double upper, double confidence) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if a limit is NaN, the limits are reversed or the confidence
   *     is not strictly between 0 and 1
   */
  public ConfidenceInterval {
    checkArgument(
        !Double.isNaN(lower) && lower != Double.POSITIVE_INFINITY,
        "lower (%s) must be a number below infinity",
        lower);
    checkArgument(!Double.isNaN(upper), "upper (%s) must be a number", upper);
    checkArgument(lower <= upper, "lower (%s) must not be above upper (%s)", lower, upper);
    checkConfidence(confidence);
  }

  /**
   * Returns whether {@code value} lies in the interval, limits included.
   *
   * @param value the value
   * @return true if {@code lower <= value <= upper}
   */
  public boolean contains(double value) {
    return lower <= value && value <= upper;
  }

  /**
   * Returns this interval with both limits multiplied by a positive factor (to turn a count
   * interval into a rate interval, for example).
   *
   * @param factor the factor; positive and finite
   * @return the scaled interval
   * @throws IllegalArgumentException if the factor is not positive and finite
   */
  public ConfidenceInterval scaled(double factor) {
    checkArgument(
        factor > 0 && Double.isFinite(factor), "factor (%s) must be positive and finite", factor);
    return new ConfidenceInterval(lower * factor, upper * factor, confidence);
  }

  static void checkConfidence(double confidence) {
    checkArgument(
        confidence > 0 && confidence < 1,
        "confidence (%s) must be strictly between 0 and 1, for example 0.95",
        confidence);
  }
}
