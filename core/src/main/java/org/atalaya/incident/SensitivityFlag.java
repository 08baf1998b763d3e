package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * A property of an incident that calls for stricter protection when it is released: the
 * anonymisation defaults for flagged incidents publish no point and no time finer than a month.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum SensitivityFlag {
  /** The incident involves sexual violence (ICCS section 03, or so flagged by the source). */
  SEXUAL_VIOLENCE,
  /** The offender is a partner or family member of the victim. */
  DOMESTIC_VIOLENCE,
  /** At least one victim is under 18. */
  MINOR_VICTIM
}
