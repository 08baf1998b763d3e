package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.anonymise.internal.ReleaseChecks;
import org.atalaya.code.LocalizedDetail;

/**
 * The check of {@link AggregateTable#check(TableSpec, String)}: reads the published CSV back and
 * recomputes every rule from the text alone, so that what is checked is what is written.
 */
final class TableCheck {
  /** A rule the table breaks; the message names the line or entry. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  private TableCheck() {}

  /** Returns the detail of a passed check, or throws the first rule broken. */
  static LocalizedDetail run(TableSpec spec, String csv) throws Failure {
    boolean oneWay = spec.columns().isEmpty();
    List<List<String>> lines = new ArrayList<>();
    for (String line : csv.split("\n", -1)) {
      if (!line.isEmpty()) {
        lines.add(fields(line));
      }
    }
    if (lines.size() < 2) {
      throw new Failure("the table has no totals row");
    }
    if (spec.kind() == TableSpec.Kind.DP) {
      lines = checkIntervals(spec, lines);
    }
    List<String> header = lines.get(0);
    int width = header.size();
    if (!header.get(0).equals(spec.rows().toString())) {
      throw new Failure("the header starts with " + header.get(0) + ", not " + spec.rows());
    }
    if (oneWay
        ? width != 2 || !header.get(1).equals(AggregateTable.COUNT)
        : width < 2 || !header.get(width - 1).equals(TableDimension.TOTAL)) {
      throw new Failure(
          "the header "
              + header
              + " does not end in "
              + (oneWay ? AggregateTable.COUNT : TableDimension.TOTAL));
    }
    int rows = lines.size() - 2;
    int cols = oneWay ? 1 : width - 2;
    if (!lines.get(lines.size() - 1).get(0).equals(TableDimension.TOTAL)) {
      throw new Failure(
          "the last row is "
              + lines.get(lines.size() - 1).get(0)
              + ", not "
              + TableDimension.TOTAL);
    }
    List<String> rowLabels = new ArrayList<>();
    List<String> colLabels = header.subList(1, 1 + cols);
    // null marks a suppressed entry; the last row and (two-way) the last column hold the totals.
    Long[][] m = new Long[rows + 1][width - 1];
    for (int r = 0; r <= rows; r++) {
      List<String> l = lines.get(r + 1);
      if (l.size() != width) {
        throw new Failure("row " + l.get(0) + " has " + l.size() + " fields, the header " + width);
      }
      if (r < rows) {
        rowLabels.add(l.get(0));
      }
      for (int c = 0; c < width - 1; c++) {
        String v = l.get(c + 1);
        if (v.equals(AggregateTable.SUPPRESSED)) {
          continue;
        }
        try {
          m[r][c] = Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new Failure(
              "entry ("
                  + l.get(0)
                  + ", "
                  + header.get(c + 1)
                  + ") ("
                  + v
                  + ") is neither a whole number nor "
                  + AggregateTable.SUPPRESSED);
        }
      }
    }
    List<Line> all = new ArrayList<>();
    if (!oneWay) {
      for (int r = 0; r <= rows; r++) {
        Long[] line = m[r].clone();
        all.add(new Line(r < rows ? "row " + rowLabels.get(r) : "the totals row", line));
      }
    }
    for (int c = 0; c < width - 1; c++) {
      Long[] line = new Long[rows + 1];
      for (int r = 0; r <= rows; r++) {
        line[r] = m[r][c];
      }
      all.add(new Line(c < cols ? "column " + header.get(c + 1) : "the totals column", line));
    }
    int cells = rows * cols;
    if (spec.kind() == TableSpec.Kind.DP) {
      for (Line l : all) {
        l.checkSum();
      }
      if (!rowLabels.equals(TableSpec.declaredLabels(spec.rows()))) {
        throw new Failure(
            "the rows "
                + rowLabels
                + " are not the declared ones "
                + TableSpec.declaredLabels(spec.rows())
                + ": which rows exist must not depend on the data");
      }
      if (spec.columns().isPresent()
          && !colLabels.equals(TableSpec.declaredLabels(spec.columns().get()))) {
        throw new Failure(
            "the columns "
                + colLabels
                + " are not the declared ones "
                + TableSpec.declaredLabels(spec.columns().get())
                + ": which columns exist must not depend on the data");
      }
      return ReleaseChecks.said(
          "tableDp", cells, Math.round(AggregateTable.CONFIDENCE * 100), spec.epsilon());
    }
    int suppressed = 0;
    for (Long[] row : m) {
      for (Long v : row) {
        suppressed += v == null ? 1 : 0;
      }
    }
    for (Line l : all) {
      l.checkSmallCells(spec.threshold());
    }
    return ReleaseChecks.said("tableSmall", cells, suppressed, spec.threshold() - 1);
  }

