package org.atalaya.geo.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.atalaya.geo.crs.Geodesy;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class FenceProximityTests {

  private static Geometry wkt(String text) throws Exception {
    return new WKTReader().read(text);
  }

  @Test
  void aPointOutsideASquareIsTheGeodesicDistanceFromItsEdge() throws Exception {
    FenceIndex index =
        FenceIndex.builder()
            .add("square", wkt("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"))
            .add("far", wkt("POLYGON ((10 10, 11 10, 11 11, 10 10))"))
            .build();
    double expected = Geodesy.distanceMetres(0.5, 1.01, 0.5, 1.0);
    assertThat(index.nearest(0.5, 1.01, 2000))
        .hasValueSatisfying(
            d -> {
              assertThat(d.id()).isEqualTo("square");
              assertThat(d.metres()).isCloseTo(expected, within(0.01));
            });
    assertThat(index.nearest(0.5, 1.01, 1000)).isEmpty();
    assertThat(index.nearest(0.5, 0.5, 10)).hasValue(new FenceDistance(0, "square", 0));
    assertThat(index.nearest(1.0, 1.0, 10)).hasValue(new FenceDistance(0, "square", 0));
  }

  @Test
  void withinDistanceListsCoveringFencesFirstThenByDistance() throws Exception {
    FenceIndex index =
        FenceIndex.builder()
            .add(
                "west",
                wkt("POLYGON ((-87.3 14.0, -87.2 14.0, -87.2 14.1, -87.3 14.1, -87.3 14.0))"))
            .add(
                "east",
                wkt("POLYGON ((-87.19 14.0, -87.1 14.0, -87.1 14.1, -87.19 14.1, -87.19 14.0))"))
            .add("north", wkt("POLYGON ((-87.3 14.2, -87.1 14.2, -87.1 14.3, -87.3 14.2))"))
            .build();
    List<FenceDistance> near = index.withinDistance(14.05, -87.201, 5000);
    assertThat(near).extracting(FenceDistance::id).containsExactly("west", "east");
    assertThat(near.get(0).metres()).isZero();
    assertThat(near.get(1).metres())
        .isCloseTo(Geodesy.distanceMetres(14.05, -87.201, 14.05, -87.19), within(0.01));
    assertThat(index.withinDistance(14.05, -87.201, 20_000))
        .extracting(FenceDistance::id)
        .containsExactly("west", "east", "north");
    assertThatThrownBy(() -> index.withinDistance(14, -87, -1))
        .hasMessage("metres (-1.0) must be greater than 0 and at most 1000000");
  }

  @Test
  void distancesAgreeWithADenselySampledBoundary() throws Exception {
    // A diamond of about 50 km around Tegucigalpa, with a hole; its boundary sampled every ~11 m.
    Geometry diamond =
        wkt(
            "POLYGON ((-87.2 13.8, -86.95 14.05, -87.2 14.3, -87.45 14.05, -87.2 13.8),"
                + " (-87.25 14.0, -87.15 14.0, -87.2 14.1, -87.25 14.0))");
    FenceIndex index = FenceIndex.builder().add("d", diamond).build();
    Coordinate[] samples = Densifier.densify(diamond.getBoundary(), 1e-4).getCoordinates();
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 0; n < 200; n++) {
      double lat = 13.7 + random.nextDouble() * 0.7;
      double lon = -87.55 + random.nextDouble() * 0.7;
      double brute = Double.POSITIVE_INFINITY;
      for (Coordinate c : samples) {
        brute = Math.min(brute, Geodesy.distanceMetres(lat, lon, c.y, c.x));
      }
      List<FenceDistance> found = index.withinDistance(lat, lon, 100_000);
      assertThat(found).hasSize(1);
      double metres = found.get(0).metres();
      if (metres == 0) {
        assertThat(index.fencesContaining(lat, lon)).containsExactly("d");
      } else {
        // samples are at most ~6 m from the true boundary point
        assertThat(metres)
            .as("lat %s lon %s", lat, lon)
            .isCloseTo(brute, within(8.0 + brute * 0.002));
      }
    }
  }
}
