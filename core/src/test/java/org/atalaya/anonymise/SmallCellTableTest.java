package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Small-cell and secondary suppression, entry by entry: what is small, which entry is hidden next,
 * and what the counts report. The safety of every line on random tables is checked in {@link
 * AggregateTablesTest#noPublishedEntryIsSmallAndNoSuppressedOneCanBeRecomputedFromItsLine()}.
 */
class SmallCellTableTest {

  /**
   * The published table, one line per row (its cells, then {@code |} and its total), then the
   * column totals and the grand total; a hidden entry reads {@code [c]}.
   */
  static String published(SmallCellTable t) {
    StringBuilder b = new StringBuilder();
    for (int r = 0; r <= t.rows(); r++) {
      StringJoiner line = new StringJoiner(" ");
      for (int c = 0; c < t.columns(); c++) {
        line.add(text(r < t.rows() ? t.cell(r, c) : t.columnTotal(c)));
      }
      b.append(line)
          .append(" | ")
          .append(text(r < t.rows() ? t.rowTotal(r) : t.grandTotal()))
          .append('\n');
    }
    return b.toString();
  }

  private static String text(OptionalLong v) {
    return v.isPresent() ? Long.toString(v.getAsLong()) : "[c]";
  }

  @Test
  void aCountOfExactlyTheThresholdIsPublishedAndOneBelowItIsSmall() {
    // The guide: "no count from 1 to T-1 is published". A one-cell table has the cell as its row
    // total, column total and grand total, so the cell is either published everywhere or nowhere.
    qt().forAll(integers().between(2, 50), integers().between(0, 120))
        .checkAssert(
            (threshold, count) -> {
              SmallCellTable t = SmallCellTable.of(new long[][] {{count}}, threshold);
              boolean small = count >= 1 && count <= threshold - 1;
              assertThat(t.isSmall(0, 0))
                  .as("%s at threshold %s", count, threshold)
                  .isEqualTo(small);
              assertThat(t.isSmall(1, 1)).isEqualTo(small);
              assertThat(published(t))
                  .isEqualTo(
                      small
                          ? "[c] | [c]\n[c] | [c]\n"
                          : count + " | " + count + "\n" + count + " | " + count + "\n");
              assertThat(t.primarySuppressed()).isEqualTo(small ? 4 : 0);
              assertThat(t.secondarySuppressed()).isZero();
            });
    SmallCellTable t = SmallCellTable.of(new long[][] {{4, 5}, {0, 9}}, 5);
    assertThat(t.isSmall(0, 0)).as("4 is from 1 to 4").isTrue();
    assertThat(t.isSmall(0, 1)).as("5 is the threshold").isFalse();
    assertThat(t.isSmall(1, 0)).as("0 is not small: an empty cell points at nobody").isFalse();
    assertThat(t.isSmall(2, 0)).as("the column total 4").isTrue();
    assertThat(t.isSmall(0, 2)).as("the row total 9").isFalse();
  }

  @Test
  void everySmallEntryCellOrTotalIsHiddenAsPrimary() {
    // Cells 1 and 2, their row total 3, column totals 1 and 2 and grand total 3: all six small.
    SmallCellTable t = SmallCellTable.of(new long[][] {{1, 2}}, 5);
    assertThat(published(t)).isEqualTo("[c] [c] | [c]\n[c] [c] | [c]\n");
    assertThat(t.primarySuppressed()).isEqualTo(6);
    assertThat(t.secondarySuppressed()).isZero();
    // Small totals of large enough rows: 2 and 2 are small, so are their column total and the row
    // totals 2 + 0 and 2 + 0; the zero cells need no hiding, every line has two hidden entries.
    SmallCellTable u = SmallCellTable.of(new long[][] {{2, 0}, {2, 0}}, 5);
    assertThat(published(u)).isEqualTo("[c] 0 | [c]\n[c] 0 | [c]\n[c] 0 | [c]\n");
    assertThat(u.primarySuppressed()).isEqualTo(6);
    assertThat(u.secondarySuppressed()).isZero();
  }

  @Test
  void primaryCountsTheSmallEntriesAndSecondaryEveryOtherHiddenOne() {
    qt().withExamples(300)
        .forAll(
            integers().between(1, 1_000_000),
            integers().between(1, 5),
            integers().between(1, 5),
            integers().between(2, 6))
        .checkAssert(
            (seed, rows, cols, threshold) -> {
              SplittableRandom r = new SplittableRandom(seed);
              long[][] counts = new long[rows][cols];
              long[][] truth = new long[rows + 1][cols + 1];
              for (int i = 0; i < rows; i++) {
                for (int c = 0; c < cols; c++) {
                  counts[i][c] =
                      r.nextInt(3) == 0 ? r.nextInt(threshold) : r.nextInt(3 * threshold);
                  truth[i][c] = counts[i][c];
                  truth[i][cols] += counts[i][c];
                  truth[rows][c] += counts[i][c];
                  truth[rows][cols] += counts[i][c];
                }
              }
              SmallCellTable t = SmallCellTable.of(counts, threshold);
              assertThat(t.rows()).isEqualTo(rows);
              assertThat(t.columns()).isEqualTo(cols);
              int small = 0;
              int hidden = 0;
              for (int i = 0; i <= rows; i++) {
                for (int c = 0; c <= cols; c++) {
                  boolean isSmall = truth[i][c] >= 1 && truth[i][c] < threshold;
                  assertThat(t.isSmall(i, c)).isEqualTo(isSmall);
                  small += isSmall ? 1 : 0;
                  OptionalLong p =
                      i < rows && c < cols
                          ? t.cell(i, c)
                          : i < rows ? t.rowTotal(i) : c < cols ? t.columnTotal(c) : t.grandTotal();
                  hidden += p.isEmpty() ? 1 : 0;
                }
              }
              assertThat(t.primarySuppressed()).isEqualTo(small);
              assertThat(t.secondarySuppressed()).isEqualTo(hidden - small);
            });
  }

  @Test
  void theSmallestCellThatLiftsTheHiddenSumToTheThresholdIsHiddenNotTheLargest() {
    // 3 is small. Its row needs 2 more hidden: 6 is the smallest cell that is enough (9 is larger
    // than needed). Column 0 then holds 6 alone (the 6 below is the smallest cell at least -1),
    // column 1 holds 3 alone (7 lifts it to 10). Every line then hides 0 or at least two entries
    // summing to 5 or more.
    SmallCellTable t = SmallCellTable.of(new long[][] {{6, 3, 9}, {6, 7, 9}}, 5);
    assertThat(published(t))
        .isEqualTo(
            """
            [c] [c] 9 | 18
            [c] [c] 9 | 22
            12 10 18 | 40
            """);
    assertThat(t.primarySuppressed()).isEqualTo(1);
    assertThat(t.secondarySuppressed()).isEqualTo(3);
  }

  @Test
  void aZeroBesideASmallCellDoesNotProtectIt() {
    // Hiding the 0 next to the 3 would leave the hidden cells of row 0 adding up to 3, which its
    // published total 12 gives back (12 - 9). The partner must bring the hidden sum to 5: the 9.
    SmallCellTable t = SmallCellTable.of(new long[][] {{0, 3, 9}, {5, 7, 9}}, 5);
    assertThat(published(t))
        .isEqualTo(
            """
            0 [c] [c] | 12
            5 [c] [c] | 21
            5 10 18 | 33
            """);
    assertThat(t.secondarySuppressed()).isEqualTo(3);
  }

  @Test
  void aCellOfExactlyTheThresholdIsEnoughToProtectAHiddenZero() {
    // Row 0: 3 is small and 6 is its partner. Column 0 then hides 6 (the smallest cell that lifts
    // 3 to 5), column 1 the 0 below 6 (6 alone needs any partner; 0 is the smallest). Row 1 then
    // holds a lone hidden 0 under a published total: its partner must bring the hidden sum to the
    // threshold, and the 5 does, exactly (the 8 is more than needed). Row 2's lone 6 takes its 0,
    // column 2's lone 5 takes the 9, and column 3, all zeros, hides its first published zero
    // rather than its total: a line loses its total only when no cell is left to hide.
    SmallCellTable t =
        SmallCellTable.of(new long[][] {{3, 6, 9, 0}, {8, 0, 5, 0}, {6, 7, 10, 0}}, 5);
    assertThat(published(t))
        .isEqualTo(
            """
            [c] [c] [c] [c] | 18
            8 [c] [c] 0 | 13
            [c] 7 10 [c] | 23
            17 13 24 0 | 54
            """);
    assertThat(t.primarySuppressed()).isEqualTo(1);
    assertThat(t.secondarySuppressed()).isEqualTo(7);
  }

  @Test
  void amongEqualCandidatesTheFirstOfTheLineIsHidden() {
    // Both 6s of row 0 lift the hidden 3 to the threshold: the first is hidden, so the same counts
    // always give the same table.
    SmallCellTable t = SmallCellTable.of(new long[][] {{3, 6, 6}, {8, 7, 9}}, 5);
    assertThat(published(t))
        .isEqualTo(
            """
            [c] [c] 6 | 15
            [c] [c] 9 | 24
            11 13 15 | 39
            """);
    assertThat(t.secondarySuppressed()).isEqualTo(3);
  }

  @Test
  void theThresholdIsAtLeastTwoAndTheTableHasCellsOfEqualRowsAndNoNegativeCount() {
    assertThatThrownBy(() -> SmallCellTable.of(new long[][] {{3}}, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold (1) must be at least 2");
    assertThatThrownBy(() -> SmallCellTable.of(new long[0][], 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the table must have at least one cell");
    assertThatThrownBy(() -> SmallCellTable.of(new long[][] {{}}, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the table must have at least one cell");
    // A short row and a long row alike: a cell must not be dropped or invented.
    assertThatThrownBy(() -> SmallCellTable.of(new long[][] {{7, 8}, {9}}, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1 has 1 cells but row 0 has 2");
    assertThatThrownBy(() -> SmallCellTable.of(new long[][] {{7}, {8, 2}}, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 1 has 2 cells but row 0 has 1");
    assertThatThrownBy(() -> SmallCellTable.of(new long[][] {{7, -1}}, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count at (0, 1) (-1) must not be negative");
  }

  @Test
  void anEntryOutsideTheTableIsRefusedNotReadFromTheMargins() {
    // Rows 0-1 and columns 0-2; row 2 and column 3 hold the totals, which cell() must not return.
    SmallCellTable t = SmallCellTable.of(new long[][] {{7, 8, 9}, {6, 5, 10}}, 5);
    assertThat(t.cell(1, 2)).hasValue(10);
    assertThat(t.rowTotal(1)).hasValue(21);
    assertThat(t.columnTotal(2)).hasValue(19);
    assertThatThrownBy(() -> t.cell(2, 0)).hasMessage("row (2) must be from 0 to 1");
    assertThatThrownBy(() -> t.cell(-1, 0)).hasMessage("row (-1) must be from 0 to 1");
    assertThatThrownBy(() -> t.cell(0, 3)).hasMessage("column (3) must be from 0 to 2");
    assertThatThrownBy(() -> t.cell(0, -1)).hasMessage("column (-1) must be from 0 to 2");
    assertThatThrownBy(() -> t.rowTotal(2)).hasMessage("row (2) must be from 0 to 1");
    assertThatThrownBy(() -> t.rowTotal(-1)).hasMessage("row (-1) must be from 0 to 1");
    assertThatThrownBy(() -> t.columnTotal(3)).hasMessage("column (3) must be from 0 to 2");
    assertThatThrownBy(() -> t.columnTotal(-1)).hasMessage("column (-1) must be from 0 to 2");
    // isSmall reaches the margins, and no further.
    assertThat(t.isSmall(2, 3)).isFalse();
    assertThatThrownBy(() -> t.isSmall(3, 0)).hasMessage("row (3) must be from 0 to 2");
    assertThatThrownBy(() -> t.isSmall(-1, 0)).hasMessage("row (-1) must be from 0 to 2");
    assertThatThrownBy(() -> t.isSmall(0, 4)).hasMessage("column (4) must be from 0 to 3");
    assertThatThrownBy(() -> t.isSmall(0, -1)).hasMessage("column (-1) must be from 0 to 3");
  }
}
