package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.junit.jupiter.api.Test;

/** SDG 16.1.1 numerators: which band a victim falls in, which victims count, and the rate. */
class HomicideVictimsTest {

  private static final AgeBand YOUNG = AgeBand.of(15, 29);
  private static final AgeBand OLDER = AgeBand.atLeast(30);
  private static final List<AgeBand> BANDS = List.of(AgeBand.of(0, 14), YOUNG, OLDER);

  private static Victim knownByBand(Sex sex, AgeBand band) {
    return new Victim(
        sex, OptionalInt.empty(), Optional.of(band), Relationship.UNKNOWN, VictimOutcome.KILLED);
  }

  private static Incident homicide(String id, Victim... victims) {
    return Incident.builder(id).iccs("0101").victims(List.of(victims)).build();
  }

  @Test
  void aVictimKnownOnlyByAnAgeBandCountsInTheReportedBandThatHoldsItWhole() {
    HomicideVictims v =
        HomicideVictims.count(
            List.of(
                homicide(
                    "a",
                    knownByBand(Sex.MALE, AgeBand.of(15, 19)), // inside 15-29
                    knownByBand(Sex.FEMALE, AgeBand.of(15, 29)), // exactly 15-29
                    knownByBand(Sex.FEMALE, AgeBand.of(25, 34)), // straddles 15-29 and 30+
                    knownByBand(Sex.MALE, AgeBand.atLeast(60)), // inside the open band 30+
                    knownByBand(Sex.MALE, AgeBand.atLeast(20)), // starts in 15-29, no end
                    Victim.of(Sex.FEMALE, 12, VictimOutcome.KILLED))),
            BANDS);
    assertThat(v.victims(Optional.empty(), Optional.of(YOUNG))).isEqualTo(2);
    assertThat(v.victims(Optional.empty(), Optional.of(OLDER))).isEqualTo(1);
    assertThat(v.victims(Optional.empty(), Optional.of(AgeBand.of(0, 14)))).isEqualTo(1);
    assertThat(v.victimsOfUnknownAge()).isEqualTo(2);
    assertThat(v.bands()).isEqualTo(BANDS);
    assertThat(v.counts())
        .isEqualTo(
            Map.of(
                new HomicideVictims.Cell(Sex.MALE, Optional.of(YOUNG)), 1L,
                new HomicideVictims.Cell(Sex.FEMALE, Optional.of(YOUNG)), 1L,
                new HomicideVictims.Cell(Sex.MALE, Optional.of(OLDER)), 1L,
                new HomicideVictims.Cell(Sex.FEMALE, Optional.of(AgeBand.of(0, 14))), 1L,
                new HomicideVictims.Cell(Sex.FEMALE, Optional.empty()), 1L,
                new HomicideVictims.Cell(Sex.MALE, Optional.empty()), 1L));
  }

  @Test
  void victimsNotKilledAndVictimsOfUnknownOutcomeAreCountedApart() {
    HomicideVictims v =
        HomicideVictims.count(
            List.of(
                homicide(
                    "b",
                    Victim.of(Sex.MALE, 20, VictimOutcome.KILLED),
                    Victim.of(Sex.MALE, 21, VictimOutcome.INJURED),
                    Victim.of(Sex.MALE, 22, VictimOutcome.INJURED),
                    Victim.of(Sex.MALE, 23, VictimOutcome.UNKNOWN))),
            BANDS);
    assertThat(v.victims(Optional.empty(), Optional.empty())).isEqualTo(1);
    assertThat(v.victimsNotKilled()).isEqualTo(2);
    assertThat(v.victimsOutcomeUnknown()).isEqualTo(1);
  }

  @Test
  void aRateNamesItsAreaYearSexAndAgesAndThereIsNoneWhereNobodyLives() {
    HomicideVictims v =
        HomicideVictims.count(
            List.of(homicide("c", Victim.of(Sex.FEMALE, 20, VictimOutcome.KILLED))), BANDS);
    PopulationTable t =
        PopulationTable.of(
            "synthetic, 2026",
            List.of(
                new PopulationTable.Row(
                    "HN", 2024, Optional.of(Sex.FEMALE), Optional.of(YOUNG), 1_300_000),
                new PopulationTable.Row(
                    "0801", 2024, Optional.of(Sex.FEMALE), Optional.of(YOUNG), 0)));
    Rate r =
        v.rate(t, "HN", 2024, Optional.of(Sex.FEMALE), Optional.of(YOUNG), 100_000, 0.95)
            .orElseThrow();
    assertThat(r.lineage().indicator())
        .isEqualTo(
            "SDG 16.1.1 victims of intentional homicide per 100,000, area HN, 2024, female, ages"
                + " 15-29");
    assertThat(r.lineage().populationVintage()).hasValue("synthetic, 2026");
    assertThat(v.rate(t, "0801", 2024, Optional.of(Sex.FEMALE), Optional.of(YOUNG), 100_000, 0.95))
        .isEmpty();
  }
}
