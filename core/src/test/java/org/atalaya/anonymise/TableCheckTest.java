package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check of a published table, read from its text alone: every rule a table must pass, and the
 * table, line and reason it names when one is broken.
 */
class TableCheckTest {
  static final TableSpec BY_MONTH =
      TableSpec.builder("by-area-month")
          .rows(TableDimension.parse("location:municipality"))
          .columns(TableDimension.parse("time:month"))
          .smallCells(5)
          .build();

  static final TableSpec BY_CATEGORY =
      TableSpec.builder("by-category")
          .rows(TableDimension.parse("category:2"))
          .smallCells(5)
          .build();

  /** The guide's example (sdk-docs/anonymisation.md), as {@code Release.publish} writes it. */
  static final String GUIDE = AggregateTablesTest.resource("by-area-month.csv");

  static PrivacyReport.Check check(TableSpec spec, String csv) {
    return AggregateTable.check(spec, csv);
  }

  @Test
  void aPassedCheckSaysHowManyEntriesAreHiddenAndWhichCountsAreSmall() {
    PrivacyReport.Check c = check(BY_MONTH, GUIDE);
    assertThat(c.name()).isEqualTo("table by-area-month");
    assertThat(c.passed()).isTrue();
    assertThat(c.detail())
        .isEqualTo(
            "6 cells, 4 entries suppressed; no published count from 1 to 4, no suppressed entry"
                + " recoverable from its row or column, totals consistent");
    // Hidden totals count as suppressed entries too; at threshold 3 the small counts are 1 to 2.
    String totalsHidden =
        """
        location:municipality,2024-01,2024-02,total
        0301,[c],[c],[c]
        0501,[c],[c],[c]
        0801,6,7,13
        total,16,28,44
        """;
    assertThat(check(BY_MONTH, totalsHidden).detail())
        .isEqualTo(
            "6 cells, 6 entries suppressed; no published count from 1 to 4, no suppressed entry"
                + " recoverable from its row or column, totals consistent");
    TableSpec three =
        TableSpec.builder("by-area-month")
            .rows(TableDimension.parse("location:municipality"))
            .columns(TableDimension.parse("time:month"))
            .smallCells(3)
            .build();
    assertThat(check(three, GUIDE.replace("0801,7,6,13", "0801,3,10,13")).detail())
        .startsWith("6 cells, 4 entries suppressed; no published count from 1 to 2,");
  }

  @Test
  void aHiddenCellCannotBeRecoveredFromItsColumnTotalEvenWhenItsRowHidesTwo() {
    // Each row hides two cells, but January hides only 0301's: 14 - 9 gives it back (5).
    String csv =
        """
        location:municipality,2024-01,2024-02,2024-03,total
        0301,[c],[c],9,20
        0501,9,[c],[c],20
        total,14,11,15,40
        """;
    PrivacyReport.Check c = check(BY_MONTH, csv);
    assertThat(c.passed()).isFalse();
    assertThat(c.detail())
        .isEqualTo("column 2024-01: exactly one entry is suppressed, so the others give it away");
    // And a hidden sum a column total gives back must not be small either.
    assertThat(
            check(
                    BY_MONTH,
                    """
                    location:municipality,2024-01,2024-02,total
                    0301,[c],[c],9
                    0501,[c],[c],21
                    0801,9,6,15
                    total,11,34,45
                    """)
                .detail())
        .isEqualTo(
            "column 2024-01: the suppressed cells add up to 2 (the total minus the published"
                + " cells), below the threshold 5");
  }

  @Test
  void aHiddenRowTotalCannotBeRecoveredFromTheGrandTotal() {
    // Every row and column is protected, but the totals column hides 0301's total alone: 44 - 20
    // - 13 gives it back.
    String csv =
        """
        location:municipality,2024-01,2024-02,total
        0301,[c],[c],[c]
        0501,[c],[c],20
        0801,6,7,13
        total,16,28,44
        """;
    assertThat(check(BY_MONTH, csv).detail())
        .isEqualTo(
            "the totals column: exactly one entry is suppressed, so the others give it away");
    // A published small row total is caught in its row.
    assertThat(
            check(
                    BY_MONTH,
                    """
                    location:municipality,2024-01,2024-02,total
                    0301,[c],[c],3
                    0801,[c],[c],13
                    total,6,10,16
                    """)
                .detail())
        .isEqualTo("row 0301: a count (3) from 1 to 4 is published");
  }

