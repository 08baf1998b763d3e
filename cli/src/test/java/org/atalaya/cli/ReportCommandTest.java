package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atalaya report} on a user's file: the same report, from their incidents and populations.
 */
class ReportCommandTest {

  @Test
  void writesTheReportTheReleaseAndItsPrivacyReport(@TempDir Path dir) throws Exception {
    // Enough incidents for the open-data release to stay within its 5% suppression (years,
    // divisions and cells of 5).
    List<Incident> incidents = SyntheticIncidents.of(5, 2024, 2, 1.5).stream().toList();
    Path csv = dir.resolve("mis-incidentes.csv");
    try (OutputStream os = Files.newOutputStream(csv);
        IncidentWriter w = IncidentFormat.CSV.writer(os)) {
      w.writeAll(incidents);
    }
    Path pop = dir.resolve("poblacion.csv");
    Files.writeString(
        pop,
        "area,year,sex,age_band,population\n"
            + "0801,2024,,,1300000\n"
            + "0801,2025,,,1310000\n"
            + "0501,2024,,,850000\n"
            + "0501,2025,,,860000\n",
        StandardCharsets.UTF_8);
    Path areas = dir.resolve("municipios.geojson");
    Files.writeString(
        areas,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"0801\",\"name\":\"Distrito"
            + " Central\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[-87.4,13.9],[-87.0,13.9],[-87.0,14.3],[-87.4,14.3],[-87.4,13.9]]]}},{\"type\":\"Feature\",\"properties\":{\"code\":\"0501\",\"name\":\"San"
            + " Pedro Sula\"},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[-88.2,15.3],[-87.8,15.3],[-87.8,15.7],[-88.2,15.7],[-88.2,15.3]]]}}]}",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("informe/informe.html");
    CliTest.Run r =
        CliTest.run(
            "report",
            "--incidents",
            csv.toString(),
            "--population",
            pop.toString(),
            "--vintage",
            "prueba",
            "--areas",
            areas.toString(),
            "--id-property",
            "code",
            "--out",
            out.toString(),
            "--lang",
            "es");
    assertThat(r.exit()).as(r.err()).isZero();
    String html = Files.readString(out);
    assertThat(html)
        .contains("DATOS SINTÉTICOS")
        .contains(
            "<h1>Informe de Atalaya</h1>") // the records say they are synthetic, so the report does
        .contains("id=\"map-0801\"")
        .contains("Tasas y cambio")
        .contains("Población: prueba")
        .contains("id=\"areas-map\"")
        .contains("Distrito Central (0801)")
        .contains("incidentes por 100.000")
        .contains("<table class=\"heat\"")
        .doesNotContain("id=\"funnel\"");
    assertThat(out.resolveSibling("release-open-data.geojson")).exists();
    assertThat(out.resolveSibling("privacy-report-open-data.json")).exists();
    assertThat(r.out()).contains("Puntos calientes:");
  }

  @Test
  void aReleaseThatCannotReachItsKWritesNothing(@TempDir Path dir) throws Exception {
    List<Incident> incidents = SyntheticIncidents.of(5, 2024, 1, 0.05).stream().toList();
    Path csv = dir.resolve("pocos.csv");
    try (OutputStream os = Files.newOutputStream(csv);
        IncidentWriter w = IncidentFormat.CSV.writer(os)) {
      w.writeAll(incidents);
    }
    Path policy = dir.resolve("k-imposible.json");
    Files.writeString(
        policy,
        "{\"name\":\"imposible\",\"k\":100000,\"quasiIdentifiers\":[\"location\"],\"steps\":[]}",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("r.html");
    CliTest.Run r =
        CliTest.run(
            "report",
            "--incidents",
            csv.toString(),
            "--policy",
            policy.toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("refused");
    assertThat(dir.resolve("release-imposible.geojson")).doesNotExist();
  }
}
