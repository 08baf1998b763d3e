package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every indicator result carries its lineage, and the caller's inputs reach its JSON. */
class LineageOnResultsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Checks what every factory must record: method, version, and the confidence when given. */
  private static void assertFilled(Lineage l, Optional<Double> confidence) {
    assertThat(l.method()).isPresent();
    assertThat(l.method().get()).isNotBlank();
    assertThat(l.version()).isEqualTo(Lineage.atalayaVersion()).isNotBlank();
    if (confidence.isPresent()) {
      assertThat(l.confidence()).hasValue(confidence.get());
    } else {
      assertThat(l.confidence()).isEmpty();
    }
  }

  /** Adds the caller's inputs, as the command line does, and returns the lineage's JSON. */
  private static JsonNode callerJson(Lineage l) throws IOException {
    Lineage extended =
        l.toBuilder()
            .input("incidents-2024.csv")
            .filter("department 08")
            .populationVintage("INE 2013 projections")
            .build();
    return MAPPER.readTree(extended.toJson());
  }

  private static void assertCallerInputs(JsonNode json) {
    assertThat(json.get("inputs").toString()).contains("\"incidents-2024.csv\"");
    assertThat(json.get("filters").toString()).contains("department 08");
    assertThat(json.get("populationVintage").asText()).isEqualTo("INE 2013 projections");
    assertThat(json.get("method").asText()).isNotBlank();
    assertThat(json.get("version").asText()).isNotBlank();
  }

  @Test
  @DisplayName(
      "a rate records its count, confidence, interval method and version, and keeps the caller's"
          + " inputs")
  void rate() throws IOException {
    Rate r =
        Rate.builder()
            .count(137)
            .population(2_419_893)
            .confidence(0.90)
            .method(IntervalMethod.BYAR)
            .build();
    assertFilled(r.lineage(), Optional.of(0.90));
    assertThat(r.lineage().used()).isEqualTo(137);
    assertThat(r.lineage().indicator()).isEqualTo("rate per 100,000");
    assertThat(r.lineage().method().get()).contains("Byar");
    assertThat(Rate.of(5, 1000).lineage().method().get()).contains("Garwood");
    Rate withInputs = r.withLineage(r.lineage().toBuilder().input("incidents-2024.csv").build());
    assertThat(withInputs.rate()).isEqualTo(r.rate());
    assertThat(withInputs.lineage().inputs()).containsExactly("incidents-2024.csv");
    assertCallerInputs(callerJson(r.lineage()));
    // the old eight-value constructor still works, with the factory's lineage
    Rate old = new Rate(10, 1000, 1000, 10, 4.8, 18.4, 0.95, IntervalMethod.EXACT);
    assertThat(old.lineage().indicator()).isEqualTo("rate per 1000");
  }

  @Test
  @DisplayName("a rate comparison records both counts, its confidence, method and version")
  void rateComparison() throws IOException {
    RateComparison c = RateComparison.of(11, 800, 21, 3011, 0.99);
    assertFilled(c.lineage(), Optional.of(0.99));
    assertThat(c.lineage().used()).isEqualTo(32);
    assertThat(c.lineage().method().get()).contains("poisson.test");
    assertThat(c.withLineage(c.lineage().toBuilder().input("x.csv").build()).pValue())
        .isEqualTo(c.pValue());
    assertCallerInputs(callerJson(c.lineage()));
  }

  @Test
  @DisplayName("a period change merges the inputs, filters and vintages of its two rates")
  void periodChange() throws IOException {
    Rate before = Rate.of(7740, 9_000_000);
    Rate after = Rate.of(7110, 9_000_000);
    before =
        before.withLineage(
            before.lineage().toBuilder().input("2023.csv").populationVintage("INE").build());
    after =
        after.withLineage(
            after.lineage().toBuilder().input("2024.csv").populationVintage("INE").build());
    PeriodChange c = PeriodChange.of("homicide", "homicidios", before, after);
    assertFilled(c.lineage(), Optional.of(0.95));
    assertThat(c.lineage().inputs()).containsExactly("2023.csv", "2024.csv");
    assertThat(c.lineage().populationVintage()).hasValue("INE");
    assertThat(c.lineage().used()).isEqualTo(7740 + 7110);
    assertThat(c.withLineage(Lineage.builder("x").build()).lineage().indicator()).isEqualTo("x");
    assertCallerInputs(callerJson(c.lineage()));
  }

  @Test
  @DisplayName("concentration records the incidents used and its method, with no confidence level")
  void concentration() throws IOException {
    Concentration c = Concentration.of(5, 2, 1, 0, 0, 0, 0, 0, 0, 0);
    assertFilled(c.lineage(), Optional.empty());
    assertThat(c.lineage().used()).isEqualTo(8);
    assertThat(c.lineage().indicator()).contains("10 places");
    assertThat(c.withLineage(c.lineage().toBuilder().input("segments.csv").build()).gini())
        .isEqualTo(c.gini());
    assertCallerInputs(callerJson(c.lineage()));
  }

  @Test
  @DisplayName("SDG 16.1.1 counts record what was left out; their rates add the population vintage")
  void homicideVictims() throws IOException {
    HomicideVictims v = HomicideVictims.count(Sdg1611Test.INCIDENTS, Sdg1611Test.BANDS);
    assertThat(v.lineage().method()).isPresent();
    assertThat(v.lineage().used()).isEqualTo(v.incidents());
    assertThat(v.lineage().excluded())
        .containsEntry("recorded as an attempt", 1L)
        .containsEntry("homicide incident without a victim record", 1L)
        .containsEntry("victims not killed", 1L)
        .containsEntry("victims of unknown outcome", 1L);
    PopulationTable table =
        PopulationTable.readCsv(
            new StringReader("area,year,sex,age_band,population\nHN,2024,,,9830000\n"),
            "test table, 2026");
    HomicideVictims withFile =
        v.withLineage(v.lineage().toBuilder().input("incidents-2024.csv").build());
    Rate r =
        withFile
            .rate(table, "HN", 2024, Optional.empty(), Optional.empty(), Rate.PER_100_000, 0.9)
            .orElseThrow();
    assertFilled(r.lineage(), Optional.of(0.9));
    assertThat(r.lineage().populationVintage()).hasValue("test table, 2026");
    assertThat(r.lineage().inputs()).containsExactly("incidents-2024.csv");
    assertThat(r.lineage().excluded()).containsEntry("recorded as an attempt", 1L);
    assertThat(r.lineage().indicator()).startsWith("SDG 16.1.1").contains("HN").contains("2024");
    assertThat(r.lineage().method().get()).contains("Garwood").contains("KILLED");
    assertCallerInputs(callerJson(v.lineage()));
  }

  @Test
  @DisplayName(
      "the impunity funnel and its times record cases used and left out, method, confidence and"
          + " version")
  void impunityFunnel() throws IOException {
    ImpunityFunnel f =
        ImpunityFunnel.of(
            ImpunityFunnelTest.CASES,
            new ImpunityFunnel.Settings(ImpunityFunnelTest.AS_OF, Period.ofYears(1), 0.9));
    assertFilled(f.lineage(), Optional.of(0.9));
    assertThat(f.lineage().used()).isEqualTo(8);
    assertThat(f.lineage().excluded())
        .containsExactly(
            Map.entry("no case history", 1L), Map.entry("first step after 2024-12-31", 1L));
    ImpunityFunnel withFile = f.withLineage(f.lineage().toBuilder().input("cases.csv").build());
    assertThat(withFile.stages()).isEqualTo(f.stages());
    StageTime t = withFile.timeBetween(FunnelStage.CHARGED, FunnelStage.CONVICTED);
    assertFilled(t.lineage(), Optional.of(0.9));
    assertThat(t.lineage().inputs()).containsExactly("cases.csv");
    assertThat(t.lineage().method().get()).contains("Kaplan-Meier");
    assertThat(t.lineage().indicator()).isEqualTo("days from CHARGED to CONVICTED");
    assertCallerInputs(callerJson(f.lineage()));
  }

  @Test
  @DisplayName("Jackson writes a lineage inside any object as its JSON tree")
  void jackson() throws IOException {
    Lineage l = Rate.of(3, 1000).lineage().toBuilder().input("a.csv").build();
    JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(Map.of("lineage", l)));
    assertThat(json.get("lineage")).isEqualTo(MAPPER.readTree(l.toJson()));
    assertThat(json.get("lineage").get("inputs").get(0).asText()).isEqualTo("a.csv");
    assertThat(l.toBuilder().build()).isEqualTo(l);
  }

  @Test
  @DisplayName(
      "a standardised rate records its strata, counts, confidence, Fay-Feuer method and version")
  void standardisedRate() throws IOException {
    DirectStandardisedRate r =
        DirectStandardisedRate.of(
            new long[] {3, 7}, new double[] {1000, 2000}, new double[] {60, 40}, 0.9, 1000);
    assertFilled(r.lineage(), Optional.of(0.9));
    assertThat(r.lineage().used()).isEqualTo(10);
    assertThat(r.lineage().indicator()).contains("2 strata");
    assertThat(r.lineage().method().get()).contains("Fay-Feuer");
    assertThat(r.withLineage(r.lineage().toBuilder().input("x.csv").build()).rate())
        .isEqualTo(r.rate());
    assertCallerInputs(callerJson(r.lineage()));
  }

  @Test
  @DisplayName(
      "smoothed rates record the areas, the counts used, Marshall's method and how negative"
          + " variance is handled")
  void smoothedRates() throws IOException {
    SmoothedRates s =
        SmoothedRates.marshallGlobal(new long[] {1, 5, 20}, new double[] {1000, 4000, 9000});
    assertFilled(s.lineage(), Optional.empty());
    assertThat(s.lineage().used()).isEqualTo(26);
    assertThat(s.lineage().indicator()).contains("3 areas");
    assertThat(s.lineage().method().get()).contains("Marshall").contains("set to 0");
    assertCallerInputs(callerJson(s.lineage()));
  }

  @Test
  @DisplayName("alarms carry the rule, its parameters and the series' inputs")
  void alarms() throws IOException {
    MonthlySeries series =
        MonthlySeries.of(YearMonth.of(2022, 1), 5, 6, 4, 5, 7, 5, 6, 5, 4, 6, 5, 7, 6, 5, 4, 20);
    assertFilled(series.lineage(), Optional.empty());
    assertThat(series.lineage().used()).isEqualTo(100);
    MonthlySeries withInputs =
        series.withLineage(series.lineage().toBuilder().input("incidents-2024.csv").build());
    List<Alarm> alarms = Alarms.ewma(withInputs, 5.5, 0.2, 3);
    assertThat(alarms)
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.lineage().inputs()).containsExactly("incidents-2024.csv");
              assertThat(a.lineage().method().get()).contains("EWMA").contains("lambda = 0.2");
              assertThat(a.lineage().used()).isEqualTo(100);
            });
    assertThat(Alarms.poissonZ(series, 1, 2).get(0).lineage().method().get())
        .contains("Poisson Z")
        .contains("1 previous years");
    assertThat(Alarms.cusum(series, 5, 8, 4).get(0).lineage().method().get()).contains("CUSUM");
    assertCallerInputs(callerJson(alarms.get(0).lineage()));
  }
}
