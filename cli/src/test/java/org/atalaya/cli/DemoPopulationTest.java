package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atalaya.indicator.PopulationTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo writes the population table its rates use, so that users (and the first-program page)
 * can reuse it.
 */
class DemoPopulationTest {
  @TempDir Path dir;

  @Test
  @DisplayName("population.csv holds the demo's denominators and feeds atalaya indicators")
  void populationFileIsTheDemosAndReadable() throws IOException {
    CliTest.Run demo = CliTest.run("demo", "--out", dir.resolve("demo").toString(), "--lang", "en");
    assertThat(demo.exit()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("population.csv");
    Path pop = dir.resolve("demo").resolve("population.csv");
    PopulationTable read;
    try (Reader r = Files.newBufferedReader(pop)) {
      read = PopulationTable.readCsv(r, "demo");
    }
    assertThat(read.rows())
        .containsExactlyInAnyOrderElementsOf(DemoCommand.demoPopulation().rows());
    assertThat(Files.readString(pop))
        .startsWith("area,year,sex,age_band,population\n0801,2023,,,1300000\n");

    // The file the first-program page uses; indicators reads it as --population.
    Path incidents = dir.resolve("demo").resolve("incidents.csv");
    CliTest.Run r =
        CliTest.run(
            "indicators",
            "--incidents",
            incidents.toString(),
            "--population",
            pop.toString(),
            "--by",
            "area,year",
            "--out",
            dir.resolve("indicators.json").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("indicators.json"))).contains("0801");
  }
}
