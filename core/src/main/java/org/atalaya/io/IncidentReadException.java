package org.atalaya.io;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * Thrown when an input cannot be read as a whole: it is not in the expected format (a GeoJSON
 * file that is not a FeatureCollection, a CSV without an id column), or its bytes are not in
 * the character set it was read with. Problems confined to one record never throw; they are
 * reported in the {@link ReadReport}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public class IncidentReadException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do, naming the input
   */
  public IncidentReadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and what to do, naming the input
   * @param cause the underlying failure
   */
  public IncidentReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
