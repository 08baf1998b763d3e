package org.atalaya.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.Severity;
import org.atalaya.internal.LocalizedText;

/**
 * One thing wrong with one record: where (file, row, field), what value, which stable code, and a
 * detail. {@link #message(Locale)} says it to a person in English or Spanish.
 *
 * <p>{@code row} is 1-based over data rows for CSV (the header is not counted), over elements for
 * JSON arrays, over lines for NDJSON and over features for GeoJSON. Immutable and thread-safe.
 *
 * @param file the input's name, for example a file name; never {@code null}
 * @param row the 1-based record number
 * @param field the field concerned, in the input's own naming (a CSV header, a JSON path); never
 *     {@code null}, empty when the problem concerns the whole record
 * @param value the offending value as read (shortened to 200 characters); never {@code null}, empty
 *     when there was none
 * @param code what is wrong; never {@code null}
 * @param detail an English technical detail (for example the allowed values); never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Problem(
    String file, long row, String field, String value, ProblemCode code, String detail) {

  private static final int MAX_VALUE = 200;

  /** Validates and shortens the value. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Problem {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(field, "field must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
    checkArgument(row >= 1, "row (%s) must be 1 or more", row);
    if (value.length() > MAX_VALUE) {
      value = value.substring(0, MAX_VALUE) + "…";
    }
  }

  /**
   * Returns whether the problem rejects its record.
   *
   * @return the code's severity
   */
  public Severity severity() {
    return code.severity();
  }

  /**
   * Returns the problem said in {@code locale}'s language (Spanish for {@code es}, English
   * otherwise), without the location, for example "latitude and longitude are probably swapped:
   * swap the columns or fix the mapping".
   *
   * @param locale the language; never null
   * @return the message; never {@code null}
   */
  public String message(Locale locale) {
    String text =
        LocalizedText.format("org.atalaya.io.Messages", locale, code.code(), field, value);
    return detail.isEmpty() ? text : text + " (" + detail + ")";
  }

  /**
   * Returns {@code "file, row 12, field latitude: ATL-IO-006 ..."} in English.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return file
        + ", row "
        + row
        + (field.isEmpty() ? "" : ", field " + field)
        + ": "
        + code.code()
        + " "
        + message(Locale.ENGLISH);
  }
}
