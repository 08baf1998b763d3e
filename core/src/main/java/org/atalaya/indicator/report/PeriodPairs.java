package org.atalaya.indicator.report;

import org.apiguardian.api.API;

/**
 * Which pairs of years an {@link IndicatorReport} compares with a period change, over the span from
 * the first to the last year with an incident of the category.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum PeriodPairs {
  /**
   * Every year against the next one, then the first year against the last (when they are not next
   * to each other).
   */
  CONSECUTIVE_AND_SPAN,
  /** Every year against the next one. */
  CONSECUTIVE,
  /** The first year against the last. */
  SPAN
}
