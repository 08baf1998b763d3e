package org.atalaya.indicator;

import org.apiguardian.api.API;

/**
 * How the confidence interval of a Poisson count (and so of a rate) is computed.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum IntervalMethod {
  /**
   * Garwood's exact interval from gamma quantiles, as R {@code poisson.test}: lower {@code
   * qgamma(alpha/2, x)} (0 when x = 0), upper {@code qgamma(1 - alpha/2, x + 1)}. Its coverage is
   * at least the nominal level for every true rate.
   */
  EXACT,
  /**
   * Byar's approximation to the exact interval (Breslow and Day, 1987): lower {@code x(1 - 1/(9x) -
   * z/(3 sqrt(x)))^3}, upper {@code (x+1)(1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3}, with z the normal
   * quantile at {@code 1 - alpha/2}; the lower limit is 0 when x = 0 and never negative.
   */
  BYAR
}
