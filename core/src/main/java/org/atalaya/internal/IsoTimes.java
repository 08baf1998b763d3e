package org.atalaya.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.apiguardian.api.API;

/**
 * Parses the ISO 8601 forms Atalaya writes ({@code 2024-03-15T21:30-06:00}, with optional seconds
 * and fraction, or {@code Z}) without java.time's general parser, which allocates a map per call
 * and dominated the CSV import profile. Any other text is handed to {@link
 * OffsetDateTime#parse(CharSequence)}, so the accepted language is exactly java.time's.
 *
 * <p>Internal: not part of the API; use of this class outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class IsoTimes {
  private static final ZoneOffset HONDURAS = ZoneOffset.ofHours(-6);

  private IsoTimes() {}

  /**
   * Parses an offset date-time.
   *
   * @throws DateTimeParseException if the text is not ISO 8601 with an offset
   */
  public static OffsetDateTime offsetDateTime(String s) {
    OffsetDateTime fast = fast(s);
    return fast != null ? fast : OffsetDateTime.parse(s);
  }

  /**
   * Parses a local date {@code yyyy-mm-dd}.
   *
   * @throws DateTimeParseException if the text is not such a date
   */
  public static LocalDate localDate(String s) {
    return localDate(s, 0, s.length());
  }

  /**
   * Parses a local date {@code yyyy-mm-dd} found in {@code s} from {@code start} (inclusive) to
   * {@code end} (exclusive), without copying it out first.
   *
   * @param s the text; never null
   * @param start where the date starts
   * @param end where it ends
   * @return the date
   * @throws DateTimeParseException if the text there is not such a date
   */
  public static LocalDate localDate(String s, int start, int end) {
    LocalDate fast = fastDate(s, start, end);
    return fast != null ? fast : LocalDate.parse(s.subSequence(start, end));
  }

  /**
   * The date {@code yyyy-mm-dd} with a day of 1 to 28 (valid in every month) read without
   * java.time's parser, or null for any other text, which java.time then judges.
   */
  static LocalDate fastDate(String s, int start, int end) {
    if (end - start != 10 || s.charAt(start + 4) != '-' || s.charAt(start + 7) != '-') {
      return null;
    }
    int y = digits(s, start, 4);
    int m = digits(s, start + 5, 2);
    int d = digits(s, start + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > 28) {
      return null; // days 29-31 depend on the month and year: java.time checks them
    }
    return LocalDate.of(y, m, d);
  }

  /**
   * The date-time {@code yyyy-mm-ddThh:mm[:ss[.f…]]} with {@code Z} or {@code ±hh:mm} and a day of
   * 1 to 28 read without java.time's parser, or null for any other text.
   */
  static OffsetDateTime fast(String s) {
    int n = s.length();
    if (n < 17
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':') {
      return null;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 28 || h < 0 || h > 23 || mi < 0 || mi > 59) {
      return null;
    }
    int i = 16;
    int sec = 0;
    int nano = 0;
    if (i < n && s.charAt(i) == ':') {
      sec = digits(s, i + 1, 2);
      if (sec < 0 || sec > 59) {
        return null;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && i - start < 9 && Character.isDigit(s.charAt(i))) {
          nano = nano * 10 + (s.charAt(i) - '0');
          i++;
        }
        if (i == start) {
          return null;
        }
        for (int k = i - start; k < 9; k++) {
          nano *= 10;
        }
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return null; // beyond ±18:00: java.time refuses it as a parse error
      }
      int total = (oh * 3600 + om * 60) * (s.charAt(i) == '-' ? -1 : 1);
      if (total == 0 && s.charAt(i) == '-') {
        return null; // "-00:00" (RFC 3339's unknown offset): java.time decides what it means
      }
      offset = total == HONDURAS.getTotalSeconds() ? HONDURAS : ZoneOffset.ofTotalSeconds(total);
    } else {
      return null;
    }
    return OffsetDateTime.of(y, mo, d, h, mi, sec, nano, offset);
  }

  /** Returns the non-negative number in s[from, from+len), or -1 if any char is not a digit. */
  private static int digits(String s, int from, int len) {
    if (from + len > s.length()) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
