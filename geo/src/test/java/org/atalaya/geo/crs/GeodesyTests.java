package org.atalaya.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

class GeodesyTests {

  private static double dms(int d, int m, double s) {
    double v = Math.abs(d) + m / 60.0 + s / 3600.0;
    return d < 0 ? -v : v;
  }

  @Test
  void flindersPeakToBuninyongMatchesVincentysPublishedDistance() {
    // Geoscience Australia's worked example of Vincenty's inverse formula (GRS80, which differs
    // from WGS 84 by far less than a millimetre over this line): 54 972.271 m.
    double d =
        Geodesy.distanceMetres(
            dms(-37, 57, 3.72030), dms(144, 25, 29.52440),
            dms(-37, 39, 10.15610), dms(143, 55, 35.38390));
    assertThat(d).isCloseTo(54972.271, within(0.001));
  }

  @Test
  void oneDegreeOfEquatorIsTheSemiMajorAxisTimesPiOver180() {
    assertThat(Geodesy.distanceMetres(0, 0, 0, 1))
        .isCloseTo(Geodesy.WGS84_A * Math.PI / 180, within(0.001));
  }

  @Test
  void equatorToPoleIsTheWgs84QuarterMeridian() {
    assertThat(Geodesy.distanceMetres(0, 0, 90, 0)).isCloseTo(10001965.729, within(0.001));
  }

  @Test
  void tegucigalpaToSanPedroSulaAgreesWithASphereToHalfAPercent() {
    double d = Geodesy.distanceMetres(14.0818, -87.2068, 15.5042, -88.0250);
    double haversine = haversine(14.0818, -87.2068, 15.5042, -88.0250);
    assertThat(d).isBetween(175_000.0, 185_000.0);
    assertThat(d).isCloseTo(haversine, within(haversine * 0.005));
    assertThat(Geodesy.distanceMetres(15.5042, -88.0250, 14.0818, -87.2068))
        .isCloseTo(d, within(1e-6));
  }

  @Test
  void samePointIsZeroAndAntipodesAreRefused() {
    assertThat(Geodesy.distanceMetres(14, -87, 14, -87)).isZero();
    assertThatThrownBy(() -> Geodesy.distanceMetres(0, 0, 0.5, 179.7))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("nearly antipodal");
    assertThatThrownBy(() -> Geodesy.distanceMetres(91, 0, 0, 0))
        .hasMessage("lat1 (91.0) must be in [-90, 90]");
  }

  @Test
  void circleVerticesAreTheRadiusAwayFromTheCentre() {
    Polygon circle = Circles.circle(14.0818, -87.2068, 500);
    assertThat(circle.getSRID()).isEqualTo(4326);
    assertThat(circle.isValid()).isTrue();
    for (Coordinate c : circle.getCoordinates()) {
      assertThat(Geodesy.distanceMetres(14.0818, -87.2068, c.y, c.x)).isCloseTo(500, within(0.5));
    }
    assertThat(circle.getNumPoints()).isEqualTo(4 * Circles.DEFAULT_QUADRANT_SEGMENTS + 1);
    assertThatThrownBy(() -> Circles.circle(14, -87, -20))
        .hasMessage("radiusMetres (-20.0) must be greater than 0 and at most 100000");
  }

  @Test
  void circleWorksInTheSouthernHemisphereAndOtherZones() {
    Polygon circle = Circles.circle(-34.6, -58.4, 2000, 8);
    for (Coordinate c : circle.getCoordinates()) {
      assertThat(Geodesy.distanceMetres(-34.6, -58.4, c.y, c.x)).isCloseTo(2000, within(2.0));
    }
  }

  @Test
  void aCircleAcrossTheAntimeridianIsRefused() {
    assertThatThrownBy(() -> Circles.circle(-17.0, 179.999, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crosses the antimeridian");
    assertThat(Circles.circle(-17.0, 179.9, 1000).getEnvelopeInternal().getMaxX()).isLessThan(180);
  }

  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double r = 6371008.8;
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * r * Math.asin(Math.sqrt(h));
  }
}
