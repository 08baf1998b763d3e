package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * Confidence intervals for the mean of a Poisson count. Divide the limits by the person-time (or
 * population) for a rate; {@link Rate} does that for you.
 *
 * <p>{@link IntervalMethod#EXACT} is Garwood's interval, equal to R {@code poisson.test}: the
 * limits are gamma quantiles computed with Apache Commons Statistics. {@link IntervalMethod#BYAR} is
 * Byar's closed-form approximation. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PoissonIntervals {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final int MAX_NEWTON_STEPS = 30;
  private static final double NEWTON_RELATIVE_TOLERANCE = 1e-14;

  /** {confidence, z} of the last call; replaced whole, so a reader never sees a torn pair. */
  private static volatile double[] lastNormalQuantile = {Double.NaN, Double.NaN};

  private PoissonIntervals() {}

  /**
   * Returns the interval for the mean of a Poisson count.
   *
   * @param count the observed count; not negative
   * @param confidence the confidence level, strictly between 0 and 1
   * @param method the method; never null
   * @return the interval for the expected count; never {@code null}
   * @throws IllegalArgumentException if the count is negative or the confidence is out of range
   */
  public static ConfidenceInterval of(long count, double confidence, IntervalMethod method) {
    Objects.requireNonNull(method, "method must not be null");
    return switch (method) {
      case EXACT -> exact(count, confidence);
      case BYAR -> byar(count, confidence);
    };
  }

  /**
   * Returns Garwood's exact interval: lower limit the {@code alpha/2} quantile of a gamma
   * distribution of shape {@code count} (0 when the count is 0), upper limit the {@code 1 -
   * alpha/2} quantile of shape {@code count + 1}, where {@code alpha = 1 - confidence}. Equal to
   * {@code poisson.test(count, 1, conf.level = confidence)$conf.int} in R. The quantiles are found
   * by Newton's method on the Commons Statistics gamma distribution function, started from Byar's
   * approximation, with the library's own inverse as the fallback.
   *
   * @param count the observed count; not negative
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval for the expected count; never {@code null}
   * @throws IllegalArgumentException if the count is negative or the confidence is out of range
   */
  public static ConfidenceInterval exact(long count, double confidence) {
    checkCount(count);
    ConfidenceInterval.checkConfidence(confidence);
    double tail = (1 - confidence) / 2;
    double z = normalQuantile(confidence);
    double lower = count == 0 ? 0 : gammaQuantile(count, tail, false, z);
    double upper = gammaQuantile(count + 1.0, tail, true, z);
    return new ConfidenceInterval(lower, upper, confidence);
  }

  /**
   * The quantile of a gamma distribution of the given shape (scale 1) with probability {@code tail}
   * below it ({@code upperTail} false) or above it ({@code upperTail} true). Newton's method on the
   * Commons Statistics distribution function and density, started from the Wilson-Hilferty
   * approximation (Byar's formula), converges in a few steps; if it does not, the library's own
   * inverse (a bracketing search, several times slower) answers instead.
   */
  static double gammaQuantile(double shape, double tail, boolean upperTail, double z) {
    GammaDistribution gamma = GammaDistribution.of(shape, 1);
    double c = 1 - 1 / (9 * shape) + (upperTail ? z : -z) / (3 * Math.sqrt(shape));
    double q = shape * c * c * c;
    if (q > 0 && Double.isFinite(q)) {
      for (int i = 0; i < MAX_NEWTON_STEPS; i++) {
        double density = gamma.density(q);
        if (!(density > 0)) {
          break;
        }
        double step =
            upperTail
                ? -(gamma.survivalProbability(q) - tail) / density
                : (gamma.cumulativeProbability(q) - tail) / density;
        double next = q - step;
        if (!(next > 0) || !Double.isFinite(next)) {
          break;
        }
        if (Math.abs(next - q) <= NEWTON_RELATIVE_TOLERANCE * next) {
          return next;
        }
        q = next;
      }
    }
    return upperTail ? gamma.inverseSurvivalProbability(tail) : gamma.inverseCumulativeProbability(tail);
  }

  /** The standard normal quantile at {@code 1 - alpha/2}, remembered for the last confidence level. */
  private static double normalQuantile(double confidence) {
    double[] last = lastNormalQuantile;
    if (last[0] == confidence) {
      return last[1];
    }
    double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidence) / 2);
    lastNormalQuantile = new double[] {confidence, z};
    return z;
  }

  /**
   * Returns Byar's approximation: lower {@code x(1 - 1/(9x) - z/(3 sqrt(x)))^3}, upper {@code
   * (x+1)(1 - 1/(9(x+1)) + z/(3 sqrt(x+1)))^3}, with {@code z} the standard normal quantile at
   * {@code 1 - alpha/2}. The lower limit is 0 when the count is 0, and is raised to 0 when the
   * formula gives a negative number (a count of 1 at confidence above about 0.998).
   *
   * @param count the observed count; not negative
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval for the expected count; never {@code null}
   * @throws IllegalArgumentException if the count is negative or the confidence is out of range
   */
  public static ConfidenceInterval byar(long count, double confidence) {
    checkCount(count);
    ConfidenceInterval.checkConfidence(confidence);
    double z = normalQuantile(confidence);
    double lower = 0;
    if (count > 0) {
      double x = count;
      double c = 1 - 1 / (9 * x) - z / (3 * Math.sqrt(x));
      lower = Math.max(0, x * c * c * c);
    }
    double x1 = count + 1.0;
    double c1 = 1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1));
    double upper = x1 * c1 * c1 * c1;
    return new ConfidenceInterval(lower, upper, confidence);
  }

  static void checkCount(long count) {
    checkArgument(count >= 0, "count (%s) must not be negative", count);
  }
}
