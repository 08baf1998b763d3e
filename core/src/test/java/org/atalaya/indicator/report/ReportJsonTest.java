package org.atalaya.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.indicator.report.ReportFixtures.by;
import static org.atalaya.indicator.report.ReportFixtures.homicide;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.indicator.FunnelStage;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.StageCount;
import org.atalaya.indicator.StageTime;
import org.junit.jupiter.api.Test;

/**
 * The {@code atalaya-indicators} document (sdk-docs/indicators.md, "The indicators JSON document")
 * for the hand-built list of {@link IndicatorReportTest}: 100 homicides in 2023 (months 1 to 4 have
 * 9, the others 8; 20 convicted 21 days after being charged) and 10 in 2024 (one a month from
 * January to October), in municipality 0801 of 100,000 people.
 */
class ReportJsonTest {

  private static JsonNode document() throws IOException {
    IndicatorReport r =
        IndicatorReport.compute(
            IndicatorReportTest.INCIDENTS,
            IndicatorReportTest.population(),
            by(Grouping.AREA, Grouping.YEAR, Grouping.SEX)
                .asOf(Optional.of(LocalDate.of(2026, 1, 1)))
                .input("hand.csv")
                .populationInput("pop.csv")
                .rejected(4)
                .build());
    return r.toJsonTree();
  }

