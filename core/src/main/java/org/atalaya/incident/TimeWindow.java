package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When an incident happened, as a window from {@code from} (inclusive) to {@code to} (exclusive)
 * with the precision the source knew it to, and whether the time is an estimate.
 *
 * <p>Incident times are often uncertain: a body found on Monday may have died on Saturday; a victim
 * survey knows only the month. The window keeps that uncertainty instead of inventing a moment. An
 * {@link TimePrecision#INSTANT} window is the one empty window: {@code from == to}. The offsets of
 * {@code from} and {@code to} are kept as given (Honduras is UTC-06:00 all year), so round trips
 * lose nothing; two windows are equal only when their offsets are equal too. Immutable and
 * thread-safe.
 *
 * @param from the start, inclusive; never {@code null}
 * @param to the end, exclusive (equal to {@code from} for an instant); never {@code null}
 * @param precision how precisely the window is known; never {@code null}
 * @param estimated true when the source marks the time as an estimate (for example a forensic
 *     estimate of the time of death)
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record TimeWindow(
    OffsetDateTime from, OffsetDateTime to, TimePrecision precision, boolean estimated) {

  /** Honduras' offset from UTC; the country does not observe daylight saving time. */
  public static final ZoneOffset HONDURAS = ZoneOffset.ofHours(-6);

  /**
   * Validates the window.
   *
   * @throws IllegalArgumentException if {@code to} is before {@code from}, or an instant window
   *     does not have {@code from == to}
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public TimeWindow {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    Objects.requireNonNull(precision, "precision must not be null; use TimePrecision.UNKNOWN");
    checkArgument(
        !to.isBefore(from), "occurred-to (%s) must not be before occurred-from (%s)", to, from);
    checkArgument(
        precision != TimePrecision.INSTANT || from.isEqual(to),
        "an INSTANT window must have from (%s) equal to to (%s)",
        from,
        to);
  }

  /**
   * Returns the window of a single known moment.
   *
   * @param moment when it happened; never null
   * @return an {@link TimePrecision#INSTANT} window
   */
  public static TimeWindow instant(OffsetDateTime moment) {
    return new TimeWindow(moment, moment, TimePrecision.INSTANT, false);
  }

  /**
   * Returns the window of a whole day in the given offset: from its midnight to the next.
   *
   * @param day the day; never null
   * @param offset the offset of the day's midnight, for example {@link #HONDURAS}; never null
   * @return a {@link TimePrecision#DAY} window
   */
  public static TimeWindow day(LocalDate day, ZoneOffset offset) {
    return new TimeWindow(
        day.atStartOfDay().atOffset(offset),
        day.plusDays(1).atStartOfDay().atOffset(offset),
        TimePrecision.DAY,
        false);
  }

  /**
   * Returns the window of a whole month in the given offset.
   *
   * @param month the month; never null
   * @param offset the offset; never null
   * @return a {@link TimePrecision#MONTH} window
   */
  public static TimeWindow month(YearMonth month, ZoneOffset offset) {
    return new TimeWindow(
        month.atDay(1).atStartOfDay().atOffset(offset),
        month.plusMonths(1).atDay(1).atStartOfDay().atOffset(offset),
        TimePrecision.MONTH,
        false);
  }

  /**
   * Returns the window of a whole year in the given offset.
   *
   * @param year the year; never null
   * @param offset the offset; never null
   * @return a {@link TimePrecision#YEAR} window
   */
  public static TimeWindow year(Year year, ZoneOffset offset) {
    return new TimeWindow(
        year.atDay(1).atStartOfDay().atOffset(offset),
        year.plusYears(1).atDay(1).atStartOfDay().atOffset(offset),
        TimePrecision.YEAR,
        false);
  }

  /**
   * Returns a window between two moments.
   *
   * @param from the start, inclusive; never null
   * @param to the end, exclusive; never null and not before {@code from}
   * @param precision how precisely the window is known; never null
   * @return the window
   */
  public static TimeWindow between(
      OffsetDateTime from, OffsetDateTime to, TimePrecision precision) {
    return new TimeWindow(from, to, precision, false);
  }

  /**
   * Returns this window marked as an estimate (or not).
   *
   * @param estimated whether the time is an estimate
   * @return a window equal to this one but for the flag
   */
  public TimeWindow withEstimated(boolean estimated) {
    return new TimeWindow(from, to, precision, estimated);
  }

  /**
   * Returns whether the window is a single instant.
   *
   * @return true if {@code from} equals {@code to}
   */
  public boolean isInstant() {
    return from.isEqual(to);
  }
}
