package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableLongArray;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * A series of monthly counts over consecutive months, with moving sums, year-to-date totals and a
 * seasonal baseline from the same month of earlier years. A month with no incident must be given as
 * 0: the series has no gaps. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MonthlySeries {

  private final YearMonth start;
  private final ImmutableLongArray counts;
  private final Lineage lineage;

  private MonthlySeries(YearMonth start, ImmutableLongArray counts, Lineage lineage) {
    this.start = start;
    this.counts = counts;
    this.lineage = lineage;
  }

  /**
   * Returns what the series came from: its months and the incidents counted, plus whatever the
   * caller added with {@link #withLineage(Lineage)} (input file, filters, exclusions). Alarms
   * computed on the series start from this lineage.
   *
   * @return the lineage; never {@code null}
   */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * Returns this series with another lineage.
   *
   * @param lineage the lineage; never null
   * @return a series equal to this one but for its lineage; never {@code null}
   */
  public MonthlySeries withLineage(Lineage lineage) {
    return new MonthlySeries(
        start, counts, Objects.requireNonNull(lineage, "lineage must not be null"));
  }

  /**
   * Returns the series of counts for consecutive months from {@code start}.
   *
   * @param start the first month; never null
   * @param counts one count per month, none negative; never null, not empty
   * @return the series; never {@code null}
   * @throws IllegalArgumentException if there is no count or a count is negative
   */
  public static MonthlySeries of(YearMonth start, long... counts) {
    Objects.requireNonNull(start, "start must not be null");
    Objects.requireNonNull(counts, "counts must not be null");
    checkArgument(counts.length > 0, "counts must have at least one month");
    for (int i = 0; i < counts.length; i++) {
      checkArgument(
          counts[i] >= 0, "count (%s) of %s must not be negative", counts[i], start.plusMonths(i));
    }
    long used = 0;
    for (long c : counts) {
      used += c;
    }
    Lineage lineage =
        Lineage.builder("monthly counts " + start + " to " + start.plusMonths(counts.length - 1L))
            .used(used)
            .method("counts per calendar month")
            .build();
    return new MonthlySeries(start, ImmutableLongArray.copyOf(counts), lineage);
  }

  /**
   * Returns the first month.
   *
   * @return the month; never {@code null}
   */
  public YearMonth start() {
    return start;
  }

  /**
   * Returns the last month.
   *
   * @return the month; never {@code null}
   */
  public YearMonth end() {
    return start.plusMonths(counts.length() - 1L);
  }

  /**
   * Returns the number of months.
   *
   * @return the length, at least 1
   */
  public int size() {
    return counts.length();
  }

  /**
   * Returns the count of a month.
   *
   * @param month a month of the series; never null
   * @return the count
   * @throws IllegalArgumentException if the month is outside the series
   */
  public long count(YearMonth month) {
    return counts.get(indexOf(month));
  }

  /**
   * Returns the sum of the {@code window} months ending with {@code month}.
   *
   * @param month the last month of the window; never null
   * @param window the number of months, positive (12 for a rolling year)
   * @return the sum; never {@code null} but empty when the window starts before the series
   * @throws IllegalArgumentException if the month is outside the series or the window is not
   *     positive
   */
  public OptionalLong movingSum(YearMonth month, int window) {
    checkArgument(window > 0, "window (%s) must be positive", window);
    int end = indexOf(month);
    if (end - window + 1 < 0) {
      return OptionalLong.empty();
    }
    long sum = 0;
    for (int i = end - window + 1; i <= end; i++) {
      sum += counts.get(i);
    }
    return OptionalLong.of(sum);
  }

  /**
   * Returns the total from January of the month's year to the month.
   *
   * @param month the month; never null
   * @return the sum; never {@code null} but empty when the series starts after January of that year
   * @throws IllegalArgumentException if the month is outside the series
   */
  public OptionalLong yearToDate(YearMonth month) {
    return movingSum(month, month.getMonthValue());
  }

  /**
   * Returns the seasonal baseline of a month: the mean count of the same calendar month in the
   * {@code years} years before it.
   *
   * @param month the month; never null
   * @param years how many earlier years to use, positive
   * @return the mean; never {@code null} but empty when the series does not reach back that far
   * @throws IllegalArgumentException if the month is outside the series or years is not positive
   */
  public OptionalDouble seasonalBaseline(YearMonth month, int years) {
    checkArgument(years > 0, "years (%s) must be positive", years);
    int at = indexOf(month);
    if (at - 12 * years < 0) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (int y = 1; y <= years; y++) {
      sum += counts.get(at - 12 * y);
    }
    return OptionalDouble.of(sum / years);
  }

  long countAt(int index) {
    return counts.get(index);
  }

  private int indexOf(YearMonth month) {
    Objects.requireNonNull(month, "month must not be null");
    long i = start.until(month, ChronoUnit.MONTHS);
    checkArgument(
        i >= 0 && i < counts.length(), "month (%s) must be from %s to %s", month, start, end());
    return (int) i;
  }
}
