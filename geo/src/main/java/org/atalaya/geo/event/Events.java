package org.atalaya.geo.event;

/** Shared argument checks of this package. */
final class Events {

  private Events() {}

  static void checkLatLon(double latitude, double longitude) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude (" + latitude + ") must be in [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude (" + longitude + ") must be in [-180, 180]");
    }
  }
}
