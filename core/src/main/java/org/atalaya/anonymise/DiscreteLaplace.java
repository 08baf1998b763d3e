package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apiguardian.api.API;

/**
 * The discrete Laplace (two-sided geometric) mechanism: adds to an integer count an integer noise
 * {@code Z} with {@code P(Z = z) = (1 - a) / (1 + a) * a^|z|}, {@code a = exp(-epsilon /
 * sensitivity)}, which gives epsilon-differential privacy for a count that one person can change by
 * at most {@code sensitivity}.
 *
 * <p>Why discrete: outputs are integers (a published count of 3.7 homicides invites questions), and
 * the noise never passes through floating-point Laplace sampling, whose rounding leaks the true
 * value (Mironov, 2012). {@code Z} is drawn as the difference of two geometric variables, each by
 * inversion of a uniform double; the tails beyond about {@code 700 / epsilon} are truncated by
 * double precision, far beyond anything a count can use.
 *
 * <p>The noise distribution is public, so a published noisy count carries an exact interval for the
 * true count ({@link #interval(long, double)}); sums of several noisy counts, such as a table's
 * totals, have theirs too ({@link #interval(long, int, double)}).
 *
 * <p>Noise comes from a {@link java.security.SecureRandom} unless a test supplies a seeded
 * generator; a fixed seed in production would let anyone replay the noise. Immutable (the tail
 * tables of sums are cached); thread-safe when its generator is.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DiscreteLaplace {
  private final double epsilon;
  private final int sensitivity;
  private final double logA;
  private final RandomGenerator random;

  /** Upper tails {@code P(S > s)}, s = 0, 1, ..., of sums of that many draws; a cache. */
  private final ConcurrentMap<Integer, double[]> sumTails = new ConcurrentHashMap<>();

  /**
   * Tail mass left out of a sum's table: far below what a double can add to a probability near 1.
   */
  private static final double NEGLIGIBLE = 1e-18;

  private DiscreteLaplace(double epsilon, int sensitivity, RandomGenerator random) {
    checkArgument(
        Double.isFinite(epsilon) && epsilon > 0, "epsilon (%s) must be a positive number", epsilon);
    checkArgument(sensitivity >= 1, "sensitivity (%s) must be at least 1", sensitivity);
    this.epsilon = epsilon;
    this.sensitivity = sensitivity;
    this.logA = -epsilon / sensitivity;
    this.random = Objects.requireNonNull(random, "random must not be null");
  }

  /**
   * Returns the mechanism with noise from a new {@link java.security.SecureRandom}.
   *
   * @param epsilon the privacy parameter, more than 0
   * @param sensitivity how much one person can change the count, at least 1
   * @return the mechanism
   */
  public static DiscreteLaplace of(double epsilon, int sensitivity) {
    return new DiscreteLaplace(epsilon, sensitivity, new SecureRandom());
  }

  /**
   * Returns the mechanism with noise from {@code random}: for tests only (a seeded generator makes
   * the noise reproducible, and so removable).
   *
   * @param epsilon the privacy parameter, more than 0
   * @param sensitivity how much one person can change the count, at least 1
   * @param random the generator; never null
   * @return the mechanism
   */
  public static DiscreteLaplace forTesting(
      double epsilon, int sensitivity, RandomGenerator random) {
    return new DiscreteLaplace(epsilon, sensitivity, random);
  }

  /**
   * Returns the mechanism with noise from the release's generator ({@link
   * ReleaseContext#random()}).
   */
  static DiscreteLaplace of(double epsilon, int sensitivity, RandomGenerator random) {
    return new DiscreteLaplace(epsilon, sensitivity, random);
  }

  /**
   * Returns the noise distribution alone, for intervals and probabilities: {@link #noise()} and
   * {@link #addNoise(long)} throw {@link IllegalStateException}.
   *
   * @param epsilon the privacy parameter, more than 0
   * @param sensitivity how much one person can change the count, at least 1
   * @return the distribution
   */
  public static DiscreteLaplace distribution(double epsilon, int sensitivity) {
    return new DiscreteLaplace(
        epsilon,
        sensitivity,
        () -> {
          throw new IllegalStateException(
              "this discrete Laplace distribution computes intervals and draws no noise");
        });
  }

  /**
   * Returns the standard deviation of the noise, {@code sqrt(2a) / (1 - a)} with {@code a =
   * exp(-epsilon / sensitivity)}: about 2.80 at epsilon 0.5 and 1.36 at epsilon 1 for a sensitivity
   * of 1.
   *
   * @return the standard deviation, more than 0
   */
  public double standardDeviation() {
    double a = Math.exp(logA);
    return Math.sqrt(2 * a) / (1 - a);
  }

  /**
   * Returns the epsilon of one use.
   *
   * @return epsilon
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Returns {@code P(Z = z)} for the noise.
   *
   * @param z an integer
   * @return the probability
   */
  public double probability(long z) {
    double a = Math.exp(logA);
    return (1 - a) / (1 + a) * Math.exp(logA * Math.abs(z));
  }

  /**
   * Returns the sensitivity of one use.
   *
   * @return at least 1
   */
  public int sensitivity() {
    return sensitivity;
  }

  /**
   * Returns {@code P(Z <= z)} for the noise: {@code a^|z| / (1 + a)} below 0, {@code 1 - a^(z+1) /
   * (1 + a)} from 0.
   *
   * @param z an integer
   * @return the probability
   */
  public double cumulativeProbability(long z) {
    double a = Math.exp(logA);
    return z < 0
        ? Math.exp(logA * -(double) z) / (1 + a)
        : 1 - Math.exp(logA * (z + 1.0)) / (1 + a);
  }

  /**
   * Returns {@code P(S <= s)} for the sum {@code S} of {@code terms} independent noise values (a
   * table total of that many noisy cells).
   *
   * @param s an integer
   * @param terms how many noise values are summed, at least 1
   * @return the probability, exact to about 1e-16
   */
  public double cumulativeProbability(long s, int terms) {
    checkTerms(terms);
    if (terms == 1) {
      return cumulativeProbability(s);
    }
    // Symmetric: P(S <= s) = P(S > -s - 1) below 0.
    return s < 0 ? upperTail(-s - 1, terms) : 1 - upperTail(s, terms);
  }

  /**
   * Returns {@code P(|S| > q)} for the sum {@code S} of {@code terms} independent noise values: the
   * probability that a sum of noisy counts misses the true sum by more than {@code q}. For one
   * value it is {@code 2 a^(q+1) / (1 + a)}.
   *
   * @param q not negative
   * @param terms how many noise values are summed, at least 1
   * @return the probability
   */
  public double tailProbability(long q, int terms) {
    checkArgument(q >= 0, "q (%s) must not be negative", q);
    checkTerms(terms);
    if (terms == 1) {
      return 2 * Math.exp(logA * (q + 1.0)) / (1 + Math.exp(logA));
    }
    return 2 * upperTail(q, terms);
  }

  /**
   * Returns the half-width of the exact interval at {@code confidence} for a sum of {@code terms}
   * noisy counts: the smallest whole {@code q >= 0} with {@code P(|S| > q) <= 1 - confidence}. At
   * confidence 0.95 and sensitivity 1 it is 30 at epsilon 0.1, 6 at 0.5 and 3 at 1 for one count.
   *
   * @param confidence strictly between 0 and 1
   * @param terms how many noise values are summed, at least 1
   * @return the half-width, not negative
   */
  public long halfWidth(double confidence, int terms) {
    checkConfidence(confidence);
    checkTerms(terms);
    double alpha = 1 - confidence;
    if (terms > 1) {
      // The table of P(S > s) ends with 0, below any alpha, so the scan stops inside it.
      double[] tail = sumTail(terms);
      int q = 0;
      while (2 * tail[q] > alpha) {
        q++;
      }
      return q;
    }
    // Closed form of 2 a^(q+1) / (1 + a) <= alpha, then corrected for rounding.
    double a = Math.exp(logA);
    long q = Math.max(0, (long) Math.ceil(Math.log(alpha * (1 + a) / 2) / logA) - 1);
    while (tailProbability(q, 1) > alpha) {
      q++;
    }
    while (q > 0 && tailProbability(q - 1, 1) <= alpha) {
      q--;
    }
    return q;
  }

  /**
   * Returns the exact interval for a true count from its noisy count: see {@link NoisyCount}.
   *
   * @param noisy the published noisy count
   * @param confidence strictly between 0 and 1, for example 0.95
   * @return the noisy count with its interval; never {@code null}
   */
  public NoisyCount interval(long noisy, double confidence) {
    return interval(noisy, 1, confidence);
  }

  /**
   * Returns the exact interval for a true sum of {@code terms} counts from the sum of their noisy
   * counts (a table total): see {@link NoisyCount}.
   *
   * @param noisy the published sum of noisy counts
   * @param terms how many noisy counts it sums, at least 1
   * @param confidence strictly between 0 and 1, for example 0.95
   * @return the noisy count with its interval; never {@code null}
   */
  public NoisyCount interval(long noisy, int terms, double confidence) {
    long q = halfWidth(confidence, terms);
    return new NoisyCount(
        noisy,
        Math.max(0, Math.subtractExact(noisy, q)),
        Math.max(0, Math.addExact(noisy, q)),
        confidence,
        1 - tailProbability(q, terms));
  }

  /** {@code P(S > s)} for a sum, 0 past the cached table (its mass there is below NEGLIGIBLE). */
  private double upperTail(long s, int terms) {
    double[] tail = sumTail(terms);
    return s < tail.length ? tail[(int) s] : 0;
  }

  /**
   * The upper tails of a sum of {@code terms} draws. Each draw is the difference of two geometric
   * variables, so the sum is the difference of two independent Pascal (negative binomial) variables
   * of {@code terms} successes with success probability {@code 1 - a}.
   */
  private double[] sumTail(int terms) {
    return sumTails.computeIfAbsent(
        terms,
        k -> {
          PascalDistribution pascal = PascalDistribution.of(k, -Math.expm1(logA));
          // Only the values with non-negligible mass: a sum of many draws lies far from 0.
          int lo = Math.max(0, pascal.inverseCumulativeProbability(NEGLIGIBLE) - 1);
          int n =
              Math.toIntExact(Math.max(lo + 1L, pascal.inverseSurvivalProbability(NEGLIGIBLE) + 1L))
                  - lo;
          double[] g = new double[n];
          for (int i = 0; i < n; i++) {
            // From the log: probability() overflows to infinity or NaN far into the tail of a large
            // sum.
            g[i] = Math.exp(pascal.logProbability(lo + i));
          }
          double[] p = new double[n];
          for (int s = 0; s < n; s++) {
            double sum = 0;
            for (int i = 0; i + s < n; i++) {
              sum += g[i] * g[i + s];
            }
            p[s] = sum;
          }
          // Summed from the far end, so that small tails keep their precision.
          double[] tail = new double[n];
          double acc = 0;
          for (int s = n - 1; s >= 0; s--) {
            tail[s] = acc;
            acc += p[s];
          }
          return tail;
        });
  }

  private static void checkTerms(int terms) {
    checkArgument(terms >= 1, "terms (%s) must be at least 1", terms);
  }

  static void checkConfidence(double confidence) {
    checkArgument(
        confidence > 0 && confidence < 1,
        "confidence (%s) must be strictly between 0 and 1, for example 0.95",
        confidence);
  }

  /**
   * Returns one noise value.
   *
   * @return an integer drawn from the discrete Laplace distribution
   */
  public long noise() {
    return geometric() - geometric();
  }

  /**
   * Returns {@code count} plus noise.
   *
   * @param count the true count
   * @return the noisy count; may be negative (clamping would bias sums, so it is left to callers)
   */
  public long addNoise(long count) {
    return Math.addExact(count, noise());
  }

  /** A geometric variable on {0, 1, ...} with P(G >= k) = a^k, by inversion. */
  private long geometric() {
    double u = 1.0 - random.nextDouble(); // (0, 1]
    return (long) Math.floor(Math.log(u) / logA);
  }
}
