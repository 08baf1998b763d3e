package org.atalaya.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrsTransformTests {

  private static final double TGU_LON = -87.2068;
  private static final double TGU_LAT = 14.0818;

  @Test
  void tegucigalpaToUtm16nMatchesTheKnownValueToOneMillimetre() {
    double[] xy = CrsTransform.of(Crs.WGS84, Crs.UTM_16N).transform(TGU_LON, TGU_LAT);
    assertThat(xy[0]).isCloseTo(477675.386, within(0.001));
    assertThat(xy[1]).isCloseTo(1556782.814, within(0.001));
  }

  @Test
  void webMercatorEastingIsTheSphericalArcLength() {
    double[] xy = CrsTransform.of(Crs.WGS84, Crs.WEB_MERCATOR).transform(TGU_LON, TGU_LAT);
    assertThat(xy[0]).isCloseTo(6378137.0 * Math.toRadians(TGU_LON), within(0.001));
    double y = 6378137.0 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(TGU_LAT) / 2));
    assertThat(xy[1]).isCloseTo(y, within(0.001));
  }

  @Test
  void everyPairRoundTripsOverCentralAmericaToAMillimetre() {
    for (Crs target : List.of(Crs.WEB_MERCATOR, Crs.UTM_16N, Crs.UTM_17N)) {
      CrsTransform there = CrsTransform.of(Crs.WGS84, target);
      CrsTransform back = there.inverse();
      qt().withFixedSeed(4L)
          .withExamples(2000)
          .forAll(doubles().between(-92.0, -80.0), doubles().between(7.0, 18.5))
          .checkAssert(
              (lon, lat) -> {
                double[] xy = there.transform(lon, lat);
                double[] ll = back.transform(xy[0], xy[1]);
                // 1e-8 degrees is about 1 mm
                assertThat(ll[0]).isCloseTo(lon, within(1e-8));
                assertThat(ll[1]).isCloseTo(lat, within(1e-8));
              });
    }
  }

  @Test
  void utmZonesAgreeAfterGoingThroughWgs84() {
    CrsTransform z16to84 = CrsTransform.of(Crs.UTM_16N, Crs.WGS84);
    CrsTransform z84to17 = CrsTransform.of(Crs.WGS84, Crs.UTM_17N);
    CrsTransform direct = CrsTransform.of(Crs.UTM_16N, Crs.UTM_17N);
    double[] ll = z16to84.transform(477675.386, 1556782.814);
    double[] a = z84to17.transform(ll[0], ll[1]);
    double[] b = direct.transform(477675.386, 1556782.814);
    assertThat(b[0]).isCloseTo(a[0], within(0.001));
    assertThat(b[1]).isCloseTo(a[1], within(0.001));
  }

  @Test
  void concurrentTransformsGiveTheSameAnswersAsOneThread() throws Exception {
    CrsTransform t = CrsTransform.of(Crs.WGS84, Crs.UTM_16N);
    double[][] expected = new double[2000][];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = t.transform(-88 + i * 0.002, 13 + i * 0.001);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results =
          IntStream.range(0, 8)
              .mapToObj(
                  k ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < expected.length; i++) {
                              double[] xy = t.transform(-88 + i * 0.002, 13 + i * 0.001);
                              if (xy[0] != expected[i][0] || xy[1] != expected[i][1]) {
                                return false;
                              }
                            }
                            return true;
                          }))
              .toList();
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void epsgCodesAreFoundAndUnknownOnesAreEmpty() {
    assertThat(Crs.fromEpsg(32616)).contains(Crs.UTM_16N);
    assertThat(Crs.fromEpsg(4326)).contains(Crs.WGS84);
    assertThat(Crs.fromEpsg(2154)).isEmpty();
  }

  @Test
  void nonFiniteCoordinatesAreRejectedWithTheirValues() {
    CrsTransform t = CrsTransform.of(Crs.WGS84, Crs.UTM_16N);
    assertThatThrownBy(() -> t.transform(Double.NaN, 14))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x (NaN) and y (14.0) must be finite");
  }
}