  @Test
  void aOneWayTableHidesNoCountItsTotalGivesBack() {
    String good =
        """
        category:2,count
        0101,[c]
        0102,[c]
        0201,7
        total,13
        """;
    assertThat(check(BY_CATEGORY, good).passed()).isTrue();
    assertThat(check(BY_CATEGORY, good).detail())
        .startsWith("3 cells, 2 entries suppressed; no published count from 1 to 4,");
    assertThat(check(BY_CATEGORY, good.replace("0102,[c]", "0102,4")).detail())
        .isEqualTo("column count: a count (4) from 1 to 4 is published");
    assertThat(check(BY_CATEGORY, good.replace("0102,[c]", "0102,5")).detail())
        .isEqualTo("column count: exactly one entry is suppressed, so the others give it away");
  }

  @Test
  void aTableWithoutItsTotalsOrWithAnotherLayoutFailsNamingWhatIsWrong() {
    assertThat(check(BY_MONTH, GUIDE.replace("total,14,15,29\n", "")).detail())
        .isEqualTo("the last row is 0801, not total");
    assertThat(check(BY_MONTH, "location:municipality,2024-01,total\n").detail())
        .isEqualTo("the table has no totals row");
    assertThat(check(BY_MONTH, GUIDE.replace(",total\n", ",sum\n")).detail())
        .isEqualTo(
            "the header [location:municipality, 2024-01, 2024-02, sum] does not end in total");
    assertThat(check(BY_CATEGORY, "category:2,n\n0101,7\ntotal,7\n").detail())
        .isEqualTo("the header [category:2, n] does not end in count");
    assertThat(check(BY_MONTH, GUIDE.replace("location:municipality", "time:month")).detail())
        .isEqualTo("the header starts with time:month, not location:municipality");
    assertThat(check(BY_MONTH, GUIDE.replace("0801,7,6,13", "0801,7,6,13,0")).detail())
        .isEqualTo("row 0801 has 5 fields, the header 4");
  }

  @Test
  void aDpTableSuppressesNothingAndItsTotalsAreTheSumsOfItsCells() {
    TableSpec dp =
        TableSpec.builder("dp-by-department")
            .rows(TableDimension.parse("location:department", List.of("08", "05")))
            .differentialPrivacy(0.5, 1)
            .build();
    // The guide's example: at epsilon 0.5 a cell is published +-6, a total of four cells +-11.
    String guide =
        """
        location:department,count,count:lower95,count:upper95
        08,31,25,37
        05,2,0,8
        unknown,-1,0,5
        other,1,0,7
        total,33,22,44
        """;
    assertThat(check(dp, guide).passed()).isTrue();
    assertThat(check(dp, guide.replace("05,2,0,8", "05,[c],0,8")).detail())
        .isEqualTo("entry (05, count) is suppressed, but a dp table suppresses nothing");
    assertThat(check(dp, guide.replace("05,2,0,8", "05,two,0,8")).detail())
        .isEqualTo("entry (05, count) (two) is not a whole number");
    // A total one more than its cells, with the interval that total would have.
    assertThat(check(dp, guide.replace("total,33,22,44", "total,34,23,45")).detail())
        .isEqualTo("column count: the cells add up to 33 but the total is 34");
  }

  @Test
  void quotingAnEntryDoesNotHideItFromTheCheck() {
    // A spreadsheet may save any field quoted; the check reads the value, not the quotes.
    String quoted = GUIDE.replace("0801,7,6,13", "\"0801\",\"7\",\"6\",\"13\"");
    assertThat(check(BY_MONTH, quoted).passed()).as(check(BY_MONTH, quoted).detail()).isTrue();
    assertThat(check(BY_MONTH, GUIDE.replace("0501,[c],[c],11", "0501,\"2\",[c],\"11\"")).detail())
        .isEqualTo("row 0501: a count (2) from 1 to 4 is published");
  }

  static Stream<Arguments> labels() {
    return Stream.of(
        Arguments.of("'=1+1", "=1+1"),
        Arguments.of("'+1", "+1"),
        Arguments.of("'-1", "-1"),
        Arguments.of("'@SUM(A1)", "@SUM(A1)"),
        Arguments.of("'\tx", "\tx"),
        Arguments.of("\"'=a, \"\"b\"\"\"", "=a, \"b\""),
        Arguments.of("\"a \"\"quoted\"\" one\"", "a \"quoted\" one"),
        Arguments.of("'", "'"),
        Arguments.of("'abc", "'abc"),
        Arguments.of("a=b", "a=b"),
        Arguments.of("\"x,y\"", "x,y"));
  }

  @ParameterizedTest
  @MethodSource("labels")
  void aLabelIsNamedAsItWasBeforeQuotingAndTheFormulaGuard(String written, String label) {
    // AggregateTable writes a label a spreadsheet would run as a formula with an apostrophe first,
    // and quotes one with a comma or a quote; the check names the row by the label itself.
    String csv =
        "location:municipality,2024-01,2024-02,total\n" + written + ",2,9,11\n" + "total,2,9,11\n";
    assertThat(check(BY_MONTH, csv).detail())
        .isEqualTo("row " + label + ": a count (2) from 1 to 4 is published");
  }
}
