package org.atalaya.anonymise;

import com.google.common.base.Suppliers;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.Attacks;
import org.atalaya.anonymise.internal.BuiltWhenRead;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.anonymise.internal.ClassNumbers;
import org.atalaya.anonymise.internal.Classes;
import org.atalaya.anonymise.internal.Disclosures;
import org.atalaya.anonymise.internal.PointChanges;
import org.atalaya.anonymise.internal.PseudonymousList;
import org.atalaya.anonymise.internal.ReleaseCheck;
import org.atalaya.anonymise.internal.ReleaseCheck.Verdict;
import org.atalaya.anonymise.internal.ReleaseChecks;
import org.atalaya.anonymise.internal.ReleaseChecks.Findings;
import org.atalaya.code.LocalizedDetail;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ReleasePolicy} and decides whether its output may be published. The steps run in
 * order; then the policy's aggregate tables are counted from the released records and protected (a
 * differentially private table spends its epsilon from the release's {@link EpsilonLedger}, which
 * refuses to overspend); then ids become keyed pseudonyms (when the policy says so); then the
 * checks recompute the {@link PrivacyReport} on the output. {@link #publish} writes only when every
 * check passed, each file to a temporary file moved into place afterwards, so a refused release
 * leaves nothing behind.
 *
 * <p>Checks: {@code k-anonymity} (every equivalence class over the declared quasi-identifiers holds
 * at least k incidents), {@code suppression} (no more than the allowed share withheld; the areas
 * are named), {@code sensitive-detail} (no sensitive incident with a point or a time finer than a
 * month), {@code identifiers} (no DNI, RTN, phone, e-mail, URL or listed name in any text), {@code
 * epsilon} (budget not exceeded: a table the ledger refused fails it) and, per table, {@code table
 * NAME} (recomputed from the table's CSV text, see {@link AggregateTable#check}). When the policy
 * publishes tables only, the record checks (k-anonymity, sensitive-detail, identifiers) are
 * reported as not applied. Immutable and thread-safe; each run has its own context.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Release {
  private static final Logger LOG = LoggerFactory.getLogger(Release.class);

  private final ReleasePolicy policy;
  private final ReleaseChecks checks;
  private final Set<AttackProfile> extraAttacks;
  private final List<Incident> register;
  private final List<Incident> population;

  private Release(
      ReleasePolicy policy,
      Set<AttackProfile> extraAttacks,
      List<Incident> register,
      List<Incident> population) {
    this.policy = policy;
    this.checks = new ReleaseChecks(policy);
    this.extraAttacks = extraAttacks;
    this.register = register;
    this.population = population;
  }

  /**
   * Returns this release also running {@code profiles} and reporting what they achieve, beyond the
   * ones its policy requires. Only the policy's profiles can fail the release.
   *
   * @param profiles the profiles; never null
   * @return a new release
   */
  public Release withAttacks(Collection<AttackProfile> profiles) {
    EnumSet<AttackProfile> all = EnumSet.noneOf(AttackProfile.class);
    all.addAll(profiles);
    return new Release(policy, Collections.unmodifiableSet(all), register, population);
  }

  /**
   * Returns this release with an external register for the {@link AttackProfile#REGISTER} profile:
   * raw incidents holding what such a register would (for example place, date and category).
   *
   * @param entries the register; never null, copied
   * @return a new release
   */
  public Release withRegister(List<Incident> entries) {
    return new Release(policy, extraAttacks, List.copyOf(entries), population);
  }

  /**
   * Returns this release with a population table: the population's records in the same published
   * form as the release (for example the whole register released with the same policy), of which
   * the released records are a sample. The report then gives the journalist risk, the marketer risk
   * against the population and the exact number of released records unique in it.
   *
   * @param records the population's records, in published form; never null, copied
   * @return a new release
   */
  public Release withPopulation(List<Incident> records) {
    return new Release(policy, extraAttacks, register, List.copyOf(records));
  }

  /**
   * Returns a release of {@code policy}.
   *
   * @param policy the policy; never null
   * @return the release
   */
  public static Release of(ReleasePolicy policy) {
    return new Release(
        Objects.requireNonNull(policy, "policy must not be null"), Set.of(), null, null);
  }

  /**
   * Returns the policy.
   *
   * @return the policy; never {@code null}
   */
  public ReleasePolicy policy() {
    return policy;
  }

  /**
   * Runs the policy with noise from {@link SecureRandom}.
   *
   * @param input the incidents; never null
   * @param key the release key, or null when the policy needs none
   * @return the output and its report, passed or not
   * @throws AnonymisationException if a step fails ({@link AnonymiseCode#STEP_FAILED}) or needs a
   *     key that was not given ({@link AnonymiseCode#KEY_MISSING})
   */
  public ReleaseResult run(List<Incident> input, ReleaseKey key) {
    return run(input, key, new SecureRandom());
  }

  /**
   * Runs the policy with a given noise source: for tests only, since seeded noise can be replayed.
   *
   * @param input the incidents; never null
   * @param key the release key, or null
   * @param random the noise source; never null
   * @return the output and its report
   */
  public ReleaseResult run(List<Incident> input, ReleaseKey key, RandomGenerator random) {
    return runChecked(input, key, random).result();
  }

  /** A run's result and its checks, each with the check it is (for the code of a refusal). */
  private record Checked(ReleaseResult result, List<Verdict> verdicts) {}

  private Checked runChecked(List<Incident> input, ReleaseKey key, RandomGenerator random) {
    Objects.requireNonNull(input, "input must not be null");
    ReleaseContext ctx =
        ReleaseContext.of(key, random)
            .withLedger(EpsilonLedger.of(policy.epsilonBudget()))
            .withQuasiIdentifiers(policy.quasiIdentifiers());
    if (register == null
        && (policy.attacks().contains(AttackProfile.REGISTER)
            || extraAttacks.contains(AttackProfile.REGISTER))) {
      throw new AnonymisationException(
          AnonymiseCode.INVALID_POLICY,
          "policy "
              + policy.name()
              + ": the attack profile register cannot run without a register (Release.withRegister,"
              + " or --register FILE)");
    }
    List<Incident> current = input;
    List<ReleaseStep> steps = policy.steps();
    // When the first step is a record step, its pass notes the input points for the displacements
    // and, when ids become pseudonyms, each input id's pseudonym (steps keep ids: the published
    // record takes the pseudonym of its source, paired by id below).
    Pseudonyms early =
        policy.pseudonymiseIds() && ctx.keyId().isPresent()
            ? ctx.pseudonyms("pseudonymise-ids")
            : null;
    PointChanges.Points before =
        !steps.isEmpty() && steps.get(0) instanceof RecordStep
            ? new PointChanges.Points(
                input.size(),
                early == null ? null : (id, into, at) -> early.pseudonymBits("id", id, into, at))
            : null;
    for (int s = 0; s < steps.size(); ) {
      ReleaseStep step = steps.get(s);
      if (step instanceof DatasetStep d) {
        current = applyDataset(d, current, ctx);
        s++;
        continue;
      }
      // Consecutive record steps run as one pass: no intermediate million-record lists.
      List<RecordStep> pass = new ArrayList<>();
      while (s < steps.size() && steps.get(s) instanceof RecordStep r) {
        pass.add(r);
        s++;
      }
      current =
          Chunks.apply(pass, current, ctx.forks(), pass.get(0) == steps.get(0) ? before : null);
    }
    List<AggregateTable> tables = new ArrayList<>();
    LocalizedDetail refused = null;
    for (TableSpec t : policy.tables()) {
      try {
        tables.add(AggregateTable.compute(t, current, person(t, input), ctx));
      } catch (AnonymisationException e) {
        if (e.code() != AnonymiseCode.EPSILON_OVERSPENT) {
          throw e;
        }
        // The ledger refused before drawing any noise: the release fails its epsilon check.
        refused =
            ReleaseChecks.said(
                "epsilonRefused",
                t.name(),
                t.epsilon(),
                Math.max(0, policy.epsilonBudget() - ctx.ledger().spent()),
                policy.epsilonBudget());
        break;
      }
    }
    // The released records, each read once from the last step's list (a list built when read
    // gives their parts without building them, see BuiltWhenRead): the pass notes each one's point
    // under its id (for the displacements and hot cells), writes its class key and runs the
    // per-record checks (the same code as verify's, which reads them back; neither reads the id).
    // When ids become pseudonyms, each record's 128 bits come from its source's, taken by the
    // first pass and handed over through the pairing by id below, or else are taken here. The
    // published list is built when read from these (see PseudonymousList).
    Pseudonyms ids = policy.pseudonymiseIds() ? ctx.pseudonyms("pseudonymise-ids") : null;
    List<Incident> stepped = current instanceof BuiltWhenRead ? current : List.copyOf(current);
    BuiltWhenRead lazy = stepped instanceof BuiltWhenRead b ? b : null;
    int n = stepped.size();
    long[] idBits = ids == null ? null : new long[2 * n];
    boolean idsNoted = before != null && before.idBits != null;
    PointChanges.Points after = new PointChanges.Points(n);
    // Class keys over the stepped records: the quasi-identifiers read no id, so they are the
    // output's.
    ClassNumbers.Rows rows = ClassNumbers.rows(n, policy.quasiIdentifiers());
    Findings[] findings = new Findings[Chunks.count(n)];
    Chunks.forEach(
        n,
        c -> {
          Findings f = checks.findings();
          for (int r = c * Chunks.SIZE, to = Math.min(n, r + Chunks.SIZE); r < to; r++) {
            Incident i = lazy == null ? stepped.get(r) : lazy.madeFrom(r);
            Optional<Location> location = lazy == null ? i.location() : lazy.location(r);
            after.set(r, i, location);
            rows.write(r, i, location);
            if (idBits != null && !idsNoted) {
              ids.pseudonymBits("id", i.id(), idBits, 2 * r);
            }
            f.check(i, location);
          }
          findings[c] = f;
        });
    PointChanges moved =
        PointChanges.of(before != null ? before : PointChanges.Points.of(input), after);
    if (idBits != null && idsNoted) {
      int[] sources = moved.sources();
      Chunks.forEach(
          n,
          c -> {
            for (int r = c * Chunks.SIZE, to = Math.min(n, r + Chunks.SIZE); r < to; r++) {
              int s = sources[r];
              if (s >= 0) {
                idBits[2 * r] = before.idBits[2 * s];
                idBits[2 * r + 1] = before.idBits[2 * s + 1];
              } else {
                // A step gave an id no input had (the contract says it must not): taken from the id
                // itself.
                ids.pseudonymBits("id", after.ids[r], idBits, 2 * r);
              }
            }
          });
    }
    List<Incident> output = idBits == null ? stepped : new PseudonymousList(stepped, idBits);
    int[] classNumbers = rows.number();
    Classes classes = Classes.of(classNumbers);
    Disclosures.Records records =
        new Disclosures.Records(
            n,
            r -> lazy == null ? stepped.get(r) : lazy.madeFrom(r),
            r -> lazy == null ? stepped.get(r).location() : lazy.location(r));
    Findings merged = Findings.merge(findings);
    Set<QuasiIdentifier> published =
        Disclosures.parts(
            merged.published()
                | Disclosures.publishedByClass(
                    records, classes.firstMember(), policy.quasiIdentifiers()));
    for (QuasiIdentifier q : policy.sensitiveAttributes()) {
      if (policy.publishRecords() && n > 0 && !published.contains(q)) {
        throw new AnonymisationException(
            AnonymiseCode.INVALID_POLICY,
            policy.origin(q).orElse("policy " + policy.name())
                + ", roles."
                + q.policyName()
                + ": the sensitive attribute "
                + q.policyName()
                + " is not published (no released record carries it); declare a role only for what"
                + " the release publishes");
      }
    }
    List<Verdict> verdicts = new ArrayList<>(checks.ofOutput(output, classes, merged, published));
    long suppressed = input.size() - (long) output.size();
    verdicts.add(checks.suppression(suppressed, input.size(), ctx.suppressedByArea()));
    verdicts.add(checks.epsilon(ctx.ledger().spent(), refused));
    for (AggregateTable t : tables) {
      verdicts.add(new Verdict(ReleaseCheck.TABLE, AggregateTable.check(t.spec(), t.toCsv())));
    }
    // Who can learn what: attacks need the input (true points), the rest the output alone.
    double[] displacement = moved.displacement();
    double reach = 0;
    for (double d : displacement) {
      reach = Math.max(reach, d);
    }
    List<AttackResult> attacks = new ArrayList<>();
    EnumSet<AttackProfile> profiles = EnumSet.noneOf(AttackProfile.class);
    profiles.addAll(policy.attacks());
    profiles.addAll(extraAttacks);
    if (policy.publishRecords() && !profiles.isEmpty()) {
      double farthest = reach;
      // Built only when a profile needs a search: the allowance reads every input point.
      Supplier<Attacks> harness =
          Suppliers.memoize(
              () ->
                  new Attacks(
                      n,
                      records.record(),
                      records.location(),
                      policy.k(),
                      farthest,
                      Attacks.allowance(input, moved.sources(), records.location())));
      for (AttackProfile profile : profiles) {
        AttackResult a =
            switch (profile) {
              case NEIGHBOUR ->
                  released(
                      harness,
                      profile,
                      QuasiIdentifier.NEIGHBOUR_KNOWLEDGE,
                      input,
                      moved.sources(),
                      classes);
              case VICTIM ->
                  released(
                      harness, profile, victimKnows(published), input, moved.sources(), classes);
              case REGISTER ->
                  harness
                      .get()
                      .ofRegister(register, registerKnows(published), policy.maxAttackShare());
            };
        attacks.add(a);
        if (policy.attacks().contains(profile)) {
          verdicts.add(checks.attack(a));
        }
      }
    }
    List<PrivacyReport.Check> reported = verdicts.stream().map(Verdict::check).toList();
    int[] populationCounts = population == null ? null : populationCounts(output, classes);
    Disclosure disclosure =
        new Disclosure(
            policy.quasiIdentifiers(),
            Disclosures.roles(policy, published),
            Disclosures.risk(classes.sizes(), policy.k(), populationCounts),
            Disclosures.diversity(records, classNumbers, policy.sensitiveAttributes()),
            attacks,
            populationCounts == null
                ? Optional.empty()
                : Optional.of(exactPopulationUniques(classes.sizes(), populationCounts)),
            guarantees(),
            new Disclosure.Utility(
                moved.hotCellOverlap(),
                input.isEmpty() ? 0 : (double) n / input.size(),
                moved.categoryDetailKept()));
    long k = classes.smallest();
    PrivacyReport report =
        new PrivacyReport(
            input.size(),
            output.size(),
            suppressed,
            k,
            k == 0 ? 0 : 1.0 / k,
            PrivacyReport.Displacement.of(displacement),
            ctx.ledger().spent(),
            tables.stream().map(AggregateTable::summary).toList(),
            ctx.keyId(),
            moved.hotCellOverlap(),
            reported,
            reported.stream().allMatch(PrivacyReport.Check::passed),
            disclosure);
    LOG.debug(
        "release {}: {} in, {} out, k {}, {} tables, passed {}",
        policy.name(),
        input.size(),
        output.size(),
        k,
        tables.size(),
        report.passed());
    return new Checked(new ReleaseResult(output, tables, report), verdicts);
  }

  /**
   * Runs a dataset step, failing closed: a step that breaks must not let half-processed data
   * through.
   */
  static List<Incident> applyDataset(
      DatasetStep step, List<Incident> incidents, ReleaseContext ctx) {
    List<Incident> out;
    try {
      out = step.apply(incidents, ctx);
    } catch (AnonymisationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AnonymisationException(
          AnonymiseCode.STEP_FAILED, e, step.name(), String.valueOf(e.getMessage()));
    }
    if (out == null) {
      // A step that returns no list is a step that failed: reported as one, with its code.
      throw new AnonymisationException(AnonymiseCode.STEP_FAILED, step.name(), "it returned null");
    }
    return out;
  }

  /**
   * Runs the policy and writes the output to {@code out} only if every check passed, with each
   * aggregate table beside it ({@link #tableFile}). Every file goes to a temporary file beside its
   * target and is moved into place only after all of them were written. When the policy publishes
   * tables only, {@code out} is not written (nor removed): it only names the tables.
   *
   * @param input the incidents; never null
   * @param key the release key, or null
   * @param format the output format; never null
   * @param out where to write; never null
   * @return the report of the published release
   * @throws ReleaseRefusedException if a check failed (nothing is written)
   * @throws IOException if writing fails (nothing is left behind)
   */
  public PrivacyReport publish(
      List<Incident> input, ReleaseKey key, IncidentFormat format, Path out) throws IOException {
    return publish(input, key, format::writer, out);
  }

  /**
   * Opens an incident writer on a stream: a format's writer, or a plugin exporter's {@code open}.
   */
  @FunctionalInterface
  public interface WriterFactory {
    /**
     * Opens a writer; closing it closes {@code out}.
     *
     * @param out the stream; never null
     * @return the writer; never {@code null}
     * @throws IOException if the output cannot be started
     */
    IncidentWriter open(OutputStream out) throws IOException;
  }

  /**
   * As {@link #publish(List, ReleaseKey, IncidentFormat, Path)}, writing with any writer, for
   * example a plugin exporter's ({@code exporter::open}).
   *
   * @param input the incidents; never null
   * @param key the release key, or null
   * @param writers opens the output's writer; never null
   * @param out where to write; never null
   * @return the report of the published release
   * @throws ReleaseRefusedException if a check failed (nothing is written)
   * @throws IOException if writing fails (nothing is left behind)
   */
  public PrivacyReport publish(
      List<Incident> input, ReleaseKey key, WriterFactory writers, Path out) throws IOException {
    Checked run = runChecked(input, key, new SecureRandom());
    ReleaseResult result = run.result();
    PrivacyReport report = result.report();
    Optional<Verdict> failed = run.verdicts().stream().filter(v -> !v.check().passed()).findFirst();
    if (failed.isPresent()) {
      PrivacyReport.Check c = failed.get().check();
      throw new ReleaseRefusedException(
          failed.get().kind().code(), c.name() + ": " + c.detail(), report);
    }
    Path dir = out.toAbsolutePath().getParent();
    Map<Path, Path> moves = new LinkedHashMap<>();
    try {
      if (policy.publishRecords()) {
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        moves.put(tmp, out);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            IncidentWriter w = writers.open(os)) {
          for (Incident i : result.incidents()) {
            w.write(i);
          }
        }
      }
      for (AggregateTable t : result.tables()) {
        Path target = tableFile(out, t.spec().name());
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        moves.put(tmp, target);
        // The very text the table check read is what is written.
        Files.writeString(tmp, t.toCsv(), StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> m : moves.entrySet()) {
        try {
          Files.move(
              m.getKey(),
              m.getValue(),
              StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } finally {
      for (Path tmp : moves.keySet()) {
        Files.deleteIfExists(tmp);
      }
    }
    return report;
  }

  /**
   * Recomputes from {@code output} alone what the report says about it (records out, k, prosecutor
   * risk, the k-anonymity, sensitive-detail and identifiers checks, and records in = out +
   * suppressed) and lists where the report disagrees. Figures that need the input (displacement,
   * hot-cell overlap, suppressions by area) cannot be recomputed from the output and are not
   * compared.
   *
   * @param output the released incidents, as read back from the published file; never null
   * @param report the report published with them; never null
   * @return the disagreements; empty when the report agrees with the output
   */
  public List<String> verify(List<Incident> output, PrivacyReport report) {
    List<String> problems = new ArrayList<>();
    int[] classNumbers = ClassNumbers.of(output, policy.quasiIdentifiers());
    Classes classes = Classes.of(classNumbers);
    long k = classes.smallest();
    Disclosures.Records records = Disclosures.Records.of(output);
    Findings findings = checks.findings(output);
    Set<QuasiIdentifier> published =
        Disclosures.parts(
            findings.published()
                | Disclosures.publishedByClass(
                    records, classes.firstMember(), policy.quasiIdentifiers()));
    Disclosure d = report.disclosure();
    if (!d.equals(Disclosure.NONE)) {
      if (!d.roles().equals(Disclosures.roles(policy, published))) {
        problems.add(
            "roles: output gives "
                + Disclosures.roles(policy, published)
                + ", report says "
                + d.roles());
      }
      if (!d.quasiIdentifiers().equals(policy.quasiIdentifiers())) {
        problems.add(
            "quasiIdentifiers: the policy gives "
                + policy.quasiIdentifiers()
                + ", report says "
                + d.quasiIdentifiers());
      }
      Disclosure.Risk risk = Disclosures.risk(classes.sizes(), policy.k(), null);
      Disclosure.Risk said = d.risk();
      // The marketer and journalist risks depend on the population when one was given.
      Disclosure.Risk comparable =
          new Disclosure.Risk(
              said.highestProsecutorRisk(),
              said.averageProsecutorRisk(),
              said.journalistRisk().isPresent() ? risk.marketerRisk() : said.marketerRisk(),
              OptionalDouble.empty(),
              said.recordsBelowK(),
              said.sampleUniques(),
              said.threshold(),
              said.recordsAboveThreshold());
      if (!close(risk, comparable)) {
        problems.add("risk: output gives " + risk + ", report says " + said);
      }
      List<Disclosure.Diversity> diversity =
          Disclosures.diversity(records, classNumbers, policy.sensitiveAttributes());
      if (!diversity.equals(d.diversity())) {
        problems.add("diversity: output gives " + diversity + ", report says " + d.diversity());
      }
    }
    compare(problems, "recordsOut", output.size(), report.recordsOut());
    compare(problems, "kAchieved", k, report.kAchieved());
    compare(problems, "recordsIn", report.recordsOut() + report.suppressed(), report.recordsIn());
    if (Math.abs((k == 0 ? 0 : 1.0 / k) - report.prosecutorRisk()) > 1e-12) {
      problems.add(
          "prosecutorRisk: output gives "
              + (k == 0 ? 0 : 1.0 / k)
              + ", report says "
              + report.prosecutorRisk());
    }
    Map<String, PrivacyReport.Check> reported = new HashMap<>();
    report.checks().forEach(c -> reported.put(c.name(), c));
    for (Verdict v : checks.ofOutput(output, classes, findings, published)) {
      PrivacyReport.Check c = v.check();
      PrivacyReport.Check r = reported.get(c.name());
      if (r == null || !r.equals(c)) {
        problems.add("check " + c.name() + ": output gives " + c + ", report says " + r);
      }
    }
    if (report.passed() != report.checks().stream().allMatch(PrivacyReport.Check::passed)) {
      problems.add("passed: the report says " + report.passed() + " but its checks say otherwise");
    }
    return problems;
  }

  /**
   * Returns who an incident is about, for a dp table's contribution bound: the value of the table's
   * person attribute in the input incident with the same id (steps keep ids, and may have dropped
   * the attribute), else the incident itself.
   */
  private static Function<Incident, String> person(TableSpec table, List<Incident> input) {
    if (table.personAttribute().isEmpty()) {
      return i -> "incident:" + i.id();
    }
    String key = table.personAttribute().get();
    Map<String, String> byId = new HashMap<>(input.size() * 2);
    for (Incident i : input) {
      String p = i.attributes().values().get(key);
      if (p != null && !p.isBlank()) {
        byId.putIfAbsent(i.id(), "person:" + p.strip());
      }
    }
    return i -> byId.getOrDefault(i.id(), "incident:" + i.id());
  }

  /**
   * Returns where {@link #publish} writes a table: beside {@code out}, named after {@code out}
   * without its extension, then the table's name, then {@code .csv}. For {@code
   * release/open.geojson} and the table {@code by-area-month}: {@code
   * release/open.by-area-month.csv}.
   *
   * @param out the release's output; never null
   * @param table the table's name; never null
   * @return the table's file; never {@code null}
   */
  public static Path tableFile(Path out, String table) {
    String file = out.getFileName().toString();
    int dot = file.lastIndexOf('.');
    String base = dot > 0 ? file.substring(0, dot) : file;
    return out.resolveSibling(base + "." + table + ".csv");
  }

  private static boolean close(Disclosure.Risk a, Disclosure.Risk b) {
    double[] x = {
      a.highestProsecutorRisk(),
      a.averageProsecutorRisk(),
      a.marketerRisk(),
      a.recordsBelowK(),
      a.sampleUniques(),
      a.threshold(),
      a.recordsAboveThreshold()
    };
    double[] y = {
      b.highestProsecutorRisk(),
      b.averageProsecutorRisk(),
      b.marketerRisk(),
      b.recordsBelowK(),
      b.sampleUniques(),
      b.threshold(),
      b.recordsAboveThreshold()
    };
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i] - y[i]) > 1e-9) {
        return false;
      }
    }
    return true;
  }

  private static void compare(List<String> problems, String field, long actual, long reported) {
    if (actual != reported) {
      problems.add(field + ": output gives " + actual + ", report says " + reported);
    }
  }

  /**
   * Runs a profile whose targets are the released records. When the attacker knows only
   * quasi-identifying parts and every class holds k, the count is known without searching: a
   * target's class mates share its published values and place, so each target has at least k
   * consistent records and none is at risk.
   */
  private AttackResult released(
      Supplier<Attacks> harness,
      AttackProfile profile,
      Set<QuasiIdentifier> knows,
      List<Incident> input,
      int[] sources,
      Classes classes) {
    if (classes.smallest() >= policy.k() && policy.quasiIdentifiers().containsAll(knows)) {
      long targets = Arrays.stream(sources).filter(s -> s >= 0).count();
      return new AttackResult(
          profile, knows, targets, Collections.nCopies(policy.k(), 0L), 0, 0, "", true);
    }
    return harness.get().ofReleased(profile, knows, input, sources, policy.maxAttackShare());
  }

  /** The victim knows every published part of their case, but not the keyed pseudonyms. */
  private Set<QuasiIdentifier> victimKnows(Set<QuasiIdentifier> published) {
    EnumSet<QuasiIdentifier> knows = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier q : published) {
      if (!checks.pseudonymised(q)) {
        knows.add(q);
      }
    }
    return knows;
  }

  /** A register knows the parts its entries hold, where the release publishes them. */
  private Set<QuasiIdentifier> registerKnows(Set<QuasiIdentifier> published) {
    EnumSet<QuasiIdentifier> knows = EnumSet.noneOf(QuasiIdentifier.class);
    knows.addAll(Disclosures.published(Disclosures.Records.of(register)));
    knows.retainAll(victimKnows(published));
    knows.remove(QuasiIdentifier.ID);
    return knows;
  }

  /** What each step promises about published locations, in step order. */
  private List<Disclosure.Guarantee> guarantees() {
    List<Disclosure.Guarantee> out = new ArrayList<>();
    for (ReleaseStep step : policy.steps()) {
      step.spatialGuarantee()
          .ifPresent(g -> out.add(new Disclosure.Guarantee(step.name(), g.kind(), g.detail())));
    }
    return out;
  }

  /**
   * The size in the population of each released class: the population's records are numbered with
   * the released ones, over the same quasi-identifiers.
   */
  private int[] populationCounts(List<Incident> output, Classes released) {
    int classes = released.sizes().length;
    List<Incident> both = new ArrayList<>(output.size() + population.size());
    both.addAll(output);
    both.addAll(population);
    int[] joint = ClassNumbers.of(both, policy.quasiIdentifiers());
    // Classes are numbered in order of first members, so the released ones keep their numbers.
    int[] counts = new int[classes];
    for (int r = output.size(); r < joint.length; r++) {
      if (joint[r] < classes) {
        counts[joint[r]]++;
      }
    }
    for (int c = 0; c < classes; c++) {
      if (counts[c] < released.sizes()[c]) {
        throw new AnonymisationException(
            AnonymiseCode.INVALID_POLICY,
            "the population holds "
                + counts[c]
                + " records of a released class of "
                + released.sizes()[c]
                + " ("
                + ReleaseContext.areaName(output.get(released.firstMember()[c]))
                + "): it must hold every released record, in the same published form");
      }
    }
    return counts;
  }

  private static Disclosure.Population exactPopulationUniques(int[] sizes, int[] population) {
    long uniques = 0;
    long n = 0;
    for (int c = 0; c < sizes.length; c++) {
      n += sizes[c];
      uniques += population[c] == 1 ? sizes[c] : 0;
    }
    return new Disclosure.Population("exact", uniques, n == 0 ? 0 : (double) uniques / n);
  }
}
