package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atalaya indicators} on a hand-built file: 100 homicides in 2023 and 10 in 2024 in one
 * municipality of 100,000 people, so the rates are the published Garwood vectors of DESIGN.md.
 */
class IndicatorsCommandTest {
  @TempDir Path dir;

  private static final String HEADER =
      "id,iccs,occurred_from,municipality,latitude,longitude,victims,case_history\n";

  /**
   * 100 homicides in 2023 (20 convicted), 10 in 2024 (8 men, 2 women), one robbery; optionally one
   * bad row.
   */
  private Path incidents(boolean withBadRow) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int k = 0; k < 100; k++) {
      String date = String.format("2023-%02d-15", k % 12 + 1);
      String history =
          k < 20
              ? "REPORTED@" + date + " CHARGED@2023-12-20 CONVICTED@2024-01-10"
              : "REPORTED@" + date;
      sb.append("h23-")
          .append(k)
          .append(",0101,")
          .append(date)
          .append("T10:00:00-06:00,0801,,,MALE/25//UNKNOWN/KILLED,")
          .append(history)
          .append('\n');
    }
    for (int k = 0; k < 10; k++) {
      String date = String.format("2024-%02d-15", k % 12 + 1);
      String victim = k < 8 ? "MALE/20//UNKNOWN/KILLED" : "FEMALE/40//UNKNOWN/KILLED";
      sb.append("h24-")
          .append(k)
          .append(",0101,")
          .append(date)
          .append("T10:00:00-06:00,0801,,,")
          .append(victim)
          .append(",REPORTED@")
          .append(date)
          .append('\n');
    }
    sb.append("r1,0401,2024-05-01T10:00:00-06:00,0801,,,,\n");
    if (withBadRow) {
      sb.append("bad,0101,2024-03-15T21:30:00-06:00,0801,-87.2068,14.0818,,\n");
    }
    Path f = dir.resolve(withBadRow ? "bad.csv" : "ok.csv");
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  private Path population() throws IOException {
    Path p = dir.resolve("pop.csv");
    Files.writeString(
        p,
        "area,year,sex,age_band,population\n"
            + "0801,2023,female,,50000\n0801,2023,male,,50000\n"
            + "0801,2024,female,,50000\n0801,2024,male,,50000\n",
        StandardCharsets.UTF_8);
    return p;
  }

  private static JsonNode find(JsonNode array, String field, int value) {
    for (JsonNode n : array) {
      if (n.get("group").path(field).asInt() == value) {
        return n;
      }
    }
    throw new AssertionError("no result with " + field + " = " + value + " in " + array);
  }

  private static List<String> keys(JsonNode n) {
    List<String> keys = new ArrayList<>();
    n.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void ratesSdgChangeAlarmsAndFunnelWithLineage() throws IOException {
    Path out = dir.resolve("sub/indicators.json");
    CliTest.Run r =
        CliTest.run(
            "indicators",
            "--incidents",
            incidents(false).toString(),
            "--population",
            population().toString(),
            "--by",
            "area,year,sex",
            "--vintage",
            "test table 2026",
            "--as-of",
            "2026-01-01",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("0801 2024")
        .contains("10.00 (4.80 - 18.39)")
        .contains("fell from 100.0 to 10.0");
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertThat(keys(json))
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
    assertThat(json.get("input").get("read").asInt()).isEqualTo(111);
    assertThat(json.get("input").get("populationVintage").asText()).isEqualTo("test table 2026");

    // Garwood 95%: x = 10 -> (4.795389, 18.390356), x = 100 -> (81.363991, 121.626794), per 100,000
    // of 100,000.
    JsonNode r24 = find(json.get("rates"), "year", 2024);
    assertThat(r24.get("count").asLong()).isEqualTo(10);
    assertThat(r24.get("population").asDouble()).isEqualTo(100_000);
    assertThat(r24.get("rate").asDouble()).isEqualTo(10.0);
    assertThat(r24.get("lower").asDouble()).isCloseTo(4.795389, within(1e-6));
    assertThat(r24.get("upper").asDouble()).isCloseTo(18.390356, within(1e-6));
    assertThat(r24.get("method").asText()).isEqualTo("exact");
    JsonNode r23 = find(json.get("rates"), "year", 2023);
    assertThat(r23.get("lower").asDouble()).isCloseTo(81.363991, within(1e-6));
    assertThat(r23.get("upper").asDouble()).isCloseTo(121.626794, within(1e-6));

    JsonNode lineage = r24.get("lineage");
    assertThat(keys(lineage))
        .containsExactly(
            "indicator",
            "inputs",
            "filters",
            "used",
            "excluded",
            "populationVintage",
            "confidence",
            "method",
            "seed",
            "version");
    assertThat(lineage.get("inputs").get(0).asText()).isEqualTo("ok.csv");
    assertThat(lineage.get("used").asLong()).isEqualTo(10);
    assertThat(lineage.get("excluded").get("other ICCS category than 0101").asLong()).isEqualTo(1);
    assertThat(lineage.get("populationVintage").asText()).isEqualTo("test table 2026");
    assertThat(lineage.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(lineage.get("method").asText()).contains("Garwood");

    // poisson.test(c(10, 100), c(1e5, 1e5)): a significant fall; one change, 2023 -> 2024.
    assertThat(json.get("changes")).hasSize(1);
    JsonNode change = json.get("changes").get(0);
    assertThat(change.get("from").asInt()).isEqualTo(2023);
    assertThat(change.get("to").asInt()).isEqualTo(2024);
    assertThat(change.get("rateRatio").asDouble()).isCloseTo(0.1, within(1e-12));
    assertThat(change.get("verdict").asText()).isEqualTo("SIGNIFICANT_DECREASE");
    assertThat(change.get("sentence").get("es").asText()).contains("bajó de 100.0 a 10.0");
    assertThat(change.get("lineage").get("used").asLong()).isEqualTo(110);

    // SDG 16.1.1, victims by sex: 2 women of 50,000 -> 4 per 100,000, Garwood x = 2: (0.2422093,
    // 7.2246877) x 2.
    JsonNode women = null;
    for (JsonNode n : json.get("sdg16_1_1")) {
      if (n.get("group").get("year").asInt() == 2024
          && n.get("group").get("sex").asText().equals("female")) {
        women = n;
      }
    }
    assertThat(women).isNotNull();
    assertThat(women.get("victims").asLong()).isEqualTo(2);
    assertThat(women.get("rate").asDouble()).isCloseTo(4.0, within(1e-12));
    assertThat(women.get("lower").asDouble()).isCloseTo(2 * 0.2422093, within(1e-6));
    assertThat(women.get("upper").asDouble()).isCloseTo(2 * 7.2246877, within(1e-6));
    assertThat(women.get("lineage").get("indicator").asText()).contains("SDG 16.1.1");

    // Alarms: 22 months (January 2023 to the last incident, October 2024), one year of baseline.
    JsonNode alarms = json.get("alarms").get(0);
    assertThat(alarms.get("start").asText()).isEqualTo("2023-01");
    assertThat(alarms.get("end").asText()).isEqualTo("2024-10"); // the last month with an incident
    assertThat(alarms.get("counts")).hasSize(22);
    assertThat(alarms.get("rules").get(0).get("rule").asText()).isEqualTo("poissonZ");
    assertThat(alarms.get("rules").get(0).get("monthsChecked").asInt()).isEqualTo(10);
    assertThat(alarms.has("lineage")).isTrue();

    // Funnel of 2023: cohort 100, 20 convicted: binom.test(20, 100)$conf.int = (0.1266556,
    // 0.2918427).
    JsonNode funnel = find(json.get("impunity"), "year", 2023);
    assertThat(funnel.get("cohort").asLong()).isEqualTo(100);
    assertThat(funnel.get("currentStatus").get("CONVICTED").asLong()).isEqualTo(20);
    assertThat(funnel.get("currentStatus").get("REPORTED").asLong()).isEqualTo(80);
    assertThat(funnel.get("currentStatus").get("ACQUITTED").asLong()).isZero();
    assertThat(funnel.get("currentStatus").get("ARCHIVED").asLong()).isZero();
    JsonNode convicted = funnel.get("stages").get(3);
    assertThat(convicted.get("stage").asText()).isEqualTo("CONVICTED");
    assertThat(convicted.get("ofCohort").get("estimate").asDouble()).isEqualTo(0.2);
    assertThat(convicted.get("ofCohort").get("lower").asDouble())
        .isCloseTo(0.1266556, within(1e-6));
    assertThat(convicted.get("ofCohort").get("upper").asDouble())
        .isCloseTo(0.2918427, within(1e-6));
    assertThat(funnel.get("lineage").get("used").asLong()).isEqualTo(100);
    // Kaplan-Meier: 20 of 100 charged, the other 80 still waiting on 2026-01-01, so half never got
    // there
    JsonNode toCharge = funnel.get("timeToStage").get("INVESTIGATED->CHARGED");
    assertThat(keys(toCharge))
        .containsExactly(
            "atRisk",
            "events",
            "stillWaiting",
            "endedOtherwise",
            "startUnknown",
            "medianDays",
            "medianLower",
            "medianUpper");
    JsonNode reportedToInvestigated = funnel.get("timeToStage").get("REPORTED->INVESTIGATED");
    assertThat(reportedToInvestigated.get("atRisk").asLong()).isEqualTo(100);
    assertThat(reportedToInvestigated.get("events").asLong()).isEqualTo(20);
    assertThat(reportedToInvestigated.get("stillWaiting").asLong()).isEqualTo(80);
    assertThat(reportedToInvestigated.get("medianDays").isNull()).isTrue();
    // all 20 charged on 2023-12-20 were convicted 21 days later
    JsonNode toConviction = funnel.get("timeToStage").get("CHARGED->CONVICTED");
    assertThat(toConviction.get("events").asLong()).isEqualTo(20);
    assertThat(toConviction.get("medianDays").asDouble()).isEqualTo(21);
    assertThat(funnel.get("medianDays").get("CHARGED->CONVICTED").asDouble()).isEqualTo(21);
  }

  @Test
  void rejectedRecordsStillGiveFiguresButExitOne() throws IOException {
    CliTest.Run r =
        CliTest.run(
            "indicators",
            "--incidents",
            incidents(true).toString(),
            "--population",
            population().toString(),
            "--by",
            "year",
            "--json");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("1 records of bad.csv were rejected");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("input").get("rejected").asInt()).isEqualTo(1);
    JsonNode r24 = find(json.get("rates"), "year", 2024);
    assertThat(r24.get("count").asLong()).isEqualTo(10);
    assertThat(r24.get("group").has("area")).isFalse();
    assertThat(
            r24.get("lineage")
                .get("excluded")
                .get("rejected by the reader (see atalaya validate)")
                .asLong())
        .isEqualTo(1);
    assertThat(r24.get("lineage").get("populationVintage").asText())
        .contains("not stated")
        .contains("pop.csv");
    JsonNode sdg = json.get("sdg16_1_1").get(0);
    assertThat(sdg.get("group").get("sex").asText()).isEqualTo("all");
    assertThat(sdg.get("group").get("year").asInt()).isEqualTo(2023);
    assertThat(sdg.get("victims").asLong()).isEqualTo(100);
    assertThat(
            sdg.get("lineage")
                .get("excluded")
                .get("rejected by the reader (see atalaya validate)")
                .asLong())
        .isEqualTo(1);
    assertThat(sdg.get("lineage").get("used").asLong()).isEqualTo(100);
  }

  @Test
  void missingDenominatorsAreADataProblem() throws IOException {
    Path pop = dir.resolve("totals.csv");
    Files.writeString(
        pop, "area;year;sex;age_band;population\n0801;2023;;;100000\n0801;2024;;;100000\n");
    CliTest.Run r =
        CliTest.run(
            "indicators",
            "--incidents",
            incidents(false).toString(),
            "--population",
            pop.toString(),
            "--lang",
            "es");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("bajó de 100.0 a 10.0").contains("Sin cifra de población");
    assertThat(r.err()).contains("la tabla de población no tiene cifra");
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    Path f = incidents(false);
    Path pop = population();
    assertThat(
            CliTest.run(
                    "indicators",
                    "--incidents",
                    f.toString(),
                    "--population",
                    pop.toString(),
                    "--by",
                    "colour")
                .exit())
        .isEqualTo(2);
    assertThat(
            CliTest.run(
                    "indicators",
                    "--incidents",
                    f.toString(),
                    "--population",
                    pop.toString(),
                    "--confidence",
                    "1.5")
                .exit())
        .isEqualTo(2);
    assertThat(
            CliTest.run(
                    "indicators",
                    "--incidents",
                    dir.resolve("none.csv").toString(),
                    "--population",
                    pop.toString())
                .exit())
        .isEqualTo(2);
    assertThat(CliTest.run("indicators", "--incidents", f.toString()).exit()).isEqualTo(2);
  }

  @Test
  void demoPrintsTheRealImpunityFunnelWithItsSourceAndWritesIndicators() throws IOException {
    Path demo = dir.resolve("demo");
    CliTest.Run d = CliTest.run("demo", "--out", demo.toString(), "--seed", "5", "--lang", "en");
    assertThat(d.exit()).isZero();
    String out = d.out();
    int y2011 = out.indexOf("  2011  homicides 7,104, cases entering court 970, convictions 298");
    assertThat(y2011).isPositive();
    String block = out.substring(y2011, out.indexOf("  2012  ", y2011));
    assertThat(block)
        .contains("IIH 95.8%")
        .contains("IJH 13.7%")
        .contains("IRC 30.7%")
        .contains("published IIH 95.8%")
        .contains("source: APJ: Tercer Informe sobre la Impunidad en Homicidios 2010-2019");
    assertThat(out)
        .contains("REAL national figures")
        .contains("ILLUSTRATIVE, SYNTHETIC denominators")
        .contains("[SYNTHETIC] Tegucigalpa: The homicide rate")
        .contains("[SYNTHETIC] San Pedro Sula: The homicide rate")
        .contains("indicators.json");
    assertThat(Files.readString(demo.resolve("README.txt"))).contains("indicators.json");
    JsonNode json = new ObjectMapper().readTree(Files.readString(demo.resolve("indicators.json")));
    assertThat(json.get("rates")).hasSize(6);
    assertThat(json.get("rates").get(0).get("lineage").get("populationVintage").asText())
        .contains("ILLUSTRATIVE, SYNTHETIC");
    assertThat(json.get("rates").get(0).get("lineage").get("inputs").get(0).asText())
        .contains("SYNTHETIC");
    CliTest.Run es =
        CliTest.run(
            "demo", "--out", dir.resolve("demo-es").toString(), "--seed", "5", "--lang", "es");
    assertThat(es.out())
        .contains("Cifras nacionales REALES")
        .contains("fuente: APJ")
        .contains("[SINTÉTICO] Tegucigalpa: La tasa de homicidios");
  }

  @Test
  void theEmbeddedImpunityFileKeepsItsSources() throws IOException {
    List<DemoCommand.ImpunityRow> rows = DemoCommand.impunityRows();
    assertThat(rows).hasSize(13);
    assertThat(rows).allSatisfy(row -> assertThat(row.source()).matches("(APJ|ASJ): .+"));
    DemoCommand.ImpunityRow y2011 = rows.get(1);
    assertThat(y2011.year()).isEqualTo(2011);
    assertThat(y2011.homicides().getAsLong()).isEqualTo(7104);
    assertThat(y2011.casesInCourt().getAsLong()).isEqualTo(970);
    assertThat(y2011.convictions().getAsLong()).isEqualTo(298);
    assertThat(y2011.publishedIih()).contains("95.8");
  }
}
