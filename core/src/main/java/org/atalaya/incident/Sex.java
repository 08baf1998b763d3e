package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * The sex of a victim as recorded by the source; SDG 16.1.1 is disaggregated by it.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Sex {
  /** Female. */
  FEMALE,
  /** Male. */
  MALE,
  /** Recorded as neither female nor male. */
  OTHER,
  /** Not recorded. */
  UNKNOWN
}