  @Test
  void theInputSectionNamesTheFilesCountsAndSettings() throws IOException {
    JsonNode in = document().get("input");
    assertThat(in.get("file").asText()).isEqualTo("hand.csv");
    assertThat(in.get("read").asLong()).isEqualTo(115);
    assertThat(in.get("accepted").asLong()).isEqualTo(111);
    assertThat(in.get("rejected").asLong()).isEqualTo(4);
    assertThat(in.get("population").asText()).isEqualTo("pop.csv");
    assertThat(in.get("populationVintage").asText()).isEqualTo("test table 2026");
    assertThat(in.get("iccs").asText()).isEqualTo("0101");
    assertThat(in.get("areaLevel").asText()).isEqualTo("municipality");
    assertThat(in.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(in.get("per").asLong()).isEqualTo(100_000);
  }

  @Test
  void aRateCarriesItsGroupCountRateAndInterval() throws IOException {
    JsonNode rates = document().get("rates");
    assertThat(rates).hasSize(2);
    JsonNode y2023 = rates.get(0);
    assertThat(y2023.get("group").get("area").asText()).isEqualTo("0801");
    assertThat(y2023.get("group").get("year").asInt()).isEqualTo(2023);
    assertThat(y2023.get("count").asLong()).isEqualTo(100);
    assertThat(y2023.get("population").asDouble()).isEqualTo(100_000.0);
    assertThat(y2023.get("per").asLong()).isEqualTo(100_000);
    assertThat(y2023.get("rate").asDouble()).isEqualTo(100.0);
    // Garwood 95%, x = 100: (81.363991, 121.626794)
    assertThat(y2023.get("lower").asDouble()).isCloseTo(81.363991, within(1e-6));
    assertThat(y2023.get("upper").asDouble()).isCloseTo(121.626794, within(1e-6));
    assertThat(y2023.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(y2023.get("method").asText()).isEqualTo("exact");
    assertThat(y2023.get("lineage").get("used").asLong()).isEqualTo(100);
    assertThat(rates.get(1).get("group").get("year").asInt()).isEqualTo(2024);
    assertThat(rates.get(1).get("count").asLong()).isEqualTo(10);
  }

  @Test
  void aGroupHoldsOnlyTheDimensionsGroupedBy() throws IOException {
    IndicatorReport byNothing =
        IndicatorReport.compute(
            IndicatorReportTest.INCIDENTS, IndicatorReportTest.population(), by().build());
    JsonNode json = byNothing.toJsonTree();
    assertThat(json.get("input").get("by")).isEmpty();
    assertThat(json.get("rates").get(0).get("group")).isEmpty();
    assertThat(json.get("rates").get(0).get("count").asLong()).isEqualTo(110);
    assertThat(json.get("changes").get(0).get("group")).isEmpty();
    assertThat(json.get("impunity").get(0).get("group")).isEmpty();
    assertThat(json.get("sdg16_1_1").get(0).get("group").size()).isEqualTo(2);
  }

  @Test
  void aChangeGivesBothRatesTheRatioItsIntervalTheVerdictAndTheSentences() throws IOException {
    JsonNode c = document().get("changes").get(0);
    assertThat(c.get("group").get("area").asText()).isEqualTo("0801");
    assertThat(c.get("group").has("year")).isFalse();
    assertThat(c.get("from").asInt()).isEqualTo(2023);
    assertThat(c.get("to").asInt()).isEqualTo(2024);
    assertThat(c.get("before").get("count").asLong()).isEqualTo(100);
    assertThat(c.get("before").get("rate").asDouble()).isEqualTo(100.0);
    assertThat(c.get("before").get("population").asDouble()).isEqualTo(100_000.0);
    assertThat(c.get("after").get("count").asLong()).isEqualTo(10);
    assertThat(c.get("after").get("rate").asDouble()).isEqualTo(10.0);
    // Garwood 95%, x = 10: (4.795389, 18.390356)
    assertThat(c.get("after").get("lower").asDouble()).isCloseTo(4.795389, within(1e-6));
    assertThat(c.get("after").get("upper").asDouble()).isCloseTo(18.390356, within(1e-6));
    assertThat(c.get("rateRatio").asDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(c.get("lower").asDouble()).isLessThan(0.1);
    assertThat(c.get("upper").asDouble()).isGreaterThan(0.1).isLessThan(1);
    assertThat(c.get("pValue").asDouble()).isLessThan(0.05);
    assertThat(c.get("verdict").asText()).isEqualTo("SIGNIFICANT_DECREASE");
    assertThat(c.get("sentence").get("en").asText()).contains("100.0").contains("10.0");
    assertThat(c.get("sentence").get("es").asText()).contains("bajó de 100.0 a 10.0");
    assertThat(c.get("lineage").get("used").asLong()).isEqualTo(110);
  }

  @Test
  void sdgRowsNameTheirSexAndBandAndOnlyTotalsTellTheUncountedVictims() throws IOException {
    List<Incident> list = new ArrayList<>();
    list.add(homicide("m", LocalDate.of(2023, 2, 1), "0801"));
    list.add(
        ReportFixtures.incident("x", "0101", LocalDate.of(2023, 3, 1), "0801")
            .addVictim(Victim.of(Sex.FEMALE, 70, VictimOutcome.KILLED))
            .addVictim(Victim.of(Sex.OTHER, 20, VictimOutcome.KILLED))
            .addVictim(Victim.of(Sex.UNKNOWN, 20, VictimOutcome.KILLED))
            .addVictim(
                new Victim(
                    Sex.UNKNOWN,
                    java.util.OptionalInt.empty(),
                    Optional.empty(),
                    org.atalaya.incident.Relationship.UNKNOWN,
                    VictimOutcome.KILLED))
            .build());
    PopulationTable table =
        PopulationTable.of(
            "by sex",
            List.of(
                ReportFixtures.row("0801", 2023, Sex.FEMALE, null, 50_000),
                ReportFixtures.row("0801", 2023, Sex.MALE, null, 50_000)));
    JsonNode sdg =
        IndicatorReport.compute(list, table, by(Grouping.AREA, Grouping.YEAR, Grouping.SEX).build())
            .toJsonTree()
            .get("sdg16_1_1");
    assertThat(sdg).hasSize(3);
    JsonNode total = sdg.get(0);
    assertThat(total.get("group").get("area").asText()).isEqualTo("0801");
    assertThat(total.get("group").get("year").asInt()).isEqualTo(2023);
    assertThat(total.get("group").get("sex").asText()).isEqualTo("all");
    assertThat(total.get("group").get("ageBand").asText()).isEqualTo("all");
    assertThat(total.get("victims").asLong()).isEqualTo(5);
    assertThat(total.get("rate").asDouble()).isCloseTo(5.0, within(1e-12));
    assertThat(total.get("victimsOfUnknownAge").asLong()).isEqualTo(1);
    assertThat(total.get("victimsOfOtherOrUnknownSex").asLong()).isEqualTo(3);
    assertThat(total.get("lineage").get("used").asLong()).isEqualTo(2);
    JsonNode women = sdg.get(1);
    assertThat(women.get("group").get("sex").asText()).isEqualTo("female");
    assertThat(women.get("victims").asLong()).isEqualTo(1);
    assertThat(women.get("rate").asDouble()).isCloseTo(2.0, within(1e-12));
    assertThat(women.has("victimsOfUnknownAge")).isFalse();
    assertThat(women.has("victimsOfOtherOrUnknownSex")).isFalse();
    assertThat(sdg.get(2).get("group").get("sex").asText()).isEqualTo("male");
    assertThat(sdg.get(2).get("victims").asLong()).isEqualTo(1);
  }

  @Test
  void theAlarmSectionGivesEveryMonthsCountAndEachRulesParameters() throws IOException {
    JsonNode a = document().get("alarms").get(0);
    assertThat(a.get("group").get("area").asText()).isEqualTo("0801");
    assertThat(a.get("start").asText()).isEqualTo("2023-01");
    assertThat(a.get("end").asText()).isEqualTo("2024-10");
    List<Long> counts = new ArrayList<>();
    a.get("counts").forEach(n -> counts.add(n.asLong()));
    List<Long> expected = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      expected.add(m <= 4 ? 9L : 8L);
    }
    for (int m = 1; m <= 10; m++) {
      expected.add(1L);
    }
    assertThat(counts).isEqualTo(expected);
    JsonNode z = a.get("rules").get(0);
    assertThat(z.get("rule").asText()).isEqualTo("poissonZ");
    assertThat(z.get("parameters").get("baselineYears").isInt()).isTrue();
    assertThat(z.get("parameters").get("baselineYears").asInt()).isEqualTo(1);
    assertThat(z.get("parameters").get("threshold").asDouble()).isEqualTo(2.0);
    assertThat(z.get("monthsChecked").asInt()).isEqualTo(10);
    assertThat(z.get("alarmMonths")).isEmpty();
    JsonNode ewma = a.get("rules").get(1);
    assertThat(ewma.get("rule").asText()).isEqualTo("ewma");
    assertThat(ewma.get("parameters").get("mu0").asDouble()).isCloseTo(100 / 12.0, within(1e-12));
    assertThat(a.get("rules").get(2).get("rule").asText()).isEqualTo("cusum");
    assertThat(a.get("lineage").get("used").asLong()).isEqualTo(110);
  }

  @Test
  void anAlarmMonthWithoutABaselineHasNoFiniteStatistic() {
    // One homicide in January 2023 and one in February 2024: against February 2023 (none) the
    // Poisson Z of February 2024 is infinite, an alarm whose statistic the document writes as null.
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2023, 1, 10), "0801"),
            homicide("b", LocalDate.of(2024, 2, 10), "0801"));
    JsonNode a =
        IndicatorReport.compute(list, PopulationTable.of("none", List.of()), by().build())
            .toJsonTree()
            .get("alarms")
            .get(0);
    JsonNode z = a.get("rules").get(0);
    assertThat(z.get("rule").asText()).isEqualTo("poissonZ");
    assertThat(z.get("monthsChecked").asInt()).isEqualTo(2);
    assertThat(z.get("alarmMonths")).hasSize(1);
    JsonNode alarm = z.get("alarmMonths").get(0);
    assertThat(alarm.get("month").asText()).isEqualTo("2024-02");
    assertThat(alarm.get("count").asLong()).isEqualTo(1);
    assertThat(alarm.get("expected").asDouble()).isEqualTo(0.0);
    assertThat(alarm.get("statistic").isNull()).isTrue();
    assertThat(alarm.get("threshold").asDouble()).isEqualTo(2.0);
  }

  @Test
  void theImpunitySectionGivesTheCohortStagesStatusAndTimes() throws IOException {
    JsonNode f = document().get("impunity").get(0);
    assertThat(f.get("group").get("area").asText()).isEqualTo("0801");
    assertThat(f.get("group").get("year").asInt()).isEqualTo(2023);
    assertThat(f.get("asOf").asText()).isEqualTo("2026-01-01");
    assertThat(f.get("followUpYears").asInt()).isEqualTo(2);
    assertThat(f.get("cases").asLong()).isEqualTo(100);
    assertThat(f.get("withoutHistory").asLong()).isZero();
    assertThat(f.get("notYetEntered").asLong()).isZero();
    assertThat(f.get("cohort").asLong()).isEqualTo(100);
    assertThat(f.get("younger").asLong()).isZero();
    JsonNode convicted = f.get("stages").get(3);
    assertThat(convicted.get("stage").asText()).isEqualTo("CONVICTED");
    assertThat(convicted.get("reached").asLong()).isEqualTo(20);
    assertThat(convicted.get("cohortReached").asLong()).isEqualTo(20);
    JsonNode ofCohort = convicted.get("ofCohort");
    assertThat(ofCohort.get("successes").asLong()).isEqualTo(20);
    assertThat(ofCohort.get("trials").asLong()).isEqualTo(100);
    assertThat(ofCohort.get("estimate").asDouble()).isEqualTo(0.2);
    // binom.test(20, 100): (0.1266556, 0.2918427)
    assertThat(ofCohort.get("lower").asDouble()).isCloseTo(0.1266556, within(1e-6));
    assertThat(ofCohort.get("upper").asDouble()).isCloseTo(0.2918427, within(1e-6));
    assertThat(convicted.get("ofPrevious").get("successes").asLong()).isEqualTo(20);
    assertThat(f.get("currentStatus").get("CONVICTED").asLong()).isEqualTo(20);
    assertThat(f.get("currentStatus").get("REPORTED").asLong()).isEqualTo(80);
    assertThat(f.get("currentStatus").get("ARCHIVED").asLong()).isZero();
    List<String> steps = new ArrayList<>();
    f.get("medianDays").fieldNames().forEachRemaining(steps::add);
    assertThat(steps)
        .containsExactly("REPORTED->INVESTIGATED", "INVESTIGATED->CHARGED", "CHARGED->CONVICTED");
    // charged on 2023-12-20, convicted on 2024-01-10: 21 days
    assertThat(f.get("medianDays").get("CHARGED->CONVICTED").asDouble()).isEqualTo(21.0);
    JsonNode time = f.get("timeToStage").get("CHARGED->CONVICTED");
    assertThat(time.get("events").asLong()).isEqualTo(20);
    assertThat(time.get("stillWaiting").asLong()).isZero();
    assertThat(time.get("medianDays").asDouble()).isEqualTo(21.0);
    assertThat(f.get("lineage").get("used").asLong()).isEqualTo(100);
  }

  @Test
  void theImpunitySectionWritesWhatTheFunnelHoldsAndNullForWhatItLacks() throws IOException {
    IndicatorReport r =
        IndicatorReport.compute(
            IndicatorReportTest.INCIDENTS,
            IndicatorReportTest.population(),
            by(Grouping.AREA, Grouping.YEAR).asOf(Optional.of(LocalDate.of(2026, 1, 1))).build());
    ImpunityFunnel model = r.funnels().get(0).funnel();
    JsonNode f = r.toJsonTree().get("impunity").get(0);
    FunnelStage[] all = FunnelStage.values();
    for (int k = 0; k < all.length; k++) {
      StageCount s = model.stage(all[k]);
      JsonNode st = f.get("stages").get(k);
      assertThat(st.get("stage").asText()).isEqualTo(all[k].name());
      assertThat(st.get("censored").asLong()).isEqualTo(s.censored());
      assertThat(st.get("ofCohort").isNull()).isEqualTo(s.ofCohort().isEmpty());
      assertThat(st.get("ofPrevious").isNull()).isEqualTo(s.ofPrevious().isEmpty());
    }
    for (int k = 0; k + 1 < all.length; k++) {
      String step = all[k].name() + "->" + all[k + 1].name();
      StageTime t = model.timeBetween(all[k], all[k + 1]);
      JsonNode o = f.get("timeToStage").get(step);
      assertThat(o.get("atRisk").asLong()).as(step).isEqualTo(t.atRisk());
      assertThat(o.get("endedOtherwise").asLong()).as(step).isEqualTo(t.endedOtherwise());
      assertThat(o.get("startUnknown").asLong()).as(step).isEqualTo(t.startUnknown());
      assertThat(o.get("medianDays").isNull()).as(step).isEqualTo(t.medianDays().isEmpty());
      assertThat(o.get("medianLower").isNull())
          .as(step)
          .isEqualTo(t.estimate().medianLower().isEmpty());
      assertThat(o.get("medianUpper").isNull())
          .as(step)
          .isEqualTo(t.estimate().medianUpper().isEmpty());
      assertThat(f.get("medianDays").get(step).isNull())
          .as(step)
          .isEqualTo(model.medianDays(all[k], all[k + 1]).isEmpty());
    }
    // Every case reported, none investigated with a date: the first step never happens.
    assertThat(f.get("timeToStage").get("REPORTED->INVESTIGATED").get("medianDays").isNull())
        .isTrue();
  }

  @Test
  void aMissingPopulationLeavesTheRateNullAndIsListed() {
    PopulationTable only2023 =
        PopulationTable.of(
            "2023 only",
            List.of(
                new PopulationTable.Row(
                    "0801", 2023, Optional.empty(), Optional.empty(), 100_000)));
    JsonNode json =
        IndicatorReport.compute(
                IndicatorReportTest.INCIDENTS, only2023, by(Grouping.AREA, Grouping.YEAR).build())
            .toJsonTree();
    JsonNode y2024 = json.get("rates").get(1);
    assertThat(y2024.get("count").asLong()).isEqualTo(10);
    assertThat(y2024.get("rate").isNull()).isTrue();
    assertThat(y2024.has("population")).isFalse();
    assertThat(y2024.has("lower")).isFalse();
    assertThat(json.get("missingPopulation")).hasSize(1);
    assertThat(json.get("missingPopulation").get(0).asText()).isEqualTo("area 0801, year 2024");

    JsonNode complete =
        IndicatorReport.compute(
                IndicatorReportTest.INCIDENTS,
                PopulationTable.of(
                    "both",
                    List.of(
                        new PopulationTable.Row(
                            "0801", 2023, Optional.empty(), Optional.empty(), 100_000),
                        new PopulationTable.Row(
                            "0801", 2024, Optional.empty(), Optional.empty(), 100_000))),
                by(Grouping.AREA, Grouping.YEAR).build())
            .toJsonTree();
    assertThat(complete.has("missingPopulation")).isFalse();
  }
}
