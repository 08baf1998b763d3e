package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SDG 16.1.1 counts victims, not incidents, and takes its denominators from a population table. */
class Sdg1611Test {

  static final List<AgeBand> BANDS =
      List.of(AgeBand.of(0, 14), AgeBand.of(15, 29), AgeBand.atLeast(30));

  static Incident homicide(String id, Victim... victims) {
    return Incident.builder(id).iccs("0101").victims(List.of(victims)).build();
  }

  static final List<Incident> INCIDENTS =
      List.of(
          // a massacre: three victims killed, one injured
          homicide(
              "massacre",
              Victim.of(Sex.MALE, 19, VictimOutcome.KILLED),
              Victim.of(Sex.MALE, 24, VictimOutcome.KILLED),
              Victim.of(Sex.FEMALE, 17, VictimOutcome.KILLED),
              Victim.of(Sex.MALE, 40, VictimOutcome.INJURED)),
          homicide("femicide", Victim.of(Sex.FEMALE, 33, VictimOutcome.KILLED)),
          // only an age band is known, inside 30+
          homicide(
              "band-only",
              new Victim(
                  Sex.MALE,
                  OptionalInt.empty(),
                  Optional.of(AgeBand.of(40, 49)),
                  Relationship.UNKNOWN,
                  VictimOutcome.KILLED)),
          // age unknown
          homicide(
              "no-age",
              new Victim(
                  Sex.UNKNOWN,
                  OptionalInt.empty(),
                  Optional.empty(),
                  Relationship.UNKNOWN,
                  VictimOutcome.KILLED)),
          homicide("no-victims"),
          homicide(
              "outcome-unknown",
              new Victim(
                  Sex.MALE,
                  OptionalInt.of(50),
                  Optional.empty(),
                  Relationship.UNKNOWN,
                  VictimOutcome.UNKNOWN)),
          Incident.builder("attempt")
              .iccs("0101")
              .context(
                  new IncidentContext(
                      Attempt.ATTEMPTED,
                      Mechanism.UNKNOWN,
                      PlaceType.UNKNOWN,
                      Optional.empty(),
                      Optional.empty()))
              .addVictim(Victim.of(Sex.MALE, 30, VictimOutcome.INJURED))
              .build(),
          Incident.builder("robbery")
              .iccs("0401")
              .addVictim(Victim.of(Sex.MALE, 30, VictimOutcome.KILLED))
              .build());

  @Test
  @DisplayName(
      "victims are counted, not incidents, by sex and age band, and nothing is dropped silently")
  void counts() {
    HomicideVictims v = HomicideVictims.count(INCIDENTS, BANDS);
    assertThat(v.victims(Optional.empty(), Optional.empty())).isEqualTo(6);
    assertThat(v.victims(Optional.of(Sex.MALE), Optional.empty())).isEqualTo(3);
    assertThat(v.victims(Optional.of(Sex.FEMALE), Optional.of(AgeBand.of(15, 29)))).isEqualTo(1);
    assertThat(v.victims(Optional.of(Sex.MALE), Optional.of(AgeBand.atLeast(30)))).isEqualTo(1);
    assertThat(v.victimsOfUnknownAge()).isEqualTo(1);
    assertThat(v.incidents()).isEqualTo(6);
    assertThat(v.incidentsWithoutVictims()).isEqualTo(1);
    assertThat(v.attemptsExcluded()).isEqualTo(1);
    assertThat(v.victimsNotKilled()).isEqualTo(1);
    assertThat(v.victimsOutcomeUnknown()).isEqualTo(1);
  }

  static final String CSV =
      "area,year,sex,age_band,population\n"
          + "HN,2024,female,0-14,1500000\n"
          + "HN,2024,female,15-29,1300000\n"
          + "HN,2024,female,30+,2200000\n"
          + "HN,2024,male,0-14,1550000\n"
          + "HN,2024,male,15-29,1280000\n"
          + "HN,2024,male,30+,2000000\n"
          + "HN,2024,all,all,9830000\n";

