package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LocationTest {

  @Test
  void theAccuracyIsAFiniteNumberOfMetresZeroOrMore() {
    assertThat(
            Location.builder().point(LatLon.of(14, -87)).accuracyMetres(0).build().accuracyMetres())
        .hasValue(0.0);
    for (double bad : new double[] {-Double.MIN_VALUE, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(
              () -> Location.builder().point(LatLon.of(14, -87)).accuracyMetres(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("accuracyMetres (" + bad + ")");
    }
  }

  @Test
  void anAccuracyCanBeSetAndClearedAsAnOptional() {
    Location l =
        Location.builder().point(LatLon.of(14, -87)).accuracyMetres(OptionalDouble.of(25)).build();
    assertThat(l.accuracyMetres()).hasValue(25.0);
    assertThat(l.toBuilder().accuracyMetres(OptionalDouble.empty()).build().accuracyMetres())
        .isEmpty();
  }

  @Test
  void aBlankAddressIsRefused() {
    assertThatThrownBy(
            () ->
                new Location(
                    Optional.of(LatLon.of(14, -87)),
                    OptionalDouble.empty(),
                    LocationPrecision.UNKNOWN,
                    AdminArea.NONE,
                    Optional.of("  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("address must not be blank");
  }

  @Test
  void aLocationOfWhichNothingIsKnownIsRefused() {
    assertThatThrownBy(() -> Location.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a point, an administrative code or an address");
    assertThat(Location.builder().admin(AdminArea.of("08", null, null)).build().point()).isEmpty();
    assertThat(Location.builder().address("Col. Kennedy").build().address())
        .contains("Col. Kennedy");
  }
}
