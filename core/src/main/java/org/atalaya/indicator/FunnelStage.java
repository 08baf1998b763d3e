package org.atalaya.indicator;

import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.incident.CaseStatus;

/**
 * A stage of the impunity funnel. A case that reached a stage has passed every earlier stage, even
 * when its history skips them (an arrest in flagrante goes from report straight to charge).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum FunnelStage {
  /** The case is on record: every case with a history. */
  REPORTED,
  /** Investigated: reached UNDER_INVESTIGATION, SUSPECT_IDENTIFIED or any later status. */
  INVESTIGATED,
  /**
   * Charged and taken to court: reached CHARGED, or a verdict or dismissal (which follow a charge).
   */
  CHARGED,
  /** At least one offender convicted. */
  CONVICTED;

  /**
   * Returns the furthest stage a status shows the case has reached.
   *
   * @param status the status; never null
   * @return the stage; never {@code null} but empty for ARCHIVED, which shows no progress of its
   *     own
   */
  public static Optional<FunnelStage> of(CaseStatus status) {
    return switch (status) {
      case REPORTED -> Optional.of(REPORTED);
      case UNDER_INVESTIGATION, SUSPECT_IDENTIFIED -> Optional.of(INVESTIGATED);
      case CHARGED, ACQUITTED, DISMISSED -> Optional.of(CHARGED);
      case CONVICTED -> Optional.of(CONVICTED);
      case ARCHIVED -> Optional.empty();
    };
  }
}
