package org.atalaya.anonymise;

import org.apiguardian.api.API;

/**
 * Who tries to pick a record out of a release, and what they know. Each profile takes targets and
 * counts, for each, the released records consistent with what the attacker knows of the target; a
 * target with fewer than k such records is at risk, one with exactly one is singled out.
 *
 * <p>What "consistent" means for the location: the attacker knows the true point and the true
 * administrative codes; a released record is consistent when its published point lies no farther
 * from the true point than its stated accuracy plus the release's allowance (the largest distance
 * by which a released point lies beyond its stated accuracy from its true point), and never farther
 * than the release's largest displacement, and its published codes are absent or equal to the true
 * ones. Every target's own record is then consistent with it. For every other known part, the
 * attacker applies the public policy to the target's true value and compares: the released record
 * must carry the same published value as the target's own released record.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AttackProfile {
  /**
   * Someone who lives nearby: knows where (the true point), when (the month, or the window the
   * policy publishes) and what (the category) of every released incident.
   */
  NEIGHBOUR,
  /**
   * The victim, the offender, or anyone who knows the case well: knows every published part of
   * their own case (sensitive and insensitive ones included), except keyed pseudonyms.
   */
  VICTIM,
  /**
   * Someone holding an external register of incidents (a news archive, a hospital or police list)
   * with the parts it records: each register entry is a target, matched against the release by
   * compatibility (overlapping times, compatible ICCS codes, points within the largest
   * displacement, equal or withheld values). Runs only when a register is given.
   */
  REGISTER;

  /**
   * Parses {@code "neighbour"}, {@code "victim"} or {@code "register"}.
   *
   * @param name the name; never null
   * @return the profile
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static AttackProfile parse(String name) {
    return EnumNames.parse(AttackProfile.class, name, "attack profile");
  }

  /**
   * Returns the name policies and reports use, for example {@code "neighbour"}.
   *
   * @return the name; never {@code null}
   */
  public String policyName() {
    return EnumNames.nameOf(this);
  }
}
