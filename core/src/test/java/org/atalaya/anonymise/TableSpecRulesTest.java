package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TableSpecRulesTest {

  private static TableSpec json(String text) throws Exception {
    return TableSpec.fromJson(new ObjectMapper().readTree(text), 0);
  }

  @Test
  void aSmallCellThresholdIsAtLeastTwo() throws Exception {
    TableDimension months = TableDimension.parse("time:month");
    assertThatThrownBy(() -> TableSpec.builder("t").rows(months).smallCells(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
    assertThat(TableSpec.builder("t").rows(months).smallCells(2).build()).isNotNull();
    assertThat(
            json("{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\": {\"threshold\": 2}}"))
        .isNotNull();
    assertThatThrownBy(
            () ->
                json(
                    "{\"name\": \"t\", \"rows\": \"time:month\", \"smallCells\": {\"threshold\":"
                        + " 1}}"))
        .isInstanceOf(AnonymisationException.class);
  }

  @Test
  void aDpTableSpendsAPositiveFiniteEpsilonAndCountsAtLeastOneIncidentAPerson() {
    TableSpec.Builder b = TableSpec.builder("t");
    assertThatThrownBy(() -> b.differentialPrivacy(0.0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dp.epsilon");
    assertThatThrownBy(() -> b.differentialPrivacy(Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dp.epsilon");
    assertThatThrownBy(() -> b.differentialPrivacy(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxIncidentsPerPerson");
  }

  @Test
  void theLargestWholeBoundIsAcceptedAndOneMoreIsNot() throws Exception {
    String dp =
        "{\"name\": \"t\", \"rows\": {\"by\": \"time:year\", \"values\": [\"2024\"]},"
            + " \"dp\": {\"epsilon\": 0.5, \"maxIncidentsPerPerson\": %s}}";
    assertThat(json(String.format(dp, "2147483647"))).isNotNull();
    assertThatThrownBy(() -> json(String.format(dp, "2147483648")))
        .isInstanceOf(AnonymisationException.class);
  }

  @Test
  void aTableNeedsRowsAndAProtection() {
    assertThatThrownBy(() -> TableSpec.builder("t").smallCells(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows are missing");
    assertThatThrownBy(
            () -> TableSpec.builder("t").rows(TableDimension.parse("time:month")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("protection is missing");
  }

  @Test
  void aPersonAttributeBelongsToDpTablesOnly() {
    assertThatThrownBy(
            () ->
                TableSpec.builder("t")
                    .rows(TableDimension.parse("time:month"))
                    .personAttribute("src:victim-dni")
                    .smallCells(3)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dp tables only");
  }

  @Test
  void aDpTablesColumnsMustDeclareTheirValuesLikeItsRows() {
    // Publishing only the values found in the data would reveal them.
    assertThatThrownBy(
            () ->
                TableSpec.builder("t")
                    .rows(TableDimension.parse("time:year", java.util.List.of("2024")))
                    .columns(TableDimension.parse("location:municipality"))
                    .differentialPrivacy(0.5, 1)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns (")
        .hasMessageContaining("must declare its values");
  }

  @Test
  void aDimensionsValuesMustBeAList() {
    assertThatThrownBy(
            () ->
                json(
                    "{\"name\": \"t\", \"rows\": {\"by\": \"time:year\", \"values\": \"2024\"},"
                        + " \"smallCells\": {\"threshold\": 3}}"))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("must be a list");
  }
}
