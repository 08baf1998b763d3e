package org.atalaya.geo.event;

import org.apiguardian.api.API;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoint;

/**
 * A {@link GeofenceListener} contributed by a plugin: it has an id, and is closed when the host is
 * done with it (to flush a file or stop a sender). Contribute it with {@code
 * context.contribute(GeofenceListenerExtension.POINT, listener)} and declare the capability {@code
 * geofence-listener}; a host adds every installed one to a tracker with {@link
 * GeofenceTracker.Builder#listeners(org.atalaya.plugin.PluginRegistry)}.
 *
 * <p><b>Threading, nulls, failure:</b> as {@link GeofenceListener}: called on the tracker's thread,
 * never with {@code null}; an exception is recorded by the tracker (as a {@link ListenerFailure}
 * naming the plugin) and the other listeners still get the event. A listener shared by trackers on
 * several threads must be thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface GeofenceListenerExtension extends GeofenceListener, Extension, AutoCloseable {

  /** The extension point, whose capability name is {@code geofence-listener}. */
  ExtensionPoint<GeofenceListenerExtension> POINT =
      ExtensionPoint.of("geofence-listener", GeofenceListenerExtension.class);

  /**
   * Flushes and releases what the listener holds. The default does nothing. Must not throw for a
   * listener already closed.
   */
  @Override
  default void close() {}
}
