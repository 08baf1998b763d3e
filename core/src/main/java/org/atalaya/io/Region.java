package org.atalaya.io;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * A latitude-longitude box in which a data set's points are expected to fall. Readers use it to
 * tell a swapped latitude and longitude from a genuine point elsewhere: in a Honduran file a
 * "latitude" of -87 is a valid latitude, but only the swapped reading lies in the region. The box
 * is closed (points on its edge are inside) and does not cross the antimeridian. Immutable and
 * thread-safe.
 *
 * @param minLatitude southern edge
 * @param maxLatitude northern edge
 * @param minLongitude western edge
 * @param maxLongitude eastern edge
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Region(
    double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) {

  /** Central America from Guatemala to Panama, with a margin: 5°N to 19°N, 93°W to 76°W. */
  public static final Region CENTRAL_AMERICA = new Region(5, 19, -93, -76);

  /** Honduras with its Bay Islands and Swan Islands, with a margin. */
  public static final Region HONDURAS = new Region(12.9, 17.5, -89.4, -83.1);

  /** Validates the box. */
  public Region {
    checkArgument(
        minLatitude >= -90 && minLatitude <= maxLatitude && maxLatitude <= 90,
        "latitudes (%s, %s) must satisfy -90 <= min <= max <= 90",
        minLatitude,
        maxLatitude);
    checkArgument(
        minLongitude >= -180 && minLongitude <= maxLongitude && maxLongitude <= 180,
        "longitudes (%s, %s) must satisfy -180 <= min <= max <= 180",
        minLongitude,
        maxLongitude);
  }

  /**
   * Returns the box in words, for messages: {@code "latitude 5 to 19, longitude -93 to -76"}.
   *
   * @return the description; never {@code null}
   */
  public String describe() {
    return "expected latitude "
        + minLatitude
        + " to "
        + maxLatitude
        + ", longitude "
        + minLongitude
        + " to "
        + maxLongitude;
  }

  /**
   * Returns whether the point lies in the box, edges included.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   * @return true if inside or on the edge
   */
  public boolean contains(double latitude, double longitude) {
    return latitude >= minLatitude
        && latitude <= maxLatitude
        && longitude >= minLongitude
        && longitude <= maxLongitude;
  }
}
