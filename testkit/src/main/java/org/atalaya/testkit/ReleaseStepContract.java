package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.atalaya.anonymise.RecordStep;
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
 * <p>The step is run as a release runs it ({@link ReleaseStep#applyAlone}): a {@link RecordStep} in
 * chunks of editors, a {@link org.atalaya.anonymise.DatasetStep} on the whole list. On 500 of
 * Atalaya's synthetic incidents the kit checks that the step never returns {@code null}, keeps each
 * incident's id and the input order; that a suppressed incident is recorded in the context; that,
 * for a step that moves points ({@link #movesPoints()}, true by default), no released point equals
 * the point it came from; that a record step gives the same record by record as over the whole
 * list; that the same key and seed give the same release; and that one instance serves several
 * releases on several threads at once with the same results.
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
   * Says whether the step moves or generalises point locations, so that no released point may equal
   * its input. Override with {@code false} for a step that does not touch locations (a redaction, a
   * time generalisation).
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

  private static List<Incident> release(
      ReleaseStep step, List<Incident> incidents, ReleaseContext context) {
    return ReleaseStep.applyAlone(step, incidents, context);
  }

  @Test
  @DisplayName(
      "never returns null, keeps ids and records suppressions / nunca devuelve null, conserva los"
          + " identificadores y registra las supresiones")
  void neverReturnsNullKeepsIdsAndRecordsSuppressions() {
    ReleaseContext context = context();
    List<Incident> in = incidents();
    List<Incident> out = release(step(), in, context);
    assertThat(out).as("the released list must not be null").isNotNull().doesNotContainNull();
    // Steps keep ids and input order: the output's ids are the input's, in order, less the
    // suppressed.
    int next = 0;
    for (Incident o : out) {
      while (next < in.size() && !in.get(next).id().equals(o.id())) {
        next++;
      }
      assertThat(next)
          .as("steps keep ids and input order; %s is not the id of a later input", o.id())
          .isLessThan(in.size());
      next++;
    }
    assertThat(context.suppressed())
        .as("suppressed incidents must be recorded with context.suppress")
        .isEqualTo(in.size() - out.size());
  }

  @Test
  @DisplayName("never releases a point unchanged / nunca publica un punto sin cambiarlo")
  void neverReleasesAPointUnchanged() {
    assumeTrue(
        movesPoints(), "movesPoints() is false: the step declares it does not touch locations");
    List<Incident> in = incidents();
    Map<String, Incident> byId = new HashMap<>();
    in.forEach(i -> byId.put(i.id(), i));
    for (Incident o : release(step(), in, context())) {
      LatLon before = byId.get(o.id()).location().flatMap(Location::point).orElseThrow();
      Optional<LatLon> after = o.location().flatMap(Location::point);
      assertThat(after)
          .as("incident %s released at its own point", o.id())
          .isNotEqualTo(Optional.of(before));
    }
  }

  @Test
  @DisplayName(
      "a record step gives the same record by record as over the whole list / un paso de registro"
          + " da lo mismo registro por registro que sobre la lista entera")
  void aRecordStepGivesTheSameRecordByRecordAsOverTheWholeList() {
    // A release runs a record step in chunks, possibly on several threads: each record's result
    // must depend on that record and the key only.
    assumeTrue(step() instanceof RecordStep, "a dataset step sees the whole list by design");
    RecordStep step = (RecordStep) step();
    List<Incident> in = incidents();
    ReleaseContext oneByOne = context();
    List<Incident> expected = new ArrayList<>();
    for (Incident i : in) {
      step.apply(i, oneByOne).ifPresent(expected::add);
    }
    ReleaseContext whole = context();
    assertThat(release(step, in, whole))
        .as("record by record and over the whole list")
        .isEqualTo(expected);
    assertThat(whole.suppressed()).as("the suppressions recorded").isEqualTo(oneByOne.suppressed());
  }

  @Test
  @DisplayName(
      "the same key and seed give the same release / la misma clave y la misma semilla dan la misma"
          + " publicación")
  void theSameKeyAndSeedGiveTheSameRelease() {
    ReleaseStep step = step();
    List<Incident> in = incidents();
    assertThat(release(step, in, context())).isEqualTo(release(step, in, context()));
  }

  @Test
  @DisplayName(
      "one instance serves releases on many threads / una sola instancia sirve publicaciones en"
          + " muchos hilos")
  void oneInstanceServesReleasesOnManyThreads() throws Exception {
    ReleaseStep shared = step();
    List<Incident> in = incidents();
    List<Incident> expected = release(shared, in, context());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Incident>>> runs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        runs.add(pool.submit(() -> release(shared, in, context())));
      }
      for (Future<List<Incident>> f : runs) {
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
