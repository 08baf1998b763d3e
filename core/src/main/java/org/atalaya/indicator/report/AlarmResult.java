package org.atalaya.indicator.report;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.MonthlySeries;

/**
 * The monthly series of the category's incidents in one area (or all), from the first to the last
 * month with an incident, and the alarm rules run on it. A rule that needs more history than the
 * series has (Poisson Z needs a year before the months it checks; EWMA and CUSUM need 13 months and
 * a positive first-year mean) is not listed.
 *
 * @param area the area code; never {@code null}, empty for all areas
 * @param series the counts per month; never {@code null}
 * @param rules the rules run, in the order Poisson Z, EWMA, CUSUM; never {@code null}, copied
 * @param lineage where the figure came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AlarmResult(
    Optional<String> area, MonthlySeries series, List<RuleAlarms> rules, Lineage lineage) {
  /**
   * Checks and copies the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public AlarmResult {
    Objects.requireNonNull(area, "area must not be null; use Optional.empty()");
    Objects.requireNonNull(series, "series must not be null");
    rules = ImmutableList.copyOf(Objects.requireNonNull(rules, "rules must not be null"));
    Objects.requireNonNull(lineage, "lineage must not be null");
  }
}
