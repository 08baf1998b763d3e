package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.Release;
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
    try (var os = Files.newOutputStream(in); var w = IncidentFormat.NDJSON.writer(os)) {
      for (Incident i : SyntheticIncidents.of(7)) {
        w.write(i);
      }
    }
    key = dir.resolve("release.key");
    Files.writeString(key, "una-clave-de-prueba-larga-y-secreta-0123456789\n", StandardCharsets.UTF_8);
  }

  @Test
  void openDataOnTheDemoPassesEveryCheckAndTheReportVerifies() throws IOException {
    Path out = dir.resolve("release.geojson");
    Path report = dir.resolve("report.json");
    CliTest.Run r = CliTest.run("anonymise", in.toString(), "--policy", "open-data", "--out", out.toString(),
        "--report", report.toString(), "--key-file", key.toString());
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(out).exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    List<String> fields = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("recordsIn", "recordsOut", "suppressed", "kAchieved", "prosecutorRisk",
        "displacementMeters", "epsilonSpent", "keyId", "hotCellOverlap", "checks", "passed");
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("kAchieved").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(json.get("keyId").asText()).startsWith("k-");
    assertThat(Files.readString(report)).doesNotContain("una-clave");
    assertThat(r.out()).contains("k-anonymity").doesNotContain("FAILED");
    // verify(output, report): the report recomputes from the published file alone.
    List<Incident> published = IncidentFormat.GEOJSON.reader().readAll(out, ReadOptions.defaults()).incidents();
    List<String> disagreements = Release.of(AnonymiseCommand.policy("open-data", org.atalaya.plugin.PluginRegistry.builder().discover())).verify(published, PrivacyReport.fromJson(Files.readString(report)));
    assertThat(disagreements).isEmpty();
    assertThat(published).allSatisfy(i -> assertThat(i.id()).startsWith("P-"));
  }

  @Test
  void anUnreachableKFailsClosedAndNamesTheAreas() throws IOException {
    Path policy = dir.resolve("strict.json");
    Files.writeString(policy, "{\"name\":\"strict\",\"k\":100000,\"quasiIdentifiers\":[\"location\"],"
        + "\"steps\":[{\"type\":\"spatial-k-anonymity\",\"startMetres\":500,\"maxMetres\":2000}]}");
    Path out = dir.resolve("never.csv");
    CliTest.Run r = CliTest.run("anonymise", in.toString(), "--policy", policy.toString(), "--out", out.toString(), "--key-file", key.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(out).doesNotExist();
    assertThat(r.err()).contains("ATL-ANON-").contains("08/0801").contains("05/0501").contains("never.csv");
    assertThat(dir.toFile().list()).noneMatch(n -> n.endsWith(".tmp"));
  }

  @Test
  void policeSharingKeepsPrecisionButRedactsAndPseudonymises() throws IOException {
    Path out = dir.resolve("police.ndjson");
    CliTest.Run r = CliTest.run("anonymise", in.toString(), "--policy", "share-with-police", "--out", out.toString(),
        "--key-file", key.toString(), "--json", "--lang", "es");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("suppressed").asInt()).isZero();
    assertThat(Files.readString(out)).doesNotContain("SYN-").contains("latitude");
  }

  @Test
  void aMissingKeyIsAUsageErrorAndSpanishIsSpoken() {
    Path out = dir.resolve("x.csv");
    CliTest.Run r = CliTest.run("anonymise", in.toString(), "--policy", "open-data", "--out", out.toString(), "--lang", "es");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("ATL-ANON-001").contains("clave");
    assertThat(out).doesNotExist();
    assertThat(CliTest.run("anonymise", in.toString(), "--policy", "no-such-policy", "--out", out.toString()).exit()).isEqualTo(2);
  }
}
