package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Alarm rules for monthly counts: is this month higher than the past would lead us to expect? An
 * alarm is a prompt to look, not proof of a change. Stateless and thread-safe.
 *
 * <ul>
 *   <li><b>Poisson Z</b>: {@code z = (x - mu) / sqrt(mu)}, with {@code mu} the seasonal baseline
 *       (the mean of the same month in the previous {@code years} years); alarm when {@code z >
 *       threshold} (2 is usual). When {@code mu} is 0, z is 0 for a count of 0 and positive
 *       infinity otherwise. Months without enough history are skipped.
 *   <li><b>EWMA</b> for Poisson counts (Borror, Champ and Rigdon, 1998): {@code Z_t = lambda x_t +
 *       (1 - lambda) Z_(t-1)}, {@code Z_0 = mu0}; alarm when {@code Z_t > mu0 + L sqrt(lambda mu0 /
 *       (2 - lambda) (1 - (1 - lambda)^(2t)))}. Usual values: {@code lambda = 0.2}, {@code L = 3}.
 *   <li><b>Poisson CUSUM</b> (Lucas, 1985): {@code S_t = max(0, S_(t-1) + x_t - k)}, {@code S_0 =
 *       0}, with reference value {@code k = (mu1 - mu0) / (ln mu1 - ln mu0)} for an in-control mean
 *       {@code mu0} and the shifted mean {@code mu1 > mu0} to detect; alarm when {@code S_t > h},
 *       and then {@code S} restarts from 0. Usual values: {@code mu1} 1.5 times {@code mu0}, {@code
 *       h} from 4 to 5.
 * </ul>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Alarms {

  private Alarms() {}

  /**
   * Applies the Poisson Z rule against the seasonal baseline.
   *
   * @param series the counts; never null
   * @param years how many earlier years form the baseline, positive
   * @param threshold the z above which the alarm is raised, for example 2
   * @return one check per month with enough history, in order; never {@code null}, immutable
   * @throws IllegalArgumentException if years is not positive or the threshold is NaN
   */
  public static List<Alarm> poissonZ(MonthlySeries series, int years, double threshold) {
    Objects.requireNonNull(series, "series must not be null");
    checkArgument(years > 0, "years (%s) must be positive", years);
    checkArgument(!Double.isNaN(threshold), "threshold must be a number");
    Lineage lineage =
        rule(
            series,
            "Poisson Z alarm (baseline: mean of the same month in the "
                + years
                + " previous years; alarm when z > "
                + threshold
                + ")");
    ImmutableList.Builder<Alarm> out = ImmutableList.builder();
    for (int i = 0; i < series.size(); i++) {
      YearMonth month = series.start().plusMonths(i);
      OptionalDouble baseline = series.seasonalBaseline(month, years);
      if (baseline.isEmpty()) {
        continue;
      }
      double mu = baseline.getAsDouble();
      long x = series.countAt(i);
      double z = mu == 0 ? (x == 0 ? 0 : Double.POSITIVE_INFINITY) : (x - mu) / Math.sqrt(mu);
      out.add(new Alarm(month, x, mu, z, threshold, z > threshold, lineage));
    }
    return out.build();
  }

  /**
   * Applies the Poisson EWMA rule.
   *
   * @param series the counts; never null
   * @param mu0 the in-control mean count per month, positive (for example the mean of a baseline
   *     period)
   * @param lambda the smoothing weight, strictly between 0 and 1 (0.2 is usual)
   * @param width the width L of the control limit in standard deviations, positive (3 is usual)
   * @return one check per month, in order; never {@code null}, immutable
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static List<Alarm> ewma(MonthlySeries series, double mu0, double lambda, double width) {
    Objects.requireNonNull(series, "series must not be null");
    Rate.checkPositiveFinite("mu0", mu0);
    checkArgument(lambda > 0 && lambda < 1, "lambda (%s) must be strictly between 0 and 1", lambda);
    Rate.checkPositiveFinite("width", width);
    Lineage lineage =
        rule(series, "EWMA alarm (mu0 = " + mu0 + ", lambda = " + lambda + ", L = " + width + ")");
    ImmutableList.Builder<Alarm> out = ImmutableList.builder();
    double z = mu0;
    for (int i = 0; i < series.size(); i++) {
      long x = series.countAt(i);
      z = lambda * x + (1 - lambda) * z;
      int t = i + 1;
      double limit =
          mu0
              + width
                  * Math.sqrt(lambda * mu0 / (2 - lambda) * (1 - Math.pow(1 - lambda, 2.0 * t)));
      out.add(new Alarm(series.start().plusMonths(i), x, mu0, z, limit, z > limit, lineage));
    }
    return out.build();
  }

  /**
   * Applies the Poisson CUSUM rule.
   *
   * @param series the counts; never null
   * @param mu0 the in-control mean count per month, positive
   * @param mu1 the shifted mean to detect, above {@code mu0}
   * @param h the decision interval, positive (4 to 5 is usual)
   * @return one check per month, in order; never {@code null}, immutable
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public static List<Alarm> cusum(MonthlySeries series, double mu0, double mu1, double h) {
    Objects.requireNonNull(series, "series must not be null");
    Rate.checkPositiveFinite("mu0", mu0);
    checkArgument(mu1 > mu0 && Double.isFinite(mu1), "mu1 (%s) must be above mu0 (%s)", mu1, mu0);
    Rate.checkPositiveFinite("h", h);
    double k = (mu1 - mu0) / (Math.log(mu1) - Math.log(mu0));
    Lineage lineage =
        rule(series, "Poisson CUSUM alarm (mu0 = " + mu0 + ", mu1 = " + mu1 + ", h = " + h + ")");
    ImmutableList.Builder<Alarm> out = ImmutableList.builder();
    double s = 0;
    for (int i = 0; i < series.size(); i++) {
      long x = series.countAt(i);
      s = Math.max(0, s + x - k);
      boolean alarm = s > h;
      out.add(new Alarm(series.start().plusMonths(i), x, mu0, s, h, alarm, lineage));
      if (alarm) {
        s = 0;
      }
    }
    return out.build();
  }

  /**
   * Returns the CUSUM reference value {@code k = (mu1 - mu0) / (ln mu1 - ln mu0)}.
   *
   * @param mu0 the in-control mean, positive
   * @param mu1 the shifted mean, above {@code mu0}
   * @return k, between {@code mu0} and {@code mu1}
   * @throws IllegalArgumentException if the means are out of range
   */
  public static double cusumReference(double mu0, double mu1) {
    Rate.checkPositiveFinite("mu0", mu0);
    checkArgument(mu1 > mu0 && Double.isFinite(mu1), "mu1 (%s) must be above mu0 (%s)", mu1, mu0);
    return (mu1 - mu0) / (Math.log(mu1) - Math.log(mu0));
  }

  /**
   * The series' lineage with the rule as its method: the inputs and counts stay those of the
   * series.
   */
  private static Lineage rule(MonthlySeries series, String method) {
    return series.lineage().toBuilder()
        .indicator("alarms on " + series.lineage().indicator())
        .method(method)
        .build();
  }
}
