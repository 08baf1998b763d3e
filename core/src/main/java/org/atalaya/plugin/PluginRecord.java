package org.atalaya.plugin;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.spi.PluginDescriptor;

/**
 * One plugin the registry found, and where it ended. Immutable and thread-safe.
 *
 * @param className the provider class
 * @param source where it came from: a jar path, a directory, or a module name
 * @param descriptor its descriptor, when the file could be read
 * @param state where it ended
 * @param reason the code saying why, for every state but {@link PluginState#LOADED}
 * @param contributions what it contributes, as {@code point:id} (for example {@code
 *     importer:denuncias-csv}); empty unless loaded
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record PluginRecord(
    String className,
    String source,
    Optional<PluginDescriptor> descriptor,
    PluginState state,
    Optional<PluginCode> reason,
    List<String> contributions) {

  /** Checks for nulls and copies the contributions. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public PluginRecord {
    Objects.requireNonNull(className, "className must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(descriptor, "descriptor must not be null");
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    contributions = ImmutableList.copyOf(contributions);
    if (state != PluginState.LOADED && reason.isEmpty()) {
      throw new IllegalArgumentException("a plugin in state " + state + " needs a reason");
    }
  }

  /**
   * Returns the plugin id, or the class name when the descriptor could not be read.
   *
   * @return the id; never {@code null}
   */
  public String id() {
    return descriptor.map(PluginDescriptor::id).orElse(className);
  }
}
