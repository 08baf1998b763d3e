package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The time, in days, from one stage of an {@link ImpunityFunnel} to a later one: a Kaplan-Meier
 * estimate with right-censoring, from {@link ImpunityFunnel#timeBetween(FunnelStage, FunnelStage,
 * EndedElsewhere)}. Immutable and thread-safe.
 *
 * @param from the earlier stage; never {@code null}
 * @param to the later stage; never {@code null}
 * @param endedElsewhere how cases that ended otherwise were counted; never {@code null}
 * @param estimate the Kaplan-Meier estimate over days; its subjects are the cases that reached
 *     {@code from} with its date known, its events those that reached {@code to}; never {@code
 *     null}
 * @param stillWaiting cases that have not reached {@code to} and are still open on the funnel's
 *     date: censored at the days from {@code from} to that date; not negative
 * @param endedOtherwise cases that ended without reaching {@code to} (acquitted, dismissed or
 *     archived); not negative
 * @param startUnknown cases that reached {@code from} on an unknown date (their history starts
 *     later), left out; not negative
 * @param lineage what the estimate came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StageTime(
    FunnelStage from,
    FunnelStage to,
    EndedElsewhere endedElsewhere,
    KaplanMeier estimate,
    long stillWaiting,
    long endedOtherwise,
    long startUnknown,
    Lineage lineage) {

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException if a count is negative or the stages are out of order
   */
  public StageTime {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    Objects.requireNonNull(endedElsewhere, "endedElsewhere must not be null");
    Objects.requireNonNull(estimate, "estimate must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
    checkArgument(from.compareTo(to) < 0, "to (%s) must be a later stage than from (%s)", to, from);
    checkArgument(stillWaiting >= 0, "stillWaiting (%s) must not be negative", stillWaiting);
    checkArgument(endedOtherwise >= 0, "endedOtherwise (%s) must not be negative", endedOtherwise);
    checkArgument(startUnknown >= 0, "startUnknown (%s) must not be negative", startUnknown);
  }

  /**
   * Returns the median number of days, the first time the estimate falls to 0.5 or below.
   *
   * @return the median; never {@code null} but empty ("not reached") when fewer than half of the
   *     cases are estimated to reach {@code to}
   */
  public OptionalDouble medianDays() {
    return estimate.median();
  }

  /**
   * Returns the number of cases in the estimate: those that reached {@code from} with its date
   * known.
   *
   * @return the count
   */
  public long atRisk() {
    return estimate.subjects();
  }

  /**
   * Returns the number of cases that reached {@code to}.
   *
   * @return the count
   */
  public long events() {
    return estimate.events();
  }

  /**
   * Returns this estimate with another lineage.
   *
   * @param lineage the lineage; never null
   * @return a copy with that lineage; never {@code null}
   */
  public StageTime withLineage(Lineage lineage) {
    return new StageTime(
        from, to, endedElsewhere, estimate, stillWaiting, endedOtherwise, startUnknown, lineage);
  }
}
