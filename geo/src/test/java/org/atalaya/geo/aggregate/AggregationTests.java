package org.atalaya.geo.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.uber.h3core.H3Core;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.hotspot.GetisOrd;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class AggregationTests {

  @Test
  @DisplayName(
      "grid counts add up to the number of points, and each point is in the cell that contains it")
  void gridCountsAddUp() {
    qt().forAll(
            integers().between(1, 500), longs().between(0, 1 << 20), integers().between(20, 500))
        .check(
            (n, seed, cell) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] x = new double[n];
              double[] y = new double[n];
              for (int i = 0; i < n; i++) {
                x[i] = 470_000 + r.nextInt(5000);
                y[i] = 1_550_000 + r.nextInt(5000);
              }
              GridCounts g = GridCounts.count(x, y, cell);
              long total = 0;
              for (int k = 0; k < g.size(); k++) {
                total += g.count(k);
              }
              for (int i = 0; i < n; i++) {
                int k = g.cellOf(x[i], y[i]);
                double half = cell / 2.0;
                boolean inside =
                    Math.abs(x[i] - g.centreX(k)) <= half && Math.abs(y[i] - g.centreY(k)) <= half;
                if (!inside || g.count(k) == 0) {
                  return false;
                }
              }
              return total == n;
            });
  }

  @Test
  @DisplayName("grid weights: rook gives 2/3/4 neighbours at corners/edges/inside, queen 3/5/8")
  void gridWeights() {
    GridCounts g = GridCounts.count(new double[] {0, 29.9}, new double[] {0, 29.9}, 10);
    assertThat(g.columns()).isEqualTo(3);
    SpatialWeights rook = g.weights(false, Transform.BINARY);
    SpatialWeights queen = g.weights(true, Transform.ROW);
    assertThat(new int[] {rook.cardinality(0), rook.cardinality(1), rook.cardinality(4)})
        .containsExactly(2, 3, 4);
    assertThat(new int[] {queen.cardinality(0), queen.cardinality(1), queen.cardinality(4)})
        .containsExactly(3, 5, 8);
    assertThat(g.ids().get(5)).isEqualTo("2_1");
    assertThat(g.count(0)).isEqualTo(1);
    assertThat(g.count(8)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "area counts: a point on a shared border counts once, in the first area; outside points are"
          + " unmatched")
  void areaCounts() throws Exception {
    WKTReader wkt = new WKTReader();
    FenceIndex index =
        FenceIndex.builder()
            .add(
                "west",
                wkt.read("POLYGON ((-87.3 14, -87.1 14, -87.1 14.2, -87.3 14.2, -87.3 14))"))
            .add(
                "east",
                wkt.read("POLYGON ((-87.1 14, -86.9 14, -86.9 14.2, -87.1 14.2, -87.1 14))"))
            .build();
    AreaCounts c =
        AreaCounts.count(
            index, new double[] {14.1, 14.1, 14.1, 15}, new double[] {-87.2, -87.1, -87.0, -87.0});
    assertThat(c.ids()).containsExactly("west", "east");
    assertThat(c.values()).containsExactly(2, 1);
    assertThat(c.unmatched()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "H3 counts: every incident with a point is counted in exactly the cell that contains it; the"
          + " rest as without a point")
  void h3CountsEachIncidentOnce() throws Exception {
    H3Core h3 = H3Core.newInstance();
    qt().withExamples(40)
        .forAll(integers().between(0, 300), longs().between(0, 1 << 20), integers().between(5, 10))
        .check(
            (n, seed, res) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] lat = new double[n];
              double[] lon = new double[n];
              long missing = 0;
              for (int i = 0; i < n; i++) {
                boolean none = r.nextInt(10) == 0;
                missing += none ? 1 : 0;
                lat[i] = none ? Double.NaN : 14.0 + r.nextDouble() * 0.3;
                lon[i] = none ? Double.NaN : -90.6 + r.nextDouble() * 0.3;
              }
              H3Counts c = H3Counts.count(res, lat, lon);
              int[] expected = new int[c.size()];
              for (int i = 0; i < n; i++) {
                if (!Double.isNaN(lat[i])) {
                  int k = c.ids().indexOf(h3.h3ToString(h3.latLngToCell(lat[i], lon[i], res)));
                  if (k < 0) {
                    return false;
                  }
                  expected[k]++;
                }
              }
              for (int k = 0; k < c.size(); k++) {
                if (c.count(k) != expected[k]) {
                  return false;
                }
              }
              return c.withoutPoint() == missing && Arrays.stream(c.values()).sum() == n - missing;
            });
  }

  @Test
  @DisplayName(
      "H3 weights are symmetric k-ring 1 links, at most six per cell, with the empty rim included")
  void h3WeightsAreSymmetric() {
    qt().withExamples(30)
        .forAll(integers().between(1, 200), longs().between(0, 1 << 20))
        .check(
            (n, seed) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] lat = new double[n];
              double[] lon = new double[n];
              for (int i = 0; i < n; i++) {
                lat[i] = 14.0 + r.nextDouble() * 0.1;
                lon[i] = -90.6 + r.nextDouble() * 0.1;
              }
              SpatialWeights w = H3Counts.count(8, lat, lon).weights(Transform.BINARY);
              for (int i = 0; i < w.size(); i++) {
                if (w.cardinality(i) > 6) {
                  return false;
                }
              }
              return w.isSymmetric() && w.islands().isEmpty();
            });
  }

  @Test
  @DisplayName(
      "one incident gives its cell and a rim of six empty neighbours; hot spots run on them")
  void h3SingleIncident() {
    H3Counts c = H3Counts.count(9, new double[] {14.6, Double.NaN}, new double[] {-90.5, 1});
    assertThat(c.size()).isEqualTo(7);
    assertThat(c.withoutPoint()).isEqualTo(1);
    assertThat(Arrays.stream(c.values()).sum()).isEqualTo(1.0);
    SpatialWeights w = c.weights(Transform.ROW);
    assertThat(GetisOrd.giStar(w, c.values(), Permutations.none())).hasSize(7);
  }

  @Test
  @DisplayName(
      "grid cell polygons in lon/lat: counterclockwise, and the centre maps back to the cell's"
          + " index")
  void gridCellPolygonsMapBackToTheirCells() {
    CrsTransform toLonLat = CrsTransform.of(Crs.UTM_16N, Crs.WGS84);
    CrsTransform toUtm = toLonLat.inverse();
    qt().withExamples(40)
        .forAll(
            integers().between(1, 200), longs().between(0, 1 << 20), integers().between(50, 2000))
        .check(
            (n, seed, cell) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] x = new double[n];
              double[] y = new double[n];
              for (int i = 0; i < n; i++) {
                x[i] = 470_000 + r.nextDouble() * 8000;
                y[i] = 1_550_000 + r.nextDouble() * 8000;
              }
              GridCounts g = GridCounts.count(x, y, cell);
              for (int k = 0; k < g.size(); k++) {
                Polygon p = g.cellPolygon(k, toLonLat);
                Point c = p.getCentroid();
                double[] back = toUtm.transform(c.getX(), c.getY());
                boolean inHonduras =
                    c.getX() > -88 && c.getX() < -86 && c.getY() > 13.9 && c.getY() < 14.2;
                if (!inHonduras
                    || g.cellOf(back[0], back[1]) != k
                    || !Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())
                    || Math.abs(back[0] - g.centreX(k)) > 0.01
                    || Math.abs(back[1] - g.centreY(k)) > 0.01) {
                  return false;
                }
              }
              double minX = Arrays.stream(x).min().orElseThrow();
              double minY = Arrays.stream(y).min().orElseThrow();
              return g.originX() % cell == 0
                  && g.originY() % cell == 0
                  && g.originX() <= minX
                  && g.originX() > minX - cell
                  && g.originY() <= minY
                  && g.originY() > minY - cell;
            });
  }

  @Test
  @DisplayName("H3 cell polygons: counterclockwise hexagons whose centre is in the cell they draw")
  void h3CellPolygonsDrawTheirCells() throws Exception {
    H3Core h3 = H3Core.newInstance();
    qt().withExamples(20)
        .forAll(integers().between(1, 50), longs().between(0, 1 << 20), integers().between(4, 12))
        .check(
            (n, seed, res) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] lat = new double[n];
              double[] lon = new double[n];
              for (int i = 0; i < n; i++) {
                lat[i] = 14.0 + r.nextDouble() * 0.2;
                lon[i] = -87.3 + r.nextDouble() * 0.2;
              }
              H3Counts c = H3Counts.count(res, lat, lon);
              for (int k = 0; k < c.size(); k++) {
                Polygon p = c.cellPolygon(k);
                Point centre = p.getCentroid();
                if (h3.latLngToCell(centre.getY(), centre.getX(), res) != c.cell(k)
                    || p.getNumPoints() < 6
                    || !Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())
                    || !p.isValid()) {
                  return false;
                }
              }
              return true;
            });
  }
}
