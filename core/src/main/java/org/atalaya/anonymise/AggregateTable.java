package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.ReleaseCheck;
import org.atalaya.incident.Incident;

/**
 * A protected aggregate table, ready to publish: the row and column labels, the published counts
 * with their totals, and which entries are suppressed. Written as CSV by {@link #toCsv()} and
 * checked from that text alone by {@link #check(TableSpec, String)}.
 *
 * <p>The CSV is UTF-8 with a header: the first cell names the row dimension (for example {@code
 * location:municipality}), then one column per column label and {@value TableDimension#TOTAL}; each
 * row is a label, its counts and its total; the last row, {@value TableDimension#TOTAL}, holds the
 * column totals and the grand total. A one-way table has a single {@code count} column and no total
 * column. A suppressed entry is written {@value #SUPPRESSED}, never 0 or blank. Labels that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 *
 * <p>A differentially private table adds, after those columns, two per count column (including
 * {@value TableDimension#TOTAL}): {@code LABEL}{@value #LOWER} and {@code LABEL}{@value #UPPER},
 * the limits of the exact 95% interval for the true count of the entry on the same line (see {@link
 * NoisyCount}; a total's noise is the sum of its cells' noise). The counts stay where they were, so
 * a reader of the count columns alone reads the table as before. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AggregateTable {
  /** What a suppressed cell or total is written as. */
  public static final String SUPPRESSED = "[c]";

  /** The column label of a one-way table. */
  public static final String COUNT = "count";

  /** The confidence of the intervals a differentially private table publishes. */
  public static final double CONFIDENCE = 0.95;

  /** The suffix of a column label that names the lower limits of its entries' intervals. */
  public static final String LOWER = ":lower95";

  /** The suffix of a column label that names the upper limits of its entries' intervals. */
  public static final String UPPER = ":upper95";

  private final TableSpec spec;
  private final List<String> rowLabels;
  private final List<String> columnLabels;

  /** Published values with totals: row totals in the last column, column totals in the last row. */
  private final long[][] entries;

  private final boolean[][] hidden;

  /** The intervals of a dp table's entries, laid out as {@code entries}; null for small cells. */
  private final NoisyCount[][] intervals;

  private final int primary;
  private final int secondary;

  private AggregateTable(
      TableSpec spec,
      List<String> rowLabels,
      List<String> columnLabels,
      long[][] entries,
      boolean[][] hidden,
      NoisyCount[][] intervals,
      int primary,
      int secondary) {
    this.spec = spec;
    this.rowLabels = List.copyOf(rowLabels);
    this.columnLabels = List.copyOf(columnLabels);
    this.entries = entries;
    this.hidden = hidden;
    this.intervals = intervals;
    this.primary = primary;
    this.secondary = secondary;
  }

  /**
   * Counts the released incidents and protects the counts. A differentially private table spends
   * its epsilon from the context's ledger before any noise is drawn and draws the noise from the
   * context's generator.
   *
   * @param spec the table; never null
   * @param released the released incidents, before ids become pseudonyms; never null
   * @param person who an incident is about (for the contribution bound); never null
   * @param context the release's context; never null
   * @return the protected table
   * @throws AnonymisationException ({@link AnonymiseCode#EPSILON_OVERSPENT}) if the ledger refuses
   */
  static AggregateTable compute(
      TableSpec spec,
      List<Incident> released,
      Function<Incident, String> person,
      ReleaseContext context) {
    Objects.requireNonNull(spec, "spec must not be null");
    boolean dp = spec.kind() == TableSpec.Kind.DP;
    TableDimension rd = spec.rows();
    List<Incident> counted =
        dp
            ? NoisyCounts.boundContributions(released, person, spec.maxIncidentsPerPerson())
            : released;
    String[] rowOf = new String[counted.size()];
    String[] colOf = new String[counted.size()];
    TableDimension cd = spec.columns().orElse(null);
    for (int i = 0; i < rowOf.length; i++) {
      rowOf[i] = rd.labelOf(counted.get(i));
      colOf[i] = cd == null ? COUNT : cd.labelOf(counted.get(i));
    }
    List<String> rows = dp ? TableSpec.declaredLabels(rd) : observed(rd, rowOf);
    List<String> cols =
        spec.columns()
            .map(d -> dp ? TableSpec.declaredLabels(d) : observed(d, colOf))
            .orElse(List.of(COUNT));
    Map<String, Integer> ri = index(rows);
    Map<String, Integer> ci = index(cols);
    long[][] counts = new long[rows.size()][cols.size()];
    for (int i = 0; i < rowOf.length; i++) {
      counts[slot(ri, rowOf[i])][slot(ci, colOf[i])]++;
    }
    long[][] entries = new long[rows.size() + 1][cols.size() + 1];
    boolean[][] hidden = new boolean[rows.size() + 1][cols.size() + 1];
    int primary = 0;
    int secondary = 0;
    NoisyCount[][] intervals = null;
    if (dp) {
      context.ledger().spend("table " + spec.name(), spec.epsilon());
      DiscreteLaplace noise =
          DiscreteLaplace.of(spec.epsilon(), spec.maxIncidentsPerPerson(), context.random());
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < cols.size(); c++) {
          entries[r][c] = noise.addNoise(counts[r][c]);
        }
      }
      // Totals are sums of the noisy cells: consistent, and free (post-processing spends nothing).
      addTotals(entries, rows.size(), cols.size());
      intervals = intervals(noise, entries, rows.size(), cols.size());
    } else if (!rows.isEmpty() && !cols.isEmpty()) {
      SmallCellTable t = SmallCellTable.of(counts, spec.threshold());
      boolean oneWay = spec.columns().isEmpty();
      for (int r = 0; r <= rows.size(); r++) {
        for (int c = 0; c <= cols.size(); c++) {
          OptionalLong v =
              r < rows.size() && c < cols.size()
                  ? t.cell(r, c)
                  : r < rows.size()
                      ? t.rowTotal(r)
                      : c < cols.size() ? t.columnTotal(c) : t.grandTotal();
          hidden[r][c] = v.isEmpty();
          entries[r][c] = v.orElse(0);
          // A one-way table does not print its row totals (each equals its cell) or the corner.
          boolean printed = !oneWay || c < cols.size();
          if (hidden[r][c] && printed) {
            if (t.isSmall(r, c)) {
              primary++;
            } else {
              secondary++;
            }
          }
        }
      }
    }
    return new AggregateTable(spec, rows, cols, entries, hidden, intervals, primary, secondary);
  }

  /** The interval of every entry: a cell's noise is one draw, a total's the sum of its cells'. */
  private static NoisyCount[][] intervals(DiscreteLaplace noise, long[][] e, int rows, int cols) {
    NoisyCount[][] out = new NoisyCount[rows + 1][cols + 1];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= cols; c++) {
        int terms = Math.max(1, (r == rows ? rows : 1) * (c == cols ? cols : 1));
        out[r][c] = noise.interval(e[r][c], terms, CONFIDENCE);
      }
    }
    return out;
  }

  private static void addTotals(long[][] e, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        e[r][cols] = Math.addExact(e[r][cols], e[r][c]);
        e[rows][c] = Math.addExact(e[rows][c], e[r][c]);
        e[rows][cols] = Math.addExact(e[rows][cols], e[r][c]);
      }
    }
  }

  /** The labels found in the data (or the declared ones), then unknown and other when present. */
  private static List<String> observed(TableDimension d, String[] labels) {
    TreeSet<String> found = new TreeSet<>(Arrays.asList(labels));
    List<String> out = new ArrayList<>(d.values().isEmpty() ? found : d.values());
    found.removeAll(out);
    found.remove(TableDimension.UNKNOWN);
    found.remove(TableDimension.OTHER);
    out.addAll(found);
    for (String extra : List.of(TableDimension.UNKNOWN, TableDimension.OTHER)) {
      if (!out.contains(extra) && Arrays.asList(labels).contains(extra)) {
        out.add(extra);
      }
    }
    return out;
  }

  /** Returns where a label is counted: its own slot, else (a dp table's fixed domain) "other". */
  private static int slot(Map<String, Integer> index, String label) {
    Integer i = index.get(label);
    return i != null ? i : index.get(TableDimension.OTHER);
  }

  private static Map<String, Integer> index(List<String> labels) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      m.put(labels.get(i), i);
    }
    return m;
  }

  /**
   * Returns the table's specification.
   *
   * @return the spec; never {@code null}
   */
  public TableSpec spec() {
    return spec;
  }

  /**
   * Returns the row labels, in order.
   *
   * @return the labels; immutable, potentially empty
   */
  public List<String> rowLabels() {
    return rowLabels;
  }

  /**
   * Returns the column labels, in order ({@value #COUNT} alone for a one-way table).
   *
   * @return the labels; immutable
   */
  public List<String> columnLabels() {
    return columnLabels;
  }

  /**
   * Returns a published entry, or empty when it is suppressed. Row {@code rowLabels().size()} holds
   * the column totals and column {@code columnLabels().size()} the row totals.
   *
   * @param row the row, 0 to the number of rows inclusive
   * @param column the column, 0 to the number of columns inclusive
   * @return the count (noisy in a dp table); never {@code null} but potentially empty
   */
  public OptionalLong entry(int row, int column) {
    return hidden[row][column] ? OptionalLong.empty() : OptionalLong.of(entries[row][column]);
  }

  /**
   * Returns the published interval of an entry of a differentially private table, laid out as
   * {@link #entry(int, int)}; empty for a small-cell table.
   *
   * @param row the row, 0 to the number of rows inclusive
   * @param column the column, 0 to the number of columns inclusive
   * @return the noisy count with its 95% interval; never {@code null} but potentially empty
   */
  public Optional<NoisyCount> interval(int row, int column) {
    return intervals == null ? Optional.empty() : Optional.of(intervals[row][column]);
  }

  /**
   * Returns the table's line in the privacy report.
   *
   * @return the summary; never {@code null}
   */
  public PrivacyReport.Table summary() {
    return new PrivacyReport.Table(
        spec.name(),
        spec.kind().id(),
        rowLabels.size() * columnLabels.size(),
        primary,
        secondary,
        spec.epsilon());
  }

  /**
   * Returns the table as CSV (see the class comment).
   *
   * @return the text, lines ending in {@code \n}; never {@code null}
   */
  public String toCsv() {
    boolean oneWay = spec.columns().isEmpty();
    int rows = rowLabels.size();
    int cols = columnLabels.size();
    StringBuilder b = new StringBuilder();
    b.append(label(spec.rows().toString()));
    for (String c : columnLabels) {
      b.append(',').append(label(c));
    }
    if (!oneWay) {
      b.append(',').append(TableDimension.TOTAL);
    }
    int printed = oneWay ? cols : cols + 1;
    if (intervals != null) {
      for (int c = 0; c < printed; c++) {
        String l = c < cols ? columnLabels.get(c) : TableDimension.TOTAL;
        b.append(',').append(label(l + LOWER)).append(',').append(label(l + UPPER));
      }
    }
    b.append('\n');
    for (int r = 0; r <= rows; r++) {
      b.append(r < rows ? label(rowLabels.get(r)) : TableDimension.TOTAL);
      for (int c = 0; c < printed; c++) {
        b.append(',').append(hidden[r][c] ? SUPPRESSED : Long.toString(entries[r][c]));
      }
      if (intervals != null) {
        for (int c = 0; c < printed; c++) {
          b.append(',').append(intervals[r][c].lower()).append(',').append(intervals[r][c].upper());
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Quotes a label when it holds a comma or a quote, and defuses spreadsheet formulas. */
  private static String label(String v) {
    String s = v.replace('\n', ' ').replace('\r', ' ');
    if (!s.isEmpty() && "=+-@\t".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  /**
   * Checks a published table from its CSV text alone. Every table: the layout of {@link #toCsv()},
   * every entry a whole number or {@value #SUPPRESSED}. A small-cell table: no published count from
   * 1 to {@code threshold - 1} (totals included), no line (a row or column with its total, or the
   * totals with the grand total) with exactly one suppressed entry, and in a line with a published
   * total the published cells add up to the total or leave a remainder of at least {@code
   * threshold} for the suppressed ones. A differentially private table: nothing suppressed, totals
   * equal to the sums of the cells, the rows and columns exactly the declared ones (so that which
   * rows exist says nothing about the data), and every entry's interval columns present and equal
   * to the exact 95% interval recomputed from the entry, the epsilon and the contribution bound.
   *
   * @param spec the table's specification; never null
   * @param csv the published text; never null
   * @return the check, named {@code table NAME}; never {@code null}
   */
  public static PrivacyReport.Check check(TableSpec spec, String csv) {
    String name = ReleaseCheck.TABLE.named(spec.name());
    try {
      return PrivacyReport.Check.of(name, true, TableCheck.run(spec, csv));
    } catch (TableCheck.Failure f) {
      return new PrivacyReport.Check(name, false, f.getMessage());
    }
  }
}
