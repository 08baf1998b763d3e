package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.primitives.ImmutableDoubleArray;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Small-area rates smoothed by global empirical Bayes, Marshall's (1991) method of moments: each
 * area's raw rate is pulled towards the overall rate, the more so the smaller its population, so
 * that a village with 1 homicide in 800 people does not top the map by chance.
 *
 * <p>With counts {@code x_i}, populations {@code n_i}, raw rates {@code r_i = x_i / n_i}, {@code N}
 * areas:
 *
 * <ul>
 *   <li>global rate {@code m = sum(x) / sum(n)}, mean population {@code nbar = sum(n) / N};
 *   <li>weighted variance {@code s2 = sum(n_i (r_i - m)^2) / sum(n)};
 *   <li>between-area variance {@code a = s2 - m / nbar}. <b>When it is negative</b> (the raw rates
 *       vary less than Poisson noise alone would make them), it is set to 0 and {@link
 *       #varianceTruncated()} is true: every area then gets the global rate;
 *   <li>shrinkage {@code C_i = a / (a + m / n_i)} and smoothed rate {@code m + C_i (r_i - m)}.
 * </ul>
 *
 * These are the estimates of {@code spdep::EBest} in R. Rates are per {@code per}. Immutable and
 * thread-safe.
 *
 * @param per the base of every rate; positive
 * @param globalRate the overall rate {@code m}, per {@code per}
 * @param betweenAreaVariance {@code a} after truncation at 0, per unit (not scaled by {@code per})
 * @param varianceTruncated whether the method-of-moments variance was negative and set to 0
 * @param rawRates the raw rates, per {@code per}; never {@code null}
 * @param shrinkage the weight {@code C_i} each raw rate keeps, from 0 to 1; never {@code null}
 * @param smoothedRates the smoothed rates, per {@code per}; never {@code null}
 * @param lineage what the rates came from: areas, counts used, method and version, plus whatever
 *     the caller added with {@link #withLineage(Lineage)}; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SmoothedRates(
    double per,
    double globalRate,
    double betweenAreaVariance,
    boolean varianceTruncated,
    ImmutableDoubleArray rawRates,
    ImmutableDoubleArray shrinkage,
    ImmutableDoubleArray smoothedRates,
    Lineage lineage) {

  /** The method, as lineages record it. */
  static final String METHOD =
      "empirical Bayes, Marshall's global method of moments (negative between-area variance set to"
          + " 0)";

  /**
   * Validates the values.
   *
   * @throws IllegalArgumentException if the arrays differ in length or the variance is negative
   */
  public SmoothedRates {
    Rate.checkPositiveFinite("per", per);
    Objects.requireNonNull(rawRates, "rawRates must not be null");
    Objects.requireNonNull(shrinkage, "shrinkage must not be null");
    Objects.requireNonNull(smoothedRates, "smoothedRates must not be null");
    checkArgument(
        betweenAreaVariance >= 0,
        "betweenAreaVariance (%s) must not be negative",
        betweenAreaVariance);
    checkArgument(
        rawRates.length() == shrinkage.length() && rawRates.length() == smoothedRates.length(),
        "rawRates, shrinkage and smoothedRates must have the same length");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }

  /**
   * Validates the values and gives the result a lineage naming the method and the number of areas.
   *
   * @param per the base
   * @param globalRate the overall rate, per {@code per}
   * @param betweenAreaVariance the between-area variance after truncation
   * @param varianceTruncated whether the variance was truncated at 0
   * @param rawRates the raw rates, per {@code per}
   * @param shrinkage the weights each raw rate keeps
   * @param smoothedRates the smoothed rates, per {@code per}
   * @throws IllegalArgumentException if the arrays differ in length or the variance is negative
   */
  public SmoothedRates(
      double per,
      double globalRate,
      double betweenAreaVariance,
      boolean varianceTruncated,
      ImmutableDoubleArray rawRates,
      ImmutableDoubleArray shrinkage,
      ImmutableDoubleArray smoothedRates) {
    this(
        per,
        globalRate,
        betweenAreaVariance,
        varianceTruncated,
        rawRates,
        shrinkage,
        smoothedRates,
        defaultLineage(rawRates == null ? 0 : rawRates.length(), -1));
  }

  private static Lineage defaultLineage(int areas, long used) {
    Lineage.Builder b =
        Lineage.builder("empirically smoothed rates over " + areas + " areas").method(METHOD);
    if (used >= 0) {
      b.used(used);
    }
    return b.build();
  }

  /**
   * Returns these rates with another lineage, for example with the input file and population
   * vintage added.
   *
   * @param lineage the lineage; never null
   * @return rates equal to these but for their lineage; never {@code null}
   */
  public SmoothedRates withLineage(Lineage lineage) {
    return new SmoothedRates(
        per,
        globalRate,
        betweenAreaVariance,
        varianceTruncated,
        rawRates,
        shrinkage,
        smoothedRates,
        lineage);
  }

  /**
   * Smooths rates per 100,000.
   *
   * @param counts counts per area; never null, none negative, positive total
   * @param populations populations per area, same length; never null, each positive
   * @return the smoothed rates; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static SmoothedRates marshallGlobal(long[] counts, double[] populations) {
    return marshallGlobal(counts, populations, Rate.PER_100_000);
  }

  /**
   * Smooths rates by Marshall's global empirical Bayes estimator.
   *
   * @param counts counts per area; never null, none negative, positive total
   * @param populations populations per area, same length; never null, each positive
   * @param per the base of the rates; positive and finite
   * @return the smoothed rates; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length, there is no area, a value is
   *     out of range or all counts are 0
   */
  public static SmoothedRates marshallGlobal(long[] counts, double[] populations, double per) {
    Objects.requireNonNull(counts, "counts must not be null");
    Objects.requireNonNull(populations, "populations must not be null");
    checkArgument(counts.length > 0, "counts must have at least one area");
    checkArgument(
        populations.length == counts.length,
        "counts (%s areas) and populations (%s) must have the same length",
        counts.length,
        populations.length);
    Rate.checkPositiveFinite("per", per);
    int areas = counts.length;
    double totalCount = 0;
    double totalPopulation = 0;
    for (int i = 0; i < areas; i++) {
      checkArgument(counts[i] >= 0, "count (%s) of area %s must not be negative", counts[i], i);
      checkArgument(
          populations[i] > 0 && Double.isFinite(populations[i]),
          "population (%s) of area %s must be positive and finite",
          (Object) populations[i],
          i);
      totalCount += counts[i];
      totalPopulation += populations[i];
    }
    checkArgument(
        totalCount > 0, "the counts must not all be 0: there is no rate to smooth towards");
    double m = totalCount / totalPopulation;
    double nbar = totalPopulation / areas;
    double s2 = 0;
    double[] raw = new double[areas];
    for (int i = 0; i < areas; i++) {
      raw[i] = counts[i] / populations[i];
      s2 += populations[i] * (raw[i] - m) * (raw[i] - m);
    }
    s2 /= totalPopulation;
    double a = s2 - m / nbar;
    boolean truncated = a < 0;
    if (truncated) {
      a = 0;
    }
    ImmutableDoubleArray.Builder rawOut = ImmutableDoubleArray.builder(areas);
    ImmutableDoubleArray.Builder shrinkOut = ImmutableDoubleArray.builder(areas);
    ImmutableDoubleArray.Builder smoothOut = ImmutableDoubleArray.builder(areas);
    for (int i = 0; i < areas; i++) {
      double c = a == 0 ? 0 : a / (a + m / populations[i]);
      rawOut.add(raw[i] * per);
      shrinkOut.add(c);
      smoothOut.add((m + c * (raw[i] - m)) * per);
    }
    long used = 0;
    for (long c : counts) {
      used += c;
    }
    return new SmoothedRates(
        per,
        m * per,
        a,
        truncated,
        rawOut.build(),
        shrinkOut.build(),
        smoothOut.build(),
        defaultLineage(areas, used));
  }
}
