package org.atalaya.io;

import java.io.IOException;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * Receives what a reader reads, record by record, in input order: each accepted incident (with its
 * warnings, if any) and each rejection. Readers call it from the reading thread only.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
@FunctionalInterface
public interface IncidentHandler {

  /**
   * Receives an accepted incident.
   *
   * @param incident the incident; never {@code null}
   * @throws java.io.IOException to stop reading (the reader closes its input and rethrows)
   */
  void accept(Incident incident) throws IOException;

  /**
   * Receives a rejected record. The default does nothing: the rejection is still counted and its
   * problems are in the {@link ReadReport}.
   *
   * @param rejection the rejection; never {@code null}
   * @throws java.io.IOException to stop reading
   */
  default void reject(Rejection rejection) throws IOException {}
}
