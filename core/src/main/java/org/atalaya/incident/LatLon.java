package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * A position on the WGS84 ellipsoid given as latitude and longitude in decimal degrees.
 *
 * <p>The order of the components is always latitude first, longitude second, and the names say so;
 * formats that store longitude first (GeoJSON) convert at their edge. The point (0, 0), in the Gulf
 * of Guinea, is rejected: in incident data it is almost always a missing value written as zeros,
 * and a crime plotted there would be a silent error. Immutable and thread-safe.
 *
 * @param latitude degrees north, -90 to 90 inclusive
 * @param longitude degrees east, -180 to 180 inclusive
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record LatLon(double latitude, double longitude) {

  /**
   * Validates the coordinates.
   *
   * @throws IllegalArgumentException if a coordinate is not finite or out of range, or the point is
   *     (0, 0)
   */
  public LatLon {
    checkArgument(
        Double.isFinite(latitude) && latitude >= -90 && latitude <= 90,
        "latitude (%s) must be a number from -90 to 90",
        latitude);
    checkArgument(
        Double.isFinite(longitude) && longitude >= -180 && longitude <= 180,
        "longitude (%s) must be a number from -180 to 180",
        longitude);
    checkArgument(
        !(latitude == 0 && longitude == 0),
        "the point (0, 0) is not accepted: it almost always means a missing location; leave the"
            + " location absent instead");
    // Normalise -0.0 so that equal positions are equal records.
    latitude = latitude + 0.0;
    longitude = longitude + 0.0;
  }

  /**
   * Returns a position from latitude and longitude, in that order.
   *
   * @param latitude degrees north, -90 to 90
   * @param longitude degrees east, -180 to 180
   * @return the position
   * @throws IllegalArgumentException as the constructor
   */
  public static LatLon of(double latitude, double longitude) {
    return new LatLon(latitude, longitude);
  }
}
