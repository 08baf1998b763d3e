package org.atalaya.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/** The documented properties of the synthetic sample. */
class SyntheticIncidentsTest {
  static final List<Incident> SAMPLE = SyntheticIncidents.of(2011).stream().toList();

  @Test
  void sameSeedSameIncidentsOtherSeedOtherIncidents() {
    assertThat(SyntheticIncidents.of(2011).stream().toList()).isEqualTo(SAMPLE);
    assertThat(SyntheticIncidents.of(2012).stream().limit(50).toList())
        .isNotEqualTo(SAMPLE.subList(0, 50));
  }

  @Test
  void severalThousandOverThreeYearsInBothCities() {
    assertThat(SAMPLE).hasSize((int) SyntheticIncidents.of(2011).size()).hasSize(8_400);
    Map<Integer, Long> byYear =
        SAMPLE.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.occurred().orElseThrow().from().getYear(), Collectors.counting()));
    assertThat(byYear).containsOnlyKeys(2023, 2024, 2025);
    Map<String, Long> byCity =
        SAMPLE.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.location().orElseThrow().admin().municipality().orElseThrow(),
                    Collectors.counting()));
    assertThat(byCity).containsEntry("0801", 4_500L).containsEntry("0501", 3_900L);
  }

  @Test
  void everyIncidentSaysItIsSynthetic() {
    assertThat(SAMPLE)
        .allSatisfy(
            i -> {
              assertThat(i.id()).startsWith("SYN-");
              assertThat(i.attributes().get(SyntheticIncidents.SYNTHETIC_ATTRIBUTE))
                  .contains("true");
              assertThat(i.narrative())
                  .hasValueSatisfying(n -> assertThat(n).startsWith("[SINTÉTICO]"));
              assertThat(i.sourceRefs())
                  .anySatisfy(r -> assertThat(r.system()).isEqualTo("atalaya-synthetic"));
            });
    assertThat(SAMPLE.stream().map(Incident::id).distinct().count()).isEqualTo(SAMPLE.size());
  }

  @Test
  void categoriesAreKnownAndHomicidesFall() {
    Taxonomy t = Taxonomy.honduras();
    assertThat(SAMPLE)
        .allSatisfy(i -> assertThat(t.catalogue().contains(i.iccs().orElseThrow())).isTrue());
    Map<Integer, Long> homicides =
        SAMPLE.stream()
            .filter(i -> i.iccs().orElseThrow().equals(IccsCode.of("0101")))
            .collect(
                Collectors.groupingBy(
                    i -> i.occurred().orElseThrow().from().getYear(), Collectors.counting()));
    assertThat(homicides.get(2025)).isLessThan(homicides.get(2023));
  }

  @Test
  void hotSpotsAndDecemberPeak() {
    // Most incidents lie within 1.5 km of one of a few points: far more than a uniform spread would
    // give.
    Map<String, Long> cells =
        SAMPLE.stream()
            .collect(
                Collectors.groupingBy(
                    i ->
                        Math.round(
                                i.location().orElseThrow().point().orElseThrow().latitude() * 100)
                            + ":"
                            + Math.round(
                                i.location().orElseThrow().point().orElseThrow().longitude() * 100),
                    Collectors.counting()));
    List<Long> sorted = cells.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    long top10 = sorted.stream().limit(10).mapToLong(Long::longValue).sum();
    assertThat(top10).isGreaterThan(SAMPLE.size() / 4);
    Map<Month, Long> byMonth =
        SAMPLE.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.occurred().orElseThrow().from().getMonth(), Collectors.counting()));
    assertThat(byMonth.get(Month.DECEMBER)).isGreaterThan(byMonth.get(Month.JUNE));
  }

  @Test
  void victimsSensitivityAndAFunnelThatNarrows() {
    assertThat(SAMPLE)
        .filteredOn(i -> i.iccs().orElseThrow().value().equals("0101"))
        .allSatisfy(
            i ->
                assertThat(i.victims())
                    .isNotEmpty()
                    .allSatisfy(v -> assertThat(v.outcome()).isEqualTo(VictimOutcome.KILLED)));
    assertThat(SAMPLE)
        .filteredOn(i -> i.iccs().orElseThrow().isWithin(IccsCode.of("03")))
        .allSatisfy(i -> assertThat(i.sensitivity()).contains(SensitivityFlag.SEXUAL_VIOLENCE));
    Function<CaseStatus, Long> reached =
        s -> SAMPLE.stream().filter(i -> i.caseHistory().reached(s)).count();
    assertThat(reached.apply(CaseStatus.REPORTED)).isEqualTo(SAMPLE.size());
    assertThat(reached.apply(CaseStatus.UNDER_INVESTIGATION))
        .isLessThan(reached.apply(CaseStatus.REPORTED));
    assertThat(reached.apply(CaseStatus.CHARGED))
        .isLessThan(reached.apply(CaseStatus.UNDER_INVESTIGATION) / 5);
    assertThat(reached.apply(CaseStatus.CONVICTED))
        .isPositive()
        .isLessThan(reached.apply(CaseStatus.CHARGED));
    assertThat(SAMPLE)
        .allSatisfy(
            i ->
                assertThat(i.caseHistory().events())
                    .allSatisfy(
                        e -> assertThat(e.date()).isBeforeOrEqualTo(SyntheticIncidents.AS_OF)));
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> SyntheticIncidents.of(1, 2025, 2, 1))
        .hasMessageContaining("2025 or earlier");
    assertThatThrownBy(() -> SyntheticIncidents.of(1, 2023, 1, 0))
        .hasMessageContaining("scale (0.0)");
  }
}
