package org.atalaya.geo.nearrepeat;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A half-open band [from, to): a pair falls in it when {@code from <= value < to}. Immutable.
 *
 * @param from the lower limit, included
 * @param to the upper limit, excluded; greater than {@code from}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Interval(double from, double to) {
  /** Checks the limits. */
  public Interval {
    checkArgument(
        from >= 0 && Double.isFinite(from),
        "band start (%s) must be finite and not negative",
        from);
    checkArgument(
        to > from && Double.isFinite(to),
        "band end (%s) must be finite and greater than its start (%s)",
        to,
        from);
  }

  /**
   * Tells whether the value lies in [from, to).
   *
   * @param value the value
   * @return true if {@code from <= value < to}
   */
  public boolean contains(double value) {
    return value >= from && value < to;
  }

  /**
   * Returns the label {@code [from, to)}, with whole numbers written without decimals.
   *
   * @return for example {@code [0, 100)}; never {@code null}
   */
  public String label() {
    return "[" + number(from) + ", " + number(to) + ")";
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }

  @Override
  public String toString() {
    return label();
  }
}
