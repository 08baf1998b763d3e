package org.atalaya.synthetic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A source of bounded random numbers that {@link HostileIncidents} draws every choice from.
 *
 * <p>One abstract method, so a property-testing library can stand behind it and record, replay and
 * shrink each draw (the test kit's QuickTheories generators do); {@link #of(RandomGenerator)}
 * serves any plain {@code java.util.random} generator. The other methods are derived from {@link
 * #between(long, long)} and draw exactly once each.
 *
 * @since 0.1
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RandomDraws {

  /** The number of steps between 0 and 1 that {@link #between(double, double)} draws from. */
  long DOUBLE_STEPS = 1L << 53;

  /**
   * Draws a number from {@code min} to {@code max}, both inclusive.
   *
   * @param min the smallest number that may be drawn
   * @param max the largest number that may be drawn; not less than {@code min}
   * @return a number in {@code [min, max]}
   */
  long between(long min, long max);

  /**
   * Returns draws from a plain random generator, uniform within each range.
   *
   * @param random the generator; never {@code null}
   * @return the draws; never {@code null}
   */
  static RandomDraws of(RandomGenerator random) {
    checkNotNull(random, "random must not be null");
    return (min, max) -> {
      checkArgument(min <= max, "min (%s) must not be greater than max (%s)", min, max);
      if (max < Long.MAX_VALUE) {
        return random.nextLong(min, max + 1);
      }
      // The bound is exclusive, so a range that ends at Long.MAX_VALUE is drawn shifted down by
      // one.
      return min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min - 1, max) + 1;
    };
  }

  /**
   * Draws an {@code int} from {@code min} to {@code max}, both inclusive.
   *
   * @param min the smallest number that may be drawn
   * @param max the largest number that may be drawn; not less than {@code min}
   * @return a number in {@code [min, max]}
   */
  default int between(int min, int max) {
    return (int) between((long) min, (long) max);
  }

  /**
   * Draws a {@code double} from {@code min} to {@code max}, both inclusive, in {@value
   * #DOUBLE_STEPS} equal steps.
   *
   * @param min the smallest number that may be drawn
   * @param max the largest number that may be drawn; not less than {@code min}
   * @return a number in {@code [min, max]}
   */
  default double between(double min, double max) {
    checkArgument(min <= max, "min (%s) must not be greater than max (%s)", min, max);
    return between(0, DOUBLE_STEPS) * 0x1.0p-53 * (max - min) + min;
  }

  /**
   * Tosses a fair coin.
   *
   * @return {@code true} or {@code false}, each half of the time
   */
  default boolean coin() {
    return between(0L, 1L) == 1;
  }

  /**
   * Picks one of the values, each as likely as the others.
   *
   * @param values the values; never {@code null} or empty
   * @param <T> the type of the values
   * @return one of the values
   */
  default <T> T pick(List<T> values) {
    checkArgument(!values.isEmpty(), "values must not be empty");
    return values.get(between(0, values.size() - 1));
  }

  /**
   * Picks one constant of an enum, each as likely as the others.
   *
   * @param type the enum; never {@code null}
   * @param <E> the enum type
   * @return one of its constants
   */
  default <E extends Enum<E>> E pick(Class<E> type) {
    return pick(List.of(type.getEnumConstants()));
  }
}
