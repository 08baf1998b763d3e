package org.atalaya.plugin;

import org.apiguardian.api.API;

/**
 * Thrown when a plugin's extension fails while in use: the message names the plugin, the
 * extension and what it was doing, so a user knows whom to ask; the cause is the plugin's own
 * exception.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pluginId;
  private final String extensionId;

  PluginFailureException(String pluginId, String extensionId, String operation, Throwable cause) {
    super("plugin " + pluginId + " failed in " + extensionId + "." + operation + ": " + cause, cause);
    this.pluginId = pluginId;
    this.extensionId = extensionId;
  }

  /** @return the id of the plugin that failed */
  public String pluginId() {
    return pluginId;
  }

  /** @return the id of the extension that failed */
  public String extensionId() {
    return extensionId;
  }
}
