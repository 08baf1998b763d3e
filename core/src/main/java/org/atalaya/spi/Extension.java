package org.atalaya.spi;

import org.apiguardian.api.API;

/**
 * Something a plugin contributes at an {@link ExtensionPoint}. Its id names it to users (for
 * example in {@code --format comunidad-csv}) and in failure reports; ids are unique per extension
 * point across all installed plugins.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Extension {

  /**
   * Returns the id: lower case words joined by dashes, stable across releases of the plugin. Called
   * from any thread; must be cheap and never throw.
   *
   * @return the id; never {@code null}
   */
  String id();
}
