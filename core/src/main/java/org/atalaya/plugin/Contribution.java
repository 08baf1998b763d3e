package org.atalaya.plugin;

import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoint;

/**
 * An extension in use, with the plugin it came from. The extension is guarded: an unchecked
 * exception escaping any of its methods is rethrown as a {@link PluginFailureException} naming the
 * plugin, and recorded in the registry's issues. Immutable and thread-safe.
 *
 * @param pluginId the plugin's id
 * @param point the extension point
 * @param extension the guarded extension
 * @param builtIn whether it ships with Atalaya
 * @param <T> the point's interface
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Contribution<T extends Extension>(
    String pluginId, ExtensionPoint<T> point, T extension, boolean builtIn) {

  /** Checks for nulls. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Contribution {
    Objects.requireNonNull(pluginId, "pluginId must not be null");
    Objects.requireNonNull(point, "point must not be null");
    Objects.requireNonNull(extension, "extension must not be null");
  }

  /**
   * @return the extension's id
   */
  public String id() {
    return extension.id();
  }
}
