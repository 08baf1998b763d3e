package org.atalaya.examples.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.geo.event.GeofenceEvent;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each event as JSON to a URL, without blocking the tracker: requests are sent
 * asynchronously, and {@link #close()} waits (up to five seconds) for those still in flight. An
 * unreachable server or an error status is logged and counted, never thrown at the tracker. Because
 * posts are concurrent, the server may receive them out of order: each event carries its time.
 * Thread-safe.
 */
public final class WebhookListener implements GeofenceListenerExtension {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookListener.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI url;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * @param url where to post events
   */
  public WebhookListener(URI url) {
    this.url = url;
  }

  @Override
  public String id() {
    return "webhook";
  }

  @Override
  public void onEvent(GeofenceEvent event) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(EventJson.of(event)))
            .build();
    CompletableFuture<?> f =
        client
            .sendAsync(request, HttpResponse.BodyHandlers.discarding())
            .handle(
                (response, error) -> {
                  if (error == null && response.statusCode() / 100 == 2) {
                    delivered.incrementAndGet();
                  } else {
                    failed.incrementAndGet();
                    LOG.warn(
                        "webhook {} did not take a geofence event: {}",
                        url,
                        error != null ? error.toString() : "HTTP " + response.statusCode());
                  }
                  return null;
                });
    inFlight.add(f);
    f.whenComplete((x, y) -> inFlight.remove(f));
  }

  /**
   * @return events the server accepted (a 2xx answer)
   */
  public long delivered() {
    return delivered.get();
  }

  /**
   * @return events that could not be delivered
   */
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    try {
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("webhook {}: {} events still in flight at close", url, inFlight.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
