package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * How precisely a {@link Location} places an incident, from a surveyed point to nothing better than
 * an administrative area.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum LocationPrecision {
  /** The point is where the incident happened, to within its stated accuracy. */
  EXACT,
  /** The point stands for a block or a street segment (the usual police geocoding). */
  BLOCK,
  /** The point was moved to a published anchor point, as anonymised releases do. */
  SNAPPED,
  /** Only an administrative area is known; a point, if any, is the area's centroid. */
  AREA,
  /** The source does not say how precise the location is. */
  UNKNOWN
}
