package org.atalaya.examples.webhook;

import java.net.URI;
import java.nio.file.Path;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.PluginContext;

/**
 * Example plugin: sends every geofence event somewhere. With the setting {@code url} (system
 * property {@code org.atalaya.examples.webhook.url}, or the environment variable {@code
 * ORG_ATALAYA_EXAMPLES_WEBHOOK_URL}) it posts each event as JSON to that URL; otherwise it appends
 * each event as one JSON line to the file named by the setting {@code file} (default {@code
 * geofence-events.ndjson}, created at the first event).
 */
public final class WebhookPlugin implements AtalayaPlugin {

  @Override
  public void register(PluginContext context) {
    GeofenceListenerExtension listener =
        context
            .setting("url")
            .<GeofenceListenerExtension>map(url -> new WebhookListener(URI.create(url)))
            .orElseGet(
                () ->
                    new NdjsonListener(
                        Path.of(context.setting("file").orElse("geofence-events.ndjson"))));
    context.contribute(GeofenceListenerExtension.POINT, listener);
  }
}
