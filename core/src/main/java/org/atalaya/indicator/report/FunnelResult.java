package org.atalaya.indicator.report;

import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.Lineage;

/**
 * The impunity funnel of one group: how many of the cases that entered early enough to be followed
 * up reached each stage, with Clopper-Pearson intervals, where every case stands now, and
 * Kaplan-Meier times between stages (right-censored: cases still waiting are not counted as never
 * arriving). The intervals reflect sampling variation only; a case history recorded late or not at
 * all biases the funnel in ways no interval shows.
 *
 * @param group the area and year; never {@code null}
 * @param funnel the funnel, with its date, follow-up and confidence; never {@code null}
 * @param lineage where the figure came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FunnelResult(Group group, ImpunityFunnel funnel, Lineage lineage) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public FunnelResult {
    Objects.requireNonNull(group, "group must not be null");
    Objects.requireNonNull(funnel, "funnel must not be null");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }
}
