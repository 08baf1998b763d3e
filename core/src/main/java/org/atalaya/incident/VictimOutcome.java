package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * What happened to a victim. SDG 16.1.1 counts victims who were {@link #KILLED} in an intentional
 * homicide, not incidents.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum VictimOutcome {
  /** The victim died. */
  KILLED,
  /** The victim was injured and survived. */
  INJURED,
  /** The victim was not physically harmed. */
  UNHARMED,
  /** Not recorded. */
  UNKNOWN
}
