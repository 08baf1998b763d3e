package org.atalaya.mutation;

import java.util.regex.Pattern;

/**
 * A class name pattern in PIT's glob syntax: {@code *} matches any run of characters (dots
 * included), {@code ?} one character; everything else matches itself.
 */
final class ClassPattern {
  private final String glob;
  private final Pattern regex;

  private ClassPattern(String glob) {
    this.glob = glob;
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    this.regex = Pattern.compile(re.toString());
  }

  static ClassPattern of(String glob) {
    if (glob.isBlank()) {
      throw new IllegalArgumentException("an empty class pattern");
    }
    return new ClassPattern(glob.trim());
  }

  boolean matches(String className) {
    return regex.matcher(className).matches();
  }

  /** Whether the pattern names one class exactly (no wildcard). */
  boolean isExact() {
    return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
  }

  @Override
  public String toString() {
    return glob;
  }
}
