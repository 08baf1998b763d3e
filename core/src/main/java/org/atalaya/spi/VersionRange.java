package org.atalaya.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The Atalaya plugin API versions a plugin works with, written in the interval notation Maven and
 * OSGi users know, or as a caret range:
 *
 * <ul>
 *   <li>{@code [0.1.0,1.0.0)}: from 0.1.0 included up to 1.0.0 excluded; either end may be open
 *       ({@code [0.1.0,)}) and brackets say whether an end is included;
 *   <li>{@code ^0.1.0} or a bare {@code 0.1.0}: compatible updates of that version, that is up to
 *       the next major version, or, below 1.0.0 where minor versions may break, up to the next
 *       minor version ({@code ^0.1.0} is {@code [0.1.0,0.2.0)}).
 * </ul>
 *
 * <p>Pre-release versions of the API are compared by their release ({@code 0.2.0-SNAPSHOT} is
 * inside {@code [0.2.0,0.3.0)}), so a plugin built against a snapshot still loads in it. Immutable
 * and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class VersionRange {

  private final SemanticVersion lower;
  private final boolean lowerInclusive;
  private final SemanticVersion upper;
  private final boolean upperInclusive;
  private final String text;

  private VersionRange(
      SemanticVersion lower,
      boolean lowerInclusive,
      SemanticVersion upper,
      boolean upperInclusive,
      String text) {
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
    this.text = text;
  }

  /**
   * Parses a range as the class description shows.
   *
   * @param text the range; never null
   * @return the range; never {@code null}
   * @throws IllegalArgumentException if {@code text} is not a range, naming it and showing the
   *     forms
   */
  public static VersionRange parse(String text) {
    Objects.requireNonNull(text, "range text must not be null");
    String t = text.trim();
    checkArgument(
        !t.isEmpty(), "the API range is empty; write for example [0.1.0,1.0.0) or ^0.1.0");
    char first = t.charAt(0);
    if (first == '[' || first == '(') {
      return interval(t);
    }
    return caret(SemanticVersion.parse(first == '^' ? t.substring(1) : t), t);
  }

  /**
   * Returns the caret range of {@code version}: compatible updates up to the next breaking version.
   *
   * @param version the lowest version included; never null
   * @return the range; never {@code null}
   */
  public static VersionRange compatibleWith(SemanticVersion version) {
    return caret(version, "^" + version);
  }

  private static VersionRange caret(SemanticVersion v, String text) {
    SemanticVersion next =
        v.major() > 0
            ? SemanticVersion.of(v.major() + 1, 0, 0)
            : SemanticVersion.of(0, v.minor() + 1, 0);
    return new VersionRange(v.release(), true, next, false, text);
  }

  private static VersionRange interval(String t) {
    char last = t.charAt(t.length() - 1);
    int comma = t.indexOf(',');
    checkArgument(
        (last == ']' || last == ')') && comma > 0 && comma == t.lastIndexOf(','),
        "'%s' is not a version range; write for example [0.1.0,1.0.0) or ^0.1.0",
        t);
    String lo = t.substring(1, comma).trim();
    String hi = t.substring(comma + 1, t.length() - 1).trim();
    checkArgument(
        !lo.isEmpty() || !hi.isEmpty(), "'%s' has no bounds; give at least one version", t);
    SemanticVersion lower = lo.isEmpty() ? null : SemanticVersion.parse(lo).release();
    SemanticVersion upper = hi.isEmpty() ? null : SemanticVersion.parse(hi).release();
    checkArgument(
        lower == null || upper == null || lower.compareTo(upper) <= 0,
        "'%s' has its lower bound above its upper bound",
        t);
    return new VersionRange(lower, t.charAt(0) == '[', upper, last == ']', t);
  }

  /**
   * Returns whether {@code version} lies in this range.
   *
   * @param version the version; never null
   * @return true if the version is inside
   */
  public boolean contains(SemanticVersion version) {
    SemanticVersion v = version.release();
    if (lower != null) {
      int c = v.compareTo(lower);
      if (c < 0 || (c == 0 && !lowerInclusive)) {
        return false;
      }
    }
    if (upper != null) {
      int c = v.compareTo(upper);
      return c < 0 || (c == 0 && upperInclusive);
    }
    return true;
  }

  /**
   * Returns the range as it was written.
   *
   * @return the text; never {@code null}
   */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionRange r
        && Objects.equals(lower, r.lower)
        && Objects.equals(upper, r.upper)
        && lowerInclusive == r.lowerInclusive
        && upperInclusive == r.upperInclusive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(lower, upper, lowerInclusive, upperInclusive);
  }
}
