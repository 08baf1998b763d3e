package org.atalaya.incident;

import java.time.LocalDate;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A dated step in a case's history: the case reached {@code status} on {@code date}. Immutable and
 * thread-safe.
 *
 * @param status the status reached; never {@code null}
 * @param date the day it was reached; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CaseEvent(CaseStatus status, LocalDate date) {

  /** Checks that no component is null. */
  public CaseEvent {
    Objects.requireNonNull(status, "status must not be null");
    Objects.requireNonNull(date, "date must not be null");
  }

  /**
   * Returns the event.
   *
   * @param status the status reached
   * @param date the day
   * @return the event
   */
  public static CaseEvent of(CaseStatus status, LocalDate date) {
    return new CaseEvent(status, date);
  }

  /** Returns {@code "STATUS@yyyy-mm-dd"}, the form used in CSV cells. */
  @Override
  public String toString() {
    return status + "@" + date;
  }
}
