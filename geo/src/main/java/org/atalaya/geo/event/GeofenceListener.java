package org.atalaya.geo.event;

import org.apiguardian.api.API;

/**
 * Receives the events of a {@link GeofenceTracker}; this is the fence event listener extension
 * point.
 *
 * <p><b>Threading.</b> Called synchronously on the thread that called the tracker ({@link
 * GeofenceTracker#accept}, {@link GeofenceTracker#expire} or {@link
 * GeofenceTracker#replaceFences}), in event order, one event at a time. A listener used by one
 * tracker needs no synchronization of its own; one shared by several trackers on several threads
 * does. A listener must not call back into the tracker that is calling it.
 *
 * <p><b>Nulls.</b> The event is never {@code null}.
 *
 * <p><b>Failure.</b> If the listener throws a {@link RuntimeException}, the tracker records a
 * {@link ListenerFailure}, logs it through SLF4J at WARN, and goes on: the other listeners still
 * receive this event and the tracker's state is unaffected. An {@link Error} is not caught.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface GeofenceListener {

  /**
   * Handle one event.
   *
   * @param event the event; never {@code null}
   */
  void onEvent(GeofenceEvent event);
}
