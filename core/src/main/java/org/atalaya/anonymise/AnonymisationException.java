package org.atalaya.anonymise;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Thrown when a release cannot go ahead: a key is missing, a policy is invalid, a step failed or a
 * privacy check did not pass. Carries a stable {@link AnonymiseCode}; {@link #getMessage()} is
 * English, {@link #message(Locale)} gives Spanish too. Never carries key material.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class AnonymisationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final AnonymiseCode code;
  private final transient Object[] args;

  /**
   * Creates the exception.
   *
   * @param code the code; never null
   * @param args the message's arguments
   */
  public AnonymisationException(AnonymiseCode code, Object... args) {
    this(code, null, args);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code; never null
   * @param cause the cause, or null
   * @param args the message's arguments
   */
  public AnonymisationException(AnonymiseCode code, Throwable cause, Object... args) {
    super(
        Objects.requireNonNull(code, "code must not be null").code()
            + " "
            + code.message(Locale.ENGLISH, args),
        cause);
    this.code = code;
    this.args = args.clone();
  }

  /**
   * Returns the stable code.
   *
   * @return the code; never {@code null}
   */
  public AnonymiseCode code() {
    return code;
  }

  /**
   * Returns the detail the message was made from (its first argument), without the code.
   *
   * @return the detail; never {@code null}, empty when there is none
   */
  public String detail() {
    return args.length == 0 ? "" : String.valueOf(args[0]);
  }

  /**
   * Returns the message in {@code locale}, prefixed by the code.
   *
   * @param locale English or Spanish; never null
   * @return the message; never {@code null}
   */
  public String message(Locale locale) {
    return code.code() + " " + code.message(locale, args);
  }
}
