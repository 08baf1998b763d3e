package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * Whether the act was completed or only attempted. ICCS codes some attempts separately (0102
 * attempted intentional homicide); for others this flag carries the distinction.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Attempt {
  /** The act was completed. */
  COMPLETED,
  /** The act was attempted and not completed. */
  ATTEMPTED,
  /** Not recorded. */
  UNKNOWN
}
