package org.atalaya.geo.crs;

import org.apiguardian.api.API;

/**
 * Geodesic distances on the WGS 84 ellipsoid by Vincenty's inverse formula (T. Vincenty, "Direct
 * and inverse solutions of geodesics on the ellipsoid with application of nested equations", Survey
 * Review 23(176), 1975), accurate to well under a millimetre.
 *
 * <p>The iteration does not converge for nearly antipodal points (more than about 179.5 degrees of
 * arc apart); there the method throws {@link ArithmeticException} rather than return a wrong
 * figure. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Geodesy {

  /** WGS 84 semi-major axis in metres. */
  public static final double WGS84_A = 6378137.0;

  /** WGS 84 flattening. */
  public static final double WGS84_F = 1 / 298.257223563;

  private static final double WGS84_B = WGS84_A * (1 - WGS84_F);
  private static final int MAX_ITERATIONS = 200;

  private Geodesy() {}

  /**
   * Returns the length in metres of the shortest path on the WGS 84 ellipsoid between two points.
   *
   * @param lat1 latitude of the first point, degrees in [-90, 90]
   * @param lon1 longitude of the first point, degrees in [-180, 180]
   * @param lat2 latitude of the second point, degrees in [-90, 90]
   * @param lon2 longitude of the second point, degrees in [-180, 180]
   * @return the distance in metres, zero for equal points
   * @throws IllegalArgumentException if a coordinate is out of range or not finite
   * @throws ArithmeticException if the points are nearly antipodal and the iteration does not
   *     converge
   */
  public static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    checkLatLon("lat1", lat1, "lon1", lon1);
    checkLatLon("lat2", lat2, "lon2", lon2);
    double l = Math.toRadians(lon2 - lon1);
    double u1 = Math.atan((1 - WGS84_F) * Math.tan(Math.toRadians(lat1)));
    double u2 = Math.atan((1 - WGS84_F) * Math.tan(Math.toRadians(lat2)));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);

    double lambda = l;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      double a = cosU2 * sinLambda;
      double b = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
      double sinSigma = Math.sqrt(a * a + b * b);
      if (sinSigma == 0) {
        return 0; // coincident points
      }
      double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      double sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      double cosSqAlpha = 1 - sinAlpha * sinAlpha;
      // On the equator cos^2(alpha) is 0 and cos(2 sigma_m) is taken as 0.
      double cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
      double c = WGS84_F / 16 * cosSqAlpha * (4 + WGS84_F * (4 - 3 * cosSqAlpha));
      double previous = lambda;
      lambda =
          l
              + (1 - c)
                  * WGS84_F
                  * sinAlpha
                  * (sigma
                      + c
                          * sinSigma
                          * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - previous) < 1e-12) {
        double uSq = cosSqAlpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B) / (WGS84_B * WGS84_B);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma =
            bigB
                * sinSigma
                * (cos2SigmaM
                    + bigB
                        / 4
                        * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                            - bigB
                                / 6
                                * cos2SigmaM
                                * (-3 + 4 * sinSigma * sinSigma)
                                * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return WGS84_B * bigA * (sigma - deltaSigma);
      }
    }
    throw new ArithmeticException(
        "Vincenty's formula did not converge for nearly antipodal points ("
            + lat1
            + ", "
            + lon1
            + ") and ("
            + lat2
            + ", "
            + lon2
            + "); split the path at an intermediate point");
  }

  static void checkLatLon(String latName, double lat, String lonName, double lon) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException(latName + " (" + lat + ") must be in [-90, 90]");
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException(lonName + " (" + lon + ") must be in [-180, 180]");
    }
  }
}
