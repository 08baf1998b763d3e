package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A person harmed by an incident: sex, age (or an age band when only that is known), relationship
 * to the offender, and outcome. Carries no name or identifier on purpose: those belong in the
 * source system, not in data that may be released. Immutable and thread-safe.
 *
 * @param sex the recorded sex; never {@code null}
 * @param age age in whole years, 0 to 150; never {@code null} but potentially empty
 * @param ageBand age band when the exact age is not known; never {@code null} but potentially
 *     empty; when both are present the age must fall in the band
 * @param relationship relationship to the offender; never {@code null}
 * @param outcome what happened to the victim; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Victim(
    Sex sex,
    OptionalInt age,
    Optional<AgeBand> ageBand,
    Relationship relationship,
    VictimOutcome outcome) {

  /** Age below which a victim is a minor. */
  public static final int AGE_OF_MAJORITY = 18;

  /**
   * Validates the victim.
   *
   * @throws IllegalArgumentException if the age is out of range or outside the age band
   */
  public Victim {
    Objects.requireNonNull(sex, "sex must not be null; use Sex.UNKNOWN");
    Objects.requireNonNull(age, "age must not be null; use OptionalInt.empty()");
    Objects.requireNonNull(ageBand, "ageBand must not be null; use Optional.empty()");
    Objects.requireNonNull(relationship, "relationship must not be null; use Relationship.UNKNOWN");
    Objects.requireNonNull(outcome, "outcome must not be null; use VictimOutcome.UNKNOWN");
    age.ifPresent(
        a -> checkArgument(a >= 0 && a <= 150, "victim age (%s) must be from 0 to 150", a));
    if (age.isPresent() && ageBand.isPresent()) {
      checkArgument(
          ageBand.get().contains(age.getAsInt()),
          "victim age (%s) must fall in the age band (%s)",
          age.getAsInt(),
          ageBand.get());
    }
  }

  /**
   * Returns a victim of known sex, age and outcome, with unknown relationship.
   *
   * @param sex the sex
   * @param age the age in years
   * @param outcome the outcome
   * @return the victim
   */
  public static Victim of(Sex sex, int age, VictimOutcome outcome) {
    return new Victim(sex, OptionalInt.of(age), Optional.empty(), Relationship.UNKNOWN, outcome);
  }

  /**
   * Returns whether the victim is known to be a minor (by age, or by an age band entirely below
   * 18).
   *
   * @return true if known to be under 18
   */
  public boolean isMinor() {
    if (age.isPresent()) {
      return age.getAsInt() < AGE_OF_MAJORITY;
    }
    return ageBand
        .map(b -> b.max().isPresent() && b.max().getAsInt() < AGE_OF_MAJORITY)
        .orElse(false);
  }
}
