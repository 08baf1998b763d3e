package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apiguardian.api.API;

/**
 * A binomial proportion {@code successes / trials} with its Clopper-Pearson ("exact") interval,
 * equal to R {@code binom.test(successes, trials, conf.level = confidence)$conf.int}: lower limit
 * {@code qbeta(alpha/2, k, n - k + 1)} (0 when k = 0), upper limit {@code qbeta(1 - alpha/2, k + 1,
 * n - k)} (1 when k = n). Its coverage is at least the nominal level. Immutable and thread-safe.
 *
 * @param successes the number of successes; from 0 to {@code trials}
 * @param trials the number of trials; positive
 * @param estimate {@code successes / trials}
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit
 * @param confidence the confidence level, strictly between 0 and 1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Proportion(
    long successes, long trials, double estimate, double lower, double upper, double confidence) {

  /**
   * Validates the proportion. Prefer {@link #of(long, long, double)}, which computes it.
   *
   * @throws IllegalArgumentException if an argument breaks the rules above
   */
  public Proportion {
    checkCounts(successes, trials);
    ConfidenceInterval.checkConfidence(confidence);
    checkArgument(
        0 <= lower && lower <= estimate && estimate <= upper && upper <= 1,
        "estimate (%s) must lie within its limits (%s, %s), inside [0, 1]",
        estimate,
        lower,
        upper);
  }

  /**
   * Returns the proportion with its Clopper-Pearson interval.
   *
   * @param successes the number of successes; from 0 to {@code trials}
   * @param trials the number of trials; positive
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the proportion; never {@code null}
   * @throws IllegalArgumentException if the counts or the confidence are out of range
   */
  public static Proportion of(long successes, long trials, double confidence) {
    checkCounts(successes, trials);
    ConfidenceInterval.checkConfidence(confidence);
    double alpha = (1 - confidence) / 2;
    double lower =
        successes == 0
            ? 0
            : BetaDistribution.of(successes, trials - successes + 1.0)
                .inverseCumulativeProbability(alpha);
    double upper =
        successes == trials
            ? 1
            : BetaDistribution.of(successes + 1.0, trials - successes)
                .inverseSurvivalProbability(alpha);
    double estimate = (double) successes / trials;
    return new Proportion(
        successes,
        trials,
        estimate,
        Math.min(lower, estimate),
        Math.max(upper, estimate),
        confidence);
  }

  /**
   * Returns the interval as a value.
   *
   * @return the interval; never {@code null}
   */
  public ConfidenceInterval interval() {
    return new ConfidenceInterval(lower, upper, confidence);
  }

  private static void checkCounts(long successes, long trials) {
    checkArgument(trials > 0, "trials (%s) must be positive", trials);
    checkArgument(
        successes >= 0 && successes <= trials,
        "successes (%s) must be from 0 to trials (%s)",
        successes,
        trials);
  }
}
