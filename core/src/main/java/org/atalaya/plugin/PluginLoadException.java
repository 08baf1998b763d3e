package org.atalaya.plugin;

import org.apiguardian.api.API;
import org.atalaya.code.Severity;

/**
 * Thrown in strict mode at the first plugin issue of severity {@link Severity#ERROR}, so a test or
 * a CI build stops where the problem is.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient PluginIssue issue;

  PluginLoadException(PluginIssue issue, Throwable cause) {
    super(issue.toString(), cause);
    this.issue = issue;
  }

  /**
   * @return the issue that stopped discovery
   */
  public PluginIssue issue() {
    return issue;
  }
}
