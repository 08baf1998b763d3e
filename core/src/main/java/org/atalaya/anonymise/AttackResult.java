package org.atalaya.anonymise;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What one attacker profile achieved against a release: how many targets it tried, and how many of
 * them it narrowed down to fewer than k released records (at risk) or to exactly one (singled out).
 * Immutable and thread-safe.
 *
 * @param profile the profile; never {@code null}
 * @param knows the parts the attacker used; never {@code null}, copied
 * @param targets the targets tried (released records for neighbour and victim, register entries for
 *     register)
 * @param candidates {@code candidates[c]} targets had exactly c consistent released records, for c
 *     from 0 to k-1; never {@code null}, copied
 * @param atRisk targets with from 1 to k-1 consistent records
 * @param singledOut targets with exactly one consistent record
 * @param areas the areas of the targets at risk, with how many each (at most 20 named); never null
 * @param passed whether the share at risk is within the policy's {@code maxAttackShare}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record AttackResult(
    AttackProfile profile,
    Set<QuasiIdentifier> knows,
    long targets,
    List<Long> candidates,
    long atRisk,
    long singledOut,
    String areas,
    boolean passed) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component is null
   */
  public AttackResult {
    Objects.requireNonNull(profile, "profile must not be null");
    EnumSet<QuasiIdentifier> parts = EnumSet.noneOf(QuasiIdentifier.class);
    parts.addAll(knows);
    knows = Collections.unmodifiableSet(parts);
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(areas, "areas must not be null");
  }

  /**
   * Returns the share of targets at risk.
   *
   * @return 0 to 1; 0 when there were no targets
   */
  public double atRiskShare() {
    return targets == 0 ? 0 : (double) atRisk / targets;
  }

  /**
   * Returns the share of targets singled out.
   *
   * @return 0 to 1; 0 when there were no targets
   */
  public double singledOutShare() {
    return targets == 0 ? 0 : (double) singledOut / targets;
  }
}
