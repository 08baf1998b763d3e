package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * A published noisy count with an exact interval for the true count it hides, as {@link
 * DiscreteLaplace#interval(long, int, double)} gives it.
 *
 * <p>The noise {@code S} (one discrete Laplace value, or the sum of several for a total) does not
 * depend on the true count {@code t} and its distribution is public, so with {@code q} the smallest
 * whole number whose two tails hold at most {@code 1 - confidence}, {@code P(|S| > q) <= 1 -
 * confidence}, the interval {@code [value - q, value + q]} holds {@code t} with probability exactly
 * {@link #coverage()} = {@code 1 - P(|S| > q)}, whatever {@code t}. Both limits are then raised to
 * 0 at least: a true count is never negative, so a raised lower limit loses no true count, and the
 * upper limit is raised only when it was below every possible count (the interval then misses
 * anyway, and now holds 0). The coverage is thus {@link #coverage()} for every true count from 1
 * and {@code 1 - P(|S| > q) / 2} for a true count of 0; never below {@link #confidence()}.
 *
 * <p>A negative {@code value} lies below the interval: it is the published count, not an estimate
 * bound to be possible. Immutable and thread-safe.
 *
 * @param value the published noisy count; may be negative
 * @param lower the lower limit for the true count, not negative
 * @param upper the upper limit for the true count, not below {@code lower}
 * @param confidence the nominal level asked for, strictly between 0 and 1
 * @param coverage the exact probability that {@code [value - q, value + q]} holds the true count,
 *     from {@code confidence} to 1: 0.9527 at epsilon 0.1, 0.9624 at 0.5 and 0.9732 at 1 for one
 *     count of sensitivity 1 at confidence 0.95
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NoisyCount(long value, long lower, long upper, double confidence, double coverage) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if a limit is negative, the limits are reversed, the
   *     confidence is not strictly between 0 and 1 or the coverage is below it or above 1
   */
  public NoisyCount {
    checkArgument(lower >= 0, "lower (%s) must not be negative: a true count never is", lower);
    checkArgument(lower <= upper, "lower (%s) must not be above upper (%s)", lower, upper);
    DiscreteLaplace.checkConfidence(confidence);
    // The tolerance absorbs 1 - (1 - confidence) not being confidence in doubles.
    checkArgument(
        coverage >= confidence - 1e-12 && coverage <= 1,
        "coverage (%s) must be from the confidence (%s) to 1",
        coverage,
        confidence);
  }

  /**
   * Returns whether a true count lies in the interval, limits included.
   *
   * @param count a true count
   * @return true if {@code lower <= count <= upper}
   */
  public boolean contains(long count) {
    return lower <= count && count <= upper;
  }
}
