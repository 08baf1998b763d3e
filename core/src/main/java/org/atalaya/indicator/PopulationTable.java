package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Sex;

/**
 * Population denominators by area, year, sex and age band, with the vintage they come from (for
 * example "INE Honduras projections 2013-2030, published 2019").
 *
 * <p>A row with no sex or no age band is a total over that dimension. {@link #population} answers a
 * question with the row that matches it exactly, or else by summing the finer rows: by sex, then by
 * age band, then by both. So a table may hold totals, a breakdown, or both, and totals are never
 * counted twice. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PopulationTable {

  /**
   * One population figure. Immutable and thread-safe.
   *
   * @param area the area code or name, for example {@code "HN"} or {@code "0801"}; never {@code
   *     null} or blank
   * @param year the year
   * @param sex the sex; never {@code null} but empty for both sexes together
   * @param ageBand the age band; never {@code null} but empty for all ages together
   * @param population the population; not negative and finite
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Row(
      String area, int year, Optional<Sex> sex, Optional<AgeBand> ageBand, double population) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException if the area is blank or the population negative or not
     *     finite
     */
    public Row {
      Objects.requireNonNull(area, "area must not be null");
      Objects.requireNonNull(sex, "sex must not be null; use Optional.empty() for both sexes");
      Objects.requireNonNull(
          ageBand, "ageBand must not be null; use Optional.empty() for all ages");
      checkArgument(!area.isBlank(), "area must not be blank");
      checkArgument(
          population >= 0 && Double.isFinite(population),
          "population (%s) must not be negative",
          population);
    }
  }

  private final String vintage;
  private final List<Row> rows;

  private PopulationTable(String vintage, List<Row> rows) {
    this.vintage = vintage;
    this.rows = rows;
  }

  /**
   * Returns a table of the given rows.
   *
   * @param vintage where the figures come from and when they were published; never null or blank
   * @param rows the rows; never null, no null element, no two rows for the same area, year, sex and
   *     band
   * @return the table; never {@code null}
   * @throws IllegalArgumentException if the vintage is blank or two rows share a key
   */
  public static PopulationTable of(String vintage, List<Row> rows) {
    Objects.requireNonNull(vintage, "vintage must not be null");
    checkArgument(
        !vintage.isBlank(),
        "vintage must not be blank: say where the population figures come from");
    List<Row> copy = ImmutableList.copyOf(Objects.requireNonNull(rows, "rows must not be null"));
    Set<List<Object>> keys = new HashSet<>();
    for (Row r : copy) {
      checkArgument(
          keys.add(List.of(r.area(), r.year(), r.sex(), r.ageBand())),
          "population row for area %s, year %s, sex %s, age band %s appears twice",
          r.area(),
          r.year(),
          r.sex().map(Sex::name).orElse("all"),
          r.ageBand().map(AgeBand::toString).orElse("all"));
    }
    return new PopulationTable(vintage.strip(), copy);
  }

  /**
   * Reads a table from CSV with the header {@code area,year,sex,age_band,population} (any order;
   * {@code ,} or {@code ;} between cells). {@code sex} is {@code female}, {@code male}, {@code
   * other} (or {@code F}, {@code M}, {@code mujer}, {@code hombre}), or blank, {@code all} or
   * {@code total} for both; {@code age_band} is like {@code 15-29} or {@code 65+}, or blank, {@code
   * all} or {@code total} for all ages.
   *
   * @param csv the CSV text; never null; not closed
   * @param vintage where the figures come from; never null or blank
   * @return the table; never {@code null}
   * @throws IOException if the text cannot be read
   * @throws IllegalArgumentException if a column is missing or a row is invalid (the message gives
   *     the row number, counting the header as row 1)
   */
  public static PopulationTable readCsv(Reader csv, String vintage) throws IOException {
    Objects.requireNonNull(csv, "csv must not be null");
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    String text = readAll(csv);
    char delimiter =
        text.lines()
            .findFirst()
            .map(h -> h.indexOf(';') >= 0 && h.indexOf(',') < 0 ? ';' : ',')
            .orElse(',');
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter);
    ImmutableList.Builder<Row> rows = ImmutableList.builder();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerForMapOf(String.class).with(schema).readValues(text)) {
      int row = 1;
      while (it.hasNext()) {
        Map<String, String> cells = it.next();
        row++;
        rows.add(parseRow(cells, row));
      }
    }
    return of(vintage, rows.build());
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[8192];
    int n;
    while ((n = reader.read(buffer)) >= 0) {
      sb.append(buffer, 0, n);
    }
    String s = sb.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static Row parseRow(Map<String, String> cells, int row) {
    for (String column : List.of("area", "year", "sex", "age_band", "population")) {
      checkArgument(
          cells.containsKey(column), "population CSV must have a column named %s", column);
    }
    try {
      String sexText = cells.get("sex").strip().toLowerCase(Locale.ROOT);
      Optional<Sex> sex =
          switch (sexText) {
            case "", "all", "total", "ambos" -> Optional.empty();
            case "f", "female", "mujer", "mujeres" -> Optional.of(Sex.FEMALE);
            case "m", "male", "hombre", "hombres" -> Optional.of(Sex.MALE);
            case "other", "otro" -> Optional.of(Sex.OTHER);
            default ->
                throw new IllegalArgumentException(
                    "sex (" + cells.get("sex") + ") must be female, male, other or all");
          };
      String bandText = cells.get("age_band").strip();
      Optional<AgeBand> band =
          bandText.isEmpty()
                  || bandText.equalsIgnoreCase("all")
                  || bandText.equalsIgnoreCase("total")
              ? Optional.empty()
              : Optional.of(AgeBand.parse(bandText));
      int year = number(cells, "year", "a whole number such as 2024", Integer::parseInt);
      double population =
          number(
              cells,
              "population",
              "a number without thousands separators, such as 1300000",
              Double::parseDouble);
      return new Row(cells.get("area").strip(), year, sex, band, population);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("population CSV row " + row + ": " + e.getMessage(), e);
    }
  }

  /** Parses a cell, naming the column, the value and what was expected when it is not a number. */
  private static <T> T number(
      Map<String, String> cells, String column, String expected, Function<String, T> parse) {
    String text = cells.get(column).strip();
    try {
      return parse.apply(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + " (" + text + ") must be " + expected, e);
    }
  }

  /**
   * Returns where the figures come from.
   *
   * @return the vintage; never {@code null}
   */
  public String vintage() {
    return vintage;
  }

  /**
   * Returns every row.
   *
   * @return the rows; never {@code null}, immutable
   */
  public List<Row> rows() {
    return rows;
  }

  /**
   * Returns the population of an area in a year, for one sex and age band or totals over them: the
   * exact row if there is one, or else the sum of the finer rows (by sex, then by band, then by
   * both).
   *
   * @param area the area; never null
   * @param year the year
   * @param sex the sex, or empty for both; never null
   * @param ageBand the age band, or empty for all ages; never null
   * @return the population; never {@code null} but empty when the table cannot answer
   */
  public OptionalDouble population(
      String area, int year, Optional<Sex> sex, Optional<AgeBand> ageBand) {
    Objects.requireNonNull(area, "area must not be null");
    Objects.requireNonNull(sex, "sex must not be null");
    Objects.requireNonNull(ageBand, "ageBand must not be null");
    List<Predicate<Row>> levels =
        List.of(
            r -> r.sex().equals(sex) && r.ageBand().equals(ageBand),
            r ->
                (sex.isPresent() ? r.sex().equals(sex) : r.sex().isPresent())
                    && r.ageBand().equals(ageBand),
            r ->
                r.sex().equals(sex)
                    && (ageBand.isPresent()
                        ? r.ageBand().equals(ageBand)
                        : r.ageBand().isPresent()),
            r ->
                (sex.isPresent() ? r.sex().equals(sex) : r.sex().isPresent())
                    && (ageBand.isPresent()
                        ? r.ageBand().equals(ageBand)
                        : r.ageBand().isPresent()));
    for (Predicate<Row> level : levels) {
      double sum = 0;
      boolean any = false;
      for (Row r : rows) {
        if (r.area().equals(area) && r.year() == year && level.test(r)) {
          sum += r.population();
          any = true;
        }
      }
      if (any) {
        return OptionalDouble.of(sum);
      }
    }
    return OptionalDouble.empty();
  }
}
