package org.atalaya.plugin;

import org.apiguardian.api.API;

/**
 * How serious a {@link PluginIssue} is.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum IssueSeverity {
  /** Something did not load or failed: a plugin or one of its contributions is not in use. */
  ERROR,
  /** Everything loaded but something deserves a look (a declared capability never contributed). */
  WARNING,
  /** For the record (a plugin disabled on purpose). */
  INFO
}
