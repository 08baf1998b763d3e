package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * The victim's relationship to the offender, in the categories the ICCS and the UNODC homicide
 * statistics disaggregate by.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Relationship {
  /** A current or former intimate partner. */
  INTIMATE_PARTNER,
  /** Another family member. */
  FAMILY_MEMBER,
  /** Someone else the victim knew (friend, neighbour, colleague). */
  ACQUAINTANCE,
  /** Someone the victim did not know. */
  STRANGER,
  /** Not known or not recorded. */
  UNKNOWN
}
