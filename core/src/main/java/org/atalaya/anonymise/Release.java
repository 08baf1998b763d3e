package org.atalaya.anonymise;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link ReleasePolicy} and decides whether its output may be published. The steps run in
 * order; then the policy's aggregate tables are counted from the released records and protected
 * (a differentially private table spends its epsilon from the release's {@link EpsilonLedger},
 * which refuses to overspend); then ids become keyed pseudonyms (when the policy says so); then
 * the checks recompute the {@link PrivacyReport} on the output. {@link #publish} writes only when
 * every check passed, each file to a temporary file moved into place afterwards, so a refused
 * release leaves nothing behind.
 *
 * <p>Checks: {@code k-anonymity} (every equivalence class over the declared quasi-identifiers
 * holds at least k incidents), {@code suppression} (no more than the allowed share withheld; the
 * areas are named), {@code sensitive-detail} (no sensitive incident with a point or a time finer
 * than a month), {@code identifiers} (no DNI, RTN, phone, e-mail, URL or listed name in any text),
 * {@code epsilon} (budget not exceeded: a table the ledger refused fails it) and, per table,
 * {@code table NAME} (recomputed from the table's CSV text, see {@link AggregateTable#check}).
 * When the policy publishes tables only, the record checks (k-anonymity, sensitive-detail,
 * identifiers) are reported as not applied.
 * Immutable and thread-safe; each run has its own context.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Release {
  private static final Logger LOG = LoggerFactory.getLogger(Release.class);

  private final ReleasePolicy policy;
  private final PiiRedactor checker;

  private Release(ReleasePolicy policy) {
    this.policy = policy;
    this.checker = PiiRedactor.of(policy.names());
  }

  /**
   * Returns a release of {@code policy}.
   *
   * @param policy the policy; never null
   * @return the release
   */
  public static Release of(ReleasePolicy policy) {
    return new Release(Objects.requireNonNull(policy, "policy must not be null"));
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
    Objects.requireNonNull(input, "input must not be null");
    ReleaseContext ctx = ReleaseContext.of(key, random).withLedger(EpsilonLedger.of(policy.epsilonBudget()));
    List<Incident> current = input;
    List<ReleaseStep> steps = policy.steps();
    // When the first steps are per-record, their pass notes the input points for the displacements
    // and, when ids become pseudonyms, each input id's pseudonym (steps keep ids: the published
    // record takes the pseudonym of its source, paired by id below).
    Pseudonyms early = policy.pseudonymiseIds() && ctx.keyId().isPresent() ? ctx.pseudonyms("pseudonymise-ids") : null;
    PointChanges.Points before = !steps.isEmpty() && Chunks.perRecord(steps.get(0))
        ? new PointChanges.Points(input.size(), early) : null;
    for (int s = 0; s < steps.size(); ) {
      ReleaseStep step = steps.get(s);
      if (Chunks.perRecord(step)) {
        // Consecutive per-record steps run as one pass: no intermediate million-record lists.
        int e = s + 1;
        while (e < steps.size() && Chunks.perRecord(steps.get(e))) {
          e++;
        }
        current = Chunks.apply(steps.subList(s, e), current, ctx, s == 0 ? before : null);
        s = e;
        continue;
      }
      try {
        current = step.applyAll(current, ctx);
      } catch (AnonymisationException e) {
        throw e;
      } catch (RuntimeException e) {
        // Fail closed: a step that breaks must not let half-processed data through.
        throw new AnonymisationException(AnonymiseCode.STEP_FAILED, e, step.name(), String.valueOf(e.getMessage()));
      }
      Objects.requireNonNull(current, () -> "step " + step.name() + " returned null");
      s++;
    }
    List<AggregateTable> tables = new ArrayList<>();
    String refused = null;
    for (TableSpec t : policy.tables()) {
      try {
        tables.add(AggregateTable.compute(t, current, person(t, input), ctx));
      } catch (AnonymisationException e) {
        if (e.code() != AnonymiseCode.EPSILON_OVERSPENT) {
          throw e;
        }
        // The ledger refused before drawing any noise: the release fails its epsilon check.
        refused = "table " + t.name() + " needs epsilon " + t.epsilon() + " but only "
            + Math.max(0, policy.epsilonBudget() - ctx.ledger().spent()) + " of the budget " + policy.epsilonBudget()
            + " remains; nothing is published";
        break;
      }
    }
    // The released records, each read once from the last step's list (a list built when read
    // gives their parts without building them, see BuiltWhenRead): the pass notes each one's point
    // under its id (for the displacements and hot cells), writes its class key and runs the
    // per-record checks (the same code as verify's, which reads them back; neither reads the id).
    // When ids become pseudonyms, each record's 128 bits come from its source's, taken by the
    // first pass and handed over through the pairing by id below, or else are taken here. The
    // published list is built when read from these (see Pseudonymous).
    Pseudonyms ids = policy.pseudonymiseIds() ? ctx.pseudonyms("pseudonymise-ids") : null;
    List<Incident> stepped = current instanceof BuiltWhenRead ? current : List.copyOf(current);
    BuiltWhenRead lazy = stepped instanceof BuiltWhenRead b ? b : null;
    int n = stepped.size();
    long[] idBits = ids == null ? null : new long[2 * n];
    boolean idsNoted = before != null && before.idBits != null;
    PointChanges.Points after = new PointChanges.Points(n);
    // Class keys over the stepped records: the quasi-identifiers read no id, so they are the output's.
    ClassNumbers.Rows rows = ClassNumbers.rows(n, policy.quasiIdentifiers());
    Findings[] findings = new Findings[Chunks.count(n)];
    Chunks.forEach(n, c -> {
      Findings f = new Findings();
      for (int r = c * Chunks.SIZE, to = Math.min(n, r + Chunks.SIZE); r < to; r++) {
        Incident i = lazy == null ? stepped.get(r) : lazy.madeFrom(r);
        Optional<Location> location = lazy == null ? i.location() : lazy.location(r);
        after.set(r, i.id(), location);
        rows.write(r, i, location);
        if (idBits != null && !idsNoted) {
          ids.pseudonymBits("id", i.id(), idBits, 2 * r);
        }
        f.check(i, location, checker);
      }
      findings[c] = f;
    });
    PointChanges moved = PointChanges.of(before != null ? before : PointChanges.Points.of(input), after);
    if (idBits != null && idsNoted) {
      int[] sources = moved.sources();
      Chunks.forEach(n, c -> {
        for (int r = c * Chunks.SIZE, to = Math.min(n, r + Chunks.SIZE); r < to; r++) {
          int s = sources[r];
          if (s >= 0) {
            idBits[2 * r] = before.idBits[2 * s];
            idBits[2 * r + 1] = before.idBits[2 * s + 1];
          } else {
            // A step gave an id no input had (the contract says it must not): taken from the id itself.
            ids.pseudonymBits("id", after.ids[r], idBits, 2 * r);
          }
        }
      });
    }
    List<Incident> output = idBits == null ? stepped : new Pseudonymous(stepped, idBits);
    Classes classes = Classes.of(rows.number());
    List<PrivacyReport.Check> checks = new ArrayList<>(outputChecks(output, classes, Findings.merge(findings)));
    long suppressed = input.size() - (long) output.size();
    // Sorted, as ReleaseContext#suppressedByArea documents: its immutable copy iterates in an order
    // that changes from one JVM to the next, which made the message differ between runs.
    double share = input.isEmpty() ? 0 : (double) suppressed / input.size();
    checks.add(new PrivacyReport.Check("suppression", share <= policy.maxSuppressedFraction(),
        String.format(java.util.Locale.ROOT, "%d of %d suppressed (%.1f%%, at most %.1f%% allowed)%s", suppressed,
            input.size(), 100 * share, 100 * policy.maxSuppressedFraction(), areas(new java.util.TreeMap<>(ctx.suppressedByArea())))));
    checks.add(new PrivacyReport.Check("epsilon", refused == null && ctx.ledger().spent() <= policy.epsilonBudget() * (1 + 1e-9),
        refused != null ? refused : "spent " + ctx.ledger().spent() + " of " + policy.epsilonBudget()));
    for (AggregateTable t : tables) {
      checks.add(AggregateTable.check(t.spec(), t.toCsv()));
    }
    long k = classes.smallest();
    PrivacyReport report = new PrivacyReport(input.size(), output.size(), suppressed, k, k == 0 ? 0 : 1.0 / k,
        PrivacyReport.Displacement.of(moved.displacement()), ctx.ledger().spent(), tables.stream().map(AggregateTable::summary).toList(),
        ctx.keyId(), moved.hotCellOverlap(), checks,
        checks.stream().allMatch(PrivacyReport.Check::passed));
    LOG.debug("release {}: {} in, {} out, k {}, {} tables, passed {}", policy.name(), input.size(), output.size(), k,
        tables.size(), report.passed());
    return new ReleaseResult(output, tables, report);
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
  public PrivacyReport publish(List<Incident> input, ReleaseKey key, IncidentFormat format, Path out) throws IOException {
    return publish(input, key, format::writer, out);
  }

  /** Opens an incident writer on a stream: a format's writer, or a plugin exporter's {@code open}. */
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
  public PrivacyReport publish(List<Incident> input, ReleaseKey key, WriterFactory writers, Path out) throws IOException {
    ReleaseResult result = run(input, key);
    PrivacyReport report = result.report();
    Optional<PrivacyReport.Check> failed = report.firstFailure();
    if (failed.isPresent()) {
      throw new ReleaseRefusedException(codeOf(failed.get().name()), failed.get().name() + ": " + failed.get().detail(), report);
    }
    Path dir = out.toAbsolutePath().getParent();
    Map<Path, Path> moves = new java.util.LinkedHashMap<>();
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
        Files.writeString(tmp, t.toCsv(), java.nio.charset.StandardCharsets.UTF_8);
      }
      for (Map.Entry<Path, Path> m : moves.entrySet()) {
        try {
          Files.move(m.getKey(), m.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
    Classes classes = classes(output);
    long k = classes.smallest();
    compare(problems, "recordsOut", output.size(), report.recordsOut());
    compare(problems, "kAchieved", k, report.kAchieved());
    compare(problems, "recordsIn", report.recordsOut() + report.suppressed(), report.recordsIn());
    if (Math.abs((k == 0 ? 0 : 1.0 / k) - report.prosecutorRisk()) > 1e-12) {
      problems.add("prosecutorRisk: output gives " + (k == 0 ? 0 : 1.0 / k) + ", report says " + report.prosecutorRisk());
    }
    Map<String, PrivacyReport.Check> reported = new HashMap<>();
    report.checks().forEach(c -> reported.put(c.name(), c));
    for (PrivacyReport.Check c : outputChecks(output, classes, findings(output))) {
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
   * Returns who an incident is about, for a dp table's contribution bound: the value of the
   * table's person attribute in the input incident with the same id (steps keep ids, and may have
   * dropped the attribute), else the incident itself.
   */
  private static java.util.function.Function<Incident, String> person(TableSpec table, List<Incident> input) {
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

  private static void compare(List<String> problems, String field, long actual, long reported) {
    if (actual != reported) {
      problems.add(field + ": output gives " + actual + ", report says " + reported);
    }
  }

  /**
   * Returns the equivalence classes of {@code output} over the policy's quasi-identifiers (the
   * classes of {@link QuasiIdentifier#classes}, numbered by {@link ClassNumbers}).
   */
  private Classes classes(List<Incident> output) {
    return Classes.of(ClassNumbers.of(output, policy.quasiIdentifiers()));
  }

  /**
   * The published records of a release that pseudonymises ids, each built when read: the last
   * step's record with its id replaced by the pseudonym whose bits the release kept. Building a
   * million records (and their ids) before anybody reads them would only give the garbage
   * collector a million more objects to move; a writer reads each once.
   */
  private static final class Pseudonymous extends java.util.AbstractList<Incident>
      implements java.util.RandomAccess, BuiltWhenRead {
    private final List<Incident> stepped;
    private final long[] idBits;

    Pseudonymous(List<Incident> stepped, long[] idBits) {
      this.stepped = stepped;
      this.idBits = idBits;
    }

    @Override
    public Incident get(int index) {
      return withId(index, Pseudonyms.pseudonymText(idBits[2 * index], idBits[2 * index + 1]));
    }

    @Override
    public Incident madeFrom(int index) {
      // The published record itself: one made from the stepped record would carry its raw id
      // (a release run on this list reads ids from here).
      return get(index);
    }

    @Override
    public Optional<Location> location(int index) {
      return stepped instanceof BuiltWhenRead b ? b.location(index) : stepped.get(index).location();
    }

    @Override
    public Incident withId(int index, String id) {
      if (stepped instanceof BuiltWhenRead b) {
        return b.withId(index, id);
      }
      Incident i = stepped.get(index);
      return new Incident(id, i.sourceRefs(), i.classification(), i.occurred(), i.reportedAt(), i.location(),
          i.victims(), i.context(), i.caseHistory(), i.publication(), i.source(), i.narrative(), i.sensitivity(),
          i.attributes());
    }

    @Override
    public int size() {
      return stepped.size();
    }
  }

  /**
   * The equivalence classes of an output: for each class, its size and the index of its first
   * member.
   */
  private record Classes(int[] sizes, int[] firstMember) {
    static Classes of(int[] numbers) {
      int count = 0;
      for (int c : numbers) {
        count = Math.max(count, c + 1);
      }
      int[] sizes = new int[count];
      int[] first = new int[count];
      for (int r = 0; r < numbers.length; r++) {
        if (sizes[numbers[r]]++ == 0) {
          first[numbers[r]] = r;
        }
      }
      return new Classes(sizes, first);
    }

    /** The size of the smallest class; 0 when there is none. */
    long smallest() {
      long min = Long.MAX_VALUE;
      for (int size : sizes) {
        min = Math.min(min, size);
      }
      return sizes.length == 0 ? 0 : min;
    }
  }

  /** What the sensitive-detail and identifiers checks found in one chunk of the output. */
  private static final class Findings {
    long exposed;
    String firstExposed;
    final Map<String, Integer> found = new java.util.TreeMap<>();

    /** Checks one released incident. */
    void check(Incident i, PiiRedactor checker) {
      check(i, i.location(), checker);
    }

    /** Checks one released incident: {@code i} with its location replaced by {@code location}. */
    void check(Incident i, Optional<Location> location, PiiRedactor checker) {
      if (carriesDetail(i, location) && SensitiveCategories.isSensitive(i)) {
        exposed++;
        firstExposed = firstExposed == null ? ReleaseContext.areaName(location) : firstExposed;
      }
      for (String t : i.attributes().values().values()) {
        count(checker.remaining(t));
      }
      if (i.narrative().isPresent()) {
        count(checker.remaining(i.narrative().get()));
      }
      if (location.isPresent() && location.get().address().isPresent()) {
        count(checker.remaining(location.get().address().get()));
      }
    }

    private void count(List<PiiRedactor.Kind> kinds) {
      for (PiiRedactor.Kind kind : kinds) {
        found.merge(kind.name(), 1, Integer::sum);
      }
    }

    /** The findings of chunks, in chunk order. */
    static Findings merge(Findings[] chunks) {
      Findings all = new Findings();
      for (Findings f : chunks) {
        all.exposed += f.exposed;
        all.firstExposed = all.firstExposed == null ? f.firstExposed : all.firstExposed;
        f.found.forEach((kind, n) -> all.found.merge(kind, n, Integer::sum));
      }
      return all;
    }
  }

  /** Runs the per-record checks on every incident, in parallel chunks merged in order. */
  private Findings findings(List<Incident> output) {
    Findings[] chunks = new Findings[Chunks.count(output.size())];
    Chunks.forEach(output.size(), c -> {
      Findings f = new Findings();
      for (int r = c * Chunks.SIZE, to = Math.min(output.size(), r + Chunks.SIZE); r < to; r++) {
        f.check(output.get(r), checker);
      }
      chunks[c] = f;
    });
    return Findings.merge(chunks);
  }

  private List<PrivacyReport.Check> outputChecks(List<Incident> output, Classes classes, Findings findings) {
    List<PrivacyReport.Check> checks = new ArrayList<>();
    Map<String, Integer> shortAreas = new java.util.TreeMap<>();
    int smallClasses = 0;
    for (int c = 0; c < classes.sizes().length; c++) {
      if (classes.sizes()[c] < policy.k()) {
        smallClasses++;
        shortAreas.merge(ReleaseContext.areaName(output.get(classes.firstMember()[c])), classes.sizes()[c], Integer::sum);
      }
    }
    long k = classes.smallest();
    checks.add(new PrivacyReport.Check("k-anonymity", smallClasses == 0,
        output.isEmpty() ? "nothing released"
            : smallClasses == 0
            ? "smallest class " + k + " (k = " + policy.k() + ") over " + policy.quasiIdentifiers()
            : smallClasses + " classes hold fewer than k = " + policy.k() + " incidents" + areas(shortAreas)));
    long exposed = findings.exposed;
    String firstExposed = findings.firstExposed;
    Map<String, Integer> found = findings.found;
    checks.add(new PrivacyReport.Check("sensitive-detail", exposed == 0 || !policy.protectSensitive(),
        !policy.protectSensitive() ? exposed + " sensitive incidents keep their detail; the policy does not require protection"
        : exposed == 0 ? "no sensitive incident carries a point or a time finer than a month"
            : exposed + " sensitive incidents carry a point or a time finer than a month (first in " + firstExposed + ")"));
    checks.add(new PrivacyReport.Check("identifiers", found.isEmpty(),
        found.isEmpty() ? "no identifier pattern in any text" : "found " + found));
    if (!policy.publishRecords()) {
      // These checks protect published records; the tables have checks of their own.
      return checks.stream().map(c -> new PrivacyReport.Check(c.name(), true,
          "not applied, the records are not published (" + c.detail() + ")")).toList();
    }
    return checks;
  }

  private static boolean carriesDetail(Incident i, Optional<Location> location) {
    // Without Optional's map: this runs on every released incident.
    if (location.isPresent() && location.get().point().isPresent()) {
      return true;
    }
    if (i.occurred().isPresent() && TimeGranularity.finerThanMonth(i.occurred().get())) {
      return true;
    }
    if (i.reportedAt().isEmpty()) {
      return false;
    }
    java.time.OffsetDateTime r = i.reportedAt().get();
    return r.getDayOfMonth() != 1 || !r.toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  private static String areas(Map<String, Integer> byArea) {
    if (byArea.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("; areas: ");
    int n = 0;
    for (Map.Entry<String, Integer> e : byArea.entrySet()) {
      if (n++ == 20) {
        b.append(", and ").append(byArea.size() - 20).append(" more");
        break;
      }
      b.append(n > 1 ? ", " : "").append(e.getKey()).append(" (").append(e.getValue()).append(')');
    }
    return b.toString();
  }

  private static AnonymiseCode codeOf(String check) {
    return switch (check) {
      case "k-anonymity" -> AnonymiseCode.K_NOT_REACHED;
      case "suppression" -> AnonymiseCode.TOO_MANY_SUPPRESSED;
      case "sensitive-detail" -> AnonymiseCode.SENSITIVE_DETAIL;
      case "identifiers" -> AnonymiseCode.PII_REMAINS;
      case "epsilon" -> AnonymiseCode.EPSILON_OVERSPENT;
      default -> check.startsWith("table ") ? AnonymiseCode.TABLE_UNPROTECTED : AnonymiseCode.REPORT_MISMATCH;
    };
  }

}
