package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.atalaya.anonymise.AttackProfile;
import org.atalaya.anonymise.AttackResult;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/** The rules of the simulated re-identification attacks the privacy report promises to resist. */
class AttackRulesTest {
  private static final Set<QuasiIdentifier> TIME = EnumSet.of(QuasiIdentifier.TIME);
  private static final Set<QuasiIdentifier> WHERE_AND_WHEN =
      EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME);

  // --- Compatibility of a register entry with a released record ---

  @Test
  void disjointTimesRuleARecordOutButAWithheldOrCoveringTimeDoesNot() {
    Incident entry = Incident.builder("E").occurred(day(2024, 3, 1)).build();
    Set<QuasiIdentifier> knows = TIME;
    assertThat(
            Attacks.compatible(
                entry, Incident.builder("R").occurred(day(2024, 3, 5)).build(), knows))
        .isFalse();
    assertThat(Attacks.compatible(entry, Incident.builder("R").build(), knows)).isTrue();
    assertThat(Attacks.compatible(Incident.builder("E").build(), entry, knows)).isTrue();
    Incident march =
        Incident.builder("R")
            .occurred(TimeWindow.month(YearMonth.of(2024, 3), TimeWindow.HONDURAS))
            .build();
    assertThat(Attacks.compatible(entry, march, knows)).isTrue();
    assertThat(Attacks.compatible(march, entry, knows)).isTrue();
    // A part the attacker does not know never rules a record out.
    assertThat(
            Attacks.compatible(
                entry,
                Incident.builder("R").occurred(day(2024, 3, 5)).build(),
                EnumSet.of(QuasiIdentifier.SOURCE)))
        .isTrue();
  }

  @Test
  void codesOnOneBranchOfTheIccsAreCompatibleAndOthersAreNot() {
    Set<QuasiIdentifier> knows = EnumSet.of(QuasiIdentifier.CATEGORY);
    assertThat(Attacks.compatible(iccs("0101"), iccs("0201"), knows)).isFalse();
    assertThat(Attacks.compatible(iccs("0101"), iccs("01"), knows)).isTrue();
    assertThat(Attacks.compatible(iccs("01"), iccs("0101"), knows)).isTrue();
    assertThat(Attacks.compatible(iccs("0101"), Incident.builder("R").build(), knows)).isTrue();
    assertThat(Attacks.compatible(Incident.builder("E").build(), iccs("0201"), knows)).isTrue();
  }

  @Test
  void anyOtherPartMustBeEqualOrWithheld() {
    Set<QuasiIdentifier> knows = EnumSet.of(QuasiIdentifier.SOURCE);
    Incident police = Incident.builder("E").source(SourceType.POLICE).build();
    assertThat(
            Attacks.compatible(
                police, Incident.builder("R").source(SourceType.MEDIA).build(), knows))
        .isFalse();
    assertThat(
            Attacks.compatible(
                police, Incident.builder("R").source(SourceType.POLICE).build(), knows))
        .isTrue();
    assertThat(Attacks.compatible(police, Incident.builder("R").build(), knows)).isTrue();
    assertThat(Attacks.compatible(Incident.builder("E").build(), police, knows)).isTrue();
  }

  // --- The allowance: how far points moved beyond what they state ---

  @Test
  void theAllowanceIsTheLargestDistanceBeyondTheStatedAccuracy() {
    // Input 0 moved 0.001 degree north (111.2 m) and states 50 m; input 1 did not move; record 2
    // has no source. The allowance is 61.2 m.
    List<Incident> input = List.of(at("A", 14.0, -87.0), at("B", 14.5, -87.5));
    List<Optional<Location>> published =
        List.of(
            Optional.of(
                Location.builder().point(LatLon.of(14.001, -87.0)).accuracyMetres(50).build()),
            Optional.of(Location.at(14.5, -87.5)),
            Optional.of(Location.at(10.0, -80.0)));
    double allowance = Attacks.allowance(input, new int[] {0, 1, -1}, published::get);
    assertThat(allowance).isCloseTo(111.2 - 50, within(0.1));
  }

  @Test
  void theAllowanceReadsEveryChunkOfALargeRelease() {
    // 40 000 released records, only one of them (in the third chunk) moved: 111.2 m, nothing
    // stated.
    int n = 40_000;
    int moved = 35_000;
    int[] sources = new int[n];
    java.util.Arrays.fill(sources, -1);
    sources[moved] = 0;
    sources[1] = 1;
    List<Incident> input = List.of(at("A", 14.0, -87.0), at("B", 15.0, -88.0));
    double allowance =
        Attacks.allowance(
            input,
            sources,
            r -> Optional.of(r == moved ? Location.at(14.001, -87.0) : Location.at(15.0, -88.0)));
    assertThat(allowance).isCloseTo(111.2, within(0.1));
  }

  // --- The attacks ---

  @Test
  void anAttackerWhoKnowsOnlyTheTimeCountsEachGroupOfTimes() {
    // Two released records share a day, one is alone on its day: with k = 3 all three are at risk,
    // one singled out.
    List<Incident> out =
        List.of(dated("A", 1, 14.0, -87.0), dated("B", 1, 14.2, -87.2), dated("C", 2, 14.4, -87.4));
    Attacks attacks = new Attacks(3, out::get, r -> out.get(r).location(), 3, 0);
    AttackResult r = attacks.ofReleased(AttackProfile.VICTIM, TIME, out, new int[] {0, 1, 2}, 1.0);
    assertThat(r.targets()).isEqualTo(3);
    assertThat(r.candidates()).containsExactly(0L, 1L, 2L);
    assertThat(r.atRisk()).isEqualTo(3);
    assertThat(r.singledOut()).isEqualTo(1);
  }

  @Test
  void everyReleasedRecordOfALargeReleaseIsATarget() {
    // 17 000 records on distinct days: every one is singled out, in every chunk.
    int n = 17_000;
    List<Incident> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(
          Incident.builder("R" + i)
              .occurred(TimeWindow.day(LocalDate.of(2000, 1, 1).plusDays(i), TimeWindow.HONDURAS))
              .build());
    }
    int[] sources = new int[n];
    for (int i = 0; i < n; i++) {
      sources[i] = i;
    }
    Attacks attacks = new Attacks(n, out::get, r -> out.get(r).location(), 2, 0);
    AttackResult r = attacks.ofReleased(AttackProfile.VICTIM, TIME, out, sources, 1.0);
    assertThat(r.singledOut()).isEqualTo(n);
    assertThat(r.candidates()).containsExactly(0L, (long) n);
  }

  @Test
  void theShareAtRiskMayReachTheLimitButNotExceedIt() {
    // Four targets, two at risk: a limit of one half passes, a limit just below fails.
    List<Incident> out =
        List.of(
            dated("A", 1, 14.0, -87.0),
            dated("B", 2, 14.0, -87.0),
            dated("C", 3, 14.0, -87.0),
            dated("D", 3, 14.0, -87.0));
    Attacks attacks = new Attacks(4, out::get, r -> out.get(r).location(), 2, 0);
    int[] sources = {0, 1, 2, 3};
    assertThat(attacks.ofReleased(AttackProfile.VICTIM, TIME, out, sources, 0.5).passed()).isTrue();
    assertThat(attacks.ofReleased(AttackProfile.VICTIM, TIME, out, sources, 0.49).passed())
        .isFalse();
  }

  @Test
  void aRegisterThatHoldsNoLocationStillFindsItsEntries() {
    // The release withholds nothing but the point is not known to the register: a news archive
    // with dates only. Entry 1 matches one released record, entry 2 two, entry 3 none.
    List<Incident> out =
        List.of(dated("A", 1, 14.0, -87.0), dated("B", 3, 14.2, -87.2), dated("C", 3, 14.4, -87.4));
    List<Incident> register =
        List.of(
            Incident.builder("X").occurred(day(2024, 1, 1)).build(),
            Incident.builder("Y").occurred(day(2024, 1, 3)).build(),
            Incident.builder("Z").occurred(day(2024, 1, 9)).build());
    Attacks attacks = new Attacks(3, out::get, r -> out.get(r).location(), 3, 0);
    AttackResult r = attacks.ofRegister(register, TIME, 1.0);
    assertThat(r.targets()).isEqualTo(3);
    assertThat(r.candidates()).containsExactly(1L, 1L, 1L);
    assertThat(r.singledOut()).isEqualTo(1);
    assertThat(r.atRisk()).isEqualTo(2);
  }

  @Test
  void aRegisterEntryIsMatchedOnlyWithinReachOfItsPoint() {
    // One released record 111 m from entry X; entry Y is 11 km away from everything. Reach 200 m.
    List<Incident> out = List.of(dated("A", 1, 14.001, -87.0));
    List<Incident> register = List.of(dated("X", 1, 14.0, -87.0), dated("Y", 1, 14.1, -87.0));
    Attacks attacks = new Attacks(1, out::get, r -> out.get(r).location(), 2, 200);
    AttackResult r = attacks.ofRegister(register, WHERE_AND_WHEN, 1.0);
    assertThat(r.candidates()).containsExactly(1L, 1L);
    assertThat(r.singledOut()).isEqualTo(1);
    // Entries 211 to 300 m north of the record, beyond the reach though maybe in the next cell,
    // never match it.
    List<Incident> beyond = new ArrayList<>();
    for (int j = 0; j < 10; j++) {
      beyond.add(dated("F" + j, 1, 14.001 + 0.0019 + j * 0.0001, -87.0));
    }
    assertThat(attacks.ofRegister(beyond, WHERE_AND_WHEN, 1.0).candidates())
        .containsExactly(10L, 0L);
    // Without the location known, the entries' points do not matter: every one matches.
    beyond.add(dated("G", 1, 14.1, -87.0)); // 11 km away
    assertThat(attacks.ofRegister(beyond, TIME, 1.0).candidates()).containsExactly(0L, 11L);
    // Only the entry that was found is named among the areas at risk.
    assertThat(r.areas()).doesNotContain("2");
  }

  @Test
  void aTargetsOwnRecordMovedByTheLargestDisplacementIsAlwaysFoundNorthSouth() {
    everyTargetFindsItsOwnRecord(0.045, 0);
  }

  @Test
  void aTargetsOwnRecordMovedByTheLargestDisplacementIsAlwaysFoundEastWest() {
    everyTargetFindsItsOwnRecord(0, 0.045);
  }

  /**
   * 600 targets spread over several grid cells, each moved by (dLat, dLon) degrees; their own
   * records are at the largest displacement, so the neighbour and the register must find every one
   * of them, with the plain reach and with the stated accuracy plus the allowance.
   */
  private static void everyTargetFindsItsOwnRecord(double dLat, double dLon) {
    int n = 600;
    List<Incident> truth = new ArrayList<>(n);
    List<Incident> out = new ArrayList<>(n);
    double largest = 0;
    for (int i = 0; i < n; i++) {
      double lat = 14.0 + i * 0.0003;
      double lon = -87.0 - i * 0.0003;
      // Half of them move the other way: north and east as well as south and west.
      double sign = i % 2 == 0 ? 1 : -1;
      // Two days apart: touching days count as overlapping.
      truth.add(dated("T" + i, 2 * i, lat, lon));
      out.add(dated("T" + i, 2 * i, lat - sign * dLat, lon - sign * dLon));
      largest =
          Math.max(largest, PointChanges.haversine(lat, lon, lat - sign * dLat, lon - sign * dLon));
    }
    int[] sources = new int[n];
    for (int i = 0; i < n; i++) {
      sources[i] = i;
    }
    double allowance = Attacks.allowance(truth, sources, r -> out.get(r).location());
    for (Attacks attacks :
        List.of(
            new Attacks(n, out::get, r -> out.get(r).location(), 2, largest),
            new Attacks(n, out::get, r -> out.get(r).location(), 2, 2 * largest, allowance))) {
      AttackResult neighbour =
          attacks.ofReleased(AttackProfile.NEIGHBOUR, WHERE_AND_WHEN, truth, sources, 1.0);
      assertThat(neighbour.singledOut()).isEqualTo(n);
      AttackResult register = attacks.ofRegister(truth, WHERE_AND_WHEN, 1.0);
      assertThat(register.singledOut()).isEqualTo(n);
    }
  }

  private static Incident dated(String id, int dayOfYear, double lat, double lon) {
    return Incident.builder(id)
        .occurred(
            TimeWindow.day(
                LocalDate.ofYearDay(2024, 1).plusDays(dayOfYear - 1), TimeWindow.HONDURAS))
        .location(Location.at(lat, lon))
        .build();
  }

  private static TimeWindow day(int year, int month, int day) {
    return TimeWindow.day(LocalDate.of(year, month, day), TimeWindow.HONDURAS);
  }

  private static Incident iccs(String code) {
    return Incident.builder("I" + code).iccs(code).build();
  }

  private static Incident at(String id, double lat, double lon) {
    return Incident.builder(id).location(Location.at(lat, lon)).build();
  }
}
