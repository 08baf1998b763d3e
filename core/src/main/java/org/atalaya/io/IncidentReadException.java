package org.atalaya.io;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.LocalizedDetail;

/**
 * Thrown when an input cannot be read as a whole: it is not in the expected format (a GeoJSON file
 * that is not a FeatureCollection, a CSV without an id column), or its bytes are not in the
 * character set it was read with. Problems confined to one record never throw; they are reported in
 * the {@link ReadReport}. Carries a stable code, {@link ProblemCode#INPUT_UNREADABLE} unless a more
 * precise one is given.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public class IncidentReadException extends IOException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;

  /** The message in the reader's language; null when only English was given. */
  private final transient LocalizedDetail detail;

  /**
   * Creates the exception with the code {@link ProblemCode#INPUT_UNREADABLE}.
   *
   * @param message what is wrong and what to do, naming the input
   */
  public IncidentReadException(String message) {
    this(ProblemCode.INPUT_UNREADABLE, message, null);
  }

  /**
   * Creates the exception with a cause and the code {@link ProblemCode#INPUT_UNREADABLE}.
   *
   * @param message what is wrong and what to do, naming the input
   * @param cause the underlying failure
   */
  public IncidentReadException(String message, Throwable cause) {
    this(ProblemCode.INPUT_UNREADABLE, message, cause);
  }

  /**
   * Creates the exception with a code.
   *
   * @param code the stable code; never null
   * @param message what is wrong and what to do, naming the input
   * @param cause the underlying failure, or null
   * @since 0.1
   */
  public IncidentReadException(ProblemCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code must not be null");
    this.detail = null;
  }

  /**
   * Creates the exception with a code and a message to say in the reader's language ({@link
   * #message(Locale)}); {@link #getMessage()} says it in English.
   *
   * @param code the stable code; never null
   * @param detail what is wrong and what to do, naming the input; never null
   * @param cause the underlying failure, or null
   * @since 0.1
   */
  public IncidentReadException(ProblemCode code, LocalizedDetail detail, Throwable cause) {
    super(detail.in(Locale.ENGLISH), cause);
    this.code = Objects.requireNonNull(code, "code must not be null");
    this.detail = detail;
  }

  /**
   * Returns an unreadable input's exception with the message {@code read.KEY} of this package's
   * bundle, its arguments written as Java writes them (no grouping of digits).
   */
  static IncidentReadException unreadable(String key, Throwable cause, Object... args) {
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      plain[i] = String.valueOf(args[i]);
    }
    return new IncidentReadException(
        ProblemCode.INPUT_UNREADABLE,
        LocalizedDetail.of("org.atalaya.io.Messages", "read." + key, plain),
        cause);
  }

  /**
   * Returns the message in Spanish for a Spanish {@code locale}, in English otherwise (a message
   * given only in English stays English).
   *
   * @param locale the language; never null
   * @return the message; never {@code null}
   * @since 0.1
   */
  public String message(Locale locale) {
    return detail == null ? getMessage() : detail.in(locale);
  }

  /**
   * Returns the stable code of the failure.
   *
   * @return the code; never {@code null}
   */
  public ProblemCode code() {
    return code;
  }
}
