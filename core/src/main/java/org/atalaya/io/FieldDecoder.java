package org.atalaya.io;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.atalaya.code.Severity;
import org.atalaya.internal.IsoTimes;

/**
 * Turns the text of one record's fields into values, collecting a {@link Problem} for every value
 * that cannot be used instead of stopping at the first. One instance serves one record; not
 * thread-safe.
 */
final class FieldDecoder {
  private final String file;
  private final long row;
  private final List<Problem> problems = new ArrayList<>();

  FieldDecoder(String file, long row) {
    this.file = file;
    this.row = row;
  }

  long row() {
    return row;
  }

  List<Problem> problems() {
    return problems;
  }

  boolean hasErrors() {
    for (int i = 0; i < problems.size(); i++) {
      if (problems.get(i).severity() == Severity.ERROR) {
        return true;
      }
    }
    return false;
  }

  void problem(ProblemCode code, String field, String value, String detail) {
    problems.add(new Problem(file, row, field, value == null ? "" : value, code, detail));
  }

  /**
   * Re-codes the problems found since index {@code from} (for example as part of a victim entry).
   */
  void recode(int from, ProblemCode code) {
    for (int i = from; i < problems.size(); i++) {
      Problem p = problems.get(i);
      problems.set(i, new Problem(p.file(), p.row(), p.field(), p.value(), code, p.detail()));
    }
  }

  /** Returns the text, or null when it is null or blank. */
  static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }

  <E extends Enum<E>> E enumValue(String field, String raw, Class<E> type, E absent) {
    String text = blankToNull(raw);
    if (text == null) {
      return absent;
    }
    String key =
        isConstantName(text)
            ? text
            : text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    try {
      return Enum.valueOf(type, key);
    } catch (IllegalArgumentException e) {
      problem(
          ProblemCode.INVALID_VALUE,
          field,
          raw,
          "allowed: " + Arrays.toString(type.getEnumConstants()));
      return absent;
    }
  }

  /**
   * True when text is already written as an enum constant (the common case), so needs no
   * normalising.
   */
  private static boolean isConstantName(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  OffsetDateTime dateTime(String field, String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    try {
      return IsoTimes.offsetDateTime(text.strip());
    } catch (DateTimeParseException e) {
      problem(ProblemCode.INVALID_DATE, field, raw, "expected ISO 8601 with offset");
      return null;
    }
  }

  /**
   * Parses a decimal number, accepting a decimal comma as Spanish spreadsheets write it ({@code
   * 14,0818}) when the text has no point. Returns empty when blank or invalid (with a problem).
   */
  OptionalDouble number(String field, String raw, ProblemCode onInvalid) {
    String text = blankToNull(raw);
    if (text == null) {
      return OptionalDouble.empty();
    }
    String t = text.strip();
    if (t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
      t = t.replace(',', '.');
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      problem(onInvalid, field, raw, "expected a decimal number such as 14.0818 or 14,0818");
      return OptionalDouble.empty();
    }
    // Double.parseDouble also accepts hexadecimal and "d"/"f" suffixes; a spreadsheet never
    // writes those, so treat them as errors rather than guess.
    if (hasJavaOnlyNumberSyntax(t)) {
      problem(onInvalid, field, raw, "expected a decimal number such as 14.0818 or 14,0818");
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(v);
  }

  /** True for hexadecimal floats and d/f suffixes, which Java parses but no spreadsheet writes. */
  private static boolean hasJavaOnlyNumberSyntax(String t) {
    for (int i = 0; i < t.length(); i++) {
      switch (t.charAt(i)) {
        case 'x', 'X', 'p', 'P', 'd', 'D', 'f', 'F':
          return !t.equalsIgnoreCase("nan")
              && !t.replaceFirst("^[+-]", "").equalsIgnoreCase("infinity");
        default:
          break;
      }
    }
    return false;
  }

  OptionalInt integer(String field, String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      problem(ProblemCode.INVALID_VALUE, field, raw, "expected a whole number");
      return OptionalInt.empty();
    }
  }

  /** Parses true/false as spreadsheets and people write them, in English or Spanish. */
  Boolean bool(String field, String raw) {
    String text = blankToNull(raw);
    if (text == null) {
      return null;
    }
    switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "si", "sí", "s", "verdadero":
        return Boolean.TRUE;
      case "false", "no", "n", "0", "falso":
        return Boolean.FALSE;
      default:
        problem(ProblemCode.INVALID_VALUE, field, raw, "expected true or false (sí or no)");
        return null;
    }
  }
}
