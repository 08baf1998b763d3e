package org.atalaya.indicator.report;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.Rate;

/**
 * The incidents of the category in one group and, when the population table covers the group, their
 * rate per 100,000 with its exact (Garwood) interval: the interval says how far the underlying rate
 * may be from the observed one by chance alone (Poisson variation), not how wrong the records may
 * be. A group with no incident still appears, with count 0.
 *
 * @param group the area and year; never {@code null}
 * @param count the incidents counted; not negative
 * @param rate the rate; empty when a population figure of the group is missing or zero (the report
 *     lists the missing figures)
 * @param lineage where the figure came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RateResult(Group group, long count, Optional<Rate> rate, Lineage lineage) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the count is negative
   */
  public RateResult {
    Objects.requireNonNull(group, "group must not be null");
    checkArgument(count >= 0, "count (%s) must not be negative", count);
    Objects.requireNonNull(rate, "rate must not be null; use Optional.empty()");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }
}
