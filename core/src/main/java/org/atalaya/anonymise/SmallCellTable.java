package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Small-cell suppression for a two-way table of counts published with its row and column totals.
 *
 * <p><b>Primary</b> suppression hides every cell with a count from 1 to {@code threshold - 1}.
 * <b>Secondary</b> suppression then makes sure no hidden cell can be recomputed from a total: in
 * any row or column with exactly one hidden cell, the smallest other cell (zeros included) is
 * hidden too, and this is repeated until no row or column has a lone hidden cell. When a row or
 * column has no other cell to hide, its total is hidden. This is the usual heuristic of
 * statistical offices, not an optimal (least-information-lost) solution. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SmallCellTable {
  private final long[][] counts;
  private final boolean[][] hidden;
  private final boolean[] rowTotalHidden;
  private final boolean[] columnTotalHidden;
  private final int primary;
  private final int secondary;

  private SmallCellTable(long[][] counts, int threshold) {
    int rows = counts.length;
    int cols = counts[0].length;
    this.counts = new long[rows][];
    this.hidden = new boolean[rows][cols];
    int p = 0;
    for (int r = 0; r < rows; r++) {
      checkArgument(counts[r].length == cols, "row %s has %s cells but row 0 has %s", r, counts[r].length, cols);
      this.counts[r] = counts[r].clone();
      for (int c = 0; c < cols; c++) {
        checkArgument(counts[r][c] >= 0, "count at (%s, %s) (%s) must not be negative", r, c, counts[r][c]);
        if (counts[r][c] > 0 && counts[r][c] < threshold) {
          hidden[r][c] = true;
          p++;
        }
      }
    }
    rowTotalHidden = new boolean[rows];
    columnTotalHidden = new boolean[cols];
    int s = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int r = 0; r < rows; r++) {
        int[] lone = lone(r, true);
        if (lone != null) {
          hideAnother(lone, true);
          changed = true;
          s++;
        }
      }
      for (int c = 0; c < cols; c++) {
        int[] lone = lone(c, false);
        if (lone != null) {
          hideAnother(lone, false);
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
   * @param counts the cells, rows of equal length, no negative count; copied
   * @param threshold the smallest count published, at least 2
   * @return the table
   */
  public static SmallCellTable of(long[][] counts, int threshold) {
    checkArgument(threshold >= 2, "threshold (%s) must be at least 2", threshold);
    checkArgument(counts.length > 0 && counts[0].length > 0, "the table must have at least one cell");
    return new SmallCellTable(counts, threshold);
  }

  /** Returns the position of the only hidden cell in a row (or column) whose total is public. */
  private int[] lone(int index, boolean row) {
    if (row ? rowTotalHidden[index] : columnTotalHidden[index]) {
      return null;
    }
    int n = row ? counts[0].length : counts.length;
    int count = 0;
    int at = -1;
    for (int i = 0; i < n; i++) {
      if (row ? hidden[index][i] : hidden[i][index]) {
        count++;
        at = i;
      }
    }
    return count == 1 ? (row ? new int[] {index, at} : new int[] {at, index}) : null;
  }

  private void hideAnother(int[] cell, boolean row) {
    int n = row ? counts[0].length : counts.length;
    int best = -1;
    for (int i = 0; i < n; i++) {
      int r = row ? cell[0] : i;
      int c = row ? i : cell[1];
      if (!hidden[r][c] && (best < 0 || counts[r][c] < (row ? counts[r][best] : counts[best][c]))) {
        best = i;
      }
    }
    if (best < 0) {
      if (row) {
        rowTotalHidden[cell[0]] = true;
      } else {
        columnTotalHidden[cell[1]] = true;
      }
      return;
    }
    if (row) {
      hidden[cell[0]][best] = true;
    } else {
      hidden[best][cell[1]] = true;
    }
  }

  /**
   * Returns a cell, or empty when it is suppressed.
   *
   * @param row the row
   * @param column the column
   * @return the count; never {@code null} but potentially empty
   */
  public OptionalLong cell(int row, int column) {
    return hidden[row][column] ? OptionalLong.empty() : OptionalLong.of(counts[row][column]);
  }

  /**
   * Returns a row total, or empty when it is suppressed.
   *
   * @param row the row
   * @return the total; never {@code null} but potentially empty
   */
  public OptionalLong rowTotal(int row) {
    return rowTotalHidden[row] ? OptionalLong.empty() : OptionalLong.of(Arrays.stream(counts[row]).sum());
  }

  /**
   * Returns a column total, or empty when it is suppressed.
   *
   * @param column the column
   * @return the total; never {@code null} but potentially empty
   */
  public OptionalLong columnTotal(int column) {
    return columnTotalHidden[column] ? OptionalLong.empty() : OptionalLong.of(Arrays.stream(counts).mapToLong(r -> r[column]).sum());
  }

  /**
   * Returns how many cells were hidden because they were small.
   *
   * @return the count
   */
  public int primarySuppressed() {
    return primary;
  }

  /**
   * Returns how many cells or totals were hidden to protect the small ones.
   *
   * @return the count
   */
  public int secondarySuppressed() {
    return secondary;
  }
}
