package org.atalaya.indicator.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.PeriodChange;

/**
 * The change of the category's rate between two years in one area (or all): the rate ratio with its
 * exact interval and p-value as R's {@code poisson.test}, the verdict, and a sentence in English
 * and Spanish that claims no more than the test supports (a change the interval cannot tell from
 * chance is reported as such). Pairs where both years have no incident, or a population figure is
 * missing, are left out.
 *
 * @param area the area code; never {@code null}, empty for all areas
 * @param from the earlier year
 * @param to the later year, after {@code from}
 * @param change the two rates, the comparison and the sentences; never {@code null}
 * @param lineage where the figure came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChangeResult(
    Optional<String> area, int from, int to, PeriodChange change, Lineage lineage) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public ChangeResult {
    Objects.requireNonNull(area, "area must not be null; use Optional.empty()");
    checkArgument(to > from, "to (%s) must be after from (%s)", to, from);
    Objects.requireNonNull(change, "change must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }
}
