package org.atalaya.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Location;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.Sex;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.indicator.ChangeVerdict;
import org.atalaya.indicator.FunnelStage;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Proportion;
import org.atalaya.indicator.Rate;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link IndicatorReport} on a hand-built list: 100 homicides in 2023 (20 convicted) and 10 in 2024
 * (8 men, 2 women) in municipality 0801 of 100,000 people, and one robbery, so the rates are the
 * published Garwood vectors and the change is R's {@code poisson.test(c(10, 100), c(1e5, 1e5))}.
 */
class IndicatorReportTest {

  static Incident homicide(
      String id, LocalDate day, String municipality, Sex sex, CaseHistory history) {
    return Incident.builder(id)
        .iccs("0101")
        .occurred(TimeWindow.day(day, TimeWindow.HONDURAS))
        .location(
            Location.builder()
                .admin(AdminArea.of(municipality.substring(0, 2), municipality, null))
                .build())
        .addVictim(Victim.of(sex, 25, VictimOutcome.KILLED))
        .caseHistory(history)
        .build();
  }

  static final List<Incident> INCIDENTS = incidents();

  private static List<Incident> incidents() {
    List<Incident> list = new ArrayList<>();
    for (int k = 0; k < 100; k++) {
      LocalDate day = LocalDate.of(2023, k % 12 + 1, 15);
      CaseHistory h =
          k < 20
              ? CaseHistory.of(
                  CaseEvent.of(CaseStatus.REPORTED, day),
                  CaseEvent.of(CaseStatus.CHARGED, LocalDate.of(2023, 12, 20)),
                  CaseEvent.of(CaseStatus.CONVICTED, LocalDate.of(2024, 1, 10)))
              : CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, day));
      list.add(homicide("h23-" + k, day, "0801", Sex.MALE, h));
    }
    for (int k = 0; k < 10; k++) {
      LocalDate day = LocalDate.of(2024, k % 12 + 1, 15);
      list.add(
          homicide(
              "h24-" + k,
              day,
              "0801",
              k < 8 ? Sex.MALE : Sex.FEMALE,
              CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, day))));
    }
    list.add(
        Incident.builder("r1")
            .iccs("0401")
            .occurred(TimeWindow.day(LocalDate.of(2024, 5, 1), TimeWindow.HONDURAS))
            .build());
    return List.copyOf(list);
  }

  static PopulationTable population() throws IOException {
    return PopulationTable.readCsv(
        new StringReader(
            "area,year,sex,age_band,population\n0801,2023,female,,50000\n0801,2023,male,,50000\n"
                + "0801,2024,female,,50000\n0801,2024,male,,50000\n"),
        "test table 2026");
  }

  static IndicatorReport report() throws IOException {
    return IndicatorReport.compute(
        INCIDENTS,
        population(),
        IndicatorSettings.builder()
            .groupBy(Grouping.AREA, Grouping.YEAR, Grouping.SEX)
            .asOf(Optional.of(LocalDate.of(2026, 1, 1)))
            .input("hand.csv")
            .build());
  }

  @Nested
  @DisplayName("on the hand-built list")
  class Example {
    @Test
    @DisplayName("rates per 100,000 are the published Garwood intervals, with their lineage")
    void rates() throws IOException {
      IndicatorReport r = report();
      assertThat(r.rates())
          .extracting(RateResult::group)
          .containsExactly(
              new Group(Optional.of("0801"), Optional.of(2023)),
              new Group(Optional.of("0801"), Optional.of(2024)));
      // Garwood 95%: x = 100 -> (81.363991, 121.626794); x = 10 -> (4.795389, 18.390356)
      Rate y2023 = r.rates().get(0).rate().orElseThrow();
      Rate y2024 = r.rates().get(1).rate().orElseThrow();
      assertThat(y2023.lower()).isCloseTo(81.363991, within(1e-6));
      assertThat(y2023.upper()).isCloseTo(121.626794, within(1e-6));
      assertThat(y2024.rate()).isEqualTo(10.0);
      assertThat(y2024.lower()).isCloseTo(4.795389, within(1e-6));
      assertThat(y2024.upper()).isCloseTo(18.390356, within(1e-6));
      assertThat(r.rates().get(1).lineage().used()).isEqualTo(10);
      assertThat(r.rates().get(1).lineage().excluded())
          .containsEntry("other ICCS category than 0101", 1L);
      assertThat(r.rates().get(1).lineage().populationVintage()).contains("test table 2026");
      assertThat(r.rates().get(1).lineage().inputs()).containsExactly("hand.csv");
      assertThat(r.excluded()).containsExactly(Map.entry("other ICCS category than 0101", 1L));
      assertThat(r.missingPopulation()).isEmpty();
    }

    @Test
    @DisplayName(
        "the change 2023 to 2024 is a significant fall, rate ratio 0.1, with a Spanish sentence")
    void change() throws IOException {
      List<ChangeResult> changes = report().changes();
      assertThat(changes).hasSize(1);
      ChangeResult c = changes.get(0);
      assertThat(c.from()).isEqualTo(2023);
      assertThat(c.to()).isEqualTo(2024);
      assertThat(c.change().comparison().rateRatio()).isCloseTo(0.1, within(1e-12));
      assertThat(c.change().verdict()).isEqualTo(ChangeVerdict.SIGNIFICANT_DECREASE);
      assertThat(c.change().spanish()).contains("bajó de 100.0 a 10.0");
      assertThat(c.lineage().used()).isEqualTo(110);
    }

    @Test
    @DisplayName("SDG 16.1.1 counts victims by sex: 2 women of 50,000 in 2024 are 4 per 100,000")
    void sdg() throws IOException {
      SdgResult women =
          report().sdg().stream()
              .filter(
                  x ->
                      x.group().year().equals(Optional.of(2024))
                          && x.sex().equals(Optional.of(Sex.FEMALE)))
              .findFirst()
              .orElseThrow();
      assertThat(women.victims()).isEqualTo(2);
      Rate rate = women.rate().orElseThrow();
      assertThat(rate.rate()).isCloseTo(4.0, within(1e-12));
      // Garwood x = 2: (0.2422093, 7.2246877), per 50,000 -> x 2
      assertThat(rate.lower()).isCloseTo(2 * 0.2422093, within(1e-6));
      assertThat(rate.upper()).isCloseTo(2 * 7.2246877, within(1e-6));
    }

    @Test
    @DisplayName(
        "alarms: 22 months from January 2023, Poisson Z checks the 10 months after the first year")
    void alarms() throws IOException {
      AlarmResult a = report().alarms().get(0);
      assertThat(a.series().start()).hasToString("2023-01");
      assertThat(a.series().size()).isEqualTo(22);
      assertThat(a.rules())
          .extracting(RuleAlarms::rule)
          .containsExactly(AlarmRule.POISSON_Z, AlarmRule.EWMA, AlarmRule.CUSUM);
      assertThat(a.rules().get(0).checks()).hasSize(10);
      assertThat(a.rules().get(0).parameters())
          .containsEntry("baselineYears", 1)
          .containsEntry("threshold", 2.0);
    }

    @Test
    @DisplayName("the 2023 funnel: cohort 100, 20 convicted, binom.test(20, 100) interval")
    void funnel() throws IOException {
      FunnelResult f =
          report().funnels().stream()
              .filter(x -> x.group().year().equals(Optional.of(2023)))
              .findFirst()
              .orElseThrow();
      assertThat(f.funnel().cohort()).isEqualTo(100);
      assertThat(f.funnel().currentlyAt(CaseStatus.CONVICTED)).isEqualTo(20);
      Proportion convicted = f.funnel().stage(FunnelStage.CONVICTED).ofCohort().orElseThrow();
      assertThat(convicted.lower()).isCloseTo(0.1266556, within(1e-6));
      assertThat(convicted.upper()).isCloseTo(0.2918427, within(1e-6));
    }

    @Test
    @DisplayName(
        "the JSON document has the schema's sections in order, and Jackson writes the same tree")
    void json() throws IOException {
      IndicatorReport r = report();
      ObjectMapper mapper = new ObjectMapper();
      JsonNode json = mapper.readTree(r.toJson());
      List<String> keys = new ArrayList<>();
      json.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .containsExactly(
              "document",
              "schemaVersion",
              "atalayaVersion",
              "input",
              "rates",
              "changes",
              "sdg16_1_1",
              "alarms",
              "impunity");
      assertThat(json.get("input").get("by").toString()).isEqualTo("[\"area\",\"year\",\"sex\"]");
      assertThat(json.get("input").get("read").asLong()).isEqualTo(111);
      assertThat(mapper.readTree(mapper.writeValueAsString(r))).isEqualTo(json);
    }

    @Test
    @DisplayName(
        "a population cell the table lacks leaves the figure without a rate and is listed once")
    void missingPopulation() throws IOException {
      PopulationTable only2023 =
          PopulationTable.of(
              "2023 only",
              List.of(
                  new PopulationTable.Row(
                      "0801", 2023, Optional.empty(), Optional.empty(), 100_000)));
      IndicatorReport r =
          IndicatorReport.compute(
              INCIDENTS,
              only2023,
              IndicatorSettings.builder().groupBy(Grouping.AREA, Grouping.YEAR).build());
      assertThat(r.rates().get(1).rate()).isEmpty();
      assertThat(r.rates().get(1).count()).isEqualTo(10);
      assertThat(r.missingPopulation()).containsExactly("area 0801, year 2024");
      assertThat(r.changes()).isEmpty();
    }
  }

  @Nested
  @DisplayName("settings")
  class Settings {
    @Test
    @DisplayName("the defaults are those of atalaya indicators")
    void defaults() {
      IndicatorSettings s = IndicatorSettings.defaults();
      assertThat(s.groupBy())
          .containsExactly(Grouping.AREA, Grouping.YEAR, Grouping.SEX, Grouping.AGE);
      assertThat(s.areaLevel()).isEqualTo(AreaLevel.MUNICIPALITY);
      assertThat(s.category()).isEqualTo(IccsCode.of("0101"));
      assertThat(s.confidence()).isEqualTo(0.95);
      assertThat(s.asOf()).isEmpty();
      assertThat(s.followUpYears()).isEqualTo(2);
      assertThat(s.periodPairs()).isEqualTo(PeriodPairs.CONSECUTIVE_AND_SPAN);
      assertThat(s.alarms()).isEqualTo(new AlarmSettings(2, 2.0, 0.2, 3.0, 1.5, 5.0));
      assertThat(s.defaultAgeBands()).hasSize(5);
      assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    @DisplayName("bad values are refused with a message that names the setting and the value")
    void refused() {
      assertThatThrownBy(() -> IndicatorSettings.builder().confidence(1.0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("confidence (1.0) must be strictly between 0 and 1");
      assertThatThrownBy(() -> IndicatorSettings.builder().followUpYears(0))
          .hasMessage("followUpYears (0) must be positive");
      assertThatThrownBy(() -> IndicatorSettings.builder().rejected(-1))
          .hasMessage("rejected (-1) must not be negative");
      assertThatThrownBy(() -> Grouping.of("colonia"))
          .hasMessage("grouping (colonia) must be area, year, sex or age");
      assertThatThrownBy(() -> AreaLevel.of("colonia"))
          .hasMessage("area level (colonia) must be department or municipality");
      assertThatThrownBy(() -> new AlarmSettings(2, 2.0, 0.2, 3.0, 1.0, 5.0))
          .hasMessage("cusumShift (1.0) must be above 1");
    }

    @Test
    @DisplayName("period pairs: consecutive years, the span, or both")
    void periodPairs() throws IOException {
      List<Incident> three = new ArrayList<>(INCIDENTS);
      three.add(homicide("h25", LocalDate.of(2025, 3, 1), "0801", Sex.MALE, CaseHistory.EMPTY));
      List<PopulationTable.Row> rows = new ArrayList<>();
      for (int y = 2023; y <= 2025; y++) {
        rows.add(new PopulationTable.Row("0801", y, Optional.empty(), Optional.empty(), 100_000));
      }
      PopulationTable table = PopulationTable.of("test", rows);
      for (PeriodPairs p : PeriodPairs.values()) {
        IndicatorReport r =
            IndicatorReport.compute(
                three, table, IndicatorSettings.builder().periodPairs(p).build());
        List<String> pairs = r.changes().stream().map(c -> c.from() + "-" + c.to()).toList();
        switch (p) {
          case CONSECUTIVE_AND_SPAN ->
              assertThat(pairs).containsExactly("2023-2024", "2024-2025", "2023-2025");
          case CONSECUTIVE -> assertThat(pairs).containsExactly("2023-2024", "2024-2025");
          case SPAN -> assertThat(pairs).containsExactly("2023-2025");
        }
      }
    }
  }

  @Nested
  @DisplayName("invariants")
  class Invariants {
    private List<Incident> random(long seed, int n) {
      SplittableRandom r = new SplittableRandom(seed);
      String[] codes = {"0101", "0101", "010111", "0401", null};
      String[] areas = {"0801", "0501", "0301", null};
      List<Incident> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Incident.Builder b = Incident.builder("i" + i);
        String code = codes[r.nextInt(codes.length)];
        if (code != null) {
          b.iccs(code);
        }
        if (r.nextInt(8) > 0) {
          b.occurred(
              TimeWindow.day(
                  LocalDate.of(2021 + r.nextInt(4), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                  TimeWindow.HONDURAS));
        }
        String area = areas[r.nextInt(areas.length)];
        if (area != null) {
          b.location(
              Location.builder().admin(AdminArea.of(area.substring(0, 2), area, null)).build());
        }
        if (r.nextInt(10) == 0) {
          b.context(
              new IncidentContext(
                  Attempt.ATTEMPTED,
                  Mechanism.UNKNOWN,
                  PlaceType.UNKNOWN,
                  Optional.empty(),
                  Optional.empty()));
        }
        list.add(b.build());
      }
      return list;
    }

    private long used(IndicatorReport r) {
      return r.rates().stream().mapToLong(RateResult::count).sum();
    }

    @Test
    @DisplayName(
        "nothing is lost silently: the incidents counted plus those left out are every incident"
            + " given")
    void nothingLost() {
      qt().forAll(longs().all(), integers().between(0, 300))
          .checkAssert(
              (seed, n) -> {
                List<Incident> list = random(seed, n);
                IndicatorReport r =
                    IndicatorReport.compute(
                        list, PopulationTable.of("none", List.of()), IndicatorSettings.defaults());
                long excluded = r.excluded().values().stream().mapToLong(Long::longValue).sum();
                assertThat(used(r) + excluded).isEqualTo((long) n);
                assertThat(r.read()).isEqualTo((long) n);
              });
    }

    @Test
    @DisplayName(
        "grouping by area moves incidents between groups and to 'no area', never loses one")
    void groupingKeepsTotals() {
      qt().forAll(longs().all(), integers().between(1, 300))
          .checkAssert(
              (seed, n) -> {
                List<Incident> list = random(seed, n);
                PopulationTable none = PopulationTable.of("none", List.of());
                IndicatorReport byAreaYear =
                    IndicatorReport.compute(
                        list,
                        none,
                        IndicatorSettings.builder().groupBy(Grouping.AREA, Grouping.YEAR).build());
                IndicatorReport byYear =
                    IndicatorReport.compute(
                        list, none, IndicatorSettings.builder().groupBy(Grouping.YEAR).build());
                IndicatorReport all =
                    IndicatorReport.compute(
                        list, none, IndicatorSettings.builder().groupBy(List.of()).build());
                long noArea = byAreaYear.excluded().getOrDefault("no municipality code", 0L);
                assertThat(used(byYear)).isEqualTo(used(byAreaYear) + noArea);
                assertThat(used(all)).isEqualTo(used(byYear));
                assertThat(all.rates()).hasSizeLessThanOrEqualTo(1);
              });
    }
  }
}
