package org.atalaya.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A version number in the Semantic Versioning 2.0 sense: {@code MAJOR.MINOR.PATCH}, optionally
 * followed by a pre-release label ({@code 1.2.0-beta.1}). Build metadata ({@code +...}) is accepted
 * and ignored, as the specification says it must not affect precedence.
 *
 * <p>Ordering follows the specification: numbers compare numerically, and a pre-release sorts
 * before the release it precedes ({@code 1.0.0-rc.1 < 1.0.0}). Immutable and thread-safe.
 *
 * @param major the major version; {@code >= 0}
 * @param minor the minor version; {@code >= 0}
 * @param patch the patch version; {@code >= 0}
 * @param preRelease the pre-release label without its dash, or empty for a release
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SemanticVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<SemanticVersion> {

  private static final Pattern FORM =
      Pattern.compile(
          "(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  private static final Comparator<SemanticVersion> ORDER =
      Comparator.comparingInt(SemanticVersion::major)
          .thenComparingInt(SemanticVersion::minor)
          .thenComparingInt(SemanticVersion::patch)
          .thenComparing(SemanticVersion::preRelease, SemanticVersion::comparePreRelease);

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a number is negative or the label is malformed
   */
  public SemanticVersion {
    checkArgument(
        major >= 0 && minor >= 0 && patch >= 0,
        "version numbers must not be negative: %s.%s.%s",
        major,
        minor,
        patch);
    Objects.requireNonNull(preRelease, "preRelease must not be null; use \"\" for a release");
    checkArgument(
        preRelease.isEmpty() || preRelease.matches("[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*"),
        "pre-release label '%s' must be dot-separated letters, digits and dashes",
        preRelease);
  }

  /**
   * Returns the release {@code major.minor.patch}.
   *
   * @param major the major version
   * @param minor the minor version
   * @param patch the patch version
   * @return the version; never {@code null}
   */
  public static SemanticVersion of(int major, int minor, int patch) {
    return new SemanticVersion(major, minor, patch, "");
  }

  /**
   * Parses {@code 1.2.3}, {@code 1.2.3-beta.1} or {@code 1.2.3+build}. Missing minor or patch
   * numbers count as zero ({@code 1.2} is {@code 1.2.0}), as Maven users write them. A Maven {@code
   * -SNAPSHOT} is read as a pre-release, so it sorts before its release.
   *
   * @param text the version; never null
   * @return the version; never {@code null}
   * @throws IllegalArgumentException if {@code text} is not a version, naming it
   */
  public static SemanticVersion parse(String text) {
    Objects.requireNonNull(text, "version text must not be null");
    Matcher m = FORM.matcher(text.trim());
    checkArgument(
        m.matches(), "'%s' is not a version; write MAJOR.MINOR.PATCH, for example 1.0.0", text);
    try {
      return new SemanticVersion(
          Integer.parseInt(m.group(1)),
          m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
          m.group(3) == null ? 0 : Integer.parseInt(m.group(3)),
          m.group(4) == null ? "" : m.group(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' has a version number too large", e);
    }
  }

  /**
   * Returns whether this is a pre-release ({@code 1.0.0-rc.1}, {@code 0.2.0-SNAPSHOT}).
   *
   * @return true if there is a pre-release label
   */
  public boolean isPreRelease() {
    return !preRelease.isEmpty();
  }

  /**
   * Returns this version without its pre-release label.
   *
   * @return the release this version leads to; never {@code null}
   */
  public SemanticVersion release() {
    return isPreRelease() ? of(major, minor, patch) : this;
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  /**
   * Returns {@code 1.2.3} or {@code 1.2.3-beta.1}.
   *
   * @return the version as text
   */
  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }

  // A release sorts after any of its pre-releases; labels compare field by field, numeric fields
  // numerically and below alphanumeric ones (SemVer 2.0, rule 11).
  private static int comparePreRelease(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return 1;
    }
    if (b.isEmpty()) {
      return -1;
    }
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean xn = x[i].matches("\\d+");
      boolean yn = y[i].matches("\\d+");
      int c;
      if (xn && yn) {
        c = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
      } else if (xn != yn) {
        c = xn ? -1 : 1;
      } else {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
