package org.atalaya.anonymise.internal;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.atalaya.anonymise.AttackResult;
import org.atalaya.anonymise.AttributeRole;
import org.atalaya.anonymise.PiiRedactor;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.anonymise.SensitiveCategories;
import org.atalaya.anonymise.TimeGranularity;
import org.atalaya.anonymise.internal.ReleaseCheck.Verdict;
import org.atalaya.code.LocalizedDetail;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;

/**
 * The checks of one policy's releases ({@link ReleaseCheck}), in one place: a release runs them on
 * its output before it publishes, and verifying a published release runs the same code on the
 * records read back, so the two cannot disagree. Immutable and thread-safe. Internal: use outside
 * Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ReleaseChecks {
  private final ReleasePolicy policy;
  private final PiiRedactor checker;

  /**
   * Returns the checks of {@code policy}'s releases.
   *
   * @param policy the policy; never null
   */
  public ReleaseChecks(ReleasePolicy policy) {
    this.policy = policy;
    this.checker = PiiRedactor.of(policy.names());
  }

  /**
   * Returns empty findings for one chunk of released records, to {@link Findings#check} them.
   *
   * @return the findings; never {@code null}
   */
  public Findings findings() {
    return new Findings(Disclosures.ALL & ~Disclosures.bits(policy.quasiIdentifiers()), checker);
  }

  /**
   * Runs the per-record checks on every record of {@code output}, in parallel chunks merged in
   * order.
   *
   * @param output the released records; never null
   * @return the findings; never {@code null}
   */
  public Findings findings(List<Incident> output) {
    Findings[] chunks = new Findings[Chunks.count(output.size())];
    Chunks.forEach(
        output.size(),
        c -> {
          Findings f = findings();
          for (int r = c * Chunks.SIZE, to = Math.min(output.size(), r + Chunks.SIZE);
              r < to;
              r++) {
            Incident i = output.get(r);
            f.check(i, i.location());
          }
          chunks[c] = f;
        });
    return Findings.merge(chunks);
  }

  /**
   * Returns the checks that the released records alone decide: k-anonymity, sensitive-detail,
   * identifiers and identifying (passed and "not applied" when the policy publishes no records).
   *
   * @param output the released records; never null
   * @param classes their equivalence classes; never null
   * @param findings their {@link #findings}; never null
   * @param published the parts they publish; never null
   * @return the verdicts, in this order; never {@code null}
   */
  public List<Verdict> ofOutput(
      List<Incident> output, Classes classes, Findings findings, Set<QuasiIdentifier> published) {
    List<Verdict> checks = new ArrayList<>();
    Map<String, Integer> shortAreas = new TreeMap<>();
    int smallClasses = 0;
    for (int c = 0; c < classes.sizes().length; c++) {
      if (classes.sizes()[c] < policy.k()) {
        smallClasses++;
        shortAreas.merge(
            Areas.name(output.get(classes.firstMember()[c]).location()),
            classes.sizes()[c],
            Integer::sum);
      }
    }
    long k = classes.smallest();
    checks.add(
        ReleaseCheck.K_ANONYMITY.verdict(
            smallClasses == 0,
            output.isEmpty()
                ? said("nothingReleased")
                : smallClasses == 0
                    ? said("kReached", k, policy.k(), names(qisIn(published)))
                    : said("kShort", smallClasses, policy.k(), areas(shortAreas))));
    long exposed = findings.exposed;
    checks.add(
        ReleaseCheck.SENSITIVE_DETAIL.verdict(
            exposed == 0 || !policy.protectSensitive(),
            !policy.protectSensitive()
                ? said("sensitiveKept", exposed)
                : exposed == 0
                    ? said("sensitiveNone")
                    : said("sensitiveExposed", exposed, findings.firstExposed)));
    checks.add(
        ReleaseCheck.IDENTIFIERS.verdict(
            findings.found.isEmpty(),
            findings.found.isEmpty()
                ? said("identifiersNone")
                : said("identifiersFound", findings.found)));
    List<String> exposedParts = new ArrayList<>();
    for (QuasiIdentifier q : published) {
      if (policy.roles().get(q) == AttributeRole.IDENTIFYING && !pseudonymised(q)) {
        exposedParts.add(q.policyName());
      }
    }
    checks.add(
        ReleaseCheck.IDENTIFYING.verdict(
            exposedParts.isEmpty(),
            exposedParts.isEmpty()
                ? said("identifyingNone")
                : said("identifyingPublished", exposedParts)));
    if (!policy.publishRecords()) {
      // These checks protect published records; the tables have checks of their own.
      return checks.stream().map(c -> c.notApplied(said("recordsNotPublished"))).toList();
    }
    return checks;
  }

  /**
   * Returns the suppression check.
   *
   * @param suppressed records withheld
   * @param in records read
   * @param byArea suppressions by area; never null
   * @return the verdict; never {@code null}
   */
  public Verdict suppression(long suppressed, long in, Map<String, Integer> byArea) {
    double share = in == 0 ? 0 : (double) suppressed / in;
    // Sorted: an immutable map's order changes from one JVM to the next, and so did the message.
    return ReleaseCheck.SUPPRESSION.verdict(
        share <= policy.maxSuppressedFraction(),
        said(
            "suppression",
            suppressed,
            in,
            String.format(Locale.ROOT, "%.1f", 100 * share),
            String.format(Locale.ROOT, "%.1f", 100 * policy.maxSuppressedFraction()),
            areas(new TreeMap<>(byArea))));
  }

  /**
   * Returns the epsilon check.
   *
   * @param spent the epsilon spent
   * @param refused why the ledger refused a table, or null when it refused none
   * @return the verdict; never {@code null}
   */
  public Verdict epsilon(double spent, LocalizedDetail refused) {
    return ReleaseCheck.EPSILON.verdict(
        refused == null && spent <= policy.epsilonBudget() * (1 + 1e-9),
        refused != null ? refused : said("epsilonSpent", spent, policy.epsilonBudget()));
  }

  /**
   * Returns the check of one attack profile the policy names.
   *
   * @param a the attack's result; never null
   * @return the verdict; never {@code null}
   */
  public Verdict attack(AttackResult a) {
    LocalizedDetail detail =
        said(
            "attack",
            a.atRisk(),
            a.targets(),
            String.format(Locale.ROOT, "%.2f", 100 * a.atRiskShare()),
            policy.k() - 1,
            a.singledOut(),
            String.format(Locale.ROOT, "%.2f", 100 * policy.maxAttackShare()),
            names(a.knows()),
            areasSaid(a.areas()));
    return ReleaseCheck.ATTACK.verdict(a.profile().policyName(), a.passed(), detail);
  }

  /**
   * Returns whether the policy replaces {@code part} by keyed pseudonyms before it is published.
   *
   * @param part the part; never null
   * @return whether it is pseudonymised
   */
  public boolean pseudonymised(QuasiIdentifier part) {
    if (part == QuasiIdentifier.ID && policy.pseudonymiseIds()) {
      return true;
    }
    for (ReleaseStep step : policy.steps()) {
      if (step.pseudonymises().contains(part)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lists up to 20 areas with their counts for a message, after {@code "; areas: "}.
   *
   * @param byArea counts by area, in the order to list them; never null
   * @return the text, in the reader's language; says nothing when there is no area
   */
  public static LocalizedDetail areas(Map<String, Integer> byArea) {
    if (byArea.isEmpty()) {
      return said("verbatim", "");
    }
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Map.Entry<String, Integer> e : byArea.entrySet()) {
      if (n++ == 20) {
        return said("areasMore", b.toString(), byArea.size() - 20);
      }
      b.append(n > 1 ? ", " : "").append(e.getKey()).append(" (").append(e.getValue()).append(')');
    }
    return said("areas", b.toString());
  }

  /** The areas an attack result lists in English ({@link #areas}), to say in any language. */
  private static LocalizedDetail areasSaid(String english) {
    Matcher m = AREAS.matcher(english);
    if (!m.matches()) {
      return said("verbatim", english);
    }
    return m.group(2) == null
        ? said("areas", m.group(1))
        : said("areasMore", m.group(1), m.group(2));
  }

  private static final Pattern AREAS = Pattern.compile("; areas: (.*?)(?:, and (\\d+) more)?");

  /**
   * Returns the detail {@code check.detail.KEY} of the anonymisation bundle, its numbers written as
   * Java writes them (no grouping) so the English detail stays the report's.
   *
   * @param key the key after {@code check.detail.}; never null
   * @param args its arguments
   * @return the detail; never {@code null}
   */
  public static LocalizedDetail said(String key, Object... args) {
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      plain[i] = args[i] instanceof LocalizedDetail ? args[i] : String.valueOf(args[i]);
    }
    return LocalizedDetail.of("org.atalaya.anonymise.Messages", "check.detail." + key, plain);
  }

  /**
   * Names parts as a policy does, for a message.
   *
   * @param parts the parts; never null
   * @return the list's text; never {@code null}
   */
  public static String names(Set<QuasiIdentifier> parts) {
    return parts.stream().map(QuasiIdentifier::policyName).toList().toString();
  }

  /** The quasi-identifiers among {@code published}. */
  private Set<QuasiIdentifier> qisIn(Set<QuasiIdentifier> published) {
    EnumSet<QuasiIdentifier> out = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier q : published) {
      if (policy.quasiIdentifiers().contains(q)) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * What the per-record checks (sensitive-detail, identifiers) and the published parts found in one
   * chunk of released records. Not thread-safe: one per chunk, merged in chunk order.
   */
  public static final class Findings {
    private long exposed;
    private String firstExposed;
    private final Map<String, Integer> found = new TreeMap<>();

    /**
     * The parts the checked records carry among {@code mask}, one bit per part (see {@link
     * Disclosures#notePublished}).
     */
    private long published;

    /** The parts to look for in every record (the others are read once per class). */
    private final long mask;

    private final PiiRedactor checker;

    private Findings(long mask, PiiRedactor checker) {
      this.mask = mask;
      this.checker = checker;
    }

    /**
     * Checks one released record.
     *
     * @param i the record; never null
     * @param location its published location, which replaces {@code i}'s; never null
     */
    public void check(Incident i, Optional<Location> location) {
      published = Disclosures.notePublished(published, mask, i, location);
      if (carriesDetail(i, location) && SensitiveCategories.isSensitive(i)) {
        exposed++;
        firstExposed = firstExposed == null ? Areas.name(location) : firstExposed;
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

    /**
     * Returns the parts the checked records carry, among those not read once per class, as bits
     * ({@link Disclosures#parts}).
     *
     * @return the bits
     */
    public long published() {
      return published;
    }

    private void count(List<PiiRedactor.Kind> kinds) {
      for (PiiRedactor.Kind kind : kinds) {
        found.merge(kind.name(), 1, Integer::sum);
      }
    }

    /**
     * Merges the findings of chunks, in chunk order.
     *
     * @param chunks the chunks' findings; never null
     * @return the findings of them all; never {@code null}
     */
    public static Findings merge(Findings[] chunks) {
      Findings all = new Findings(0, null);
      for (Findings f : chunks) {
        all.exposed += f.exposed;
        all.published |= f.published;
        all.firstExposed = all.firstExposed == null ? f.firstExposed : all.firstExposed;
        f.found.forEach((kind, n) -> all.found.merge(kind, n, Integer::sum));
      }
      return all;
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
      OffsetDateTime r = i.reportedAt().get();
      return r.getDayOfMonth() != 1 || !r.toLocalTime().equals(LocalTime.MIDNIGHT);
    }
  }
}
