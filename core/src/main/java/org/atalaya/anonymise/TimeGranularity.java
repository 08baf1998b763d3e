package org.atalaya.anonymise;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;

/**
 * How coarsely a release states when an incident happened. A window is widened to whole units: it
 * starts at the start of the unit holding its start and ends at the end of the unit holding its
 * end, so a generalised window always contains the original one (it never claims a precision the
 * data did not have).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum TimeGranularity {
  /** Whole hours. */
  HOUR,
  /** Six-hour shifts: 00-06 (madrugada), 06-12 (mañana), 12-18 (tarde), 18-24 (noche). */
  SHIFT,
  /** Whole days. */
  DAY,
  /** Weeks from Monday. */
  WEEK,
  /** Calendar months. */
  MONTH,
  /** Calendar quarters (January to March, ...). */
  QUARTER,
  /** Calendar years. */
  YEAR;

  /**
   * Parses {@code "hour"}, {@code "shift"}, {@code "day"}, {@code "week"}, {@code "month"}, {@code
   * "quarter"} or {@code "year"}.
   *
   * @param name the name; never null
   * @return the granularity
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static TimeGranularity parse(String name) {
    return EnumNames.parse(TimeGranularity.class, name, "time granularity");
  }

  /**
   * Returns {@code window} widened to whole units of this granularity, in the window's own offset.
   * The precision is {@code DAY}, {@code MONTH} or {@code YEAR} when the result is exactly one day,
   * one month or one calendar year, otherwise {@code UNKNOWN} (the model has no hour, week or
   * quarter precision); the estimated flag is kept.
   *
   * @param window the window; never null
   * @return the widened window
   */
  public TimeWindow generalise(TimeWindow window) {
    if (months() > 0 && window.precision() != TimePrecision.YEAR) {
      return UnitWindows.generalise(this, window).get();
    }
    return widen(window);
  }

  /** The months in one unit of a granularity of whole months (1, 3 or 12); 0 for finer ones. */
  private int months() {
    return switch (this) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case YEAR -> 12;
      default -> 0;
    };
  }

  /**
   * As {@link #generalise(TimeWindow)} on a window that may be absent; the result of a month,
   * quarter or year window is shared, the {@code Optional} too.
   */
  Optional<TimeWindow> generalise(Optional<TimeWindow> window) {
    if (window.isEmpty()) {
      return window;
    }
    if (months() > 0 && window.get().precision() != TimePrecision.YEAR) {
      return UnitWindows.generalise(this, window.get());
    }
    return Optional.of(widen(window.get()));
  }

  private TimeWindow widen(TimeWindow window) {
    OffsetDateTime from = floor(window.from());
    OffsetDateTime to = window.to().isEqual(window.from()) ? next(from) : ceil(window.to());
    TimePrecision p;
    if (from.plusDays(1).isEqual(to) && from.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      p = TimePrecision.DAY;
    } else if (from.getDayOfMonth() == 1
        && from.toLocalTime().equals(LocalTime.MIDNIGHT)
        && from.plusMonths(1).isEqual(to)) {
      p = TimePrecision.MONTH;
    } else if (from.getDayOfYear() == 1
        && from.toLocalTime().equals(LocalTime.MIDNIGHT)
        && from.plusYears(1).isEqual(to)) {
      p = TimePrecision.YEAR;
    } else if (window.precision() == TimePrecision.YEAR && to.isAfter(from.plusMonths(1))) {
      return window;
    } else {
      p = TimePrecision.UNKNOWN;
    }
    return new TimeWindow(from, to, p, window.estimated());
  }

  private OffsetDateTime floor(OffsetDateTime t) {
    return switch (this) {
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case SHIFT -> t.truncatedTo(ChronoUnit.DAYS).withHour(t.getHour() / 6 * 6);
      case DAY -> t.truncatedTo(ChronoUnit.DAYS);
      case WEEK ->
          t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
      case QUARTER ->
          t.truncatedTo(ChronoUnit.DAYS)
              .withDayOfMonth(1)
              .withMonth((t.getMonthValue() - 1) / 3 * 3 + 1);
      case YEAR -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
    };
  }

  private OffsetDateTime next(OffsetDateTime floor) {
    return switch (this) {
      case HOUR -> floor.plusHours(1);
      case SHIFT -> floor.plusHours(6);
      case DAY -> floor.plusDays(1);
      case WEEK -> floor.plusWeeks(1);
      case MONTH -> floor.plusMonths(1);
      case QUARTER -> floor.plusMonths(3);
      case YEAR -> floor.plusYears(1);
    };
  }

  private OffsetDateTime ceil(OffsetDateTime t) {
    OffsetDateTime f = floor(t);
    return f.isEqual(t) ? t : next(f);
  }

  /**
   * The widened windows of {@link #MONTH}, {@link #QUARTER} and {@link #YEAR}, shared: a release of
   * a million incidents otherwise builds a million equal windows (and their date-times) for a few
   * dozen units. A widened window depends only on the unit and offset of its start, the unit and
   * offset of its end and the estimated flag (except for windows of {@code YEAR} precision, which
   * are not cached), so these are the key.
   */
  private static final class UnitWindows {
    /** More distinct windows than this (unusual data) are widened without the cache. */
    private static final int LIMIT = 10_000;

    private static final Map<Key, Optional<TimeWindow>> CACHE = new ConcurrentHashMap<>();

    private record Key(
        TimeGranularity granularity,
        int fromUnit,
        ZoneOffset fromOffset,
        int toUnit,
        ZoneOffset toOffset,
        boolean estimated) {}

    static Optional<TimeWindow> generalise(TimeGranularity g, TimeWindow window) {
      int months = g.months();
      OffsetDateTime from = window.from();
      OffsetDateTime to = window.to();
      int fromUnit = unit(from, months);
      int toUnit;
      ZoneOffset toOffset;
      if (to.isEqual(from)) {
        // The end becomes the unit after the start's, in the start's offset.
        toUnit = fromUnit + 1;
        toOffset = from.getOffset();
      } else {
        // The end stays when it is a unit's start, else moves to the next unit's, in its offset.
        toUnit = unit(to, months);
        toOffset = to.getOffset();
        boolean unitStart =
            to.getDayOfMonth() == 1
                && (to.getMonthValue() - 1) % months == 0
                && to.toLocalTime().equals(LocalTime.MIDNIGHT);
        if (!unitStart) {
          toUnit++;
        }
      }
      Key key = new Key(g, fromUnit, from.getOffset(), toUnit, toOffset, window.estimated());
      Optional<TimeWindow> cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
      Optional<TimeWindow> widened = Optional.of(g.widen(window));
      if (CACHE.size() < LIMIT) {
        CACHE.putIfAbsent(key, widened);
      }
      return widened;
    }

    /**
     * The index of the unit holding {@code t}: months since year 0 divided by the unit's length.
     */
    private static int unit(OffsetDateTime t, int months) {
      return Math.floorDiv(t.getYear() * 12 + t.getMonthValue() - 1, months);
    }
  }

  /**
   * Returns whether a window states the time more finely than a month: an instant, a day, or any
   * window shorter than 28 days.
   *
   * @param window the window; never null
   * @return true if finer than a month
   */
  public static boolean finerThanMonth(TimeWindow window) {
    if (window.precision() == TimePrecision.MONTH || window.precision() == TimePrecision.YEAR) {
      return false;
    }
    return window.from().plusDays(28).isAfter(window.to());
  }
}
