package org.atalaya.examples.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.atalaya.geo.event.Fix;
import org.atalaya.geo.event.GeofenceEvent;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.atalaya.geo.event.GeofenceTracker;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.testkit.GeofenceListenerContract;
import org.atalaya.testkit.PluginContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class WebhookPluginTest {

  @TempDir Path dir;

  @Nested
  class Plugin extends PluginContract {
    @Override
    protected AtalayaPlugin plugin() {
      return new WebhookPlugin();
    }
  }

  @Nested
  class Ndjson extends GeofenceListenerContract {
    @Override
    protected GeofenceListenerExtension listener() {
      return new NdjsonListener(dir.resolve("events.ndjson"));
    }
  }

  @Nested
  class UnreachableWebhook extends GeofenceListenerContract {
    @Override
    protected GeofenceListenerExtension listener() {
      return new WebhookListener(
          URI.create("http://127.0.0.1:9/events")); // nobody listens on port 9
    }
  }

  private static FenceIndex zone() {
    GeometryFactory gf = new GeometryFactory();
    return FenceIndex.builder()
        .add(
            "zona-1",
            gf.createPolygon(
                new Coordinate[] {
                  new Coordinate(-87.22, 14.07),
                  new Coordinate(-87.20, 14.07),
                  new Coordinate(-87.20, 14.09),
                  new Coordinate(-87.22, 14.09),
                  new Coordinate(-87.22, 14.07)
                }))
        .build();
  }

  private static void patrol(GeofenceTracker t) {
    Instant t0 = Instant.parse("2026-11-28T02:00:00Z");
    t.accept(Fix.of("patrulla-7", t0, 14.08, -87.23));
    t.accept(Fix.of("patrulla-7", t0.plusSeconds(60), 14.08, -87.21));
    t.accept(Fix.of("patrulla-7", t0.plusSeconds(120), 14.08, -87.19));
  }

  @Test
  void postsEachEventToTheConfiguredUrl() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/events",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
      PluginRegistry plugins =
          PluginRegistry.builder().setting("org.atalaya.examples.webhook", "url", url).discover();
      GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).listeners(plugins).build();
      patrol(tracker);
      plugins.extensions(GeofenceListenerExtension.POINT).forEach(GeofenceListenerExtension::close);
      assertThat(bodies).hasSize(2);
      // posts are asynchronous, so they may arrive in any order; each carries its time
      assertThat(bodies)
          .anySatisfy(
              b ->
                  assertThat(b)
                      .contains(
                          "\"subject\":\"patrulla-7\"",
                          "\"fence\":\"zona-1\"",
                          "\"kind\":\"ENTER\""));
      assertThat(bodies)
          .anySatisfy(b -> assertThat(b).contains("\"kind\":\"EXIT\"", "\"exitReason\":\"LEFT\""));
      assertThat(tracker.listenerFailures()).isEmpty();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void writesNdjsonWhenNoUrlIsGiven() throws Exception {
    Path file = dir.resolve("eventos.ndjson");
    PluginRegistry plugins =
        PluginRegistry.builder()
            .setting("org.atalaya.examples.webhook", "file", file.toString())
            .discover();
    GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).listeners(plugins).build();
    patrol(tracker);
    plugins.extensions(GeofenceListenerExtension.POINT).forEach(GeofenceListenerExtension::close);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("{").contains("ENTER");
  }

  @Test
  void anUnreachableWebhookIsCountedNotThrown() {
    WebhookListener l = new WebhookListener(URI.create("http://127.0.0.1:9/none"));
    l.onEvent(
        new GeofenceEvent(
            "p", "z", GeofenceEvent.Kind.ENTER, Instant.EPOCH, 14, -87, Optional.empty()));
    l.close();
    assertThat(l.failed()).isEqualTo(1);
    assertThat(l.delivered()).isZero();
  }
}
