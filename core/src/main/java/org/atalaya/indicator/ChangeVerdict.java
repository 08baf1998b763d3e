package org.atalaya.indicator;

import org.apiguardian.api.API;

/**
 * What a {@link PeriodChange} may claim.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum ChangeVerdict {
  /**
   * The rate rose, and both the p-value and the interval of the rate ratio say it is significant.
   */
  SIGNIFICANT_INCREASE,
  /**
   * The rate fell, and both the p-value and the interval of the rate ratio say it is significant.
   */
  SIGNIFICANT_DECREASE,
  /** Neither the p-value nor the interval shows a change: chance alone could produce it. */
  NOT_SIGNIFICANT,
  /**
   * The p-value and the interval disagree (one says significant, the other not); no change should
   * be claimed.
   */
  BORDERLINE;

  /**
   * Returns whether a change may be claimed.
   *
   * @return true for the two significant verdicts
   */
  public boolean isSignificant() {
    return this == SIGNIFICANT_INCREASE || this == SIGNIFICANT_DECREASE;
  }
}
