package org.atalaya.anonymise;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.Areas;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;

/**
 * What one release knows while its steps run: the keyed pseudonyms (when a key was given), the
 * source of noise, and the suppressions made so far with the areas they fell in.
 *
 * <p>A context belongs to one release and is used from one thread at a time; it is not thread-safe.
 * It never exposes the key itself.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReleaseContext {
  private final Optional<Pseudonyms> pseudonyms;
  private final RandomGenerator random;
  private final Map<String, Integer> suppressedByArea = new TreeMap<>();
  private final Map<String, Integer> suppressedByReason = new TreeMap<>();
  private long suppressed;
  private EpsilonLedger ledger = EpsilonLedger.of(0);
  private Set<QuasiIdentifier> quasiIdentifiers = DEFAULT_QUASI_IDENTIFIERS;

  /** Every part whose default role is quasi-identifying. */
  private static final Set<QuasiIdentifier> DEFAULT_QUASI_IDENTIFIERS =
      Collections.unmodifiableSet(QuasiIdentifier.quasiIdentifying(Map.of()));

  ReleaseContext(Optional<Pseudonyms> pseudonyms, RandomGenerator random) {
    this.pseudonyms = pseudonyms;
    this.random = random;
  }

  /**
   * Returns a context for running steps outside a {@link Release} (tests, custom pipelines).
   *
   * @param key the release key, or null when no step needs one
   * @param random the noise source; {@link java.security.SecureRandom} in production
   * @return a new context
   */
  public static ReleaseContext of(ReleaseKey key, RandomGenerator random) {
    return new ReleaseContext(
        Optional.ofNullable(key).map(Pseudonyms::of),
        Objects.requireNonNull(random, "random must not be null"));
  }

  /**
   * Returns the pseudonymiser.
   *
   * @param step the step that needs it, named in the error
   * @return the pseudonymiser; never {@code null}
   * @throws AnonymisationException ({@link AnonymiseCode#KEY_MISSING}) if the release has no key
   */
  public Pseudonyms pseudonyms(String step) {
    return pseudonyms.orElseThrow(
        () ->
            new AnonymisationException(
                AnonymiseCode.KEY_MISSING, AnonymiseCode.detail("detail.stepNeedsKey", step)));
  }

  /**
   * Returns the key id, when the release has a key.
   *
   * @return the id; never {@code null} but potentially empty
   */
  public Optional<String> keyId() {
    return pseudonyms.map(Pseudonyms::keyId);
  }

  /** A context for one chunk of records: same pseudonyms and ledger, its own noise and counts. */
  private ReleaseContext child(RandomGenerator random) {
    return new ReleaseContext(pseudonyms, random)
        .withLedger(ledger)
        .withQuasiIdentifiers(quasiIdentifiers);
  }

  /** Adds the suppressions recorded in a chunk's context to this one. */
  private void absorb(ReleaseContext chunk) {
    suppressed += chunk.suppressed;
    chunk.suppressedByArea.forEach((k, v) -> suppressedByArea.merge(k, v, Integer::sum));
    chunk.suppressedByReason.forEach((k, v) -> suppressedByReason.merge(k, v, Integer::sum));
  }

  /** This context and its chunks', for a record pass ({@link Chunks#apply}). */
  Chunks.Forks forks() {
    ReleaseContext parent = this;
    return new Chunks.Forks() {
      @Override
      public ReleaseContext context() {
        return parent;
      }

      @Override
      public ReleaseContext fork(RandomGenerator random) {
        return child(random);
      }

      @Override
      public void join(ReleaseContext chunk) {
        absorb(chunk);
      }
    };
  }

  /**
   * Returns the release's quasi-identifiers (its policy's), which steps that form classes group by:
   * outside a {@link Release}, every part whose default role is quasi-identifying.
   *
   * @return the parts; immutable
   */
  public Set<QuasiIdentifier> quasiIdentifiers() {
    return quasiIdentifiers;
  }

  ReleaseContext withQuasiIdentifiers(Set<QuasiIdentifier> qis) {
    this.quasiIdentifiers = Objects.requireNonNull(qis, "qis must not be null");
    return this;
  }

  ReleaseContext withLedger(EpsilonLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger must not be null");
    return this;
  }

  /**
   * Returns the epsilon ledger of this release (its budget is the policy's); steps that publish
   * noisy counts spend from it.
   *
   * @return the ledger; never {@code null}
   */
  public EpsilonLedger ledger() {
    return ledger;
  }

  /**
   * Returns the source of non-stable noise (differential privacy): {@link
   * java.security.SecureRandom} unless a test supplied a seeded generator.
   *
   * @return the generator; never {@code null}
   */
  public RandomGenerator random() {
    return random;
  }

  /**
   * Records that {@code incident} is suppressed, and why.
   *
   * @param incident the incident; never null
   * @param reason a short reason, for example {@code "k-anonymity"}; never null
   */
  public void suppress(Incident incident, String reason) {
    suppressed(incident.location(), reason);
  }

  /**
   * Records that the record a {@link RecordStep} edits is suppressed, and why; the step then
   * returns false.
   *
   * @param record the record; never null
   * @param reason a short reason, for example {@code "k-anonymity"}; never null
   */
  public void suppress(RecordEditor record, String reason) {
    suppressed(record.location(), reason);
  }

  private void suppressed(Optional<Location> location, String reason) {
    Objects.requireNonNull(reason, "reason must not be null");
    suppressed++;
    suppressedByArea.merge(Areas.name(location), 1, Integer::sum);
    suppressedByReason.merge(reason, 1, Integer::sum);
  }

  /**
   * Returns how many incidents were suppressed so far.
   *
   * @return the count
   */
  public long suppressed() {
    return suppressed;
  }

  /**
   * Returns the suppressions by area ({@link #areaName}), sorted by area.
   *
   * @return an immutable copy
   */
  public Map<String, Integer> suppressedByArea() {
    return Map.copyOf(suppressedByArea);
  }

  /**
   * Returns the suppressions by reason.
   *
   * @return an immutable copy
   */
  public Map<String, Integer> suppressedByReason() {
    return Map.copyOf(suppressedByReason);
  }

  /**
   * Names the area of an incident for messages: {@code department/municipality} codes, or {@code
   * "unknown area"}.
   *
   * @param incident the incident; never null
   * @return the name; never {@code null}
   */
  public static String areaName(Incident incident) {
    return Areas.name(incident.location());
  }
}
