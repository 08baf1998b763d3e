package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * The means by which harm was done, following the ICCS disaggregation "mechanism" (firearm, another
 * weapon, other means) with the detail that Honduran forensic records give.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum Mechanism {
  /** A firearm. */
  FIREARM,
  /** A knife, machete or other sharp object. */
  SHARP_OBJECT,
  /** A blunt object. */
  BLUNT_OBJECT,
  /** Hands, feet or strangulation, without a weapon. */
  PHYSICAL_FORCE,
  /** Explosives or fire. */
  EXPLOSIVE_OR_FIRE,
  /** Poison or drugs. */
  POISON,
  /** Any other means. */
  OTHER,
  /** Not recorded. */
  UNKNOWN
}
