package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * Time generalisation ({@link TimeGranularity}): a window widens to whole units and always holds
 * the original; its precision is day, month or year only when it is exactly one of them; windows
 * widened earlier never stand in for a different one.
 */
class TimeGranularityRulesTest {
  private static final ZoneOffset HN = TimeWindow.HONDURAS;

  private static OffsetDateTime at(int y, int m, int d, int h, int min) {
    return OffsetDateTime.of(y, m, d, h, min, 0, 0, HN);
  }

  private static void assertWindow(
      TimeWindow w, OffsetDateTime from, OffsetDateTime to, TimePrecision p) {
    assertThat(w.from()).isEqualTo(from);
    assertThat(w.to()).isEqualTo(to);
    assertThat(w.precision()).isEqualTo(p);
  }

  private static void assertHolds(TimeWindow widened, TimeWindow original) {
    assertThat(widened.from()).isBeforeOrEqualTo(original.from());
    assertThat(widened.to()).isAfterOrEqualTo(original.to());
  }

  @Test
  void anInstantWidensToItsUnitWithTheModelsPrecisionOnlyForADayAMonthOrAYear() {
    TimeWindow t = TimeWindow.instant(at(2024, 5, 15, 14, 30));
    assertWindow(
        TimeGranularity.HOUR.generalise(t),
        at(2024, 5, 15, 14, 0),
        at(2024, 5, 15, 15, 0),
        TimePrecision.UNKNOWN);
    assertWindow(
        TimeGranularity.SHIFT.generalise(t),
        at(2024, 5, 15, 12, 0),
        at(2024, 5, 15, 18, 0),
        TimePrecision.UNKNOWN);
    assertWindow(
        TimeGranularity.DAY.generalise(t),
        at(2024, 5, 15, 0, 0),
        at(2024, 5, 16, 0, 0),
        TimePrecision.DAY);
    // 15 May 2024 is a Wednesday: its week starts on Monday the 13th.
    assertWindow(
        TimeGranularity.WEEK.generalise(t),
        at(2024, 5, 13, 0, 0),
        at(2024, 5, 20, 0, 0),
        TimePrecision.UNKNOWN);
    assertWindow(
        TimeGranularity.MONTH.generalise(t),
        at(2024, 5, 1, 0, 0),
        at(2024, 6, 1, 0, 0),
        TimePrecision.MONTH);
    assertWindow(
        TimeGranularity.QUARTER.generalise(t),
        at(2024, 4, 1, 0, 0),
        at(2024, 7, 1, 0, 0),
        TimePrecision.UNKNOWN);
    assertWindow(
        TimeGranularity.YEAR.generalise(t),
        at(2024, 1, 1, 0, 0),
        at(2025, 1, 1, 0, 0),
        TimePrecision.YEAR);
  }

  @Test
  void aDayOrAYearLongWindowOffMidnightOrOffTheFirstIsNoDayOrYear() {
    TimeWindow dayLong =
        TimeWindow.between(at(2024, 5, 15, 10, 0), at(2024, 5, 16, 10, 0), TimePrecision.UNKNOWN);
    assertThat(TimeGranularity.HOUR.generalise(dayLong).precision())
        .isEqualTo(TimePrecision.UNKNOWN);
    TimeWindow yearOffMidnight =
        TimeWindow.between(at(2024, 1, 1, 10, 0), at(2025, 1, 1, 10, 0), TimePrecision.UNKNOWN);
    assertThat(TimeGranularity.HOUR.generalise(yearOffMidnight).precision())
        .isEqualTo(TimePrecision.UNKNOWN);
    TimeWindow yearFromMarch =
        TimeWindow.between(at(2024, 3, 1, 0, 0), at(2025, 3, 1, 0, 0), TimePrecision.UNKNOWN);
    assertThat(TimeGranularity.DAY.generalise(yearFromMarch).precision())
        .isEqualTo(TimePrecision.UNKNOWN);
  }

  @Test
  void aMonthIsNeverTakenForTheSameMonthOfAnotherYear() {
    // Years nobody else uses, so that no other test has widened these windows before.
    for (int year : new int[] {1950, 1951, 1952, 1962}) {
      for (int month : new int[] {3, 4}) {
        TimeWindow t = TimeWindow.instant(at(year, month, 10, 8, 0));
        assertThat(TimeGranularity.MONTH.generalise(t))
            .isEqualTo(TimeWindow.month(YearMonth.of(year, month), HN));
      }
    }
  }

  @Test
  void aWindowOfYearPrecisionIsNeverTakenForAnother() {
    // Two year-long windows (not calendar years) in the same quarters: each keeps its own bounds.
    TimeWindow march =
        TimeWindow.between(at(1933, 3, 1, 0, 0), at(1934, 3, 1, 0, 0), TimePrecision.YEAR);
    TimeWindow february =
        TimeWindow.between(at(1933, 2, 1, 0, 0), at(1934, 2, 1, 0, 0), TimePrecision.YEAR);
    assertHolds(TimeGranularity.QUARTER.generalise(march), march);
    assertHolds(TimeGranularity.QUARTER.generalise(february), february);
  }

  @Test
  void theWidenedMonthIsSharedByEveryWindowOfThatMonth() {
    Optional<TimeWindow> whole =
        TimeGranularity.MONTH.generalise(Optional.of(TimeWindow.month(YearMonth.of(1944, 7), HN)));
    Optional<TimeWindow> instant =
        TimeGranularity.MONTH.generalise(Optional.of(TimeWindow.instant(at(1944, 7, 9, 3, 0))));
    Optional<TimeWindow> day =
        TimeGranularity.MONTH.generalise(
            Optional.of(TimeWindow.day(LocalDate.of(1944, 7, 20), HN)));
    assertThat(whole).contains(TimeWindow.month(YearMonth.of(1944, 7), HN));
    assertThat(instant).isSameAs(whole);
    assertThat(day).isSameAs(whole);
    assertThat(TimeGranularity.MONTH.generalise(Optional.empty())).isEmpty();
  }
}
