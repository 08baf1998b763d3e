package org.atalaya.indicator;

import java.time.YearMonth;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One month's check by an alarm rule of {@link Alarms}: the statistic, the threshold it was held to
 * and whether it crossed it. Immutable and thread-safe.
 *
 * @param month the month; never {@code null}
 * @param count the month's count
 * @param expected the count expected when nothing has changed (the baseline or in-control mean)
 * @param statistic the rule's statistic for the month (z, EWMA or CUSUM value)
 * @param threshold the value the statistic must exceed to raise the alarm
 * @param alarm whether {@code statistic > threshold}
 * @param lineage the rule and its parameters, and the series' inputs; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Alarm(
    YearMonth month,
    long count,
    double expected,
    double statistic,
    double threshold,
    boolean alarm,
    Lineage lineage) {

  /** Checks that the month and the lineage are not null. */
  public Alarm {
    Objects.requireNonNull(month, "month must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }
}
