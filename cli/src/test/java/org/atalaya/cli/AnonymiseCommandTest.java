package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atalaya.anonymise.AggregateTable;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.TableSpec;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atalaya anonymise}: publishes only what passes every check, and says why otherwise. */
class AnonymiseCommandTest {
  @TempDir Path dir;
  Path in;
  Path key;

  @BeforeEach
  void demoData() throws IOException {
    in = dir.resolve("incidents.ndjson");
    try (var os = Files.newOutputStream(in);
        var w = IncidentFormat.NDJSON.writer(os)) {
      for (Incident i : SyntheticIncidents.of(7)) {
        w.write(i);
      }
    }
    key = dir.resolve("release.key");
    Files.writeString(
        key, "una-clave-de-prueba-larga-y-secreta-0123456789\n", StandardCharsets.UTF_8);
  }

  @Test
  void openDataOnTheDemoPassesEveryCheckAndTheReportVerifies() throws IOException {
    Path out = dir.resolve("release.geojson");
    Path report = dir.resolve("report.json");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "open-data",
            "--out",
            out.toString(),
            "--report",
            report.toString(),
            "--key-file",
            key.toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(out).exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    List<String> fields = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "recordsIn",
            "recordsOut",
            "suppressed",
            "kAchieved",
            "prosecutorRisk",
            "displacementMeters",
            "epsilonSpent",
            "tables",
            "keyId",
            "hotCellOverlap",
            "checks",
            "passed",
            "quasiIdentifiers",
            "roles",
            "risk",
            "diversity",
            "attacks",
            "population",
            "spatialGuarantees",
            "utility");
    // The shipped policy withstands its own attackers on the demo: nobody narrowed below k.
    assertThat(json.get("attacks"))
        .hasSize(2)
        .allSatisfy(
            a -> {
              assertThat(a.get("atRisk").asLong()).as(a.toString()).isZero();
              assertThat(a.get("passed").asBoolean()).isTrue();
            });
    assertThat(json.get("spatialGuarantees").toString())
        .contains("masking")
        .contains("k-anonymity");
    assertThat(json.get("tables")).isEmpty();
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("kAchieved").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(json.get("keyId").asText()).startsWith("k-");
    assertThat(Files.readString(report)).doesNotContain("una-clave");
    assertThat(r.out()).contains("k-anonymity").doesNotContain("FAILED");
    // verify(output, report): the report recomputes from the published file alone.
    List<Incident> published =
        IncidentFormat.GEOJSON.reader().readAll(out, ReadOptions.defaults()).incidents();
    List<String> disagreements =
        Release.of(
                AnonymiseCommand.policy(
                    "open-data", org.atalaya.plugin.PluginRegistry.builder().discover()))
            .verify(published, PrivacyReport.fromJson(Files.readString(report)));
    assertThat(disagreements).isEmpty();
    assertThat(published).allSatisfy(i -> assertThat(i.id()).startsWith("P-"));
  }

  @Test
  void attackPrintsWhatEachProfileAchievesAndARegisterIsMatched() throws IOException {
    Path out = dir.resolve("police.ndjson");
    // share-with-police keeps exact points and months (k = 1): a neighbour singles most records
    // out.
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "share-with-police",
            "--out",
            out.toString(),
            "--key-file",
            key.toString(),
            "--attack",
            "--register",
            in.toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .contains("attack neighbour:")
        .contains("attack victim:")
        .contains("attack register:")
        .contains("knows [location, time, category]");
    CliTest.Run es =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "open-data",
            "--out",
            dir.resolve("open.geojson").toString(),
            "--key-file",
            key.toString(),
            "--attack",
            "--lang",
            "es");
    assertThat(es.exit()).as(es.err() + es.out()).isZero();
    assertThat(es.out()).contains("ataque neighbour:").contains("objetivos");
  }

  @Test
  void anUnreachableKFailsClosedAndNamesTheAreas() throws IOException {
    Path policy = dir.resolve("strict.json");
    Files.writeString(
        policy,
        "{\"name\":\"strict\",\"k\":100000,\"quasiIdentifiers\":[\"location\"],"
            + "\"steps\":[{\"type\":\"spatial-k-anonymity\",\"startMetres\":500,\"maxMetres\":2000}]}");
    Path out = dir.resolve("never.csv");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            policy.toString(),
            "--out",
            out.toString(),
            "--key-file",
            key.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(out).doesNotExist();
    assertThat(r.err())
        .contains("ATL-ANON-")
        .contains("08/0801")
        .contains("05/0501")
        .contains("never.csv");
    assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
  }

  @Test
  void policeSharingKeepsPrecisionButRedactsAndPseudonymises() throws IOException {
    Path out = dir.resolve("police.ndjson");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "share-with-police",
            "--out",
            out.toString(),
            "--key-file",
            key.toString(),
            "--json",
            "--lang",
            "es");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("suppressed").asInt()).isZero();
    assertThat(Files.readString(out)).doesNotContain("SYN-").contains("latitude");
  }

  @Test
  void aggregateStatisticsPublishesOnlyProtectedTablesBesideOut() throws IOException {
    // No extension: a policy that publishes no records needs no record format.
    Path out = dir.resolve("stats");
    Path report = dir.resolve("stats-report.json");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "aggregate-statistics",
            "--out",
            out.toString(),
            "--report",
            report.toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(out).doesNotExist();
    assertThat(r.out()).contains("records not written");
    ReleasePolicy policy =
        AnonymiseCommand.policy(
            "aggregate-statistics", org.atalaya.plugin.PluginRegistry.builder().discover());
    assertThat(policy.tables())
        .extracting(TableSpec::name)
        .containsExactly(
            "by-department-month",
            "by-category-year",
            "dp-by-category-year",
            "dp-by-department-category");
    for (TableSpec table : policy.tables()) {
      Path file = dir.resolve("stats." + table.name() + ".csv");
      assertThat(file).exists();
      // The published files pass their checks when read back from disk.
      PrivacyReport.Check check =
          AggregateTable.check(table, Files.readString(file, StandardCharsets.UTF_8));
      assertThat(check.passed()).as(check.detail()).isTrue();
      assertThat(r.out())
          .containsOnlyOnce("table " + table.name() + " (")
          .contains(file.toString());
    }
    // The demo covers 2023 to 2025 in two departments: 36 months, 05 and 08, and some windows
    // that span two months (unknown).
    List<String> byMonth = Files.readAllLines(dir.resolve("stats.by-department-month.csv"));
    assertThat(byMonth.get(0))
        .startsWith("location:department,2023-01,2023-02,")
        .endsWith(",2025-12,unknown,total");
    assertThat(byMonth)
        .extracting(l -> l.split(",")[0])
        .containsExactly("location:department", "05", "08", "total");
    // The dp tables publish the declared years and every ICCS division of the catalogue, whatever
    // the data.
    long divisions =
        org.atalaya.taxonomy.IccsCatalogue.standard().all().stream()
            .filter(c -> c.code().level() == 2)
            .count();
    List<String> dpYears = Files.readAllLines(dir.resolve("stats.dp-by-category-year.csv"));
    // The counts come first, as in every table; then the limits of each entry's exact 95% interval.
    assertThat(dpYears.get(0))
        .startsWith(
            "category:2,2020,2021,2022,2023,2024,2025,2026,unknown,other,total,2020:lower95,2020:upper95,")
        .endsWith(",other:lower95,other:upper95,total:lower95,total:upper95");
    assertThat(dpYears)
        .hasSize((int) (1 + divisions + 2 + 1))
        .noneMatch(l -> l.contains(AggregateTable.SUPPRESSED));
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("epsilonSpent").asDouble()).isEqualTo(1.0);
    assertThat(json.get("tables")).hasSize(4);
    assertThat(json.get("tables").get(0).get("kind").asText()).isEqualTo("small-cells");
    assertThat(json.get("tables").get(0).get("cells").asInt()).isEqualTo(2 * 37);
    assertThat(json.get("tables").get(2).get("kind").asText()).isEqualTo("dp");
    assertThat(json.get("tables").get(2).get("epsilon").asDouble()).isEqualTo(0.5);
    assertThat(json.get("tables").get(3).get("cells").asInt()).isEqualTo((18 + 2) * (11 + 2));
    CliTest.Run asJson =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "aggregate-statistics",
            "--out",
            out.toString(),
            "--json");
    assertThat(asJson.exit()).isZero();
    assertThat(new ObjectMapper().readTree(asJson.out()).get("tables"))
        .extracting(t -> t.get("name").asText())
        .containsExactly(
            "by-department-month",
            "by-category-year",
            "dp-by-category-year",
            "dp-by-department-category");
  }

  @Test
  void overspentEpsilonFailsClosedAndWritesNoFileAtAll() throws IOException {
    Path policy = dir.resolve("greedy.json");
    Files.writeString(
        policy,
        """
        {"name": "greedy", "k": 1, "pseudonymiseIds": false, "epsilonBudget": 1,
         "roles": {"id": {"role": "insensitive", "reason": "synthetic test ids identify nobody"}},
         "steps": [{"type": "sensitive-defaults"}, {"type": "keep-fields", "fields": []}, {"type": "generalise-time", "to": "month"}],
         "tables": [
           {"name": "by-month", "rows": "time:month", "smallCells": {"threshold": 5}},
           {"name": "dp-a", "rows": "category:1", "dp": {"epsilon": 0.6}},
           {"name": "dp-b", "rows": "category:2", "dp": {"epsilon": 0.6}}]}
        """);
    Path out = dir.resolve("greedy.ndjson");
    Path report = dir.resolve("refused-report.json");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            policy.toString(),
            "--out",
            out.toString(),
            "--report",
            report.toString());
    assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(1);
    assertThat(r.err())
        .contains("ATL-ANON-006")
        .contains("dp-b needs epsilon 0.6")
        .contains("greedy.ndjson");
    assertThat(out).doesNotExist();
    assertThat(dir.toFile().list())
        .noneMatch(n -> n.startsWith("greedy.") && !n.equals("greedy.json"))
        .noneMatch(n -> n.endsWith(".tmp"));
    assertThat(new ObjectMapper().readTree(Files.readString(report)).get("passed").asBoolean())
        .isFalse();
  }

  @Test
  void aBadTableIsAUsageErrorNamingIt() throws IOException {
    Path policy = dir.resolve("bad.json");
    Files.writeString(
        policy,
        "{\"name\": \"bad\", \"tables\": [{\"name\": \"by-area\", \"rows\":"
            + " \"location:municipality\", \"smallCells\": {\"threshold\": 1}}]}");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            policy.toString(),
            "--out",
            dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("ATL-ANON-007")
        .contains("table by-area: smallCells.threshold (1) must be a whole number, at least 2");
    CliTest.Run report =
        CliTest.run(
            "report",
            "--incidents",
            in.toString(),
            "--policy",
            "aggregate-statistics",
            "--out",
            dir.resolve("r.html").toString());
    assertThat(report.exit()).isEqualTo(2);
    assertThat(report.err()).contains("publishes tables only");
  }

  @Test
  void aMissingKeyIsAUsageErrorAndSpanishIsSpoken() {
    Path out = dir.resolve("x.csv");
    CliTest.Run r =
        CliTest.run(
            "anonymise",
            in.toString(),
            "--policy",
            "open-data",
            "--out",
            out.toString(),
            "--lang",
            "es");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("ATL-ANON-001").contains("clave");
    assertThat(out).doesNotExist();
    assertThat(
            CliTest.run(
                    "anonymise",
                    in.toString(),
                    "--policy",
                    "no-such-policy",
                    "--out",
                    out.toString())
                .exit())
        .isEqualTo(2);
  }
}
