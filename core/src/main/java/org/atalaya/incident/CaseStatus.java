package org.atalaya.incident;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Where a criminal case stands in the justice system, from report to outcome. The impunity funnel
 * counts incidents by the furthest status they reached.
 *
 * <p>Allowed moves (see {@link #canMoveTo}): forward along REPORTED, UNDER_INVESTIGATION,
 * SUSPECT_IDENTIFIED, CHARGED, skipping steps when the source skips them (an arrest in flagrante
 * goes straight to CHARGED); from CHARGED to a verdict (CONVICTED, ACQUITTED) or DISMISSED; to
 * ARCHIVED from any status before a charge; and from ARCHIVED back to UNDER_INVESTIGATION when a
 * case is reopened. CONVICTED, ACQUITTED and DISMISSED are final.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum CaseStatus {
  /** The incident was reported (denuncia) and recorded. */
  REPORTED,
  /** The prosecutor or police investigate. */
  UNDER_INVESTIGATION,
  /** A suspect is identified. */
  SUSPECT_IDENTIFIED,
  /** A suspect is charged and the case enters court (requerimiento fiscal). */
  CHARGED,
  /** A court convicted at least one offender. */
  CONVICTED,
  /** The court acquitted. */
  ACQUITTED,
  /** The court dismissed the case (sobreseimiento). */
  DISMISSED,
  /** The investigation was archived without a charge. */
  ARCHIVED;

  /**
   * Returns the statuses this status may move to next.
   *
   * @return an unmodifiable set; empty for final statuses
   */
  public Set<CaseStatus> successors() {
    return SUCCESSORS.get(this);
  }

  private static final Map<CaseStatus, Set<CaseStatus>> SUCCESSORS = successorTable();

  private static Map<CaseStatus, Set<CaseStatus>> successorTable() {
    Map<CaseStatus, Set<CaseStatus>> table = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : values()) {
      table.put(s, Collections.unmodifiableSet(s.computeSuccessors()));
    }
    return table;
  }

  private Set<CaseStatus> computeSuccessors() {
    return switch (this) {
      case REPORTED -> EnumSet.of(UNDER_INVESTIGATION, SUSPECT_IDENTIFIED, CHARGED, ARCHIVED);
      case UNDER_INVESTIGATION -> EnumSet.of(SUSPECT_IDENTIFIED, CHARGED, ARCHIVED);
      case SUSPECT_IDENTIFIED -> EnumSet.of(CHARGED, ARCHIVED);
      case CHARGED -> EnumSet.of(CONVICTED, ACQUITTED, DISMISSED);
      case ARCHIVED -> EnumSet.of(UNDER_INVESTIGATION);
      case CONVICTED, ACQUITTED, DISMISSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  /**
   * Returns whether a case may move from this status to {@code next}.
   *
   * @param next the next status; never null
   * @return true if the move is allowed
   */
  public boolean canMoveTo(CaseStatus next) {
    return successors().contains(next);
  }

  /**
   * Returns whether no further move is possible.
   *
   * @return true for CONVICTED, ACQUITTED and DISMISSED
   */
  public boolean isFinal() {
    return successors().isEmpty();
  }
}
