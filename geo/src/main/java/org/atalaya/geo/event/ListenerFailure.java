package org.atalaya.geo.event;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A listener that threw while handling an event. Immutable (the exception aside).
 *
 * @param listener the listener that threw; never {@code null}
 * @param event the event it was handling; never {@code null}
 * @param exception what it threw; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ListenerFailure(
    GeofenceListener listener, GeofenceEvent event, RuntimeException exception) {

  /**
   * Validates the failure.
   *
   * @throws NullPointerException if an argument is null
   */
  public ListenerFailure {
    Objects.requireNonNull(listener, "listener must not be null");
    Objects.requireNonNull(event, "event must not be null");
    Objects.requireNonNull(exception, "exception must not be null");
  }
}
