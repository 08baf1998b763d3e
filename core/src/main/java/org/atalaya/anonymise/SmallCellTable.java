package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Small-cell suppression for a two-way table of counts published with its row totals, column totals
 * and grand total.
 *
 * <p>The table and its margins form lines: each row with its total, each column with its total, the
 * row of column totals with the grand total, and the column of row totals with the grand total.
 * <b>Primary</b> suppression hides every entry, cell or total, with a count from 1 to {@code
 * threshold - 1}. <b>Secondary</b> suppression then hides more entries until every line satisfies
 * two rules: no line holds exactly one hidden entry (it could be recomputed from the others), and
 * in a line whose total is published the hidden cells add up to 0 or to at least {@code threshold}
 * (their sum can be recomputed, so it must not be a small count itself). The entry hidden next is
 * the smallest cell of the line that brings the hidden sum to the threshold, else the largest (of
 * equal cells, the first of the line: the upper row, the left column, so the same counts always
 * give the same table); a line with no cell left to hide loses its total. This is the usual
 * heuristic of statistical offices, not an optimal (least-information-lost) solution, and it
 * protects against recomputation from one line at a time, not against solving several lines
 * together. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SmallCellTable {
  /**
   * The counts with their margins: row totals in the last column, column totals in the last row.
   */
  private final long[][] entries;

  private final boolean[][] hidden;
  private final int rows;
  private final int cols;
  private final int threshold;
  private final int primary;
  private final int secondary;

  private SmallCellTable(long[][] counts, int threshold) {
    this.rows = counts.length;
    this.cols = counts[0].length;
    this.threshold = threshold;
    this.entries = new long[rows + 1][cols + 1];
    this.hidden = new boolean[rows + 1][cols + 1];
    for (int r = 0; r < rows; r++) {
      checkArgument(
          counts[r].length == cols,
          "row %s has %s cells but row 0 has %s",
          r,
          counts[r].length,
          cols);
      for (int c = 0; c < cols; c++) {
        checkArgument(
            counts[r][c] >= 0, "count at (%s, %s) (%s) must not be negative", r, c, counts[r][c]);
        entries[r][c] = counts[r][c];
        entries[r][cols] = Math.addExact(entries[r][cols], counts[r][c]);
        entries[rows][c] = Math.addExact(entries[rows][c], counts[r][c]);
        entries[rows][cols] = Math.addExact(entries[rows][cols], counts[r][c]);
      }
    }
    int p = 0;
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= cols; c++) {
        if (entries[r][c] > 0 && entries[r][c] < threshold) {
          hidden[r][c] = true;
          p++;
        }
      }
    }
    int s = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r <= rows; r++) {
        if (repair(r, true)) {
          changed = true;
          s++;
        }
      }
      for (int c = 0; c <= cols; c++) {
        if (repair(c, false)) {
          changed = true;
          s++;
        }
      }
    }
    this.primary = p;
    this.secondary = s;
  }

  /**
   * Returns the table with suppression applied.
   *
   * @param counts the cells, at least one, rows of equal length, no negative count; copied
   * @param threshold the smallest count published, at least 2
   * @return the table
   * @throws IllegalArgumentException if the table is empty or ragged, a count is negative, or the
   *     threshold is below 2
   */
  public static SmallCellTable of(long[][] counts, int threshold) {
    checkArgument(threshold >= 2, "threshold (%s) must be at least 2", threshold);
    checkArgument(
        counts.length > 0 && counts[0].length > 0, "the table must have at least one cell");
    return new SmallCellTable(counts, threshold);
  }

  /** Hides one more entry of a line that breaks a rule; returns whether it did. */
  private boolean repair(int line, boolean row) {
    int n = row ? cols : rows;
    int hiddenCount = 0;
    long hiddenSum = 0;
    for (int i = 0; i <= n; i++) {
      if (isHidden(line, i, row)) {
        hiddenCount++;
        hiddenSum += i < n ? entry(line, i, row) : 0;
      }
    }
    boolean totalPublic = !isHidden(line, n, row);
    boolean lone = hiddenCount == 1;
    boolean smallSum = totalPublic && hiddenSum > 0 && hiddenSum < threshold;
    if (!lone && !smallSum) {
      return false;
    }
    long need = totalPublic ? threshold - hiddenSum : 0;
    int best = -1;
    int largest = -1;
    for (int i = 0; i < n; i++) {
      if (isHidden(line, i, row)) {
        continue;
      }
      long v = entry(line, i, row);
      if (v >= need && (best < 0 || v < entry(line, best, row))) {
        best = i;
      }
      if (largest < 0 || v > entry(line, largest, row)) {
        largest = i;
      }
    }
    int pick = best >= 0 ? best : largest >= 0 ? largest : n;
    if (row) {
      hidden[line][pick] = true;
    } else {
      hidden[pick][line] = true;
    }
    return true;
  }

  private boolean isHidden(int line, int i, boolean row) {
    return row ? hidden[line][i] : hidden[i][line];
  }

  private long entry(int line, int i, boolean row) {
    return row ? entries[line][i] : entries[i][line];
  }

  /**
   * Returns the number of rows.
   *
   * @return at least 1
   */
  public int rows() {
    return rows;
  }

  /**
   * Returns the number of columns.
   *
   * @return at least 1
   */
  public int columns() {
    return cols;
  }

  /**
   * Returns a cell, or empty when it is suppressed.
   *
   * @param row the row, from 0
   * @param column the column, from 0
   * @return the count; never {@code null} but potentially empty
   */
  public OptionalLong cell(int row, int column) {
    checkArgument(row >= 0 && row < rows, "row (%s) must be from 0 to %s", row, rows - 1);
    checkArgument(
        column >= 0 && column < cols, "column (%s) must be from 0 to %s", column, cols - 1);
    return published(row, column);
  }

  /**
   * Returns a row total, or empty when it is suppressed.
   *
   * @param row the row, from 0
   * @return the total; never {@code null} but potentially empty
   */
  public OptionalLong rowTotal(int row) {
    checkArgument(row >= 0 && row < rows, "row (%s) must be from 0 to %s", row, rows - 1);
    return published(row, cols);
  }

  /**
   * Returns a column total, or empty when it is suppressed.
   *
   * @param column the column, from 0
   * @return the total; never {@code null} but potentially empty
   */
  public OptionalLong columnTotal(int column) {
    checkArgument(
        column >= 0 && column < cols, "column (%s) must be from 0 to %s", column, cols - 1);
    return published(rows, column);
  }

  /**
   * Returns the grand total, or empty when it is suppressed.
   *
   * @return the total; never {@code null} but potentially empty
   */
  public OptionalLong grandTotal() {
    return published(rows, cols);
  }

  private OptionalLong published(int r, int c) {
    return hidden[r][c] ? OptionalLong.empty() : OptionalLong.of(entries[r][c]);
  }

  /**
   * Returns whether the true count of a cell or total is small (1 to {@code threshold - 1}), that
   * is, whether it was hidden by primary suppression. Row {@link #rows()} holds the column totals
   * and column {@link #columns()} the row totals. For the publisher's report; never publish it.
   *
   * @param row the row, 0 to {@link #rows()} inclusive
   * @param column the column, 0 to {@link #columns()} inclusive
   * @return true if the entry was primary-suppressed
   */
  public boolean isSmall(int row, int column) {
    checkArgument(row >= 0 && row <= rows, "row (%s) must be from 0 to %s", row, rows);
    checkArgument(column >= 0 && column <= cols, "column (%s) must be from 0 to %s", column, cols);
    return entries[row][column] > 0 && entries[row][column] < threshold;
  }

  /**
   * Returns how many entries (cells and totals) were hidden because they were small.
   *
   * @return the count
   */
  public int primarySuppressed() {
    return primary;
  }

  /**
   * Returns how many entries (cells and totals) were hidden to protect the small ones.
   *
   * @return the count
   */
  public int secondarySuppressed() {
    return secondary;
  }
}
