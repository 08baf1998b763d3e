package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.report.Grouping;
import org.atalaya.indicator.report.IndicatorReport;
import org.atalaya.indicator.report.IndicatorSettings;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atalaya indicators --json} prints exactly what the library's {@link IndicatorReport}
 * serialises.
 */
class IndicatorsLibraryTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "the command's JSON equals IndicatorReport.compute(...).toJson() for the same files and"
          + " settings")
  void commandPrintsTheLibraryReport() throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "id,iccs,occurred_from,municipality,latitude,longitude,victims,case_history\n");
    for (int k = 0; k < 40; k++) {
      String date = String.format("%d-%02d-15", 2023 + k % 2, k % 12 + 1);
      String victim = k % 3 == 0 ? "FEMALE/31//UNKNOWN/KILLED" : "MALE/22//UNKNOWN/KILLED";
      sb.append("h-")
          .append(k)
          .append(",0101,")
          .append(date)
          .append("T10:00:00-06:00,")
          .append(k % 4 == 0 ? "0501" : "0801")
          .append(",,,")
          .append(victim)
          .append(",REPORTED@")
          .append(date)
          .append('\n');
    }
    sb.append("r1,0401,2024-05-01T10:00:00-06:00,0801,,,,\n");
    sb.append(
        "bad,0101,2024-03-15T21:30:00-06:00,0801,-87.2068,14.0818,,\n"); // rejected: latitude and
    // longitude swapped
    Path incidents = dir.resolve("incidents.csv");
    Files.writeString(incidents, sb.toString(), StandardCharsets.UTF_8);
    Path population = dir.resolve("pop.csv");
    Files.writeString(
        population,
        "area,year,sex,age_band,population\n0801,2023,,,1000000\n0801,2024,,,1000000\n"
            + "0501,2023,,,800000\n",
        StandardCharsets.UTF_8);

    CliTest.Run r =
        CliTest.run(
            "indicators",
            "--incidents",
            incidents.toString(),
            "--population",
            population.toString(),
            "--by",
            "year,area",
            "--vintage",
            "test",
            "--as-of",
            "2025-01-01",
            "--json");

    ReadResult read = IncidentFormat.CSV.reader().readAll(incidents, ReadOptions.defaults());
    PopulationTable table;
    try (Reader in = Files.newBufferedReader(population)) {
      table = PopulationTable.readCsv(in, "test");
    }
    IndicatorSettings settings =
        IndicatorSettings.builder()
            .groupBy(Grouping.YEAR, Grouping.AREA)
            .asOf(Optional.of(LocalDate.of(2025, 1, 1)))
            .input("incidents.csv")
            .populationInput("pop.csv")
            .build();
    IndicatorReport report = IndicatorReport.compute(read, table, settings);
    assertThat(read.report().rejected()).isEqualTo(1);
    assertThat(report.missingPopulation()).containsExactly("area 0501, year 2024");
    assertThat(r.exit()).isEqualTo(1); // a rejected record and a missing population cell
    assertThat(r.out().strip()).isEqualTo(report.toJson().strip());
  }
}
