package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apiguardian.api.API;
import org.atalaya.anonymise.DiscreteLaplace;

/**
 * Confidence intervals for the mean of a Poisson count. Divide the limits by the person-time (or
 * population) for a rate; {@link Rate} does that for you.
 *
 * <p>{@link IntervalMethod#EXACT} is Garwood's interval, equal to R {@code poisson.test}: the
 * limits are gamma quantiles computed with Apache Commons Statistics. {@link IntervalMethod#BYAR}
 * is Byar's closed-form approximation. {@link #exactWithNoise} and {@link #exactWithin} extend the
 * exact interval to counts that a protected table released: a noisy count, or a suppressed one
 * known only to lie in a range. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PoissonIntervals {

  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
  private static final int MAX_NEWTON_STEPS = 30;
  private static final double NEWTON_RELATIVE_TOLERANCE = 1e-14;

  /** Bisection stops when the bracket is this narrow, relative to its upper end. */
  private static final double BISECTION_RELATIVE_TOLERANCE = 1e-12;

  /** Poisson probabilities below this are left out of a sum (their total is far below 1e-15). */
  private static final double NEGLIGIBLE = 1e-20;

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
    double newton = newtonGammaQuantile(gamma, shape, tail, upperTail, z);
    if (!Double.isNaN(newton)) {
      return newton;
    }
    return upperTail
        ? gamma.inverseSurvivalProbability(tail)
        : gamma.inverseCumulativeProbability(tail);
  }

  /**
   * The quantile of {@link #gammaQuantile} by Newton's method alone, started from the
   * Wilson-Hilferty approximation (Byar's formula): NaN when that start is not positive or when
   * Newton does not settle to 1e-14 relative within {@value #MAX_NEWTON_STEPS} steps.
   */
  static double newtonGammaQuantile(
      GammaDistribution gamma, double shape, double tail, boolean upperTail, double z) {
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
    return Double.NaN;
  }

  /**
   * The standard normal quantile at {@code 1 - alpha/2}, remembered for the last confidence level.
   */
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
   * formula gives a negative number (a count of 1 at confidence above about 0.992).
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

  /**
   * Returns the exact interval for the mean of a Poisson count {@code X} that was published as
   * {@code Y = X + S}, where {@code S} is the discrete Laplace noise of {@link DiscreteLaplace} for
   * {@code (epsilon, sensitivity)} (summed over {@code terms} cells for a table total). It is
   * Garwood's construction applied to the distribution of {@code Y}, which is known exactly: with
   * {@code alpha = 1 - confidence} and {@code y} the published count, the lower limit is the mean
   * {@code lambda} at which {@code P(Y >= y) = alpha/2} (0 when even {@code lambda = 0} gives at
   * least that), the upper limit the {@code lambda} at which {@code P(Y <= y) = alpha/2} (0 when
   * even {@code lambda = 0} gives at most that). {@code Y} grows stochastically with {@code
   * lambda}, so each limit misses the mean with probability at most {@code alpha/2}, and the
   * coverage is at least {@code confidence} for every mean, as Garwood's is; without noise the two
   * are equal.
   *
   * <p>{@code P(Y <= c)} is the sum over {@code x} of the Poisson probability of {@code x} times
   * the noise's {@code P(S <= c - x)}, leaving out Poisson probabilities below 1e-20; each limit is
   * found by bisection to 1e-12 relative.
   *
   * @param noisyCount the published noisy count; may be negative
   * @param epsilon the epsilon of the noise, more than 0
   * @param sensitivity the noise's sensitivity (the contribution bound), at least 1
   * @param terms how many noisy cells the count sums: 1 for a cell, more for a total
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval for the expected count; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ConfidenceInterval exactWithNoise(
      long noisyCount, double epsilon, int sensitivity, int terms, double confidence) {
    ConfidenceInterval.checkConfidence(confidence);
    DiscreteLaplace noise = DiscreteLaplace.distribution(epsilon, sensitivity);
    checkArgument(terms >= 1, "terms (%s) must be at least 1", terms);
    double tail = (1 - confidence) / 2;
    // P(Y >= y) = 1 - P(Y <= y - 1) rises with lambda; the lower limit is where it reaches alpha/2.
    double lower =
        solve(lambda -> 1 - noisyCdf(lambda, noisyCount - 1, noise, terms), tail, noisyCount);
    // P(Y <= y) falls with lambda; the upper limit is where it comes down to alpha/2.
    double upper = solve(lambda -> -noisyCdf(lambda, noisyCount, noise, terms), -tail, noisyCount);
    return new ConfidenceInterval(lower, Math.max(lower, upper), confidence);
  }

  /**
   * Returns the exact interval for the mean of a Poisson count known only to lie from {@code
   * lowest} to {@code highest}, for example a suppressed cell: Garwood's lower limit at {@code
   * lowest} and upper limit at {@code highest}. Garwood's limits grow with the count, so each is on
   * the safe side of the limit the unknown count would give, and the coverage is at least {@code
   * confidence} for every mean, whatever the count in the range. The range must hold the count for
   * sure: a cell suppressed by a small-cell rule of threshold T lies from 1 to T-1 only when it was
   * hidden for being small; a cell hidden to protect another one may hold any count, bounded by its
   * line's published total minus the published cells.
   *
   * @param lowest the smallest count possible; not negative
   * @param highest the largest count possible; not below {@code lowest}
   * @param confidence the confidence level, strictly between 0 and 1
   * @return the interval for the expected count; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static ConfidenceInterval exactWithin(long lowest, long highest, double confidence) {
    checkArgument(lowest >= 0, "lowest (%s) must not be negative", lowest);
    checkArgument(highest >= lowest, "highest (%s) must not be below lowest (%s)", highest, lowest);
    return new ConfidenceInterval(
        exact(lowest, confidence).lower(), exact(highest, confidence).upper(), confidence);
  }

  /**
   * Finds the lambda where an increasing function of lambda reaches {@code target}: 0 when it
   * already does at 0, otherwise doubles an upper end until the function passes the target, then
   * bisects.
   */
  private static double solve(DoubleUnaryOperator f, double target, long start) {
    if (f.applyAsDouble(0) >= target) {
      return 0;
    }
    double lo = 0;
    double hi = Math.max(1, Math.abs((double) start));
    while (f.applyAsDouble(hi) < target) {
      lo = hi;
      hi *= 2;
      checkArgument(
          hi < 1e12, "the interval of the noisy count (%s) has no limit below 1e12", start);
    }
    while (hi - lo > BISECTION_RELATIVE_TOLERANCE * hi) {
      double mid = (lo + hi) / 2;
      if (f.applyAsDouble(mid) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** {@code P(X + S <= c)} for X Poisson of mean lambda and S the noise of {@code terms} cells. */
  private static double noisyCdf(double lambda, long c, DiscreteLaplace noise, int terms) {
    if (lambda == 0) {
      return noise.cumulativeProbability(c, terms);
    }
    // Poisson probabilities by recurrence outwards from the mode, where they are largest.
    int mode = (int) Math.min(Math.floor(lambda), Integer.MAX_VALUE - 1);
    double atMode = PoissonDistribution.of(lambda).probability(mode);
    double sum = atMode * noise.cumulativeProbability(c - mode, terms);
    double p = atMode;
    for (long x = mode + 1L; ; x++) {
      p *= lambda / x;
      double g = noise.cumulativeProbability(c - x, terms);
      sum += p * g;
      if (p < NEGLIGIBLE || g < NEGLIGIBLE) {
        break;
      }
    }
    p = atMode;
    for (long x = mode - 1L; x >= 0; x--) {
      p *= (x + 1) / lambda;
      sum += p * noise.cumulativeProbability(c - x, terms);
      if (p < NEGLIGIBLE) {
        break;
      }
    }
    return Math.min(1, sum);
  }

  static void checkCount(long count) {
    checkArgument(count >= 0, "count (%s) must not be negative", count);
  }
}
