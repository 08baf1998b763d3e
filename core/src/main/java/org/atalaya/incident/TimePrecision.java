package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * How precisely a {@link TimeWindow} knows when an incident happened.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum TimePrecision {
  /** The moment is known (to the minute or better); the window is a single instant. */
  INSTANT,
  /** The day is known, not the time of day. */
  DAY,
  /** The month is known, not the day. */
  MONTH,
  /** The year is known, not the month. */
  YEAR,
  /** The window is given but the source does not say how precise it is. */
  UNKNOWN
}
