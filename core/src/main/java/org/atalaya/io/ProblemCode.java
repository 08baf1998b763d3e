package org.atalaya.io;

import java.util.Locale;
import org.apiguardian.api.API;
import org.atalaya.code.AtalayaCode;
import org.atalaya.code.Severity;
import org.atalaya.internal.LocalizedText;

/**
 * The stable codes of problems found while reading incidents. Codes never change meaning once
 * released; the table in {@code sdk-docs/io.md} explains each one and what to do about it. The
 * arguments of {@link #message} and {@link #hint} are the field ({0}) and the value ({1}).
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum ProblemCode implements AtalayaCode {
  /**
   * The record could not be parsed at all (broken JSON, a CSV row with more cells than the header).
   */
  MALFORMED_RECORD("ATL-IO-001", Severity.ERROR),
  /** The record has no id. */
  MISSING_ID("ATL-IO-002", Severity.ERROR),
  /** Another record earlier in the same input has the same id; the first one is kept. */
  DUPLICATE_ID("ATL-IO-003", Severity.ERROR),
  /** A field holds a value of the wrong kind or outside its allowed values. */
  INVALID_VALUE("ATL-IO-004", Severity.ERROR),
  /** A date or time cannot be read. */
  INVALID_DATE("ATL-IO-005", Severity.ERROR),
  /** The latitude is not between -90 and 90. */
  LATITUDE_OUT_OF_RANGE("ATL-IO-006", Severity.ERROR),
  /** The longitude is not between -180 and 180. */
  LONGITUDE_OUT_OF_RANGE("ATL-IO-007", Severity.ERROR),
  /** A coordinate is NaN or infinite. */
  COORDINATE_NOT_A_NUMBER("ATL-IO-008", Severity.ERROR),
  /** The point is (0, 0): almost always a missing location written as zeros. */
  NULL_ISLAND("ATL-IO-009", Severity.ERROR),
  /** Latitude and longitude are probably swapped. */
  COORDINATES_SWAPPED("ATL-IO-010", Severity.ERROR),
  /** Only one of latitude and longitude is given. */
  HALF_COORDINATE("ATL-IO-011", Severity.ERROR),
  /** The occurred-to time is before the occurred-from time. */
  TIME_WINDOW_REVERSED("ATL-IO-012", Severity.ERROR),
  /** A date lies in the future. */
  FUTURE_DATE("ATL-IO-013", Severity.ERROR),
  /** The category is not known to the taxonomy; the record is kept with its label, unclassified. */
  UNKNOWN_CATEGORY("ATL-IO-014", Severity.WARNING),
  /** The case history has a move that is not allowed, or goes back in time. */
  INVALID_CASE_HISTORY("ATL-IO-015", Severity.ERROR),
  /** A victim entry cannot be read or is inconsistent (an age outside its age band). */
  INVALID_VICTIM("ATL-IO-016", Severity.ERROR),
  /** The incident was reported before it occurred; the record is kept. */
  REPORTED_BEFORE_OCCURRED("ATL-IO-017", Severity.WARNING),
  /** The point lies outside the expected region (but is not simply swapped); the record is kept. */
  OUTSIDE_EXPECTED_REGION("ATL-IO-018", Severity.WARNING),
  /** A field the format does not define was found and kept as an attribute. */
  UNKNOWN_FIELD("ATL-IO-019", Severity.WARNING),
  /** A GeoJSON feature's geometry is not a Point (or null). */
  INVALID_GEOMETRY("ATL-IO-020", Severity.ERROR),
  /** The record is valid piece by piece but not as a whole (for example an empty location). */
  INVALID_RECORD("ATL-IO-021", Severity.ERROR),
  /**
   * The input cannot be read as a whole (not the expected format, broken JSON, bytes not in its
   * character set): the code of an {@link IncidentReadException}, never of one record.
   */
  INPUT_UNREADABLE("ATL-IO-022", Severity.ERROR);

  private static final String BUNDLE = "org.atalaya.io.Messages";

  private final String code;
  private final Severity severity;

  ProblemCode(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  /**
   * Returns the stable code, for example {@code "ATL-IO-009"}.
   *
   * @return the code; never {@code null}
   */
  @Override
  public String code() {
    return code;
  }

  /**
   * Returns whether this problem rejects the record or only flags it.
   *
   * @return the severity; never {@code null}
   */
  @Override
  public Severity severity() {
    return severity;
  }

  /**
   * Returns the message, for example "latitude '95' is not between -90 and 90".
   *
   * @param locale Spanish or English; never {@code null}
   * @param args the field ({0}) and the value ({1})
   * @return the message; never {@code null}
   */
  @Override
  public String message(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code, args);
  }

  @Override
  public String hint(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code + ".hint", args);
  }
}
