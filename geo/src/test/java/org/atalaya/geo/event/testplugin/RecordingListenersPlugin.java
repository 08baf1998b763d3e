package org.atalaya.geo.event.testplugin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.geo.event.GeofenceEvent;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.PluginContext;

/** A test plugin on geo's test class path: one listener that records, one that always throws. */
public final class RecordingListenersPlugin implements AtalayaPlugin {

  /** What the recording listener received, across every registry in the test JVM. */
  public static final List<GeofenceEvent> RECEIVED = new CopyOnWriteArrayList<>();

  @Override
  public void register(PluginContext context) {
    context.contribute(
        GeofenceListenerExtension.POINT,
        new GeofenceListenerExtension() {
          @Override
          public String id() {
            return "recorder";
          }

          @Override
          public void onEvent(GeofenceEvent event) {
            RECEIVED.add(event);
          }
        });
    context.contribute(
        GeofenceListenerExtension.POINT,
        new GeofenceListenerExtension() {
          @Override
          public String id() {
            return "always-fails";
          }

          @Override
          public void onEvent(GeofenceEvent event) {
            throw new IllegalStateException("webhook unreachable");
          }
        });
  }
}
