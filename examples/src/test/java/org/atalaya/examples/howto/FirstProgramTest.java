package org.atalaya.examples.howto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.incident.Incident;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the program of sdk-docs/first-program.md on what {@code atalaya demo} writes. */
class FirstProgramTest {
  @TempDir Path dir;

  @Test
  @DisplayName("the first program reads the demo, gives both rates, finds areas and publishes")
  void runsOnTheDemosFiles() throws Exception {
    // What `atalaya demo --out DIR` writes by default: seed 2011, and its population.csv.
    List<Incident> incidents = SyntheticIncidents.of(2011).stream().toList();
    try (OutputStream os = Files.newOutputStream(dir.resolve("incidents.csv"));
        IncidentWriter w = IncidentFormat.CSV.writer(os, CsvLayout.canonical())) {
      w.writeAll(incidents);
    }
    StringBuilder pop = new StringBuilder("area,year,sex,age_band,population\n");
    for (int year = 2023; year <= 2025; year++) {
      pop.append("0801,")
          .append(year)
          .append(",,,1300000\n")
          .append("0501,")
          .append(year)
          .append(",,,850000\n");
    }
    Files.writeString(dir.resolve("population.csv"), pop);
    // A key made as the page says (openssl rand -base64 48 > release.key): 64 base64 characters.
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    Path key = dir.resolve("release.key");
    Files.writeString(
        key, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
    Path out = dir.resolve("release.geojson");

    String printed =
        ExamplesTest.run(
            FirstProgram::main, dir.toString(), areas().toString(), key.toString(), out.toString());

    int n = incidents.size();
    assertThat(printed).contains("read " + n + ", accepted " + n + ", rejected 0");
    long homicides = number(printed, "homicide incidents: (\\d+),");
    long victims = number(printed, "homicide victims: (\\d+),");
    assertThat(homicides).isPositive();
    assertThat(victims).as("some homicides have two or three victims").isGreaterThan(homicides);
    assertThat(printed)
        .containsPattern(
            "homicide incidents: \\d+, [\\d.]+ per 100,000 \\(95% CI [\\d.]+ to [\\d.]+\\)");
    long withPoint =
        incidents.stream().filter(i -> i.location().flatMap(l -> l.point()).isPresent()).count();
    assertThat(printed).contains("Honduras: " + withPoint + " incidents");
    assertThat(printed)
        .containsPattern("published \\d+ of " + n + " incidents to .*; k = ([5-9]|\\d{2,})");
    assertThat(out).exists();
  }

  static Path areas() throws URISyntaxException {
    return Path.of(FirstProgram.class.getResource("central-america-110m.geojson").toURI());
  }

  private static long number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s in%n%s", regex, text).isTrue();
    return Long.parseLong(m.group(1));
  }
}
