package org.atalaya.geo.density;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DensityTests {

  @Test
  @DisplayName(
      "one point at a cell centre: the peak is the kernel's value at 0, 3/(pi h^2) or 1/(2 pi h^2),"
          + " per km2")
  void peakIsTheKernelAtZero() {
    double[] x = {500_005};
    double[] y = {1_500_005};
    DensityGrid q = KernelDensity.estimate(x, y, KernelDensity.Kernel.QUARTIC, 200, 10);
    assertThat(q.max()).isCloseTo(3 / (Math.PI * 200 * 200) * 1e6, Offset.offset(1e-9));
    DensityGrid g = KernelDensity.estimate(x, y, KernelDensity.Kernel.GAUSSIAN, 200, 10);
    assertThat(g.max()).isCloseTo(1 / (2 * Math.PI * 200 * 200) * 1e6, Offset.offset(1e-9));
    // quartic is zero at and beyond h: 20 cells from the centre
    int c = (int) ((500_005 - q.originX()) / 10);
    int r = (int) ((1_500_005 - q.originY()) / 10);
    assertThat(q.value(c + 20, r)).isZero();
    assertThat(q.value(c + 19, r)).isPositive();
  }

  @Test
  @DisplayName("the density integrates to the number of points (within the discretisation error)")
  void densityIntegratesToN() {
    SplittableRandom rnd = new SplittableRandom(1);
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < 300; i++) {
      x[i] = 477_000 + rnd.nextDouble() * 3000;
      y[i] = 1_556_000 + rnd.nextDouble() * 3000;
    }
    assertThat(KernelDensity.estimate(x, y, KernelDensity.Kernel.QUARTIC, 250, 10).total())
        .isCloseTo(300, Offset.offset(1.5));
    assertThat(KernelDensity.estimate(x, y, KernelDensity.Kernel.GAUSSIAN, 150, 10).total())
        .isCloseTo(300, Offset.offset(1.5));
  }

  @Test
  @DisplayName(
      "GeoJSON cells are counterclockwise lon/lat squares with their density; the ASCII grid has"
          + " its header")
  void writesGeoJsonAndAsciiGrid() throws Exception {
    DensityGrid g =
        KernelDensity.estimate(
            new double[] {477_675},
            new double[] {1_556_782},
            KernelDensity.Kernel.QUARTIC,
            100,
            50);
    StringWriter out = new StringWriter();
    int written = g.writeGeoJson(CrsTransform.of(Crs.UTM_16N, Crs.WGS84), 0, out);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("features")).hasSize(written);
    assertThat(written).isGreaterThan(0).isLessThan(g.columns() * g.rows() + 1);
    JsonNode ring = json.get("features").get(0).get("geometry").get("coordinates").get(0);
    assertThat(ring).hasSize(5);
    assertThat(ring.get(0).get(0).asDouble()).isBetween(-87.3, -87.1); // Tegucigalpa
    assertThat(ring.get(1).get(0).asDouble()).isGreaterThan(ring.get(0).get(0).asDouble());
    assertThat(ring.get(2).get(1).asDouble()).isGreaterThan(ring.get(1).get(1).asDouble());
    StringWriter asc = new StringWriter();
    g.writeAsciiGrid(asc);
    assertThat(asc.toString()).startsWith("ncols " + g.columns()).contains("cellsize 50.0");
  }

  @Test
  @DisplayName(
      "Clark-Evans: a square lattice gives R = 2 and a large positive z; a tight cluster gives R <"
          + " 1")
  void clarkEvans() {
    double[] x = new double[100];
    double[] y = new double[100];
    for (int i = 0; i < 100; i++) {
      x[i] = (i % 10) * 100;
      y[i] = (i / 10) * 100;
    }
    NearestNeighbourIndex.Result lattice = NearestNeighbourIndex.of(x, y, 100 * 100 * 100);
    assertThat(lattice.observedMean()).isCloseTo(100, Offset.offset(1e-9));
    assertThat(lattice.expectedMean()).isCloseTo(50, Offset.offset(1e-9));
    assertThat(lattice.ratio()).isCloseTo(2, Offset.offset(1e-12));
    assertThat(lattice.standardError())
        .isCloseTo(0.26136 / Math.sqrt(100 * 100 / 1e6), Offset.offset(1e-12));
    assertThat(lattice.z()).isCloseTo(50 / lattice.standardError(), Offset.offset(1e-9));
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 100; i++) {
      x[i] = r.nextDouble() * 20;
      y[i] = r.nextDouble() * 20;
    }
    assertThat(NearestNeighbourIndex.of(x, y, 1e6).ratio()).isLessThan(0.2);
    assertThatThrownBy(() -> NearestNeighbourIndex.of(new double[] {1}, new double[] {1}, 10))
        .hasMessageContaining("at least 2 points");
    assertThatThrownBy(
            () ->
                KernelDensity.estimate(
                    new double[] {0, 1e9},
                    new double[] {0, 1e9},
                    KernelDensity.Kernel.QUARTIC,
                    10,
                    1))
        .hasMessageContaining("larger cell size than 1.0 metres");
  }
}
