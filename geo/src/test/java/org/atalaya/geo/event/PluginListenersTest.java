package org.atalaya.geo.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.atalaya.geo.event.GeofenceEvent.Kind;
import org.atalaya.geo.event.testplugin.RecordingListenersPlugin;
import org.atalaya.plugin.PluginFailureException;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.plugin.PluginState;
import org.junit.jupiter.api.Test;

/** Geofence listeners contributed through the plugin SPI (issue 4 and issue 3). */
class PluginListenersTest {

  @Test
  void pluginListenersReceiveEventsAndAFailingOneIsRecordedNamingItsPlugin() {
    PluginRegistry plugins = PluginRegistry.builder().discover();
    assertThat(plugins.plugins())
        .anySatisfy(
            p -> {
              assertThat(p.id()).isEqualTo("org.atalaya.test.listeners");
              assertThat(p.state()).isEqualTo(PluginState.LOADED);
              assertThat(p.contributions())
                  .containsExactly("geofence-listener:recorder", "geofence-listener:always-fails");
            });
    RecordingListenersPlugin.RECEIVED.clear();
    GeofenceTracker tracker =
        GeofenceTracker.builder().fences(GeofenceTrackerTests.zone()).listeners(plugins).build();
    tracker.accept(GeofenceTrackerTests.fix("patrulla-7", 0, -100, 0, 5));
    tracker.accept(GeofenceTrackerTests.fix("patrulla-7", 10, 100, 0, 5));

    assertThat(RecordingListenersPlugin.RECEIVED)
        .extracting(GeofenceEvent::kind)
        .contains(Kind.ENTER);
    assertThat(tracker.listenerFailures())
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.exception())
                  .isInstanceOf(PluginFailureException.class)
                  .hasMessageContaining("org.atalaya.test.listeners")
                  .hasMessageContaining("always-fails")
                  .hasMessageContaining("webhook unreachable");
            });
    assertThat(plugins.hasErrors()).isTrue();
  }
}
