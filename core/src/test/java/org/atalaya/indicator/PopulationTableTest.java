package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Sex;
import org.junit.jupiter.api.Test;

/** A population table answers from its exact row or by summing finer rows, never twice. */
class PopulationTableTest {

  private static final Optional<Sex> BOTH = Optional.empty();
  private static final Optional<Sex> WOMEN = Optional.of(Sex.FEMALE);
  private static final Optional<AgeBand> ALL_AGES = Optional.empty();
  private static final Optional<AgeBand> CHILDREN = Optional.of(AgeBand.of(0, 14));
  private static final Optional<AgeBand> ADULTS = Optional.of(AgeBand.atLeast(15));

  private static PopulationTable.Row row(
      String area, int year, Optional<Sex> sex, Optional<AgeBand> band, double population) {
    return new PopulationTable.Row(area, year, sex, band, population);
  }

  /** Women and men, children and adults: the finest rows only, plus other areas and years. */
  private static final List<PopulationTable.Row> FINEST =
      List.of(
          row("HN", 2024, WOMEN, CHILDREN, 100),
          row("HN", 2024, WOMEN, ADULTS, 200),
          row("HN", 2024, Optional.of(Sex.MALE), CHILDREN, 110),
          row("HN", 2024, Optional.of(Sex.MALE), ADULTS, 190),
          row("HN", 2023, WOMEN, CHILDREN, 1),
          row("CR", 2024, WOMEN, CHILDREN, 1000));

  private static OptionalDouble ask(
      List<PopulationTable.Row> rows, Optional<Sex> sex, Optional<AgeBand> band) {
    return PopulationTable.of("synthetic, 2026", rows).population("HN", 2024, sex, band);
  }

  @Test
  void aTableOfTheFinestRowsAnswersEveryTotalBySummingThem() {
    assertThat(ask(FINEST, BOTH, ALL_AGES)).hasValue(600);
    assertThat(ask(FINEST, WOMEN, ALL_AGES)).hasValue(300);
    assertThat(ask(FINEST, BOTH, CHILDREN)).hasValue(210);
    assertThat(ask(FINEST, WOMEN, CHILDREN)).hasValue(100);
    assertThat(ask(FINEST, Optional.of(Sex.OTHER), ALL_AGES)).isEmpty();
    assertThat(ask(FINEST, WOMEN, Optional.of(AgeBand.atLeast(30)))).isEmpty();
    assertThat(ask(FINEST, BOTH, Optional.of(AgeBand.atLeast(30)))).isEmpty();
  }

  @Test
  void totalsBySexAreUsedBeforeTheBreakdownAndNeverAddedToIt() {
    List<PopulationTable.Row> rows =
        List.of(
            row("HN", 2024, WOMEN, ALL_AGES, 300),
            row("HN", 2024, Optional.of(Sex.MALE), ALL_AGES, 300),
            row("HN", 2024, WOMEN, CHILDREN, 100),
            row("HN", 2024, WOMEN, ADULTS, 200),
            row("HN", 2024, Optional.of(Sex.MALE), CHILDREN, 110),
            row("HN", 2024, Optional.of(Sex.MALE), ADULTS, 190));
    assertThat(ask(rows, BOTH, ALL_AGES)).hasValue(600);
    assertThat(ask(rows, WOMEN, ALL_AGES)).hasValue(300);
    assertThat(ask(rows, BOTH, ADULTS)).hasValue(390);
  }

  @Test
  void totalsByAgeAreUsedBeforeTheBreakdownAndNeverAddedToIt() {
    List<PopulationTable.Row> rows =
        List.of(
            row("HN", 2024, BOTH, CHILDREN, 210),
            row("HN", 2024, BOTH, ADULTS, 390),
            row("HN", 2024, WOMEN, CHILDREN, 100),
            row("HN", 2024, WOMEN, ADULTS, 200),
            row("HN", 2024, Optional.of(Sex.MALE), CHILDREN, 110),
            row("HN", 2024, Optional.of(Sex.MALE), ADULTS, 190));
    assertThat(ask(rows, BOTH, ALL_AGES)).hasValue(600);
    assertThat(ask(rows, BOTH, CHILDREN)).hasValue(210);
    assertThat(ask(rows, WOMEN, ALL_AGES)).hasValue(300);
    assertThat(ask(rows, WOMEN, ADULTS)).hasValue(200);
  }

  @Test
  void aTableWithTotalsBySexAndByAgeButNoGrandTotalCountsEachPersonOnce() {
    List<PopulationTable.Row> rows =
        List.of(
            row("HN", 2024, WOMEN, ALL_AGES, 300),
            row("HN", 2024, Optional.of(Sex.MALE), ALL_AGES, 300),
            row("HN", 2024, BOTH, CHILDREN, 210),
            row("HN", 2024, BOTH, ADULTS, 390));
    assertThat(ask(rows, BOTH, ALL_AGES)).hasValue(600);
    assertThat(ask(rows, WOMEN, CHILDREN)).isEmpty();
  }

  @Test
  void aTableKeepsItsRowsAndVintage() {
    PopulationTable t = PopulationTable.of("  INE projections 2013-2030  ", FINEST);
    assertThat(t.rows()).isEqualTo(FINEST);
    assertThat(t.vintage()).isEqualTo("INE projections 2013-2030");
  }

  @Test
  void aRowNeedsAnAreaAndAFiniteNonNegativePopulationAndZeroIsAllowed() {
    assertThatThrownBy(() -> row(" ", 2024, BOTH, ALL_AGES, 5))
        .hasMessage("area must not be blank");
    assertThatThrownBy(() -> row("HN", 2024, BOTH, ALL_AGES, -1))
        .hasMessage("population (-1.0) must not be negative");
    assertThatThrownBy(() -> row("HN", 2024, BOTH, ALL_AGES, Double.POSITIVE_INFINITY))
        .hasMessage("population (Infinity) must not be negative");
    // a small municipality may have nobody in its oldest band
    assertThat(row("0801", 2024, BOTH, Optional.of(AgeBand.atLeast(100)), 0).population()).isZero();
  }

  @Test
  void aCsvWithoutOneOfTheFiveColumnsIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                PopulationTable.readCsv(
                    new StringReader("area,year,sex,population\nHN,2024,,5\n"), "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("population CSV must have a column named age_band");
  }

  @Test
  void aSemicolonCsvWithAnUnnamedIndexColumnFirstIsStillSemicolonSeparated() throws IOException {
    // pandas DataFrame.to_csv(sep=";") writes the index first, under an empty header cell
    PopulationTable t =
        PopulationTable.readCsv(
            new StringReader(";area;year;sex;age_band;population\n0;HN;2024;;;9830000\n"), "v");
    assertThat(t.population("HN", 2024, BOTH, ALL_AGES)).hasValue(9_830_000);
  }

  @Test
  void aTableOfTotalsByAgeAloneAnswersTheGrandTotal() {
    List<PopulationTable.Row> rows =
        List.of(row("HN", 2024, BOTH, CHILDREN, 210), row("HN", 2024, BOTH, ADULTS, 390));
    assertThat(ask(rows, BOTH, ALL_AGES)).hasValue(600);
    assertThat(ask(rows, WOMEN, ALL_AGES)).isEmpty();
  }
}
