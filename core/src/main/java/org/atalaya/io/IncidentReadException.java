package org.atalaya.io;

import java.io.IOException;
import java.util.Objects;
import org.apiguardian.api.API;

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
