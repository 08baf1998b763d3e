package org.atalaya.code;

import org.apiguardian.api.API;

/**
 * How serious something an {@link AtalayaCode} names is. One scale for every family of codes.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Severity {
  /**
   * Something was refused or did not work: a record rejected, a plugin not loaded, a release not
   * published, an area not used.
   */
  ERROR,
  /** It went ahead, but something deserves a look (an unknown category, a repaired polygon). */
  WARNING,
  /** For the record only (a plugin disabled on purpose). */
  INFO
}
