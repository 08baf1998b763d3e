package org.atalaya.indicator.report;

import org.apiguardian.api.API;

/**
 * A monthly alarm rule of an {@link IndicatorReport} (see {@link org.atalaya.indicator.Alarms}).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AlarmRule {
  /** A month's count against the mean of the same month in earlier years, as a Poisson Z. */
  POISSON_Z("poissonZ", "Poisson Z"),
  /** A Poisson exponentially weighted moving average against the first year's mean. */
  EWMA("ewma", "EWMA"),
  /** A Poisson cumulative sum watching for a rise of the first year's mean. */
  CUSUM("cusum", "CUSUM");

  private final String key;
  private final String label;

  AlarmRule(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /**
   * @return the name in the JSON document ({@code poissonZ}, {@code ewma}, {@code cusum}); never
   *     {@code null}
   */
  public String key() {
    return key;
  }

  /**
   * @return the name people read ({@code Poisson Z}, {@code EWMA}, {@code CUSUM}); never {@code
   *     null}
   */
  public String label() {
    return label;
  }
}
