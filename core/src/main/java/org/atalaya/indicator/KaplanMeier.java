package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * The Kaplan-Meier (product-limit) estimate of a survival curve from right-censored times, with
 * Greenwood's standard error, pointwise confidence limits and the median with its
 * Brookmeyer-Crowley interval, equal to R {@code survfit(Surv(time, status) ~ 1)} with its defaults
 * ({@code conf.type = "log"}).
 *
 * <p>At each distinct time {@code t} with {@code n} subjects at risk (time at least {@code t}),
 * {@code d} events and any number of censorings: {@code S(t) = S(t-) (1 - d/n)}; the standard error
 * of {@code log S} is {@code sqrt(sum d / (n (n - d)))} (infinite once {@code d = n}); the limits
 * are {@code S exp(-z se)} and {@code min(1, S exp(z se))} with {@code z} the normal quantile at
 * {@code 1 - (1 - confidence)/2}, and are absent where {@code S = 0}. A censoring at the same time
 * as an event counts as still at risk for that event.
 *
 * <p>The median follows R {@code quantile.survfit}: the first time the curve falls to 0.5 or below;
 * when the curve sits exactly at 0.5 (within {@code sqrt(2^-52)}) over a stretch, the midpoint of
 * that stretch (up to the next time the curve moves, or the last time observed). It is absent when
 * the curve never reaches 0.5: most subjects had not had the event when followed. The interval of
 * the median is found the same way on the lower pointwise limit (its lower end) and on the upper
 * one (its upper end), after Brookmeyer and Crowley (1982); its upper end is often absent.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KaplanMeier {

  /** R's {@code sqrt(.Machine$double.eps)}, the tolerance of {@code quantile.survfit}. */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  /**
   * The curve at one distinct observed time. Immutable and thread-safe.
   *
   * @param time the time; not negative
   * @param atRisk subjects whose time is at least {@code time}
   * @param events events at {@code time}
   * @param censored censorings at {@code time}
   * @param survival the estimate just after {@code time}
   * @param standardError Greenwood's standard error of {@code log(survival)}; infinite once every
   *     subject at risk had the event
   * @param lower the lower pointwise limit; never {@code null} but empty where {@code survival} is
   *     0
   * @param upper the upper pointwise limit, at most 1; never {@code null} but empty where {@code
   *     survival} is 0
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Step(
      double time,
      long atRisk,
      long events,
      long censored,
      double survival,
      double standardError,
      OptionalDouble lower,
      OptionalDouble upper) {

    /** Checks that no component is null. */
    public Step {
      Objects.requireNonNull(lower, "lower must not be null; use OptionalDouble.empty()");
      Objects.requireNonNull(upper, "upper must not be null; use OptionalDouble.empty()");
    }
  }

  private final long subjects;
  private final long events;
  private final double confidence;
  private final List<Step> steps;
  private final OptionalDouble median;
  private final OptionalDouble medianLower;
  private final OptionalDouble medianUpper;

  private KaplanMeier(long subjects, long events, double confidence, List<Step> steps) {
    this.subjects = subjects;
    this.events = events;
    this.confidence = confidence;
    this.steps = steps;
    int m = steps.size();
    double[] x = new double[m + 1];
    double[] ySurv = new double[m + 1];
    double[] yFromUpper = new double[m + 1];
    double[] yFromLower = new double[m + 1];
    for (int i = 0; i < m; i++) {
      Step s = steps.get(i);
      x[i + 1] = s.time();
      ySurv[i + 1] = 1 - s.survival();
      yFromUpper[i + 1] = s.upper().isPresent() ? 1 - s.upper().getAsDouble() : Double.NaN;
      yFromLower[i + 1] = s.lower().isPresent() ? 1 - s.lower().getAsDouble() : Double.NaN;
    }
    this.median = quantile(x, ySurv, 0.5);
    this.medianLower = quantile(x, yFromLower, 0.5);
    this.medianUpper = quantile(x, yFromUpper, 0.5);
  }

  /**
   * Estimates the curve with 95% pointwise limits.
   *
   * @param times each subject's time to the event or to censoring; never null, none negative or not
   *     finite
   * @param event whether each subject's time is an event ({@code true}) or a censoring; never null,
   *     same length as {@code times}
   * @return the estimate; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a time is out of range
   */
  public static KaplanMeier of(double[] times, boolean[] event) {
    return of(times, event, Rate.DEFAULT_CONFIDENCE);
  }

  /**
   * Estimates the curve, as R {@code survfit(Surv(times, event) ~ 1, conf.int = confidence)}.
   *
   * @param times each subject's time to the event or to censoring; never null, none negative or not
   *     finite; may be empty
   * @param event whether each subject's time is an event ({@code true}) or a censoring; never null,
   *     same length as {@code times}
   * @param confidence the confidence level of the limits, strictly between 0 and 1
   * @return the estimate; never {@code null}
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static KaplanMeier of(double[] times, boolean[] event, double confidence) {
    Objects.requireNonNull(times, "times must not be null");
    Objects.requireNonNull(event, "event must not be null");
    checkArgument(
        times.length == event.length,
        "times (%s subjects) and event (%s) must have the same length",
        times.length,
        event.length);
    ConfidenceInterval.checkConfidence(confidence);
    int n = times.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      checkArgument(
          times[i] >= 0 && Double.isFinite(times[i]),
          "time (%s) of subject %s must not be negative and must be finite",
          (Object) times[i],
          i);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    ImmutableList.Builder<Step> out = ImmutableList.builder();
    double survival = 1;
    double greenwood = 0;
    long totalEvents = 0;
    int i = 0;
    while (i < n) {
      double t = times[order[i]];
      long atRisk = n - i;
      long d = 0;
      long c = 0;
      while (i < n && times[order[i]] == t) {
        if (event[order[i]]) {
          d++;
        } else {
          c++;
        }
        i++;
      }
      if (d > 0) {
        survival *= (double) (atRisk - d) / atRisk;
        greenwood +=
            d == atRisk ? Double.POSITIVE_INFINITY : (double) d / ((double) atRisk * (atRisk - d));
      }
      totalEvents += d;
      double se = Math.sqrt(greenwood);
      OptionalDouble lower = OptionalDouble.empty();
      OptionalDouble upper = OptionalDouble.empty();
      if (survival > 0) {
        lower = OptionalDouble.of(Math.exp(Math.log(survival) - z * se));
        upper = OptionalDouble.of(Math.min(Math.exp(Math.log(survival) + z * se), 1));
      }
      out.add(new Step(t, atRisk, d, c, survival, se, lower, upper));
    }
    return new KaplanMeier(n, totalEvents, confidence, out.build());
  }

  /**
   * R {@code survival:::findq} for one probability: {@code x} starts with 0 and {@code y} (the
   * cumulative share with the event, 1 minus a curve, NaN where the curve is absent) with 0.
   */
  private static OptionalDouble quantile(double[] x, double[] y, double p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        max = Math.max(max, v);
      }
    }
    if (max < p) {
      return OptionalDouble.empty();
    }
    double xmax = x[x.length - 1];
    // keep the first occurrence of each value of y (NaN counts as one value)
    double[] kx = new double[x.length];
    double[] ky = new double[y.length];
    int n = 0;
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < y.length; i++) {
      // doubleToLongBits maps every NaN to one value, as R's duplicated() treats NA
      if (seen.add(Double.doubleToLongBits(y[i]))) {
        kx[n] = x[i];
        ky[n] = y[i];
        n++;
      }
    }
    int index1 = smallestAtLeast(ky, n, p - TOLERANCE);
    int index2 = smallestAtLeast(ky, n, p + TOLERANCE);
    double last = ky[n - 1];
    if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE && index1 >= 0) {
      return OptionalDouble.of((kx[index1] + xmax) / 2);
    }
    if (index1 < 0 || index2 < 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((kx[index1] + kx[index2]) / 2);
  }

  /**
   * The index whose value is the smallest of those at least {@code threshold}, NaN skipped, or -1:
   * what R {@code approx(y, seq_along(y), p, method = "constant", f = 1)} returns with {@code y}
   * shifted by the tolerance.
   */
  private static int smallestAtLeast(double[] y, int n, double threshold) {
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (!Double.isNaN(y[i]) && y[i] >= threshold && (best < 0 || y[i] < y[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Returns the number of subjects.
   *
   * @return the count, events and censorings together
   */
  public long subjects() {
    return subjects;
  }

  /**
   * Returns the number of events.
   *
   * @return the count
   */
  public long events() {
    return events;
  }

  /**
   * Returns the number of censored subjects, {@code subjects() - events()}.
   *
   * @return the count
   */
  public long censored() {
    return subjects - events;
  }

  /**
   * Returns the confidence level of the limits and of the median's interval.
   *
   * @return the level, strictly between 0 and 1
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Returns the curve at every distinct observed time (event or censoring), in increasing time.
   *
   * @return the steps; never {@code null}, immutable, empty when there is no subject
   */
  public List<Step> steps() {
    return steps;
  }

  /**
   * Returns the estimate at time {@code t}: 1 before the first event, then the value of the last
   * step at or before {@code t}.
   *
   * @param t the time
   * @return the survival estimate, from 0 to 1
   */
  public double survival(double t) {
    double s = 1;
    for (Step step : steps) {
      if (step.time() > t) {
        break;
      }
      s = step.survival();
    }
    return s;
  }

  /**
   * Returns the median time: the first time the curve falls to 0.5 or below (see the class rules
   * for a curve exactly at 0.5).
   *
   * @return the median; never {@code null} but empty ("not reached") when the curve never falls to
   *     0.5
   */
  public OptionalDouble median() {
    return median;
  }

  /**
   * Returns the lower end of the median's Brookmeyer-Crowley interval: where the lower pointwise
   * limit falls to 0.5.
   *
   * @return the limit; never {@code null} but empty when the lower limit never falls to 0.5
   */
  public OptionalDouble medianLower() {
    return medianLower;
  }

  /**
   * Returns the upper end of the median's Brookmeyer-Crowley interval: where the upper pointwise
   * limit falls to 0.5.
   *
   * @return the limit; never {@code null} but empty ("not reached") when the upper limit never
   *     falls to 0.5, as is common with few events
   */
  public OptionalDouble medianUpper() {
    return medianUpper;
  }

  @Override
  public String toString() {
    return "KaplanMeier[subjects="
        + subjects
        + ", events="
        + events
        + ", median="
        + (median.isPresent() ? String.valueOf(median.getAsDouble()) : "not reached")
        + ']';
  }
}
