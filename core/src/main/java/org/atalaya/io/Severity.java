package org.atalaya.io;

import org.apiguardian.api.API;

/**
 * How serious a {@link Problem} found while reading is.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Severity {
  /** The record was rejected: it is counted as rejected and handed to the rejection handler. */
  ERROR,
  /** The record was accepted but something in it deserves a look (an unknown category, say). */
  WARNING
}
