package org.atalaya.indicator.report;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * The parameters of the monthly alarms of an {@link IndicatorReport}: a Poisson Z rule against the
 * same months of earlier years, and a Poisson EWMA and CUSUM whose in-control mean {@code mu0} is
 * the mean of the series' first 12 months (so they run only on series of 13 months or more with a
 * positive first-year mean). See {@link org.atalaya.indicator.Alarms} for each rule. Immutable and
 * thread-safe.
 *
 * @param maxBaselineYears the most earlier years the Poisson Z baseline uses (it uses fewer when
 *     the series is shorter, and the rule is skipped with none); positive
 * @param zThreshold the Poisson Z above which a month raises an alarm; positive
 * @param ewmaLambda the EWMA's smoothing weight; in (0, 1]
 * @param ewmaWidth the EWMA's control limit in standard deviations ({@code L}); positive
 * @param cusumShift the mean the CUSUM watches for, as a multiple of {@code mu0}; above 1
 * @param cusumH the CUSUM's decision interval {@code h}; positive
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AlarmSettings(
    int maxBaselineYears,
    double zThreshold,
    double ewmaLambda,
    double ewmaWidth,
    double cusumShift,
    double cusumH) {

  /**
   * Validates the parameters.
   *
   * @throws IllegalArgumentException if a parameter is out of its range (the message names it)
   */
  public AlarmSettings {
    checkArgument(maxBaselineYears > 0, "maxBaselineYears (%s) must be positive", maxBaselineYears);
    checkArgument(
        zThreshold > 0 && Double.isFinite(zThreshold),
        "zThreshold (%s) must be positive",
        zThreshold);
    checkArgument(
        ewmaLambda > 0 && ewmaLambda <= 1, "ewmaLambda (%s) must be in (0, 1]", ewmaLambda);
    checkArgument(
        ewmaWidth > 0 && Double.isFinite(ewmaWidth), "ewmaWidth (%s) must be positive", ewmaWidth);
    checkArgument(
        cusumShift > 1 && Double.isFinite(cusumShift),
        "cusumShift (%s) must be above 1",
        cusumShift);
    checkArgument(cusumH > 0 && Double.isFinite(cusumH), "cusumH (%s) must be positive", cusumH);
  }

  /**
   * Returns the defaults of {@code atalaya indicators}: Poisson Z over up to 2 baseline years with
   * threshold 2; EWMA with lambda 0.2 and L 3; CUSUM watching for 1.5 x mu0 with h 5.
   *
   * @return the defaults; never {@code null}
   */
  public static AlarmSettings defaults() {
    return new AlarmSettings(2, 2.0, 0.2, 3.0, 1.5, 5.0);
  }
}
