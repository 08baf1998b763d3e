package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.atalaya.incident.Attributes;
import org.atalaya.taxonomy.IccsCatalogue;

/**
 * An aggregate table a release publishes: incidents counted by a row {@link TableDimension} and,
 * optionally, a column one, protected either by small-cell suppression (with secondary suppression,
 * see {@link SmallCellTable}) or by differential privacy (per-person contribution bound, then
 * discrete Laplace noise on every cell, see {@link DiscreteLaplace}).
 *
 * <p>A differentially private table publishes a fixed set of rows and columns chosen before the
 * data are seen, or which rows exist would itself leak: its location and time dimensions must
 * declare their values, and a category dimension without values publishes every code of its level
 * in the standard ICCS catalogue; {@value TableDimension#UNKNOWN} and {@value TableDimension#OTHER}
 * are always published too. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TableSpec {
  /** How a table is protected. */
  public enum Kind {
    /** Small cells hidden, with secondary suppression. */
    SMALL_CELLS("small-cells"),
    /** Discrete Laplace noise on every cell, epsilon spent from the release's ledger. */
    DP("dp");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /**
     * Returns the kind as the privacy report writes it: {@code small-cells} or {@code dp}.
     *
     * @return the id; never {@code null}
     */
    public String id() {
      return id;
    }
  }

  private static final Set<String> FIELDS = Set.of("name", "rows", "columns", "smallCells", "dp");
  private static final Set<String> DIMENSION_FIELDS = Set.of("by", "values");
  private static final Set<String> SMALL_CELL_FIELDS = Set.of("threshold");
  private static final Set<String> DP_FIELDS = Set.of("epsilon", "maxIncidentsPerPerson", "person");

  private final String name;
  private final TableDimension rows;
  private final Optional<TableDimension> columns;
  private final Kind kind;
  private final int threshold;
  private final double epsilon;
  private final int maxIncidentsPerPerson;
  private final Optional<String> personAttribute;

  private TableSpec(Builder b) {
    this.name = b.name;
    this.rows = b.rows;
    this.columns = b.columns;
    this.kind = b.kind;
    this.threshold = b.threshold;
    this.epsilon = b.epsilon;
    this.maxIncidentsPerPerson = b.maxIncidentsPerPerson;
    this.personAttribute = b.personAttribute;
  }

  /**
   * Returns a builder.
   *
   * @param name the table's name: lowercase letters, digits and hyphens, starting with a letter or
   *     digit, at most 64 characters; it becomes part of the file name
   * @return a builder; not thread-safe
   * @throws IllegalArgumentException if the name does not have that form
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Returns the name.
   *
   * @return the name; never {@code null}
   */
  public String name() {
    return name;
  }

  /**
   * Returns what the rows count by.
   *
   * @return the dimension; never {@code null}
   */
  public TableDimension rows() {
    return rows;
  }

  /**
   * Returns what the columns count by; empty for a one-way table (a single {@code count} column).
   *
   * @return the dimension; never {@code null} but potentially empty
   */
  public Optional<TableDimension> columns() {
    return columns;
  }

  /**
   * Returns how the table is protected.
   *
   * @return the kind; never {@code null}
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the smallest count published, for a small-cell table.
   *
   * @return at least 2; 0 for a differentially private table
   */
  public int threshold() {
    return threshold;
  }

  /**
   * Returns the epsilon the table spends, for a differentially private table.
   *
   * @return more than 0; 0 for a small-cell table
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * Returns how many incidents of one person are counted at most (the others are left out), for a
   * differentially private table; this is the noise's sensitivity.
   *
   * @return at least 1; 0 for a small-cell table
   */
  public int maxIncidentsPerPerson() {
    return maxIncidentsPerPerson;
  }

  /**
   * Returns the attribute of the input incidents that identifies the person an incident is about;
   * empty when each incident counts as its own person.
   *
   * @return the attribute key; never {@code null} but potentially empty
   */
  public Optional<String> personAttribute() {
    return personAttribute;
  }

  /**
   * Returns the declared values of a dimension of a differentially private table, with {@value
   * TableDimension#UNKNOWN} and {@value TableDimension#OTHER} after them; a category dimension
   * without values gives every code of its level in the standard ICCS catalogue.
   */
  static List<String> declaredLabels(TableDimension d) {
    List<String> out = new ArrayList<>(d.values());
    if (out.isEmpty() && d.quasiIdentifier() == QuasiIdentifier.CATEGORY) {
      int level = Integer.parseInt(d.level());
      IccsCatalogue.standard().all().stream()
          .filter(c -> c.code().level() == level)
          .forEach(c -> out.add(c.code().value()));
    }
    out.add(TableDimension.UNKNOWN);
    out.add(TableDimension.OTHER);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "TableSpec["
        + name
        + ", "
        + rows
        + columns.map(c -> " x " + c).orElse("")
        + ", "
        + kind.id()
        + "]";
  }

  /**
   * Reads one table of a policy's {@code tables}; every error names the table and the field.
   *
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if the table is invalid
   */
  static TableSpec fromJson(JsonNode node, int index) {
    if (node == null || !node.isObject()) {
      throw invalid(
          "tables["
              + index
              + "] must be an object such as {\"name\": ..., \"rows\": ..., \"smallCells\": ...}");
    }
    JsonNode nameNode = node.get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw invalid("tables[" + index + "] needs a name (text)");
    }
    String name = nameNode.asText();
    String where = "table " + name;
    unknownFields(node, FIELDS, where);
    Builder b;
    try {
      b = builder(name);
    } catch (IllegalArgumentException e) {
      throw invalid("tables[" + index + "]: " + e.getMessage());
    }
    if (!node.has("rows")) {
      throw invalid(where + " needs rows, for example \"rows\": \"location:municipality\"");
    }
    b.rows(dimension(node.get("rows"), where + ": rows"));
    if (node.has("columns")) {
      b.columns(dimension(node.get("columns"), where + ": columns"));
    }
    if (node.has("smallCells") == node.has("dp")) {
      throw invalid(
          where
              + " needs exactly one of smallCells and dp (every published table must be"
              + " protected)");
    }
    if (node.has("smallCells")) {
      JsonNode s = object(node.get("smallCells"), where + ": smallCells");
      unknownFields(s, SMALL_CELL_FIELDS, where + ": smallCells");
      b.smallCells(wholeNumber(s.get("threshold"), 2, where + ": smallCells.threshold"));
    } else {
      JsonNode d = object(node.get("dp"), where + ": dp");
      unknownFields(d, DP_FIELDS, where + ": dp");
      JsonNode e = d.get("epsilon");
      if (e == null || !e.isNumber() || !(e.asDouble() > 0) || !Double.isFinite(e.asDouble())) {
        throw invalid(where + ": dp.epsilon (" + e + ") must be a number more than 0");
      }
      int bound =
          d.has("maxIncidentsPerPerson")
              ? wholeNumber(d.get("maxIncidentsPerPerson"), 1, where + ": dp.maxIncidentsPerPerson")
              : 1;
      b.differentialPrivacy(e.asDouble(), bound);
      JsonNode person = d.get("person");
      if (person != null) {
        String p = person.isTextual() ? person.asText() : "";
        if (p.startsWith("attribute:")) {
          try {
            b.personAttribute(p.substring("attribute:".length()));
          } catch (IllegalArgumentException ex) {
            throw invalid(where + ": " + ex.getMessage());
          }
        } else if (!p.equals("incident")) {
          throw invalid(
              where + ": dp.person (" + person + ") must be \"incident\" or \"attribute:KEY\"");
        }
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException ex) {
      throw invalid(where + ": " + ex.getMessage());
    }
  }

  private static TableDimension dimension(JsonNode node, String where) {
    try {
      if (node.isTextual()) {
        return TableDimension.parse(node.asText());
      }
      if (node.isObject()) {
        unknownFields(node, DIMENSION_FIELDS, where);
        JsonNode by = node.get("by");
        if (by == null || !by.isTextual()) {
          throw invalid(
              where + " needs by, for example {\"by\": \"time:year\", \"values\": [\"2024\"]}");
        }
        List<String> values = new ArrayList<>();
        JsonNode vs = node.path("values");
        if (!vs.isMissingNode() && !vs.isArray()) {
          throw invalid(where + ": values (" + vs + ") must be a list of texts");
        }
        vs.forEach(v -> values.add(v.asText()));
        return TableDimension.parse(by.asText(), values);
      }
    } catch (IllegalArgumentException e) {
      throw invalid(where + ": " + e.getMessage());
    }
    throw invalid(
        where
            + " ("
            + node
            + ") must be a text such as \"time:month\" or an object {\"by\": ..., \"values\":"
            + " [...]}");
  }

  private static JsonNode object(JsonNode node, String where) {
    if (!node.isObject()) {
      throw invalid(where + " (" + node + ") must be an object");
    }
    return node;
  }

  private static int wholeNumber(JsonNode node, int min, String where) {
    if (node == null
        || !node.isNumber()
        || node.asDouble() != Math.rint(node.asDouble())
        || node.asDouble() < min
        || node.asDouble() > Integer.MAX_VALUE) {
      throw invalid(where + " (" + node + ") must be a whole number, at least " + min);
    }
    return node.asInt();
  }

  private static void unknownFields(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw invalid(where + ": unknown field " + f + "; the fields are " + new TreeSet<>(known));
      }
    }
  }

  private static AnonymisationException invalid(String detail) {
    return new AnonymisationException(AnonymiseCode.INVALID_POLICY, detail);
  }

  /** Builds a {@link TableSpec}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private TableDimension rows;
    private Optional<TableDimension> columns = Optional.empty();
    private Kind kind;
    private int threshold;
    private double epsilon;
    private int maxIncidentsPerPerson;
    private Optional<String> personAttribute = Optional.empty();

    private Builder(String name) {
      checkArgument(
          name != null && name.matches("[a-z0-9][a-z0-9-]{0,63}"),
          "table name (%s) must be lowercase letters, digits and hyphens, at most 64, starting with"
              + " a letter or digit",
          name);
      this.name = name;
    }

    /**
     * Sets what the rows count by.
     *
     * @param rows the dimension; never null
     * @return this builder
     */
    public Builder rows(TableDimension rows) {
      this.rows = Objects.requireNonNull(rows, "rows must not be null");
      return this;
    }

    /**
     * Sets what the columns count by; without it the table has one {@code count} column.
     *
     * @param columns the dimension; never null
     * @return this builder
     */
    public Builder columns(TableDimension columns) {
      this.columns = Optional.of(Objects.requireNonNull(columns, "columns must not be null"));
      return this;
    }

    /**
     * Protects the table by small-cell suppression.
     *
     * @param threshold the smallest count published, at least 2
     * @return this builder
     */
    public Builder smallCells(int threshold) {
      checkArgument(
          threshold >= 2,
          "smallCells.threshold (%s) must be a whole number, at least 2",
          threshold);
      this.kind = Kind.SMALL_CELLS;
      this.threshold = threshold;
      this.epsilon = 0;
      this.maxIncidentsPerPerson = 0;
      return this;
    }

    /**
     * Protects the table by differential privacy.
     *
     * @param epsilon the epsilon to spend, more than 0
     * @param maxIncidentsPerPerson how many incidents of one person are counted at most, at least 1
     * @return this builder
     */
    public Builder differentialPrivacy(double epsilon, int maxIncidentsPerPerson) {
      checkArgument(
          Double.isFinite(epsilon) && epsilon > 0,
          "dp.epsilon (%s) must be a number more than 0",
          epsilon);
      checkArgument(
          maxIncidentsPerPerson >= 1,
          "dp.maxIncidentsPerPerson (%s) must be at least 1",
          maxIncidentsPerPerson);
      this.kind = Kind.DP;
      this.epsilon = epsilon;
      this.maxIncidentsPerPerson = maxIncidentsPerPerson;
      this.threshold = 0;
      return this;
    }

    /**
     * Names the attribute of the input incidents that identifies the person (for example a victim's
     * or complainant's document number), for the contribution bound of a differentially private
     * table. An incident without it counts as its own person.
     *
     * @param key the attribute key, {@code namespace:name}; never null
     * @return this builder
     */
    public Builder personAttribute(String key) {
      checkArgument(
          key != null && Attributes.isValidKey(key),
          "dp.person attribute (%s) must be an attribute key, namespace:name, for example"
              + " src:victim-dni",
          key);
      this.personAttribute = Optional.of(key);
      return this;
    }

    /**
     * Builds the table.
     *
     * @return the table
     * @throws IllegalArgumentException if rows or the protection are missing, rows and columns
     *     count by the same quasi-identifier, or a differentially private table has a location or
     *     time dimension without declared values
     */
    public TableSpec build() {
      checkArgument(rows != null, "rows are missing");
      checkArgument(kind != null, "the protection is missing: smallCells or dp");
      checkArgument(
          columns.isEmpty() || columns.get().quasiIdentifier() != rows.quasiIdentifier(),
          "rows (%s) and columns (%s) must count by different quasi-identifiers",
          rows,
          columns.map(Object::toString).orElse(""));
      checkArgument(
          kind != Kind.SMALL_CELLS || personAttribute.isEmpty(),
          "dp.person applies to dp tables only");
      if (kind == Kind.DP) {
        checkDeclared("rows", rows);
        columns.ifPresent(c -> checkDeclared("columns", c));
      }
      return new TableSpec(this);
    }

    private static void checkDeclared(String which, TableDimension d) {
      checkArgument(
          !d.values().isEmpty() || d.quasiIdentifier() == QuasiIdentifier.CATEGORY,
          "%s (%s) of a dp table must declare its values, for example {\"by\": \"%s\", \"values\":"
              + " [...]}: publishing only the values found in the data would reveal them",
          which,
          d,
          d);
    }
  }
}
