package org.atalaya.spi;

import org.apiguardian.api.API;
import org.atalaya.io.IncidentReader;

/**
 * Reads incidents from a format Atalaya does not know: a community network's spreadsheet, a police
 * system's export. It is an {@link IncidentReader}, so it follows that contract: streaming, every
 * record ends accepted or rejected ({@code accepted + rejected == read}), a bad record never stops
 * the read and never throws, only an input that is unreadable as a whole throws.
 *
 * <p><b>Threading:</b> one instance serves every thread; keep no per-read state in fields.
 * <b>Nulls:</b> arguments are never null and results must not be. <b>Failure:</b> an unchecked
 * exception escaping a method is a bug in the plugin; Atalaya reports it naming the plugin. The
 * conformance kit {@code IncidentImporterContract} in atalaya-testkit checks all of this.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface IncidentImporter extends IncidentReader, Extension {

  /**
   * Says how well this importer recognises a file, from its name and first bytes. Must be cheap and
   * must not throw: answer {@link Recognition#NO} when in doubt.
   *
   * @param sample the file's name and first bytes; never null
   * @return how well it is recognised; never {@code null}
   */
  Recognition recognise(FileSample sample);

  /**
   * Returns a name for people, for example "Denuncias comunitarias (CSV)".
   *
   * @return the name; the id by default
   */
  default String displayName() {
    return id();
  }
}
