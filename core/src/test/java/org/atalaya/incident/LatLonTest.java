package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class LatLonTest {

  @Test
  void thePolesAndTheAntimeridianAreIncluded() {
    for (double lat : new double[] {-90, 90}) {
      for (double lon : new double[] {-180, 180}) {
        LatLon p = LatLon.of(lat, lon);
        assertThat(p.latitude()).isEqualTo(lat);
        assertThat(p.longitude()).isEqualTo(lon);
      }
    }
  }

  @Test
  void aLatitudeOneUlpBeyondAPoleIsRefusedByName() {
    for (double lat : new double[] {Math.nextUp(90.0), Math.nextDown(-90.0)}) {
      assertThatThrownBy(() -> LatLon.of(lat, 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("latitude (" + lat + ")")
          .hasMessageContaining("-90 to 90");
    }
  }

  @Test
  void aLongitudeOneUlpBeyondTheAntimeridianIsRefusedByName() {
    for (double lon : new double[] {Math.nextUp(180.0), Math.nextDown(-180.0)}) {
      assertThatThrownBy(() -> LatLon.of(10, lon))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("longitude (" + lon + ")")
          .hasMessageContaining("-180 to 180");
    }
  }

  @Test
  void aCoordinateThatIsNotANumberIsRefused() {
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> LatLon.of(bad, 10)).hasMessageContaining("latitude");
      assertThatThrownBy(() -> LatLon.of(10, bad)).hasMessageContaining("longitude");
    }
  }

  @Test
  void everyPositionInRangeIsAcceptedAndKeptExactly() {
    qt().forAll(doubles().between(-90, 90), doubles().between(-180, 180))
        .assuming((lat, lon) -> lat != 0 || lon != 0)
        .checkAssert(
            (lat, lon) -> {
              LatLon p = LatLon.of(lat, lon);
              assertThat(p.latitude()).isEqualTo(lat);
              assertThat(p.longitude()).isEqualTo(lon);
            });
  }

  @Test
  void onlyTheNullIslandPointIsRefusedNotTheEquatorOrTheGreenwichMeridian() {
    assertThatThrownBy(() -> LatLon.of(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(0, 0)");
    assertThatThrownBy(() -> LatLon.of(-0.0, 0.0)).hasMessageContaining("(0, 0)");
    assertThat(LatLon.of(0, -87.2).latitude()).isZero();
    assertThat(LatLon.of(14.1, 0).longitude()).isZero();
  }

  @Test
  void negativeZeroIsTheSamePositionAsZero() {
    assertThat(LatLon.of(-0.0, -87.2)).isEqualTo(LatLon.of(0.0, -87.2));
    assertThat(LatLon.of(14.1, -0.0)).isEqualTo(LatLon.of(14.1, 0.0));
    assertThat(LatLon.of(-0.0, -87.2).hashCode()).isEqualTo(LatLon.of(0.0, -87.2).hashCode());
    assertThat(Double.doubleToRawLongBits(LatLon.of(-0.0, 5).latitude())).isZero();
    assertThat(Double.doubleToRawLongBits(LatLon.of(5, -0.0).longitude())).isZero();
  }
}
