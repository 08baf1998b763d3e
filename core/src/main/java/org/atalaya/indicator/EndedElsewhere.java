package org.atalaya.indicator;

import org.apiguardian.api.API;

/**
 * How {@link ImpunityFunnel#timeBetween(FunnelStage, FunnelStage, EndedElsewhere)} counts a case
 * that ended without reaching the later stage: acquitted or dismissed before a conviction, or
 * archived (an archived case may be reopened, but has stopped moving).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum EndedElsewhere {
  /**
   * The case never reaches the stage: it stays at risk, censored only by the funnel's date. The
   * curve is then the share of cases that have not reached the stage (one minus the cumulative
   * incidence, since the funnel's date is the only source of censoring), and its median is the time
   * by which half of the cases got there, "not reached" when fewer than half ever do. The default,
   * and the figure to quote: it never makes justice look faster than it is.
   */
  NEVER_REACHES,
  /**
   * The case is censored on the day it ended, as if it could still have reached the stage. The
   * curve then describes the time to the stage among cases that do not end otherwise (a
   * cause-specific curve); one minus it overstates the share that reaches the stage when many cases
   * end otherwise.
   */
  CENSORED_WHEN_ENDED
}
