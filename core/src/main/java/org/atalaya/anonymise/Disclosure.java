package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Who can learn what from a release: the role of every part and whether it was published, the
 * re-identification risk figures of its equivalence classes, the diversity of its sensitive
 * attributes, the attacks run against it, what each spatial step guarantees, and the utility kept.
 * Part of a {@link PrivacyReport}. Immutable and thread-safe.
 *
 * @param quasiIdentifiers the parts the classes were formed over; never {@code null}, copied
 * @param roles every part's role and whether any released record carries it; never {@code null}
 * @param risk the risk figures of the classes; never {@code null}
 * @param diversity one entry per sensitive attribute; never {@code null}
 * @param attacks one entry per attacker profile run; never {@code null}
 * @param population the population-uniqueness estimate, when a population was given
 * @param spatialGuarantees what each step that touches locations guarantees, in step order
 * @param utility what the release kept; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Disclosure(
    Set<QuasiIdentifier> quasiIdentifiers,
    List<Role> roles,
    Risk risk,
    List<Diversity> diversity,
    List<AttackResult> attacks,
    Optional<Population> population,
    List<Guarantee> spatialGuarantees,
    Utility utility) {

  /** Nothing measured (a report made without these figures). */
  public static final Disclosure NONE =
      new Disclosure(
          Set.of(),
          List.of(),
          Risk.NONE,
          List.of(),
          List.of(),
          Optional.empty(),
          List.of(),
          new Utility(0, 0, 0));

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   */
  public Disclosure {
    EnumSet<QuasiIdentifier> parts = EnumSet.noneOf(QuasiIdentifier.class);
    parts.addAll(quasiIdentifiers);
    quasiIdentifiers = Collections.unmodifiableSet(parts);
    roles = List.copyOf(roles);
    Objects.requireNonNull(risk, "risk must not be null");
    diversity = List.copyOf(diversity);
    attacks = List.copyOf(attacks);
    Objects.requireNonNull(population, "population must not be null");
    spatialGuarantees = List.copyOf(spatialGuarantees);
    Objects.requireNonNull(utility, "utility must not be null");
  }

  /**
   * A part's role in a release.
   *
   * @param part the part; never {@code null}
   * @param role its role; never {@code null}
   * @param published whether any released record carries it
   * @param reason why it may be published as it is (insensitive parts only)
   */
  public record Role(
      QuasiIdentifier part, AttributeRole role, boolean published, Optional<String> reason) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a component is null
     */
    public Role {
      Objects.requireNonNull(part, "part must not be null");
      Objects.requireNonNull(role, "role must not be null");
      Objects.requireNonNull(reason, "reason must not be null");
    }
  }

  /**
   * Re-identification risk of the released records, from the sizes of their equivalence classes
   * (ARX's and sdcMicro's definitions; every figure 0 when nothing is released). A record's
   * individual risk is 1 / the size of its class.
   *
   * @param highestProsecutorRisk the largest individual risk: 1 / k
   * @param averageProsecutorRisk the mean individual risk over records: classes / records
   * @param marketerRisk the expected share of records an attacker re-identifies when matching every
   *     record of a population register: classes / records when the release is the population, or
   *     the mean over records of 1 / (the class's size in the population)
   * @param journalistRisk the largest individual risk against the population: 1 / the size of the
   *     smallest population class that holds a released class; empty without a population table
   * @param recordsBelowK share of records in classes smaller than k
   * @param sampleUniques share of records alone in their class
   * @param threshold the individual risk above which a record counts as at risk (1 / k)
   * @param recordsAboveThreshold share of records whose individual risk exceeds the threshold
   */
  public record Risk(
      double highestProsecutorRisk,
      double averageProsecutorRisk,
      double marketerRisk,
      OptionalDouble journalistRisk,
      double recordsBelowK,
      double sampleUniques,
      double threshold,
      double recordsAboveThreshold) {
    /** No record released. */
    public static final Risk NONE = new Risk(0, 0, 0, OptionalDouble.empty(), 0, 0, 0, 0);

    /**
     * Validates the figures.
     *
     * @throws IllegalArgumentException if a share or risk is outside 0 to 1
     */
    public Risk {
      for (double v :
          new double[] {
            highestProsecutorRisk,
            averageProsecutorRisk,
            marketerRisk,
            recordsBelowK,
            sampleUniques,
            threshold,
            recordsAboveThreshold
          }) {
        checkArgument(v >= 0 && v <= 1 + 1e-12, "a risk or share (%s) must be from 0 to 1", v);
      }
      Objects.requireNonNull(journalistRisk, "journalistRisk must not be null");
    }
  }

  /**
   * How varied a sensitive attribute is within the equivalence classes (Machanavajjhala et al.'s
   * l-diversity, Li et al.'s t-closeness), over the classes of the quasi-identifiers.
   *
   * @param part the sensitive part; never {@code null}
   * @param distinctL the fewest distinct values in a class (distinct l-diversity)
   * @param entropyL the smallest exp(entropy) of a class's values (entropy l-diversity), 1 or more
   * @param tCloseness the largest distance between a class's distribution of values and the whole
   *     release's: half the sum of absolute differences (the earth mover's distance with equal
   *     ground distances), 0 to 1
   */
  public record Diversity(
      QuasiIdentifier part, long distinctL, double entropyL, double tCloseness) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if the part is null
     */
    public Diversity {
      Objects.requireNonNull(part, "part must not be null");
    }
  }

  /**
   * An estimate of how many released records are unique in the population.
   *
   * @param model the model that made it (for example {@code "exact"}, {@code "pitman"}); never null
   * @param populationUniques the estimated number of released records unique in the population
   * @param share that number over the records released
   */
  public record Population(String model, double populationUniques, double share) {
    /**
     * Validates the estimate.
     *
     * @throws NullPointerException if the model is null
     */
    public Population {
      Objects.requireNonNull(model, "model must not be null");
    }
  }

  /**
   * What one step guarantees about the published locations.
   *
   * @param step the step's name; never {@code null}
   * @param kind the kind of guarantee; never {@code null}
   * @param detail what it means, with the step's figures; never {@code null}
   */
  public record Guarantee(String step, SpatialGuarantee.Kind kind, String detail) {
    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a component is null
     */
    public Guarantee {
      Objects.requireNonNull(step, "step must not be null");
      Objects.requireNonNull(kind, "kind must not be null");
      Objects.requireNonNull(detail, "detail must not be null");
    }
  }

  /**
   * What the release kept for its users.
   *
   * @param hotCellOverlap share of the top-decile hot cells (0.01 degree) before that are still
   *     top-decile cells after, 0 to 1
   * @param recordsPublished share of the input released, 0 to 1
   * @param categoryDetailKept share of the released records whose ICCS code is as fine as their
   *     source's, 0 to 1
   */
  public record Utility(
      double hotCellOverlap, double recordsPublished, double categoryDetailKept) {}
}
