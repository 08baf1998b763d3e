package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A range of ages in whole years, {@code min} to {@code max} inclusive, or open-ended ({@code
 * 65+}).
 *
 * <p>Sources often record an age band instead of an age, and releases generalise ages to bands. The
 * text form is {@code "20-29"} or {@code "65+"}. Immutable and thread-safe.
 *
 * @param min the youngest age in the band, 0 to 150
 * @param max the oldest age in the band, inclusive; empty for an open-ended band
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AgeBand(int min, OptionalInt max) {

  /**
   * Validates the band.
   *
   * @throws IllegalArgumentException if min is out of 0 to 150 or max is below min or above 150
   */
  public AgeBand {
    checkArgument(min >= 0 && min <= 150, "age band minimum (%s) must be from 0 to 150", min);
    Objects.requireNonNull(max, "max must not be null; use OptionalInt.empty()");
    max.ifPresent(
        m ->
            checkArgument(
                m >= min && m <= 150,
                "age band maximum (%s) must be from the minimum (%s) to 150",
                m,
                min));
  }

  /**
   * Returns the band from {@code min} to {@code max} inclusive.
   *
   * @param min youngest age
   * @param max oldest age, inclusive
   * @return the band
   */
  public static AgeBand of(int min, int max) {
    return new AgeBand(min, OptionalInt.of(max));
  }

  /**
   * Returns the open-ended band of {@code min} years and older.
   *
   * @param min youngest age
   * @return the band
   */
  public static AgeBand atLeast(int min) {
    return new AgeBand(min, OptionalInt.empty());
  }

  /**
   * Parses {@code "20-29"} or {@code "65+"} (blanks ignored).
   *
   * @param text the band; never null
   * @return the band
   * @throws IllegalArgumentException if the text is not of either form
   */
  public static AgeBand parse(String text) {
    String t = text.strip();
    try {
      if (t.endsWith("+")) {
        return atLeast(Integer.parseInt(t.substring(0, t.length() - 1).strip()));
      }
      int dash = t.indexOf('-');
      checkArgument(dash > 0, "age band (%s) must look like 20-29 or 65+", text);
      return of(
          Integer.parseInt(t.substring(0, dash).strip()),
          Integer.parseInt(t.substring(dash + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("age band (" + text + ") must look like 20-29 or 65+", e);
    }
  }

  /**
   * Returns whether {@code age} falls in this band.
   *
   * @param age an age in years
   * @return true if min &lt;= age and (no max or age &lt;= max)
   */
  public boolean contains(int age) {
    return age >= min && (max.isEmpty() || age <= max.getAsInt());
  }

  /** Returns {@code "20-29"} or {@code "65+"}. */
  @Override
  public String toString() {
    return max.isPresent() ? min + "-" + max.getAsInt() : min + "+";
  }
}
