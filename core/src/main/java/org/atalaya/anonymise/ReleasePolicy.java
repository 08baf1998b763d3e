package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * What a release does and what it must achieve: the steps in order, the quasi-identifiers and the k
 * every equivalence class must reach, how many records may be suppressed, whether ids become
 * pseudonyms, the epsilon budget, the names gazetteer the output is checked against, the aggregate
 * tables published alongside the records, and whether the records are published at all. Built in
 * code with {@link #builder(String)} or read from JSON with {@link #fromJson}. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleasePolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "description",
          "k",
          "quasiIdentifiers",
          "maxSuppressedFraction",
          "pseudonymiseIds",
          "protectSensitive",
          "epsilonBudget",
          "names",
          "steps",
          "tables",
          "publishRecords",
          "roles",
          "attacks",
          "maxAttackShare");

  /** The policies shipped with Atalaya, available by name from {@link #named(String)}. */
  public static final List<String> SHIPPED =
      List.of("open-data", "share-with-police", "aggregate-statistics");

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
  private final Map<QuasiIdentifier, AttributeRole> roles;
  private final Map<QuasiIdentifier, String> reasons;
  private final Set<AttackProfile> attacks;
  private final double maxAttackShare;
  private final Map<QuasiIdentifier, String> origins;

  private ReleasePolicy(Builder b) {
    this.name = b.name;
    this.steps = List.copyOf(b.steps);
    Map<QuasiIdentifier, AttributeRole> r = new EnumMap<>(QuasiIdentifier.class);
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      r.put(q, b.roles.getOrDefault(q, q.defaultRole()));
    }
    this.roles = Collections.unmodifiableMap(r);
    this.reasons = Collections.unmodifiableMap(new EnumMap<>(b.reasons));
    this.quasiIdentifiers = Collections.unmodifiableSet(b.effectiveQuasiIdentifiers());
    this.attacks = Collections.unmodifiableSet(EnumSet.copyOf(b.attacks));
    this.maxAttackShare = b.maxAttackShare;
    this.origins = Map.copyOf(b.origins);
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
   * Returns a builder; by default k is 1, every part is quasi-identifying but the id and the source
   * references (identifying), at most 5% may be suppressed, ids are pseudonymised, the epsilon
   * budget is 0, the records are published, there are no tables and no attack must be withstood.
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
   * publishRecords}, {@code roles} (part to role: {@code "sensitive"}, or {@code {"role":
   * "insensitive", "reason": "..."}}), {@code attacks} (profiles that must pass), {@code
   * maxAttackShare} and {@code tables} (each {@code {"name": ..., "rows": ..., "columns": ...,
   * "smallCells": {"threshold": ...}}} or with {@code "dp": {"epsilon": ...,
   * "maxIncidentsPerPerson": ..., "person": ...}} instead; see {@link TableSpec} and {@code
   * sdk-docs/anonymisation.md}). Unknown fields are errors, so that a misspelt {@code "k"} does not
   * silently publish with k = 1; every error names the policy, the line and the field.
   *
   * @param in the JSON; never null
   * @param baseDirectory where relative file options resolve, or null
   * @param factories the step factories, searched in order; never null
   * @return the policy
   * @throws IOException if the JSON cannot be read
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if the policy is invalid
   */
  public static ReleasePolicy fromJson(
      InputStream in, Path baseDirectory, Collection<? extends ReleaseStepFactory> factories)
      throws IOException {
    return fromJson(in.readAllBytes(), "policy", baseDirectory, factories);
  }

  /**
   * Reads a policy from JSON text; {@code source} names it in errors ({@code "policy FILE, line N,
   * FIELD: ..."}).
   */
  private static ReleasePolicy fromJson(
      byte[] json,
      String source,
      Path baseDirectory,
      Collection<? extends ReleaseStepFactory> factories)
      throws IOException {
    JsonNode root = JSON.readTree(json);
    PolicyLines lines = PolicyLines.of(json, source);
    if (root == null || !root.isObject()) {
      throw invalid(lines.at("", "a policy must be a JSON object"));
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw invalid(
            lines.at("/" + f, "unknown field " + f + "; the fields are " + new TreeSet<>(FIELDS)));
      }
    }
    try {
      return read(root, lines, baseDirectory, factories);
    } catch (AnonymisationException e) {
      if (e.code() != AnonymiseCode.INVALID_POLICY || e.detail().startsWith("policy " + source)) {
        throw e;
      }
      throw invalid(lines.at("", e.detail()));
    }
  }

  private static ReleasePolicy read(
      JsonNode root,
      PolicyLines lines,
      Path baseDirectory,
      Collection<? extends ReleaseStepFactory> factories) {
    Builder b = builder(root.path("name").asText("unnamed"));
    if (root.has("k")) {
      int k = root.get("k").asInt();
      lines.parse("/k", () -> b.k(k));
    }
    if (root.has("quasiIdentifiers")) {
      List<QuasiIdentifier> qis = new ArrayList<>();
      JsonNode list = root.get("quasiIdentifiers");
      for (int i = 0; i < list.size(); i++) {
        String name = list.get(i).asText();
        qis.add(lines.parse("/quasiIdentifiers/" + i, () -> QuasiIdentifier.parse(name)));
      }
      if (qis.contains(QuasiIdentifier.ID)) {
        throw invalid(
            lines.at(
                "/quasiIdentifiers",
                "the id cannot be a quasi-identifier: it is unique per record; pseudonymise it"));
      }
      lines.parse("/quasiIdentifiers", () -> b.quasiIdentifiers(qis));
    }
    readRoles(root.path("roles"), lines, b);
    JsonNode attacks = root.path("attacks");
    if (!attacks.isMissingNode()) {
      if (!attacks.isArray()) {
        throw invalid(
            lines.at(
                "/attacks",
                "attacks ("
                    + attacks
                    + ") must be a list of profiles, for example [\"neighbour\", \"victim\"]"));
      }
      List<AttackProfile> profiles = new ArrayList<>();
      for (int i = 0; i < attacks.size(); i++) {
        String name = attacks.get(i).asText();
        profiles.add(lines.parse("/attacks/" + i, () -> AttackProfile.parse(name)));
      }
      b.attacks(profiles);
    }
    if (root.has("maxAttackShare")) {
      double share = root.get("maxAttackShare").asDouble(-1);
      lines.parse("/maxAttackShare", () -> b.maxAttackShare(share));
    }
    if (root.has("maxSuppressedFraction")) {
      double fraction = root.get("maxSuppressedFraction").asDouble();
      lines.parse("/maxSuppressedFraction", () -> b.maxSuppressedFraction(fraction));
    }
    b.pseudonymiseIds(root.path("pseudonymiseIds").asBoolean(true));
    b.protectSensitive(root.path("protectSensitive").asBoolean(true));
    double budget = root.path("epsilonBudget").asDouble(0);
    lines.parse("/epsilonBudget", () -> b.epsilonBudget(budget));
    List<String> names = new ArrayList<>();
    root.path("names").forEach(n -> names.add(n.asText()));
    b.names(names);
    // The steps group by the policy's quasi-identifiers: every part without another role.
    List<Object> qiNames = new ArrayList<>();
    b.effectiveQuasiIdentifiers().forEach(q -> qiNames.add(q.policyName()));
    JsonNode steps = root.path("steps");
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      Map<String, Object> options =
          JSON.convertValue(s, new TypeReference<LinkedHashMap<String, Object>>() {});
      Object type = options.remove("type");
      if (!(type instanceof String t)) {
        throw invalid(lines.at("/steps/" + i, "every step needs a \"type\""));
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
      options.putIfAbsent("quasiIdentifiers", qiNames);
      StepSpec spec = new StepSpec(t, options, Optional.ofNullable(baseDirectory));
      b.step(lines.parse("/steps/" + i, () -> create(spec, factories)));
    }
    JsonNode publish = root.path("publishRecords");
    if (!publish.isMissingNode() && !publish.isBoolean()) {
      throw invalid(
          lines.at("/publishRecords", "publishRecords (" + publish + ") must be true or false"));
    }
    b.publishRecords(publish.asBoolean(true));
    JsonNode tables = root.path("tables");
    if (!tables.isMissingNode() && !tables.isArray()) {
      throw invalid(lines.at("/tables", "tables (" + tables + ") must be a list of tables"));
    }
    for (int i = 0; i < tables.size(); i++) {
      int at = i;
      b.table(lines.parse("/tables/" + i, () -> TableSpec.fromJson(tables.get(at), at)));
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  /**
   * Reads {@code "roles": {"case-history": "sensitive", "source": {"role": "insensitive", "reason":
   * "..."}}}.
   */
  private static void readRoles(JsonNode roles, PolicyLines lines, Builder b) {
    if (roles.isMissingNode()) {
      return;
    }
    if (!roles.isObject()) {
      throw invalid(
          lines.at(
              "/roles",
              "roles ("
                  + roles
                  + ") must be an object from field to role, for example {\"case-history\":"
                  + " \"sensitive\"}"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = roles.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = "/roles/" + e.getKey();
      QuasiIdentifier part = lines.parse(pointer, () -> QuasiIdentifier.parse(e.getKey()));
      JsonNode v = e.getValue();
      String roleName = v.isTextual() ? v.asText() : v.path("role").asText("");
      AttributeRole role = lines.parse(pointer, () -> AttributeRole.parse(roleName));
      String reason = v.path("reason").asText("");
      if (v.isObject()) {
        for (Iterator<String> f = v.fieldNames(); f.hasNext(); ) {
          String name = f.next();
          if (!name.equals("role") && !name.equals("reason")) {
            throw invalid(
                lines.at(
                    pointer + "/" + name,
                    "unknown field "
                        + name
                        + " in the role of "
                        + e.getKey()
                        + "; the fields are [reason, role]"));
          }
        }
      }
      b.origins.put(part, lines.where(pointer));
      lines.parse(
          pointer,
          () ->
              role == AttributeRole.INSENSITIVE ? b.insensitive(part, reason) : b.role(part, role));
    }
  }

  /**
   * Returns a policy shipped with Atalaya: {@code "open-data"}, {@code "share-with-police"} or
   * {@code "aggregate-statistics"} (see {@code sdk-docs/anonymisation.md} for what each gives and
   * gives up). The spatial steps of {@code open-data} come from {@code atalaya-geo}, found on the
   * class path through {@link java.util.ServiceLoader}.
   *
   * @param name one of {@link #SHIPPED}; never null
   * @return the policy
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if no such policy ships,
   *     or a step it needs is not on the class path
   */
  public static ReleasePolicy named(String name) {
    return named(name, List.of());
  }

  /**
   * As {@link #named(String)}, also knowing the step types of {@code factories} (plugins).
   *
   * @param name one of {@link #SHIPPED}; never null
   * @param factories further step factories, searched after the built-in ones; never null
   * @return the policy
   */
  public static ReleasePolicy named(
      String name, Collection<? extends ReleaseStepFactory> factories) {
    Objects.requireNonNull(name, "name must not be null");
    if (!SHIPPED.contains(name)) {
      throw invalid(
          "no shipped policy is called " + name + "; the shipped policies are " + SHIPPED);
    }
    List<ReleaseStepFactory> all = new ArrayList<>();
    all.add(new CoreSteps());
    ServiceLoader.load(ReleaseStepFactory.class, ReleasePolicy.class.getClassLoader())
        .forEach(all::add);
    all.addAll(factories);
    try (InputStream in = ReleasePolicy.class.getResourceAsStream("policies/" + name + ".json")) {
      return fromJson(Objects.requireNonNull(in, name).readAllBytes(), name + ".json", null, all);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped policy " + name, e);
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
  public static ReleasePolicy fromJson(
      Path file, Collection<? extends ReleaseStepFactory> factories) throws IOException {
    return fromJson(
        Files.readAllBytes(file),
        file.getFileName().toString(),
        file.toAbsolutePath().getParent(),
        factories);
  }

  private static ReleaseStep create(
      StepSpec spec, Collection<? extends ReleaseStepFactory> factories) {
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
   * Returns the parts over which k is measured: every part whose role is {@link
   * AttributeRole#QUASI_IDENTIFYING}, declared or by default (a part with no declared role is
   * quasi-identifying, so a field nobody thought about is counted, not waved through).
   *
   * @return the set; immutable
   */
  public Set<QuasiIdentifier> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  /**
   * Returns the role of every part, declared or by default ({@link QuasiIdentifier#defaultRole}).
   *
   * @return the roles, one per part in {@link QuasiIdentifier} order; immutable
   */
  public Map<QuasiIdentifier, AttributeRole> roles() {
    return roles;
  }

  /**
   * Returns the parts declared {@link AttributeRole#SENSITIVE}.
   *
   * @return the parts; immutable, potentially empty
   */
  public Set<QuasiIdentifier> sensitiveAttributes() {
    EnumSet<QuasiIdentifier> out = EnumSet.noneOf(QuasiIdentifier.class);
    roles.forEach(
        (q, r) -> {
          if (r == AttributeRole.SENSITIVE) {
            out.add(q);
          }
        });
    return Collections.unmodifiableSet(out);
  }

  /**
   * Returns why each part declared {@link AttributeRole#INSENSITIVE} may be published as it is.
   *
   * @return the reasons by part; immutable, potentially empty
   */
  public Map<QuasiIdentifier, String> insensitiveReasons() {
    return reasons;
  }

  /**
   * Returns where a part's role was declared ({@code "policy FILE, line N"}), for errors.
   *
   * @param part the part; never null
   * @return where; empty when the role was not read from a file
   */
  public Optional<String> origin(QuasiIdentifier part) {
    return Optional.ofNullable(origins.get(part));
  }

  /**
   * Returns the attacker profiles the release must withstand: for each, no more than {@link
   * #maxAttackShare()} of the targets may have from 1 to k-1 consistent released records, or the
   * release fails closed.
   *
   * @return the profiles; immutable, potentially empty
   */
  public Set<AttackProfile> attacks() {
    return attacks;
  }

  /**
   * Returns the largest share of an attack's targets that may be left with fewer than k consistent
   * records: 0 by default (none).
   *
   * @return 0 to 1
   */
  public double maxAttackShare() {
    return maxAttackShare;
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
    return "ReleasePolicy["
        + name
        + ", k="
        + k
        + ", "
        + steps.stream().map(ReleaseStep::name).toList()
        + "]";
  }

  /** Builds a {@link ReleasePolicy}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ReleaseStep> steps = new ArrayList<>();
    private int k = 1;
    private double maxSuppressedFraction = 0.05;
    private boolean pseudonymiseIds = true;
    private double epsilonBudget;
    private List<String> names = List.of();
    private boolean protectSensitive = true;
    private final List<TableSpec> tables = new ArrayList<>();
    private boolean publishRecords = true;
    private final Map<QuasiIdentifier, AttributeRole> roles = new EnumMap<>(QuasiIdentifier.class);
    private final EnumMap<QuasiIdentifier, String> reasons = new EnumMap<>(QuasiIdentifier.class);
    private final EnumSet<AttackProfile> attacks = EnumSet.noneOf(AttackProfile.class);
    private double maxAttackShare;
    private final Map<QuasiIdentifier, String> origins = new EnumMap<>(QuasiIdentifier.class);

    private Builder(String name) {
      checkArgument(name != null && !name.isBlank(), "policy name (%s) must not be blank", name);
      this.name = name;
    }

    /**
     * Adds a step at the end.
     *
     * @param step the step; never null
     * @return this builder
     * @throws IllegalArgumentException if the step is both a {@link RecordStep} and a {@link
     *     DatasetStep}: how it would run is ambiguous
     */
    public Builder step(ReleaseStep step) {
      Objects.requireNonNull(step, "step must not be null");
      // A release runs a step by its kind; a class of both kinds would run one way by accident.
      if (step instanceof RecordStep && step instanceof DatasetStep) {
        throw new IllegalArgumentException(
            "step "
                + step.name()
                + " ("
                + step.getClass().getName()
                + ") implements both RecordStep and DatasetStep; implement one");
      }
      steps.add(step);
      return this;
    }

    /**
     * Declares parts quasi-identifying. Parts with no declared role are quasi-identifying anyway;
     * declaring them says so explicitly, and a part declared here cannot get another role.
     *
     * @param qis at least one; never null
     * @return this builder
     * @throws IllegalArgumentException if a part has another role, or is the id
     */
    public Builder quasiIdentifiers(Collection<QuasiIdentifier> qis) {
      checkArgument(!qis.isEmpty(), "quasiIdentifiers must not be empty");
      for (QuasiIdentifier q : qis) {
        role(q, AttributeRole.QUASI_IDENTIFYING);
      }
      return this;
    }

    /**
     * Gives a part a role other than {@link AttributeRole#INSENSITIVE} (which needs a reason: see
     * {@link #insensitive}).
     *
     * @param part the part; never null
     * @param role the role; never null
     * @return this builder
     * @throws IllegalArgumentException if the part has another role already, the id is made
     *     quasi-identifying, or the role is insensitive
     */
    public Builder role(QuasiIdentifier part, AttributeRole role) {
      Objects.requireNonNull(part, "part must not be null");
      Objects.requireNonNull(role, "role must not be null");
      checkArgument(
          role != AttributeRole.INSENSITIVE,
          "%s: declaring a field insensitive needs a reason; use insensitive(part, reason)",
          part.policyName());
      return declare(part, role);
    }

    /**
     * Declares a part harmless to publish as it is, for the reason given (printed in the report).
     *
     * @param part the part; never null
     * @param reason why; never null or blank
     * @return this builder
     * @throws IllegalArgumentException if the reason is blank or the part has another role already
     */
    public Builder insensitive(QuasiIdentifier part, String reason) {
      Objects.requireNonNull(part, "part must not be null");
      checkArgument(
          reason != null && !reason.isBlank(),
          "%s: declaring a field insensitive needs a reason (\"reason\": \"...\"), printed in the"
              + " privacy report",
          part.policyName());
      declare(part, AttributeRole.INSENSITIVE);
      reasons.put(part, reason.strip());
      return this;
    }

    private Builder declare(QuasiIdentifier part, AttributeRole role) {
      AttributeRole before = roles.get(part);
      checkArgument(
          before == null || before == role,
          "%s is declared both %s and %s",
          part.policyName(),
          before == null ? "" : before.policyName(),
          role.policyName());
      checkArgument(
          part != QuasiIdentifier.ID
              || role == AttributeRole.IDENTIFYING
              || role == AttributeRole.INSENSITIVE,
          "id cannot be %s: it is unique per record; pseudonymise it (pseudonymiseIds) or declare"
              + " it insensitive with a reason",
          role.policyName());
      roles.put(part, role);
      return this;
    }

    /** The parts that will be quasi-identifying: declared so, or with no declared role. */
    Set<QuasiIdentifier> effectiveQuasiIdentifiers() {
      return QuasiIdentifier.quasiIdentifying(roles);
    }

    /**
     * Sets the attacker profiles the release must withstand (see {@link ReleasePolicy#attacks()}).
     *
     * @param profiles the profiles; never null
     * @return this builder
     */
    public Builder attacks(Collection<AttackProfile> profiles) {
      attacks.clear();
      attacks.addAll(profiles);
      return this;
    }

    /**
     * Sets the largest share of an attack's targets that may have from 1 to k-1 consistent records.
     *
     * @param share 0 to 1
     * @return this builder
     */
    public Builder maxAttackShare(double share) {
      checkArgument(share >= 0 && share <= 1, "maxAttackShare (%s) must be from 0 to 1", share);
      this.maxAttackShare = share;
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
      checkArgument(
          fraction >= 0 && fraction <= 1,
          "maxSuppressedFraction (%s) must be from 0 to 1",
          fraction);
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
      checkArgument(
          Double.isFinite(budget) && budget >= 0,
          "epsilonBudget (%s) must be zero or more",
          budget);
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
     * Sets whether the sensitive-detail check applies (see {@link
     * ReleasePolicy#protectSensitive()}).
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
      Set<String> seen = new HashSet<>();
      for (TableSpec t : tables) {
        checkArgument(
            seen.add(t.name()),
            "table %s: the name is used twice; table names become file names",
            t.name());
        checkArgument(
            t.epsilon() <= epsilonBudget * (1 + 1e-9),
            "table %s: dp.epsilon (%s) is more than the policy's epsilonBudget (%s); raise"
                + " epsilonBudget or lower epsilon",
            t.name(),
            t.epsilon(),
            epsilonBudget);
      }
      checkArgument(
          publishRecords || !tables.isEmpty(),
          "publishRecords is false and there are no tables: the release would publish nothing");
      return new ReleasePolicy(this);
    }
  }
}
