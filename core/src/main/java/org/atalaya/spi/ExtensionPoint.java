package org.atalaya.spi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A place where plugins can plug something in: a name, which is also the capability a plugin
 * declares in its descriptor, and the interface its extensions implement.
 *
 * <p>Core defines the points in {@link ExtensionPoints}; other modules define their own (the
 * geofence listener point lives in atalaya-geo, which core does not know). Two points are equal
 * when their names are. Immutable and thread-safe.
 *
 * @param <T> the interface extensions implement
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ExtensionPoint<T> {

  private final String name;
  private final Class<T> type;

  private ExtensionPoint(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  /**
   * Defines an extension point.
   *
   * @param name the capability name: lower case, digits and dashes, for example {@code importer}
   * @param type the interface extensions implement; must be an interface, so that every call into a
   *     plugin can be wrapped to name the plugin when it fails
   * @param <T> the interface
   * @return the point; never {@code null}
   * @throws IllegalArgumentException if the name is malformed or {@code type} is not an interface
   */
  public static <T> ExtensionPoint<T> of(String name, Class<T> type) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(type, "type must not be null");
    checkArgument(
        name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
        "extension point name '%s' must be lower case words joined by dashes",
        name);
    checkArgument(
        type.isInterface(),
        "extension point '%s' needs an interface, not %s",
        name,
        type.getName());
    return new ExtensionPoint<>(name, type);
  }

  /**
   * Returns the name, also the capability a plugin declares to contribute here.
   *
   * @return the name; never {@code null}
   */
  public String name() {
    return name;
  }

  /**
   * Returns the interface extensions implement.
   *
   * @return the type; never {@code null}
   */
  public Class<T> type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExtensionPoint<?> p && p.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name + " (" + type.getSimpleName() + ")";
  }
}
