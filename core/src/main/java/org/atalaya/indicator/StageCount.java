package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One stage of an {@link ImpunityFunnel}. Immutable and thread-safe.
 *
 * @param stage the stage; never {@code null}
 * @param reached cases that reached the stage by the funnel's date, whatever their age; not
 *     negative
 * @param censored cases younger than the follow-up that have not reached the stage yet and still
 *     could (their status is not final): their outcome is unknown, so they are neither successes
 *     nor failures; not negative
 * @param cohortReached cases of the cohort (cases with the full follow-up) that reached the stage
 *     within the follow-up; not negative
 * @param ofCohort {@code cohortReached} as a proportion of the cohort, with its Clopper-Pearson
 *     interval; never {@code null} but empty when the cohort is empty
 * @param ofPrevious {@code cohortReached} as a proportion of the cohort cases that reached the
 *     previous stage within the follow-up; never {@code null} but empty for {@link
 *     FunnelStage#REPORTED} and when no cohort case reached the previous stage
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StageCount(
    FunnelStage stage,
    long reached,
    long censored,
    long cohortReached,
    Optional<Proportion> ofCohort,
    Optional<Proportion> ofPrevious) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public StageCount {
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(ofCohort, "ofCohort must not be null; use Optional.empty()");
    Objects.requireNonNull(ofPrevious, "ofPrevious must not be null; use Optional.empty()");
    checkArgument(reached >= 0, "reached (%s) must not be negative", reached);
    checkArgument(censored >= 0, "censored (%s) must not be negative", censored);
    checkArgument(cohortReached >= 0, "cohortReached (%s) must not be negative", cohortReached);
  }
}
