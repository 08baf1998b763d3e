package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A code of the International Classification of Crime for Statistical Purposes (ICCS, UNODC 2015):
 * a section of two digits ({@code "01"}) refined by one digit per level below it ({@code "0101"},
 * {@code "02051"}, {@code "020221"}).
 *
 * <p>Level 1 is a section (01 to 11); level 2 has four digits; level 3 five; level 4 six. A code is
 * syntactically valid when it has that shape; whether UNODC defines it is the business of {@link
 * IccsCatalogue}. Immutable and thread-safe; equal when the digits are equal.
 *
 * @param value the digits, for example {@code "0101"}; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record IccsCode(String value) implements Comparable<IccsCode> {

  /** Number of ICCS level-1 sections. */
  public static final int SECTIONS = 11;

  /**
   * Validates the digits.
   *
   * @throws IllegalArgumentException if the value is not 2, 4, 5 or 6 digits or its section is not
   *     01 to 11
   */
  public IccsCode {
    Objects.requireNonNull(value, "value must not be null");
    checkArgument(
        value.length() == 2 || (value.length() >= 4 && value.length() <= 6),
        "ICCS code (%s) must have 2, 4, 5 or 6 digits, for example 01, 0101, 02051",
        value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      checkArgument(c >= '0' && c <= '9', "ICCS code (%s) must contain only digits", value);
    }
    int section = (value.charAt(0) - '0') * 10 + (value.charAt(1) - '0');
    checkArgument(
        section >= 1 && section <= SECTIONS,
        "ICCS code (%s) must start with a section from 01 to 11",
        value);
  }

  /**
   * Parses a code, ignoring surrounding blanks.
   *
   * @param text the code, for example {@code "0101"}; never {@code null}
   * @return the code
   * @throws IllegalArgumentException if the text is not a valid ICCS code
   */
  public static IccsCode of(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return new IccsCode(text.strip());
  }

  /**
   * Returns whether {@code text} is a syntactically valid ICCS code.
   *
   * @param text the text to test; may be {@code null} (returns false)
   * @return true if {@link #of(String)} would accept it
   */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    try {
      of(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Returns the level of this code: 1 for a section, 2 for four digits, 3 for five, 4 for six.
   *
   * @return the level, 1 to 4
   */
  public int level() {
    return value.length() == 2 ? 1 : value.length() - 2;
  }

  /**
   * Returns the section (level 1) this code belongs to; a section returns itself.
   *
   * @return the section; never {@code null}
   */
  public IccsCode section() {
    return level() == 1 ? this : new IccsCode(value.substring(0, 2));
  }

  /**
   * Returns the code one level up, or empty for a section.
   *
   * @return the parent code; never {@code null} but potentially empty
   */
  public Optional<IccsCode> parent() {
    return switch (level()) {
      case 1 -> Optional.empty();
      case 2 -> Optional.of(new IccsCode(value.substring(0, 2)));
      default -> Optional.of(new IccsCode(value.substring(0, value.length() - 1)));
    };
  }

  /**
   * Returns the ancestor of this code at {@code level}, or this code when it is already at or above
   * that level. Used to generalise a classification (for example to level 2 for release).
   *
   * @param level the level to generalise to, 1 to 4
   * @return the generalised code; never {@code null}
   * @throws IllegalArgumentException if level is not 1 to 4
   */
  public IccsCode truncate(int level) {
    checkArgument(level >= 1 && level <= 4, "level (%s) must be from 1 to 4", level);
    if (level() <= level) {
      return this;
    }
    return new IccsCode(value.substring(0, level == 1 ? 2 : level + 2));
  }

  /**
   * Returns whether this code equals {@code other} or lies below it in the hierarchy (0101 is
   * within 01; 020221 is within 0202).
   *
   * @param other the possible ancestor; never {@code null}
   * @return true if this code is {@code other} or one of its descendants
   */
  public boolean isWithin(IccsCode other) {
    Objects.requireNonNull(other, "other must not be null");
    return level() >= other.level() && value.startsWith(other.value);
  }

  /** Orders codes by their digits, which puts every code after its ancestors. */
  @Override
  public int compareTo(IccsCode o) {
    return value.compareTo(o.value);
  }

  /** Returns the digits. */
  @Override
  public String toString() {
    return value;
  }
}
