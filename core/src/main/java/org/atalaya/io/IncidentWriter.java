package org.atalaya.io;

import java.io.Closeable;
import java.io.IOException;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * Writes incidents in one format, one at a time, so memory does not grow with their number. {@link
 * #close()} completes the document (a JSON array's closing bracket, for instance) and closes the
 * underlying stream. What a writer writes, the reader of the same format reads back as equal
 * incidents. Not thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface IncidentWriter extends Closeable {

  /**
   * Writes one incident.
   *
   * @param incident the incident; never null
   * @throws IOException if writing fails
   */
  void write(Incident incident) throws IOException;

  /**
   * Writes every incident, in order.
   *
   * @param incidents the incidents; never null
   * @throws IOException if writing fails
   */
  default void writeAll(Iterable<Incident> incidents) throws IOException {
    for (Incident i : incidents) {
      write(i);
    }
  }

  /**
   * Flushes what was written so far to the underlying stream.
   *
   * @throws IOException if flushing fails
   */
  void flush() throws IOException;
}