  /**
   * Checks the interval columns of a dp table (two per count column, after the counts): their
   * names, and each limit equal to the one recomputed from the entry; returns the lines without
   * them, for the checks of the counts.
   */
  private static List<List<String>> checkIntervals(TableSpec spec, List<List<String>> lines)
      throws Failure {
    List<String> header = lines.get(0);
    int countFields = header.size() - 1;
    if (countFields % 3 != 0) {
      throw new Failure(
          "the header has "
              + header.size()
              + " fields, not 1 plus 3 per count column (the count and the limits"
              + " of its interval)");
    }
    int printed = countFields / 3;
    for (int c = 0; c < printed; c++) {
      String label = header.get(1 + c);
      for (int k = 0; k < 2; k++) {
        String expected = label + (k == 0 ? AggregateTable.LOWER : AggregateTable.UPPER);
        String found = header.get(1 + printed + 2 * c + k);
        if (!found.equals(expected)) {
          throw new Failure("the header has " + found + " where " + expected + " belongs");
        }
      }
    }
    int rows = lines.size() - 2;
    boolean oneWay = spec.columns().isEmpty();
    int cols = oneWay ? printed : printed - 1;
    DiscreteLaplace noise =
        DiscreteLaplace.distribution(spec.epsilon(), spec.maxIncidentsPerPerson());
    List<List<String>> out = new ArrayList<>();
    out.add(header.subList(0, 1 + printed));
    for (int r = 0; r <= rows; r++) {
      List<String> l = lines.get(r + 1);
      if (l.size() != header.size()) {
        throw new Failure(
            "row " + l.get(0) + " has " + l.size() + " fields, the header " + header.size());
      }
      for (int c = 0; c < printed; c++) {
        String v = l.get(1 + c);
        if (v.equals(AggregateTable.SUPPRESSED)) {
          throw new Failure(
              "entry ("
                  + l.get(0)
                  + ", "
                  + header.get(c + 1)
                  + ") is suppressed, but a dp table suppresses nothing");
        }
        long count;
        try {
          count = Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new Failure(
              "entry ("
                  + l.get(0)
                  + ", "
                  + header.get(c + 1)
                  + ") ("
                  + v
                  + ") is not a whole number");
        }
        int terms = Math.max(1, (r == rows ? rows : 1) * (c == cols ? cols : 1));
        NoisyCount expected = noise.interval(count, terms, AggregateTable.CONFIDENCE);
        String lower = l.get(1 + printed + 2 * c);
        String upper = l.get(2 + printed + 2 * c);
        if (!lower.equals(Long.toString(expected.lower()))
            || !upper.equals(Long.toString(expected.upper()))) {
          throw new Failure(
              "entry ("
                  + l.get(0)
                  + ", "
                  + header.get(c + 1)
                  + ") "
                  + count
                  + " has the interval ["
                  + lower
                  + ", "
                  + upper
                  + "], not ["
                  + expected.lower()
                  + ", "
                  + expected.upper()
                  + "] (exact "
                  + Math.round(AggregateTable.CONFIDENCE * 100)
                  + "%, noise of "
                  + terms
                  + (terms == 1 ? " cell" : " cells")
                  + ")");
        }
      }
      out.add(l.subList(0, 1 + printed));
    }
    return out;
  }

  /** A row or column with its total last. */
  private record Line(String name, Long[] entries) {
    void checkSum() throws Failure {
      long sum = 0;
      for (int i = 0; i < entries.length - 1; i++) {
        if (entries[i] == null) {
          throw new Failure(name + ": an entry is suppressed, but a dp table suppresses nothing");
        }
        sum += entries[i];
      }
      Long total = entries[entries.length - 1];
      if (total == null || total != sum) {
        throw new Failure(
            name
                + ": the cells add up to "
                + sum
                + " but the total is "
                + (total == null ? AggregateTable.SUPPRESSED : total));
      }
    }

    void checkSmallCells(int threshold) throws Failure {
      int hidden = 0;
      long published = 0;
      for (int i = 0; i < entries.length; i++) {
        Long v = entries[i];
        if (v == null) {
          hidden++;
          continue;
        }
        if (v < 0) {
          throw new Failure(name + ": a count (" + v + ") is negative");
        }
        if (v > 0 && v < threshold) {
          throw new Failure(
              name + ": a count (" + v + ") from 1 to " + (threshold - 1) + " is published");
        }
        published += i < entries.length - 1 ? v : 0;
      }
      if (hidden == 1) {
        throw new Failure(name + ": exactly one entry is suppressed, so the others give it away");
      }
      Long total = entries[entries.length - 1];
      if (total == null) {
        return;
      }
      long rest = total - published;
      if (hidden == 0 && rest != 0) {
        throw new Failure(
            name + ": the cells add up to " + published + " but the total is " + total);
      }
      if (rest < 0) {
        throw new Failure(
            name
                + ": the published cells add up to "
                + published
                + ", more than the total "
                + total);
      }
      if (rest > 0 && rest < threshold) {
        throw new Failure(
            name
                + ": the suppressed cells add up to "
                + rest
                + " (the total minus the published cells),"
                + " below the threshold "
                + threshold);
      }
    }
  }

  /**
   * Splits one CSV line written by {@link AggregateTable#toCsv()}, undoing quotes and formula
   * guards.
   */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          f.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(unguard(f.toString()));
        f.setLength(0);
      } else {
        f.append(ch);
      }
    }
    out.add(unguard(f.toString()));
    return out;
  }

  private static String unguard(String v) {
    return v.length() > 1 && v.charAt(0) == '\'' && "=+-@\t".indexOf(v.charAt(1)) >= 0
        ? v.substring(1)
        : v;
  }
}
