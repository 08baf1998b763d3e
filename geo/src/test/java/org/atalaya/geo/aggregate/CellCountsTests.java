package org.atalaya.geo.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.weights.SpatialWeights;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class CellCountsTests {
  private static final WKTReader WKT = new WKTReader();

  private static Area area(String id, String wkt) {
    try {
      return Area.of(id, null, WKT.read(wkt));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two squares of 0.2 degrees side by side over Tegucigalpa, sharing the meridian 87.1 W. */
  private static final List<Area> AREAS =
      List.of(
          area("west", "POLYGON ((-87.3 14, -87.1 14, -87.1 14.2, -87.3 14.2, -87.3 14))"),
          area("east", "POLYGON ((-87.1 14, -86.9 14, -86.9 14.2, -87.1 14.2, -87.1 14))"));

  @Test
  @DisplayName(
      "aggregations are written grid:METRES, h3:RES or areas; anything else is refused with the"
          + " value")
  void parse() {
    assertThat(Aggregation.parse(" GRID:500 ")).isEqualTo(Aggregation.grid(500));
    assertThat(Aggregation.parse("h3:8").resolution()).isEqualTo(8);
    assertThat(Aggregation.parse("areas").kind()).isEqualTo(Aggregation.Kind.AREAS);
    assertThat(Aggregation.grid(250).toString()).isEqualTo("grid:250.0");
    for (String bad : List.of("grid:0", "grid:-5", "grid:abc", "h3:16", "h3:x", "hex:8", "")) {
      assertThatThrownBy(() -> Aggregation.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "aggregation (" + bad + ") must be grid:METRES (positive), h3:RES (0-15) or areas");
    }
  }

  @Test
  @DisplayName(
      "areas: a point on the shared border counts once, in the first area; a point in no area is"
          + " outside")
  void areas() {
    CellCounts c =
        CellCounts.count(
            Aggregation.areas(),
            AREAS,
            new double[] {14.1, 14.1, 14.1, 15},
            new double[] {-87.2, -87.1, -87.0, -87.0});
    assertThat(c.ids()).containsExactly("west", "east");
    assertThat(c.values()).containsExactly(2, 1);
    assertThat(c.counted()).isEqualTo(3);
    assertThat(c.outside()).isEqualTo(1);
    assertThat(c.crs()).isEqualTo(Crs.UTM_16N);
    // the centroids are 0.2 degrees (about 21.6 km at 14 N) apart, east of each other
    double dx = c.centresX()[1] - c.centresX()[0];
    assertThat(dx).isBetween(21_000.0, 22_000.0);
    SpatialWeights rook = c.contiguity(false, 1e-9);
    assertThat(rook.cardinality(0)).isEqualTo(1);
    assertThat(c.polygon(1)).isEqualTo(AREAS.get(1).geometry());
  }

  @Test
  @DisplayName(
      "grid: squares in the points' UTM zone, every square of the extent, each point inside its"
          + " square's polygon")
  void grid() {
    double[] lat = {14.05, 14.06, 14.15};
    double[] lon = {-87.25, -87.25, -87.05};
    CellCounts c = CellCounts.count(Aggregation.grid(1000), lat, lon);
    assertThat(c.crs()).isEqualTo(Crs.UTM_16N);
    GridCounts grid = c.grid().orElseThrow();
    assertThat(c.size()).isEqualTo(grid.columns() * grid.rows());
    assertThat(c.counted()).isEqualTo(3);
    assertThat(c.outside()).isZero();
    assertThat(c.h3()).isEmpty();
    for (int i = 0; i < lat.length; i++) {
      boolean inSome = false;
      for (int k = 0; k < c.size(); k++) {
        Geometry cell = c.polygon(k);
        if (c.count(k) > 0
            && cell.covers(cell.getFactory().createPoint(new Coordinate(lon[i], lat[i])))) {
          inSome = true;
        }
      }
      assertThat(inSome).as("point %s", i).isTrue();
    }
    assertThatThrownBy(() -> CellCounts.count(Aggregation.areas(), lat, lon))
        .hasMessageContaining("needs the areas");
    assertThatThrownBy(
            () -> CellCounts.count(Aggregation.grid(1000), new double[] {95}, new double[] {-87}))
        .hasMessage("point 0: (95.0, -87.0) is not a latitude and longitude in degrees");
  }

  /**
   * Each cell's count by a key that does not depend on the other points (grid ids do: the origin
   * moves).
   */
  private static Map<String, Integer> byCell(CellCounts c) {
    Map<String, Integer> m = new HashMap<>();
    for (int k = 0; k < c.size(); k++) {
      String key =
          c.aggregation().kind() == Aggregation.Kind.GRID
              ? String.format(Locale.ROOT, "%.0f,%.0f", c.centresX()[k], c.centresY()[k])
              : c.ids().get(k);
      m.merge(key, c.count(k), Integer::sum);
    }
    m.values().removeIf(v -> v == 0);
    return m;
  }

  @Test
  @DisplayName(
      "for every kind of cell, the counts of two point sets together are the sums of their counts,"
          + " and nothing is lost")
  void countsOfTheUnionAreTheSums() {
    List<Aggregation> kinds =
        List.of(Aggregation.grid(500), Aggregation.h3(8), Aggregation.areas());
    qt().withExamples(60)
        .forAll(
            integers().between(1, 150),
            integers().between(1, 150),
            longs().between(0, 1 << 20),
            integers().between(0, 2))
        .checkAssert(
            (n, m, seed, kind) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[][] a = points(r, n);
              double[][] b = points(r, m);
              double[][] union = {concat(a[0], b[0]), concat(a[1], b[1])};
              Aggregation agg = kinds.get(kind);
              CellCounts ca = CellCounts.count(agg, AREAS, a[0], a[1]);
              CellCounts cb = CellCounts.count(agg, AREAS, b[0], b[1]);
              CellCounts cu = CellCounts.count(agg, AREAS, union[0], union[1]);
              Map<String, Integer> sums = new HashMap<>(byCell(ca));
              byCell(cb).forEach((k, v) -> sums.merge(k, v, Integer::sum));
              assertThat(byCell(cu)).isEqualTo(sums);
              assertThat(cu.counted() + cu.outside()).isEqualTo((long) (n + m));
              assertThat(cu.outside()).isEqualTo(ca.outside() + cb.outside());
            });
  }

  /** Points over the two areas and a little beyond them, so some are outside. */
  private static double[][] points(SplittableRandom r, int n) {
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = 13.98 + r.nextDouble() * 0.24;
      lon[i] = -87.32 + r.nextDouble() * 0.44;
    }
    return new double[][] {lat, lon};
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