  @Test
  @DisplayName(
      "the population table answers with an exact row, or sums the finer rows without counting"
          + " totals twice")
  void populationTable() throws IOException {
    PopulationTable t =
        PopulationTable.readCsv(new StringReader(CSV), "synthetic test table, 2026");
    assertThat(t.vintage()).isEqualTo("synthetic test table, 2026");
    assertThat(t.population("HN", 2024, Optional.empty(), Optional.empty())).hasValue(9_830_000);
    assertThat(t.population("HN", 2024, Optional.of(Sex.FEMALE), Optional.empty()))
        .hasValue(5_000_000);
    assertThat(t.population("HN", 2024, Optional.empty(), Optional.of(AgeBand.of(15, 29))))
        .hasValue(2_580_000);
    assertThat(t.population("HN", 2023, Optional.empty(), Optional.empty())).isEmpty();
    PopulationTable semicolons =
        PopulationTable.readCsv(
            new StringReader(
                "area;year;sex;age_band;population\n0801;2024;M;;650000\n0801;2024;F;;700000\n"),
            "x");
    assertThat(semicolons.population("0801", 2024, Optional.empty(), Optional.empty()))
        .hasValue(1_350_000);
  }

  @Test
  @DisplayName("bad population rows are refused with the row number")
  void badRows() {
    assertThatThrownBy(
            () ->
                PopulationTable.readCsv(
                    new StringReader("area,year,sex,age_band,population\nHN,2024,x,,5\n"), "v"))
        .hasMessage("population CSV row 2: sex (x) must be female, male, other or all");
    assertThatThrownBy(
            () ->
                PopulationTable.readCsv(
                    new StringReader("area,year,sex,age_band,population\nHN,2024,,,1.300.000\n"),
                    "v"))
        .hasMessage(
            "population CSV row 2: population (1.300.000) must be a number without thousands"
                + " separators, such as 1300000");
    assertThatThrownBy(
            () ->
                PopulationTable.readCsv(
                    new StringReader("area,year,sex,age_band,population\nHN,abc,,,5\n"), "v"))
        .hasMessage("population CSV row 2: year (abc) must be a whole number such as 2024");
    assertThatThrownBy(
            () ->
                PopulationTable.readCsv(
                    new StringReader(
                        "area,year,sex,age_band,population\nHN,2024,,,5\nHN,2024,total,,6\n"),
                    "v"))
        .hasMessage("population row for area HN, year 2024, sex all, age band all appears twice");
    assertThatThrownBy(() -> PopulationTable.of(" ", List.of()))
        .hasMessage("vintage must not be blank: say where the population figures come from");
  }

  @Test
  @DisplayName(
      "SDG 16.1.1 rates are victims per 100,000 of the matching population, with exact intervals")
  void rates() throws IOException {
    PopulationTable t =
        PopulationTable.readCsv(new StringReader(CSV), "synthetic test table, 2026");
    HomicideVictims v = HomicideVictims.count(INCIDENTS, BANDS);
    Rate total =
        v.rate(t, "HN", 2024, Optional.empty(), Optional.empty(), 100_000, 0.95).orElseThrow();
    assertThat(total.count()).isEqualTo(6);
    // poisson.test(6, 98.3)$estimate and $conf.int (per 100,000 of 9,830,000)
    assertRelative("rate", total.rate(), 6 / 98.3);
    assertRelative("lower", total.lower(), PoissonIntervals.exact(6, 0.95).lower() / 98.3);
    Rate women =
        v.rate(t, "HN", 2024, Optional.of(Sex.FEMALE), Optional.empty(), 100_000, 0.95)
            .orElseThrow();
    assertThat(women.count()).isEqualTo(2);
    assertThat(women.population()).isEqualTo(5_000_000);
    assertThat(v.rate(t, "HN", 1999, Optional.empty(), Optional.empty(), 100_000, 0.95)).isEmpty();
  }
}
