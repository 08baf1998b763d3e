package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.atalaya.anonymise.IncidentDraft;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an anonymisation {@link ReleaseStep}. Extend it and return your step:
 *
 * <pre>{@code
 * class BarrioMaskTest extends ReleaseStepContract {
 *   @Override
 *   protected ReleaseStep step() {
 *     return new BarrioMask(250);
 *   }
 * }
 * }</pre>
 *
 * <p>On 500 of Atalaya's synthetic incidents it checks that the step never returns {@code null}
 * and keeps each incident's id; that a suppressed incident is recorded in the context; that, for a
 * step that moves points ({@link #movesPoints()}, true by default), no released point equals the
 * point it came from; that editing a release's draft ({@code ReleaseStep.edit}) gives what {@code
 * apply} gives; that the same key and seed give the same release; and that one instance
 * serves several releases on several threads at once with the same results.
 *
 * @since 0.1
 */
@DisplayName("release step contract / contrato del paso de publicación")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class ReleaseStepContract extends ConsoleGuard {

  private static final byte[] KEY = new byte[32];

  static {
    new SplittableRandom(2026).nextBytes(KEY);
  }

  /**
   * Returns the step under test.
   *
   * @return the step; never {@code null}
   */
  protected abstract ReleaseStep step();

  /**
   * Says whether the step moves or generalises point locations, so that no released point may
   * equal its input. Override with {@code false} for a step that does not touch locations (a
   * redaction, a time generalisation).
   *
   * @return true by default
   */
  protected boolean movesPoints() {
    return true;
  }

  /**
   * Returns the incidents the contract releases: 500 synthetic incidents, with points.
   *
   * @return the incidents; never {@code null}
   */
  protected List<Incident> incidents() {
    return SyntheticIncidents.of(7).stream()
        .filter(i -> i.location().flatMap(Location::point).isPresent())
        .limit(500)
        .toList();
  }

  private static ReleaseContext context() {
    return ReleaseContext.of(ReleaseKey.of(KEY), new SplittableRandom(11));
  }

  private List<Optional<Incident>> release(ReleaseStep step, List<Incident> incidents, ReleaseContext context) {
    List<Optional<Incident>> out = new ArrayList<>();
    for (Incident i : incidents) {
      out.add(step.apply(i, context));
    }
    return out;
  }

  @Test
  @DisplayName("never returns null, keeps ids and records suppressions / nunca devuelve null, conserva los identificadores y registra las supresiones")
  void neverReturnsNullKeepsIdsAndRecordsSuppressions() {
    ReleaseContext context = context();
    List<Incident> in = incidents();
    List<Optional<Incident>> out = release(step(), in, context);
    long suppressed = 0;
    for (int i = 0; i < in.size(); i++) {
      assertThat(out.get(i)).as("apply must not return null").isNotNull();
      if (out.get(i).isPresent()) {
        assertThat(out.get(i).get().id()).as("steps keep ids").isEqualTo(in.get(i).id());
      } else {
        suppressed++;
      }
    }
    assertThat(context.suppressed()).as("suppressed incidents must be recorded with context.suppress").isEqualTo(suppressed);
  }

  @Test
  @DisplayName("never releases a point unchanged / nunca publica un punto sin cambiarlo")
  void neverReleasesAPointUnchanged() {
    assumeTrue(movesPoints(), "movesPoints() is false: the step declares it does not touch locations");
    List<Incident> in = incidents();
    List<Optional<Incident>> out = release(step(), in, context());
    for (int i = 0; i < in.size(); i++) {
      LatLon before = in.get(i).location().flatMap(Location::point).orElseThrow();
      Optional<LatLon> after = out.get(i).flatMap(Incident::location).flatMap(Location::point);
      assertThat(after).as("incident %s released at its own point", in.get(i).id()).isNotEqualTo(Optional.of(before));
    }
  }

  @Test
  @DisplayName("editing a draft gives what apply gives / editar un borrador da lo mismo que apply")
  void editingADraftGivesWhatApplyGives() {
    // A release edits one draft per record through consecutive steps (ReleaseStep.edit); a step
    // that overrides edit must change the draft exactly as apply changes the incident.
    ReleaseStep step = step();
    List<Incident> in = incidents();
    ReleaseContext applied = context();
    ReleaseContext edited = context();
    for (Incident i : in) {
      Optional<Incident> expected = step.apply(i, applied);
      IncidentDraft draft = IncidentDraft.of(i);
      boolean kept = step.edit(draft, edited);
      assertThat(kept ? Optional.of(draft.build()) : Optional.<Incident>empty())
          .as("edit and apply disagree on incident %s", i.id()).isEqualTo(expected);
    }
    assertThat(edited.suppressed()).as("edit must record suppressions as apply does").isEqualTo(applied.suppressed());
  }

  @Test
  @DisplayName("the same key and seed give the same release / la misma clave y la misma semilla dan la misma publicación")
  void theSameKeyAndSeedGiveTheSameRelease() {
    ReleaseStep step = step();
    List<Incident> in = incidents();
    assertThat(release(step, in, context())).isEqualTo(release(step, in, context()));
  }

  @Test
  @DisplayName("one instance serves releases on many threads / una sola instancia sirve publicaciones en muchos hilos")
  void oneInstanceServesReleasesOnManyThreads() throws Exception {
    ReleaseStep shared = step();
    List<Incident> in = incidents();
    List<Optional<Incident>> expected = release(shared, in, context());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Optional<Incident>>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> release(shared, in, context())));
      }
      for (Future<List<Optional<Incident>>> f : runs) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("has a name / tiene un nombre")
  void hasAName() {
    assertThat(step().name()).isNotBlank();
  }
}
