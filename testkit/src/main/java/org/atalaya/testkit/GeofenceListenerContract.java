package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.atalaya.geo.event.GeofenceEvent;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link GeofenceListenerExtension}. Extend it and return a new listener:
 *
 * <pre>{@code
 * class WebhookListenerTest extends GeofenceListenerContract {
 *   @Override
 *   protected GeofenceListenerExtension listener() {
 *     return new WebhookListener(URI.create("http://localhost:9/none"));
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the listener takes any event (every kind, any subject and fence id, any time
 * and place) without throwing, also from several trackers on several threads at once; that closing
 * it twice is harmless; and that its id is well formed. A listener that sends events somewhere must
 * not throw when that place is unreachable (the test above passes an address nobody listens on): it
 * should count or log the failure.
 *
 * @since 0.1
 */
@DisplayName("geofence listener contract / contrato del oyente de geocercas")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class GeofenceListenerContract extends ConsoleGuard {

  /**
   * Returns a new listener under test.
   *
   * @return the listener; never {@code null}
   */
  protected abstract GeofenceListenerExtension listener();

  private static GeofenceEvent event(int kind, long seconds, double lat, double lon, int n) {
    GeofenceEvent.Kind k = GeofenceEvent.Kind.values()[kind % GeofenceEvent.Kind.values().length];
    Optional<GeofenceEvent.ExitReason> reason =
        k == GeofenceEvent.Kind.EXIT
            ? Optional.of(
                GeofenceEvent.ExitReason.values()[n % GeofenceEvent.ExitReason.values().length])
            : Optional.empty();
    return new GeofenceEvent(
        "patrulla-" + n,
        "zona \"" + n + "\" ñ",
        k,
        Instant.ofEpochSecond(seconds),
        lat,
        lon,
        reason);
  }

  @Test
  @DisplayName("takes any event without throwing / acepta cualquier evento sin lanzar excepciones")
  void takesAnyEventWithoutThrowing() {
    try (GeofenceListenerExtension l = listener()) {
      qt().withExamples(200)
          .forAll(
              integers().between(0, 20),
              longs().between(0, 4_000_000_000L),
              doubles().between(-90, 90),
              doubles().between(-180, 180))
          .checkAssert(
              (k, t, lat, lon) ->
                  assertThatCode(() -> l.onEvent(event(k, t, lat, lon, k)))
                      .doesNotThrowAnyException());
    }
  }

  @Test
  @DisplayName("takes events from many threads at once / acepta eventos de muchos hilos a la vez")
  void takesEventsFromManyThreadsAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (GeofenceListenerExtension l = listener()) {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        all.add(pool.submit(() -> l.onEvent(event(n, 1_700_000_000L + n, 14.08, -87.2, n))));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("closing twice is harmless / cerrarlo dos veces no hace daño")
  void closingTwiceIsHarmless() {
    GeofenceListenerExtension l = listener();
    l.onEvent(event(0, 1_700_000_000L, 14.08, -87.2, 1));
    assertThatCode(
            () -> {
              l.close();
              l.close();
            })
        .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("has a well-formed id / tiene un identificador bien formado")
  void hasAWellFormedId() {
    assertThat(listener().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  }
}
