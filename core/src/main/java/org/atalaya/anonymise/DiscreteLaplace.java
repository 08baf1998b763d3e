package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * The discrete Laplace (two-sided geometric) mechanism: adds to an integer count an integer noise
 * {@code Z} with {@code P(Z = z) = (1 - a) / (1 + a) * a^|z|}, {@code a = exp(-epsilon /
 * sensitivity)}, which gives epsilon-differential privacy for a count that one person can change
 * by at most {@code sensitivity}.
 *
 * <p>Why discrete: outputs are integers (a published count of 3.7 homicides invites questions),
 * and the noise never passes through floating-point Laplace sampling, whose rounding leaks the
 * true value (Mironov, 2012). {@code Z} is drawn as the difference of two geometric variables,
 * each by inversion of a uniform double; the tails beyond about {@code 700 / epsilon} are
 * truncated by double precision, far beyond anything a count can use.
 *
 * <p>Noise comes from a {@link java.security.SecureRandom} unless a test supplies a seeded
 * generator; a fixed seed in production would let anyone replay the noise. Immutable; thread-safe
 * when its generator is.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DiscreteLaplace {
  private final double epsilon;
  private final int sensitivity;
  private final double logA;
  private final RandomGenerator random;

  private DiscreteLaplace(double epsilon, int sensitivity, RandomGenerator random) {
    checkArgument(Double.isFinite(epsilon) && epsilon > 0, "epsilon (%s) must be a positive number", epsilon);
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
    return new DiscreteLaplace(epsilon, sensitivity, new java.security.SecureRandom());
  }

  /**
   * Returns the mechanism with noise from {@code random}: for tests only (a seeded generator
   * makes the noise reproducible, and so removable).
   *
   * @param epsilon the privacy parameter, more than 0
   * @param sensitivity how much one person can change the count, at least 1
   * @param random the generator; never null
   * @return the mechanism
   */
  public static DiscreteLaplace forTesting(double epsilon, int sensitivity, RandomGenerator random) {
    return new DiscreteLaplace(epsilon, sensitivity, random);
  }

  /** Returns the mechanism with noise from the release's generator ({@link ReleaseContext#random()}). */
  static DiscreteLaplace of(double epsilon, int sensitivity, RandomGenerator random) {
    return new DiscreteLaplace(epsilon, sensitivity, random);
  }

  /**
   * Returns the standard deviation of the noise, {@code sqrt(2a) / (1 - a)} with {@code a =
   * exp(-epsilon / sensitivity)}: about 2.80 at epsilon 0.5 and 1.36 at epsilon 1 for a
   * sensitivity of 1.
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
