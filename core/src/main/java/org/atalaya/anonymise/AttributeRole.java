package org.atalaya.anonymise;

import org.apiguardian.api.API;

/**
 * What a published part of an incident is to an attacker, in the terms ARX and sdcMicro use. A
 * release policy gives every part a role; a part with none is {@link #QUASI_IDENTIFYING}, so that
 * forgetting to think about a field can only make a release safer.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AttributeRole {
  /**
   * Points at one record on its own (an id, a record number in another system): must be dropped or
   * pseudonymised; the release fails closed when it is published as it is.
   */
  IDENTIFYING,
  /**
   * Something an attacker may know about a case (where, when, what, how, about whom): counted in
   * the equivalence classes whose smallest size is the release's k.
   */
  QUASI_IDENTIFYING,
  /**
   * What the release must not let an attacker learn about a known person (for example a case's
   * status or the victims' sex): not counted in the classes, but measured by l-diversity and
   * t-closeness within them. Must be published.
   */
  SENSITIVE,
  /**
   * Declared harmless to publish as it is; the declaration needs a reason, which the privacy report
   * prints. Attacker profiles that know every published field still use it.
   */
  INSENSITIVE;

  /**
   * Parses {@code "identifying"}, {@code "quasi-identifying"}, {@code "sensitive"} or {@code
   * "insensitive"}.
   *
   * @param name the name; never null
   * @return the role
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static AttributeRole parse(String name) {
    return EnumNames.parse(AttributeRole.class, name, "role");
  }

  /**
   * Returns the name policies use, for example {@code "quasi-identifying"}.
   *
   * @return the name; never {@code null}
   */
  public String policyName() {
    return EnumNames.nameOf(this);
  }
}
