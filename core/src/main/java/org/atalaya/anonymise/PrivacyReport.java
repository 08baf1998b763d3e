package org.atalaya.anonymise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ResourceBundle;
import org.apiguardian.api.API;
import org.atalaya.code.LocalizedDetail;

/**
 * What a release achieved, as numbers a reviewer can check: records in and out, suppressions, the k
 * achieved over the declared quasi-identifiers and the prosecutor risk (1/k), how far points moved,
 * the epsilon spent, the aggregate tables published, the key id, a utility figure, and the checks
 * with their verdicts, and (since the attacker-aware report) the {@link Disclosure}: every field's
 * role, the risk figures, the diversity of sensitive attributes, the attacks run, what each spatial
 * step guarantees and the utility kept. {@link #toJson()} writes these fields, in this order.
 * Immutable and thread-safe.
 *
 * @param recordsIn incidents read
 * @param recordsOut incidents released
 * @param suppressed incidents withheld
 * @param kAchieved size of the smallest equivalence class in the output; 0 when nothing is released
 * @param prosecutorRisk 1 / kAchieved, the largest chance that a record is re-identified by someone
 *     who knows its quasi-identifiers; 0 when nothing is released
 * @param displacementMeters how far released points lie from the true ones; never {@code null}
 * @param epsilonSpent differential-privacy budget spent (the sum of the dp tables' epsilons, and of
 *     any step that spent from the ledger)
 * @param tables the aggregate tables published with the release, in the policy's order; never
 *     {@code null}, copied
 * @param keyId the release key's id; never {@code null} but potentially empty (no key used)
 * @param hotCellOverlap share of the top-decile hot cells (0.01 degree) before that are still
 *     top-decile cells after, 0 to 1
 * @param checks the checks, in order; never {@code null}, copied
 * @param passed whether every check passed
 * @param disclosure who can learn what: roles, risk figures, diversity of sensitive attributes,
 *     attacks run, what each spatial step guarantees and the utility kept; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PrivacyReport(
    long recordsIn,
    long recordsOut,
    long suppressed,
    long kAchieved,
    double prosecutorRisk,
    Displacement displacementMeters,
    double epsilonSpent,
    List<Table> tables,
    Optional<String> keyId,
    double hotCellOverlap,
    List<Check> checks,
    boolean passed,
    Disclosure disclosure) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Validates the report.
   *
   * @throws NullPointerException if a component is null
   */
  public PrivacyReport {
    Objects.requireNonNull(
        displacementMeters, "displacementMeters must not be null; use Displacement.NONE");
    Objects.requireNonNull(keyId, "keyId must not be null; use Optional.empty()");
    Objects.requireNonNull(disclosure, "disclosure must not be null; use Disclosure.NONE");
    tables = List.copyOf(tables);
    checks = List.copyOf(checks);
  }

  /**
   * Creates a report of a release without aggregate tables.
   *
   * @param recordsIn incidents read
   * @param recordsOut incidents released
   * @param suppressed incidents withheld
   * @param kAchieved size of the smallest equivalence class
   * @param prosecutorRisk 1 / kAchieved
   * @param displacementMeters how far released points moved; never null
   * @param epsilonSpent differential-privacy budget spent
   * @param keyId the release key's id; never null
   * @param hotCellOverlap the utility figure
   * @param checks the checks; never null
   * @param passed whether every check passed
   */
  public PrivacyReport(
      long recordsIn,
      long recordsOut,
      long suppressed,
      long kAchieved,
      double prosecutorRisk,
      Displacement displacementMeters,
      double epsilonSpent,
      Optional<String> keyId,
      double hotCellOverlap,
      List<Check> checks,
      boolean passed) {
    this(
        recordsIn,
        recordsOut,
        suppressed,
        kAchieved,
        prosecutorRisk,
        displacementMeters,
        epsilonSpent,
        List.of(),
        keyId,
        hotCellOverlap,
        checks,
        passed,
        Disclosure.NONE);
  }

  /**
   * One aggregate table of a release, as the report lists it.
   *
   * @param name the table's name; never {@code null}
   * @param kind {@code small-cells} or {@code dp}; never {@code null}
   * @param cells how many cells the table has, totals not counted
   * @param primarySuppressed entries (cells and totals) suppressed because they were small
   * @param secondarySuppressed entries suppressed so that the small ones cannot be recomputed
   * @param epsilon the epsilon the table spent; 0 for a small-cell table
   */
  public record Table(
      String name,
      String kind,
      int cells,
      int primarySuppressed,
      int secondarySuppressed,
      double epsilon) {
    /**
     * Validates the table.
     *
     * @throws NullPointerException if a component is null
     */
    public Table {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
    }
  }

  /**
   * Distances in metres between the true and the released points of the incidents released with a
   * point.
   *
   * @param min the smallest
   * @param median the median (nearest rank)
   * @param p95 the 95th percentile (nearest rank)
   * @param max the largest
   */
  public record Displacement(double min, double median, double p95, double max) {
    /** No point was released. */
    public static final Displacement NONE = new Displacement(0, 0, 0, 0);

    static Displacement of(double[] metres) {
      if (metres.length == 0) {
        return NONE;
      }
      double[] s = metres.clone();
      Arrays.parallelSort(s); // the same order as a plain sort, in chunks on a million values
      return new Displacement(
          round(s[0]), round(rank(s, 0.5)), round(rank(s, 0.95)), round(s[s.length - 1]));
    }

    private static double rank(double[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, i)];
    }

    private static double round(double v) {
      return Math.round(v * 10) / 10.0;
    }
  }

  /**
   * One check of a release. The report's JSON carries its name and its English detail; the detail
   * in the reader's language ({@link #detail(Locale)}) is known only in the report a release
   * returns, and a report read back says its detail in English.
   *
   * @param name the check, for example {@code "k-anonymity"}; never {@code null}
   * @param passed whether it passed
   * @param detail what was found, naming the areas that fell short, in English; never {@code null}
   * @param localized the same detail, to say in the reader's language; never {@code null}
   */
  public record Check(String name, boolean passed, String detail, LocalizedDetail localized) {
    private static final String BUNDLE = "org.atalaya.anonymise.Messages";

    /**
     * Validates the check.
     *
     * @throws NullPointerException if a component is null
     */
    public Check {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
      Objects.requireNonNull(localized, "localized must not be null");
    }

    /**
     * Creates a check whose detail is said in English whatever the reader's language.
     *
     * @param name the check; never null
     * @param passed whether it passed
     * @param detail what was found; never null
     */
    public Check(String name, boolean passed, String detail) {
      this(name, passed, detail, LocalizedDetail.of(BUNDLE, "check.detail.verbatim", detail));
    }

    /**
     * Creates a check whose English detail is {@code localized} said in English.
     *
     * @param name the check; never null
     * @param passed whether it passed
     * @param localized what was found; never null
     * @return the check; never {@code null}
     */
    public static Check of(String name, boolean passed, LocalizedDetail localized) {
      return new Check(name, passed, localized.in(Locale.ENGLISH), localized);
    }

    /**
     * Returns the check's name in the reader's language: {@code k-anonimidad}, {@code tabla
     * by-area-month} in Spanish; the name itself in English.
     *
     * @param locale the language; never null
     * @return the name; never {@code null}
     */
    public String label(Locale locale) {
      int space = name.indexOf(' ');
      String kind = space < 0 ? name : name.substring(0, space);
      ResourceBundle b =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      return b.containsKey("check." + kind)
          ? b.getString("check." + kind) + (space < 0 ? "" : name.substring(space))
          : name;
    }

    /**
     * Returns what was found in the reader's language: Spanish for a Spanish {@code locale}, the
     * English {@link #detail()} otherwise.
     *
     * @param locale the language; never null
     * @return the detail; never {@code null}
     */
    public String detail(Locale locale) {
      return locale.getLanguage().equals("es") ? localized.in(locale) : detail;
    }

    /** Equal when name, verdict and English detail are: the JSON's view of a check. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Check c
          && name.equals(c.name)
          && passed == c.passed
          && detail.equals(c.detail);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, passed, detail);
    }
  }

  /**
   * Returns the first failed check, if any.
   *
   * @return the check; never {@code null} but potentially empty
   */
  public Optional<Check> firstFailure() {
    return checks.stream().filter(c -> !c.passed()).findFirst();
  }

  /**
   * Returns the report as JSON with the fields recordsIn, recordsOut, suppressed, kAchieved,
   * prosecutorRisk, displacementMeters {min, median, p95, max}, epsilonSpent, tables [{name, kind,
   * cells, primarySuppressed, secondarySuppressed, epsilon}], keyId (null when no key),
   * hotCellOverlap, checks [{name, passed, detail}] and passed.
   *
   * @return the JSON text; never {@code null}
   */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("recordsIn", recordsIn);
    o.put("recordsOut", recordsOut);
    o.put("suppressed", suppressed);
    o.put("kAchieved", kAchieved);
    o.put("prosecutorRisk", prosecutorRisk);
    ObjectNode d = o.putObject("displacementMeters");
    d.put("min", displacementMeters.min());
    d.put("median", displacementMeters.median());
    d.put("p95", displacementMeters.p95());
    d.put("max", displacementMeters.max());
    o.put("epsilonSpent", epsilonSpent);
    ArrayNode ts = o.putArray("tables");
    for (Table t : tables) {
      ts.addObject()
          .put("name", t.name())
          .put("kind", t.kind())
          .put("cells", t.cells())
          .put("primarySuppressed", t.primarySuppressed())
          .put("secondarySuppressed", t.secondarySuppressed())
          .put("epsilon", t.epsilon());
    }
    if (keyId.isPresent()) {
      o.put("keyId", keyId.get());
    } else {
      o.putNull("keyId");
    }
    o.put("hotCellOverlap", hotCellOverlap);
    ArrayNode cs = o.putArray("checks");
    for (Check c : checks) {
      cs.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail());
    }
    o.put("passed", passed);
    writeDisclosure(o, disclosure);
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report", e);
    }
  }

  /**
   * Reads a report written by {@link #toJson()}.
   *
   * @param json the JSON text; never null
   * @return the report
   * @throws IOException if the text is not such a report
   */
  public static PrivacyReport fromJson(String json) throws IOException {
    JsonNode o = JSON.readTree(json);
    JsonNode d = o.path("displacementMeters");
    List<Check> checks = new ArrayList<>();
    for (JsonNode c : o.path("checks")) {
      checks.add(
          new Check(
              c.path("name").asText(), c.path("passed").asBoolean(), c.path("detail").asText()));
    }
    List<Table> tables = new ArrayList<>();
    for (JsonNode t : o.path("tables")) {
      tables.add(
          new Table(
              t.path("name").asText(),
              t.path("kind").asText(),
              t.path("cells").asInt(),
              t.path("primarySuppressed").asInt(),
              t.path("secondarySuppressed").asInt(),
              t.path("epsilon").asDouble()));
    }
    if (!o.has("recordsIn") || !o.has("passed")) {
      throw new IOException("not a privacy report: recordsIn or passed is missing");
    }
    return new PrivacyReport(
        o.path("recordsIn").asLong(),
        o.path("recordsOut").asLong(),
        o.path("suppressed").asLong(),
        o.path("kAchieved").asLong(),
        o.path("prosecutorRisk").asDouble(),
        new Displacement(
            d.path("min").asDouble(),
            d.path("median").asDouble(),
            d.path("p95").asDouble(),
            d.path("max").asDouble()),
        o.path("epsilonSpent").asDouble(),
        tables,
        o.path("keyId").isTextual() ? Optional.of(o.path("keyId").asText()) : Optional.empty(),
        o.path("hotCellOverlap").asDouble(),
        checks,
        o.path("passed").asBoolean(),
        readDisclosure(o));
  }

  /**
   * Writes the disclosure's keys after the report's first ones (a report without them reads as
   * NONE).
   */
  private static void writeDisclosure(ObjectNode o, Disclosure d) {
    if (d.equals(Disclosure.NONE)) {
      return;
    }
    ArrayNode qis = o.putArray("quasiIdentifiers");
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      if (d.quasiIdentifiers().contains(q)) {
        qis.add(q.policyName());
      }
    }
    ArrayNode roles = o.putArray("roles");
    for (Disclosure.Role r : d.roles()) {
      ObjectNode e =
          roles
              .addObject()
              .put("field", r.part().policyName())
              .put("role", r.role().policyName())
              .put("published", r.published());
      r.reason().ifPresent(reason -> e.put("reason", reason));
    }
    Disclosure.Risk risk = d.risk();
    ObjectNode k = o.putObject("risk");
    k.put("highestProsecutorRisk", risk.highestProsecutorRisk())
        .put("averageProsecutorRisk", risk.averageProsecutorRisk())
        .put("marketerRisk", risk.marketerRisk());
    if (risk.journalistRisk().isPresent()) {
      k.put("journalistRisk", risk.journalistRisk().getAsDouble());
    } else {
      k.putNull("journalistRisk");
    }
    k.put("recordsBelowK", risk.recordsBelowK())
        .put("sampleUniques", risk.sampleUniques())
        .put("threshold", risk.threshold())
        .put("recordsAboveThreshold", risk.recordsAboveThreshold());
    ArrayNode div = o.putArray("diversity");
    for (Disclosure.Diversity v : d.diversity()) {
      div.addObject()
          .put("field", v.part().policyName())
          .put("distinctL", v.distinctL())
          .put("entropyL", v.entropyL())
          .put("tCloseness", v.tCloseness());
    }
    ArrayNode attacks = o.putArray("attacks");
    for (AttackResult a : d.attacks()) {
      ObjectNode e = attacks.addObject().put("profile", a.profile().policyName());
      ArrayNode knows = e.putArray("knows");
      for (QuasiIdentifier q : QuasiIdentifier.values()) {
        if (a.knows().contains(q)) {
          knows.add(q.policyName());
        }
      }
      e.put("targets", a.targets());
      ArrayNode c = e.putArray("candidates");
      a.candidates().forEach(c::add);
      e.put("atRisk", a.atRisk())
          .put("atRiskShare", a.atRiskShare())
          .put("singledOut", a.singledOut())
          .put("singledOutShare", a.singledOutShare())
          .put("areas", a.areas())
          .put("passed", a.passed());
    }
    if (d.population().isPresent()) {
      Disclosure.Population p = d.population().get();
      o.putObject("population")
          .put("model", p.model())
          .put("populationUniques", p.populationUniques())
          .put("share", p.share());
    } else {
      o.putNull("population");
    }
    ArrayNode g = o.putArray("spatialGuarantees");
    for (Disclosure.Guarantee x : d.spatialGuarantees()) {
      g.addObject()
          .put("step", x.step())
          .put("kind", EnumNames.nameOf(x.kind()))
          .put("detail", x.detail());
    }
    o.putObject("utility")
        .put("hotCellOverlap", d.utility().hotCellOverlap())
        .put("recordsPublished", d.utility().recordsPublished())
        .put("categoryDetailKept", d.utility().categoryDetailKept());
  }

  private static Disclosure readDisclosure(JsonNode o) {
    if (!o.has("roles")) {
      return Disclosure.NONE;
    }
    EnumSet<QuasiIdentifier> qis = EnumSet.noneOf(QuasiIdentifier.class);
    o.path("quasiIdentifiers").forEach(q -> qis.add(QuasiIdentifier.parse(q.asText())));
    List<Disclosure.Role> roles = new ArrayList<>();
    for (JsonNode r : o.path("roles")) {
      roles.add(
          new Disclosure.Role(
              QuasiIdentifier.parse(r.path("field").asText()),
              AttributeRole.parse(r.path("role").asText()),
              r.path("published").asBoolean(),
              r.hasNonNull("reason") ? Optional.of(r.path("reason").asText()) : Optional.empty()));
    }
    JsonNode k = o.path("risk");
    Disclosure.Risk risk =
        new Disclosure.Risk(
            k.path("highestProsecutorRisk").asDouble(),
            k.path("averageProsecutorRisk").asDouble(),
            k.path("marketerRisk").asDouble(),
            k.hasNonNull("journalistRisk")
                ? OptionalDouble.of(k.path("journalistRisk").asDouble())
                : OptionalDouble.empty(),
            k.path("recordsBelowK").asDouble(),
            k.path("sampleUniques").asDouble(),
            k.path("threshold").asDouble(),
            k.path("recordsAboveThreshold").asDouble());
    List<Disclosure.Diversity> diversity = new ArrayList<>();
    for (JsonNode v : o.path("diversity")) {
      diversity.add(
          new Disclosure.Diversity(
              QuasiIdentifier.parse(v.path("field").asText()),
              v.path("distinctL").asLong(),
              v.path("entropyL").asDouble(),
              v.path("tCloseness").asDouble()));
    }
    List<AttackResult> attacks = new ArrayList<>();
    for (JsonNode a : o.path("attacks")) {
      EnumSet<QuasiIdentifier> knows = EnumSet.noneOf(QuasiIdentifier.class);
      a.path("knows").forEach(q -> knows.add(QuasiIdentifier.parse(q.asText())));
      List<Long> candidates = new ArrayList<>();
      a.path("candidates").forEach(c -> candidates.add(c.asLong()));
      attacks.add(
          new AttackResult(
              AttackProfile.parse(a.path("profile").asText()),
              knows,
              a.path("targets").asLong(),
              candidates,
              a.path("atRisk").asLong(),
              a.path("singledOut").asLong(),
              a.path("areas").asText(),
              a.path("passed").asBoolean()));
    }
    JsonNode p = o.path("population");
    Optional<Disclosure.Population> population =
        p.isObject()
            ? Optional.of(
                new Disclosure.Population(
                    p.path("model").asText(),
                    p.path("populationUniques").asDouble(),
                    p.path("share").asDouble()))
            : Optional.empty();
    List<Disclosure.Guarantee> guarantees = new ArrayList<>();
    for (JsonNode g : o.path("spatialGuarantees")) {
      guarantees.add(
          new Disclosure.Guarantee(
              g.path("step").asText(),
              EnumNames.parse(
                  SpatialGuarantee.Kind.class, g.path("kind").asText(), "spatial guarantee"),
              g.path("detail").asText()));
    }
    JsonNode u = o.path("utility");
    return new Disclosure(
        qis,
        roles,
        risk,
        diversity,
        attacks,
        population,
        guarantees,
        new Disclosure.Utility(
            u.path("hotCellOverlap").asDouble(),
            u.path("recordsPublished").asDouble(),
            u.path("categoryDetailKept").asDouble()));
  }
}
