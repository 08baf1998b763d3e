package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What a release does and what it must achieve: the steps in order, the quasi-identifiers and the
 * k every equivalence class must reach, how many records may be suppressed, whether ids become
 * pseudonyms, the epsilon budget, the names gazetteer the output is checked against, the
 * aggregate tables published alongside the records, and whether the records are published at all.
 * Built in code with {@link #builder(String)} or read from JSON with {@link #fromJson}. Immutable
 * and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleasePolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("name", "description", "k", "quasiIdentifiers",
      "maxSuppressedFraction", "pseudonymiseIds", "protectSensitive", "epsilonBudget", "names", "steps", "tables", "publishRecords");

  private final String name;
  private final List<ReleaseStep> steps;
  private final Set<QuasiIdentifier> quasiIdentifiers;
  private final int k;
  private final double maxSuppressedFraction;
  private final boolean pseudonymiseIds;
  private final double epsilonBudget;
  private final List<String> names;
  private final boolean protectSensitive;
  private final List<TableSpec> tables;
  private final boolean publishRecords;

  private ReleasePolicy(Builder b) {
    this.name = b.name;
    this.steps = List.copyOf(b.steps);
    this.quasiIdentifiers = java.util.Collections.unmodifiableSet(EnumSet.copyOf(b.quasiIdentifiers));
    this.k = b.k;
    this.maxSuppressedFraction = b.maxSuppressedFraction;
    this.pseudonymiseIds = b.pseudonymiseIds;
    this.epsilonBudget = b.epsilonBudget;
    this.names = List.copyOf(b.names);
    this.protectSensitive = b.protectSensitive;
    this.tables = List.copyOf(b.tables);
    this.publishRecords = b.publishRecords;
  }

  /**
   * Returns a builder; by default k is 1, the quasi-identifier is the location, at most 5% may be
   * suppressed, ids are pseudonymised, the epsilon budget is 0, the records are published and there
   * are no tables.
   *
   * @param name the policy's name, for reports; never null or blank
   * @return a builder; not thread-safe
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * Reads a policy from JSON. Top-level fields: {@code name}, {@code description}, {@code k},
   * {@code quasiIdentifiers}, {@code maxSuppressedFraction}, {@code pseudonymiseIds}, {@code
   * epsilonBudget}, {@code names}, {@code steps} (each {@code {"type": ..., options...}}), {@code
   * publishRecords} and {@code tables} (each {@code {"name": ..., "rows": ..., "columns": ...,
   * "smallCells": {"threshold": ...}}} or with {@code "dp": {"epsilon": ..., "maxIncidentsPerPerson":
   * ..., "person": ...}} instead; see {@link TableSpec} and {@code sdk-docs/anonymisation.md}).
   * Unknown fields are errors, so that a misspelt {@code "k"} does not silently publish with k = 1.
   *
   * @param in the JSON; never null
   * @param baseDirectory where relative file options resolve, or null
   * @param factories the step factories, searched in order; never null
   * @return the policy
   * @throws IOException if the JSON cannot be read
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if the policy is invalid
   */
  public static ReleasePolicy fromJson(InputStream in, Path baseDirectory, Collection<? extends ReleaseStepFactory> factories)
      throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.isObject()) {
      throw invalid("a policy must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw invalid("unknown field " + f + "; the fields are " + new TreeSet<>(FIELDS));
      }
    }
    Builder b = builder(root.path("name").asText("unnamed"));
    if (root.has("k")) {
      b.k(root.get("k").asInt());
    }
    if (root.has("quasiIdentifiers")) {
      List<QuasiIdentifier> qis = new ArrayList<>();
      root.get("quasiIdentifiers").forEach(n -> qis.add(QuasiIdentifier.parse(n.asText())));
      b.quasiIdentifiers(qis);
    }
    if (root.has("maxSuppressedFraction")) {
      b.maxSuppressedFraction(root.get("maxSuppressedFraction").asDouble());
    }
    b.pseudonymiseIds(root.path("pseudonymiseIds").asBoolean(true));
    b.protectSensitive(root.path("protectSensitive").asBoolean(true));
    b.epsilonBudget(root.path("epsilonBudget").asDouble(0));
    List<String> names = new ArrayList<>();
    root.path("names").forEach(n -> names.add(n.asText()));
    b.names(names);
    for (JsonNode s : root.path("steps")) {
      Map<String, Object> options = JSON.convertValue(s, new TypeReference<LinkedHashMap<String, Object>>() {});
      Object type = options.remove("type");
      if (!(type instanceof String t)) {
        throw invalid("every step needs a \"type\"");
      }
      if (t.equals("redact")) {
        List<Object> all = new ArrayList<>(names);
        if (options.get("names") instanceof List<?> own) {
          all.addAll(own);
        }
        options.put("names", all);
      }
      // Policy-level defaults a step may use (the k-anonymity step needs the policy's k and QIs).
      options.putIfAbsent("k", root.path("k").asInt(1));
      if (!options.containsKey("quasiIdentifiers")) {
        List<Object> qis = new ArrayList<>();
        root.path("quasiIdentifiers").forEach(n -> qis.add(n.asText()));
        options.put("quasiIdentifiers", qis);
      }
      StepSpec spec = new StepSpec(t, options, Optional.ofNullable(baseDirectory));
      b.step(create(spec, factories));
    }
    JsonNode publish = root.path("publishRecords");
    if (!publish.isMissingNode() && !publish.isBoolean()) {
      throw invalid("publishRecords (" + publish + ") must be true or false");
    }
    b.publishRecords(publish.asBoolean(true));
    JsonNode tables = root.path("tables");
    if (!tables.isMissingNode() && !tables.isArray()) {
      throw invalid("tables (" + tables + ") must be a list of tables");
    }
    for (int i = 0; i < tables.size(); i++) {
      b.table(TableSpec.fromJson(tables.get(i), i));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  /**
   * Reads a policy from a JSON file; relative file options resolve against its directory.
   *
   * @param file the file; never null
   * @param factories the step factories; never null
   * @return the policy
   * @throws IOException if the file cannot be read
   */
  public static ReleasePolicy fromJson(Path file, Collection<? extends ReleaseStepFactory> factories) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, file.toAbsolutePath().getParent(), factories);
    }
  }

  private static ReleaseStep create(StepSpec spec, Collection<? extends ReleaseStepFactory> factories) {
    Set<String> known = new TreeSet<>();
    for (ReleaseStepFactory f : factories) {
      Optional<ReleaseStep> s;
      try {
        s = f.create(spec);
      } catch (IllegalArgumentException e) {
        throw invalid("step " + spec.type() + ": " + e.getMessage());
      }
      if (s.isPresent()) {
        return s.get();
      }
      known.addAll(f.types());
    }
    throw invalid("unknown step type " + spec.type() + "; the known types are " + known);
  }

  private static AnonymisationException invalid(String detail) {
    return new AnonymisationException(AnonymiseCode.INVALID_POLICY, detail);
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
   * Returns the steps in order.
   *
   * @return the steps; immutable
   */
  public List<ReleaseStep> steps() {
    return steps;
  }

  /**
   * Returns the quasi-identifiers over which k is measured.
   *
   * @return the set; immutable, never empty
   */
  public Set<QuasiIdentifier> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /**
   * Returns the k every equivalence class must reach.
   *
   * @return k, at least 1
   */
  public int k() {
    return k;
  }

  /**
   * Returns the largest share of records that may be suppressed.
   *
   * @return 0 to 1
   */
  public double maxSuppressedFraction() {
    return maxSuppressedFraction;
  }

  /**
   * Returns whether incident ids are replaced by keyed pseudonyms after the last step.
   *
   * @return true if so
   */
  public boolean pseudonymiseIds() {
    return pseudonymiseIds;
  }

  /**
   * Returns the epsilon budget for differentially private queries.
   *
   * @return the budget, zero or more
   */
  public double epsilonBudget() {
    return epsilonBudget;
  }

  /**
   * Returns the names gazetteer the output is checked against.
   *
   * @return the names; immutable
   */
  public List<String> names() {
    return names;
  }

  /**
   * Returns whether the release must pass the sensitive-detail check (no point, no time finer than
   * a month for sexual violence, domestic violence and minor victims). True unless the policy is
   * for a recipient entitled to the detail, such as the investigating police.
   *
   * @return true if sensitive incidents are protected
   */
  public boolean protectSensitive() {
    return protectSensitive;
  }

  /**
   * Returns the aggregate tables to publish, computed from the released records.
   *
   * @return the tables, in order; immutable, potentially empty
   */
  public List<TableSpec> tables() {
    return tables;
  }

  /**
   * Returns whether the released records are written; when false, only the tables are published.
   *
   * @return true if the records are published
   */
  public boolean publishRecords() {
    return publishRecords;
  }

  @Override
  public String toString() {
    return "ReleasePolicy[" + name + ", k=" + k + ", " + steps.stream().map(ReleaseStep::name).toList() + "]";
  }

  /** Builds a {@link ReleasePolicy}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ReleaseStep> steps = new ArrayList<>();
    private Set<QuasiIdentifier> quasiIdentifiers = EnumSet.of(QuasiIdentifier.LOCATION);
    private int k = 1;
    private double maxSuppressedFraction = 0.05;
    private boolean pseudonymiseIds = true;
    private double epsilonBudget;
    private List<String> names = List.of();
    private boolean protectSensitive = true;
    private final List<TableSpec> tables = new ArrayList<>();
    private boolean publishRecords = true;

    private Builder(String name) {
      checkArgument(name != null && !name.isBlank(), "policy name (%s) must not be blank", name);
      this.name = name;
    }

    /**
     * Adds a step at the end.
     *
     * @param step the step; never null
     * @return this builder
     */
    public Builder step(ReleaseStep step) {
      steps.add(Objects.requireNonNull(step, "step must not be null"));
      return this;
    }

    /**
     * Sets the quasi-identifiers.
     *
     * @param qis at least one; never null
     * @return this builder
     */
    public Builder quasiIdentifiers(Collection<QuasiIdentifier> qis) {
      checkArgument(!qis.isEmpty(), "quasiIdentifiers must not be empty");
      this.quasiIdentifiers = EnumSet.copyOf(qis);
      return this;
    }

    /**
     * Sets k.
     *
     * @param k at least 1
     * @return this builder
     */
    public Builder k(int k) {
      checkArgument(k >= 1, "k (%s) must be at least 1", k);
      this.k = k;
      return this;
    }

    /**
     * Sets the largest share of records that may be suppressed.
     *
     * @param fraction 0 to 1
     * @return this builder
     */
    public Builder maxSuppressedFraction(double fraction) {
      checkArgument(fraction >= 0 && fraction <= 1, "maxSuppressedFraction (%s) must be from 0 to 1", fraction);
      this.maxSuppressedFraction = fraction;
      return this;
    }

    /**
     * Sets whether ids become pseudonyms (which needs a key).
     *
     * @param pseudonymise true to pseudonymise
     * @return this builder
     */
    public Builder pseudonymiseIds(boolean pseudonymise) {
      this.pseudonymiseIds = pseudonymise;
      return this;
    }

    /**
     * Sets the epsilon budget.
     *
     * @param budget zero or more
     * @return this builder
     */
    public Builder epsilonBudget(double budget) {
      checkArgument(Double.isFinite(budget) && budget >= 0, "epsilonBudget (%s) must be zero or more", budget);
      this.epsilonBudget = budget;
      return this;
    }

    /**
     * Sets the names gazetteer for the output check.
     *
     * @param names the names; never null
     * @return this builder
     */
    public Builder names(Collection<String> names) {
      this.names = List.copyOf(names);
      return this;
    }

    /**
     * Sets whether the sensitive-detail check applies (see {@link ReleasePolicy#protectSensitive()}).
     *
     * @param protect false only for recipients entitled to the detail
     * @return this builder
     */
    public Builder protectSensitive(boolean protect) {
      this.protectSensitive = protect;
      return this;
    }

    /**
     * Adds an aggregate table at the end.
     *
     * @param table the table; never null
     * @return this builder
     */
    public Builder table(TableSpec table) {
      tables.add(Objects.requireNonNull(table, "table must not be null"));
      return this;
    }

    /**
     * Sets whether the released records are written (true by default); a policy that publishes
     * tables only sets it to false.
     *
     * @param publish false to publish the tables only
     * @return this builder
     */
    public Builder publishRecords(boolean publish) {
      this.publishRecords = publish;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if two tables share a name, a dp table's epsilon is more
     *     than the budget, or the policy publishes neither records nor tables
     */
    public ReleasePolicy build() {
      Set<String> seen = new java.util.HashSet<>();
      for (TableSpec t : tables) {
        checkArgument(seen.add(t.name()), "table %s: the name is used twice; table names become file names", t.name());
        checkArgument(t.epsilon() <= epsilonBudget * (1 + 1e-9),
            "table %s: dp.epsilon (%s) is more than the policy's epsilonBudget (%s); raise epsilonBudget or lower epsilon",
            t.name(), t.epsilon(), epsilonBudget);
      }
      checkArgument(publishRecords || !tables.isEmpty(), "publishRecords is false and there are no tables: the release would publish nothing");
      return new ReleasePolicy(this);
    }
  }
}
