package org.atalaya.spi;

import org.apiguardian.api.API;

/**
 * How well an {@link IncidentImporter} recognises a file, from a name and a sample of its first
 * bytes. When no importer is named, the one that recognises a file best reads it; on a tie a
 * plugin's importer is preferred over a built-in one.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Recognition {
  /** Not this importer's format. */
  NO,
  /** Possibly: the extension fits, nothing more is known (a {@code .csv} for a CSV importer). */
  POSSIBLY,
  /** Likely: the content looks right (the expected header, the expected JSON keys). */
  LIKELY,
  /** Certain: a signature only this format has (a header row no other source writes). */
  CERTAIN
}
