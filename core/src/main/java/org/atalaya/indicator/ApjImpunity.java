package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The same-year impunity ratios of the Alianza por la Paz y la Justicia (APJ, Honduras), from three
 * counts for one year: homicides, cases that entered court (requerimientos fiscales) and
 * convictions.
 *
 * <ul>
 *   <li>IIH, impunity index: {@code 1 - convictions / homicides};
 *   <li>IJH, judicialisation index: {@code casesInCourt / homicides};
 *   <li>IRC, case resolution index: {@code convictions / casesInCourt}.
 * </ul>
 *
 * <p>These are ratios of counts from the same calendar year, not proportions of a cohort: a
 * conviction in 2011 may be for a homicide of 2009. So no binomial interval is attached, and a
 * ratio may in principle exceed 1 (the impunity index may then be negative); use {@link
 * ImpunityFunnel} to follow cases. For 2011 (7,104 homicides, 970 cases in court, 298 convictions)
 * IIH is 0.95805, published by APJ as 95.8%. Immutable and thread-safe.
 *
 * @param homicides homicides in the year; positive
 * @param casesInCourt cases that entered court in the year; not negative
 * @param convictions convictions in the year; not negative
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ApjImpunity(long homicides, long casesInCourt, long convictions) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException if homicides is not positive or a count is negative
   */
  public ApjImpunity {
    checkArgument(homicides > 0, "homicides (%s) must be positive", homicides);
    checkArgument(casesInCourt >= 0, "casesInCourt (%s) must not be negative", casesInCourt);
    checkArgument(convictions >= 0, "convictions (%s) must not be negative", convictions);
  }

  /**
   * Returns the ratios for one year's counts.
   *
   * @param homicides homicides in the year; positive
   * @param casesInCourt cases that entered court in the year; not negative
   * @param convictions convictions in the year; not negative
   * @return the ratios; never {@code null}
   * @throws IllegalArgumentException if a count is out of range
   */
  public static ApjImpunity of(long homicides, long casesInCourt, long convictions) {
    return new ApjImpunity(homicides, casesInCourt, convictions);
  }

  /**
   * Returns the impunity index IIH, {@code 1 - convictions / homicides}.
   *
   * @return the index as a fraction (0.958 for 95.8%)
   */
  public double impunityIndex() {
    return 1 - (double) convictions / homicides;
  }

  /**
   * Returns the judicialisation index IJH, {@code casesInCourt / homicides}.
   *
   * @return the index as a fraction
   */
  public double judicialisationIndex() {
    return (double) casesInCourt / homicides;
  }

  /**
   * Returns the case resolution index IRC, {@code convictions / casesInCourt}.
   *
   * @return the index as a fraction; never {@code null} but empty when no case entered court
   */
  public OptionalDouble resolutionIndex() {
    return casesInCourt == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) convictions / casesInCourt);
  }
}
