package org.atalaya.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.io.IncidentWriter;

/**
 * Writes incidents in a format Atalaya does not know. What the writer writes and the importer of
 * the same format (if the plugin has one) reads back must be equal incidents: the kit {@code
 * IncidentExporterContract} checks the round trip.
 *
 * <p><b>Threading:</b> the exporter is shared by every thread; each writer it opens is used by one
 * thread. <b>Nulls:</b> never null in, never null out. <b>Failure:</b> {@link IOException} for
 * output that cannot be written; any unchecked exception is a plugin bug, reported naming the
 * plugin.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface IncidentExporter extends Extension {

  /**
   * Opens a writer on {@code out}. Closing the writer closes {@code out}.
   *
   * @param out where to write; never null
   * @return a new writer; never {@code null}
   * @throws IOException if the output cannot be started
   */
  IncidentWriter open(OutputStream out) throws IOException;

  /**
   * Returns the file extensions this format uses, in lower case without the dot, the usual one
   * first; used to pick an exporter from an output file name.
   *
   * @return the extensions; never {@code null}, possibly empty
   */
  Set<String> fileExtensions();

  /**
   * Returns a name for people.
   *
   * @return the name; the id by default
   */
  default String displayName() {
    return id();
  }
}
