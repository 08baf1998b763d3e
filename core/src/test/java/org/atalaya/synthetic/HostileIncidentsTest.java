package org.atalaya.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.atalaya.incident.Incident;
import org.atalaya.incident.TimePrecision;
import org.junit.jupiter.api.Test;

/** Hostile incidents from a plain java.util.random generator: in range, repeatable, and hostile. */
class HostileIncidentsTest {

  private static List<Incident> incidents(long seed, int n) {
    RandomDraws draws = RandomDraws.of(new SplittableRandom(seed));
    return IntStream.range(0, n).mapToObj(i -> HostileIncidents.incident(draws)).toList();
  }

  @Test
  void drawsStayWithinTheirInclusiveBoundsAndReachBothEnds() {
    RandomDraws draws = RandomDraws.of(new SplittableRandom(3));
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      long x = draws.between(-2L, 2L);
      assertThat(x).isBetween(-2L, 2L);
      seen.add(x);
      assertThat(draws.between(Long.MAX_VALUE - 1, Long.MAX_VALUE))
          .isGreaterThanOrEqualTo(Long.MAX_VALUE - 1);
      assertThat(draws.between(13.0, 16.5)).isBetween(13.0, 16.5);
    }
    assertThat(seen).containsExactlyInAnyOrder(-2L, -1L, 0L, 1L, 2L);
    assertThat(draws.between(7L, 7L)).isEqualTo(7);
    assertThat(draws.between(Long.MIN_VALUE, Long.MAX_VALUE)).isNotNull();
    assertThatThrownBy(() -> draws.between(3L, 2L))
        .hasMessage("min (3) must not be greater than max (2)");
    assertThatThrownBy(() -> draws.pick(List.of())).hasMessage("values must not be empty");
  }

  @Test
  void theSameSeedGivesTheSameIncidents() {
    assertThat(incidents(11, 200)).isEqualTo(incidents(11, 200)).isNotEqualTo(incidents(12, 200));
  }

  @Test
  void incidentsAreValidAndExerciseTheHostileCases() {
    List<Incident> all = incidents(5, 2_000);
    List<String> texts = new ArrayList<>();
    all.forEach(i -> i.narrative().ifPresent(texts::add));
    assertThat(texts)
        .anyMatch(t -> t.contains("\n"))
        .anyMatch(t -> t.contains("😀"))
        .anyMatch(t -> t.contains("\""))
        .anyMatch(t -> t.startsWith("=SUMA"));
    assertThat(all)
        .anyMatch(i -> i.location().isEmpty())
        .anyMatch(i -> i.occurred().isEmpty())
        .anyMatch(i -> i.victims().isEmpty())
        .anyMatch(i -> i.victims().size() >= 2)
        .anyMatch(
            i ->
                i.occurred()
                    .map(w -> w.precision() == TimePrecision.UNKNOWN && w.estimated())
                    .orElse(false))
        .anyMatch(i -> i.caseHistory().events().size() >= 3)
        .anyMatch(i -> !i.attributes().isEmpty());
    assertThat(all)
        .allSatisfy(i -> assertThat(i.id()).doesNotContain("\n", "\r", "\t").isNotBlank());
    List<Incident> list = HostileIncidents.incidentList(RandomDraws.of(new SplittableRandom(9)));
    assertThat(list).hasSizeBetween(1, 6).extracting(Incident::id).doesNotHaveDuplicates();
  }
}
