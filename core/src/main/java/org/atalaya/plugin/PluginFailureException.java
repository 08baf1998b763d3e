package org.atalaya.plugin;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Thrown when a plugin's extension fails while in use: the message names the plugin, the extension
 * and what it was doing, so a user knows whom to ask; the cause is the plugin's own exception. Its
 * code is {@link PluginCode#FAILED_IN_USE}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pluginId;
  private final String extensionId;
  private final String where;

  PluginFailureException(String pluginId, String extensionId, String operation, Throwable cause) {
    super(
        "plugin " + pluginId + " failed in " + extensionId + "." + operation + ": " + cause, cause);
    this.pluginId = pluginId;
    this.extensionId = extensionId;
    this.where = extensionId + "." + operation + ": " + cause;
  }

  /**
   * Returns the stable code of a failure in use.
   *
   * @return {@link PluginCode#FAILED_IN_USE}
   */
  public PluginCode code() {
    return PluginCode.FAILED_IN_USE;
  }

  /**
   * Returns what happened in {@code locale} (Spanish for {@code es}, English otherwise), without
   * the code; the plugin's own exception is quoted as it is.
   *
   * @param locale the language; never null
   * @return the message; never {@code null}
   */
  public String message(Locale locale) {
    return code().message(locale, pluginId, where);
  }

  /**
   * @return the id of the plugin that failed
   */
  public String pluginId() {
    return pluginId;
  }

  /**
   * @return the id of the extension that failed
   */
  public String extensionId() {
    return extensionId;
  }
}
