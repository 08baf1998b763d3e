package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * The kind of place where an incident happened.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PlaceType {
  /** A street, road, park or other open public space. */
  PUBLIC_SPACE,
  /** A home. */
  RESIDENCE,
  /** A bus, taxi, mototaxi, or a stop or terminal. */
  PUBLIC_TRANSPORT,
  /** A shop, market, bar or other business. */
  COMMERCIAL,
  /** A school or university. */
  EDUCATIONAL,
  /** A prison or detention centre. */
  DETENTION,
  /** Open country, a farm or a plantation. */
  RURAL,
  /** Another kind of place. */
  OTHER,
  /** Not recorded. */
  UNKNOWN
}
