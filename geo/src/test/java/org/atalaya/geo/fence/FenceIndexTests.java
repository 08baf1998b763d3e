package org.atalaya.geo.fence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.LoggerFactory;

class FenceIndexTests {

  private static final GeometryFactory GF = new GeometryFactory();

  /** Points checked against brute force over the whole class (reported, and at least 1M). */
  private static final AtomicLong CHECKED = new AtomicLong();

  private static FenceIndex countries;
  private static FenceIndex coarse;
  private static FenceIndex fine;
  private static PreparedGeometry[] prepared;
  private static double[][] vertices; // {lon, lat} of every vertex, and of every edge midpoint

  @BeforeAll
  static void loadCountries() throws IOException {
    AreaReadResult read;
    try (Reader in =
        new InputStreamReader(
            FenceIndexTests.class.getResourceAsStream("/countries-110m.geojson"),
            StandardCharsets.UTF_8)) {
      read = AreaReader.builder().idProperty("name").build().readGeoJson(in, "countries-110m");
    }
    assertThat(read.accepted()).isEqualTo(177);
    countries = FenceIndex.of(read.areas());
    coarse = FenceIndex.builder().targetCells(64).build();
    FenceIndex.Builder c = FenceIndex.builder().targetCells(64);
    FenceIndex.Builder f = FenceIndex.builder().targetCells(4_000_000);
    read.areas()
        .forEach(
            a -> {
              c.add(a);
              f.add(a);
            });
    coarse = c.build();
    fine = f.build();
    prepared = new PreparedGeometry[countries.size()];
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < countries.size(); i++) {
      Geometry g = countries.geometry(i);
      prepared[i] = PreparedGeometryFactory.prepare(g);
      Coordinate[] cs = g.getCoordinates();
      for (int k = 0; k < cs.length; k++) {
        pts.add(new double[] {cs[k].x, cs[k].y});
        if (k + 1 < cs.length) {
          pts.add(new double[] {(cs[k].x + cs[k + 1].x) / 2, (cs[k].y + cs[k + 1].y) / 2});
        }
      }
    }
    vertices = pts.toArray(new double[0][]);
  }

  /**
   * Brute force: every fence, JTS covers (prepared, which is exact and equal to Geometry.covers).
   */
  private static int[] bruteForce(double lat, double lon) {
    Point p = GF.createPoint(new Coordinate(lon, lat));
    int[] out = new int[prepared.length];
    int n = 0;
    for (int i = 0; i < prepared.length; i++) {
      if (prepared[i].covers(p)) {
        out[n++] = i;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static void assertEqualsBruteForce(FenceIndex index, double lat, double lon) {
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      return;
    }
    int[] buffer = new int[8];
    int n = index.containing(lat, lon, buffer);
    int[] expected = bruteForce(lat, lon);
    assertThat(Arrays.copyOf(buffer, n))
        .as("fences covering lat %s lon %s", lat, lon)
        .containsExactly(expected);
    CHECKED.incrementAndGet();
  }

  @Test
  void indexEqualsBruteForceOnRandomPointsOverTheWorld() {
    qt().withFixedSeed(1L)
        .withExamples(250_000)
        .forAll(doubles().between(-90, 90), doubles().between(-180, 180))
        .checkAssert((lat, lon) -> assertEqualsBruteForce(countries, lat, lon));
  }

  @Test
  void indexEqualsBruteForceOnRandomPointsOverCentralAmerica() {
    qt().withFixedSeed(2L)
        .withExamples(250_000)
        .forAll(doubles().between(7, 18.5), doubles().between(-92.5, -77))
        .checkAssert((lat, lon) -> assertEqualsBruteForce(countries, lat, lon));
  }

  @Test
  void indexEqualsBruteForceOnVerticesEdgeMidpointsAndPointsNudgedOffThem() {
    double[] nudges = {0, 1e-9, -1e-9};
    long before = CHECKED.get();
    for (double[] v : vertices) {
      for (double dx : nudges) {
        for (double dy : nudges) {
          assertEqualsBruteForce(countries, v[1] + dy, v[0] + dx);
        }
      }
    }
    assertThat(CHECKED.get() - before).isGreaterThan(100_000);
  }

  @Test
  void coarseAndFineGridsAlsoEqualBruteForceOnAndNearBorders() {
    qt().withFixedSeed(3L)
        .withExamples(150_000)
        .forAll(
            integers().between(0, vertices.length - 1),
            integers().between(-2, 2),
            integers().between(-2, 2))
        .checkAssert(
            (i, dx, dy) -> {
              double lat = vertices[i][1] + dy * 1e-9;
              double lon = vertices[i][0] + dx * 1e-9;
              assertEqualsBruteForce(coarse, lat, lon);
              assertEqualsBruteForce(fine, lat, lon);
            });
    qt().withFixedSeed(5L)
        .withExamples(100_000)
        .forAll(doubles().between(-90, 90), doubles().between(-180, 180))
        .checkAssert(
            (lat, lon) -> {
              assertEqualsBruteForce(coarse, lat, lon);
              assertEqualsBruteForce(fine, lat, lon);
            });
  }

  @Test
  void tiledFencesWithSharedBordersHolesAndOverlapsEqualBruteForce() throws Exception {
    // A 4 x 3 tiling of 0.1-degree squares (0.1 is not exact in binary), a fence with a hole,
    // and one overlapping everything.
    WKTReader wkt = new WKTReader();
    FenceIndex.Builder b = FenceIndex.builder();
    List<Geometry> gs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        double x0 = -87.3 + i * 0.1;
        double y0 = 14.0 + j * 0.1;
        Geometry sq = GF.toGeometry(new Envelope(x0, x0 + 0.1, y0, y0 + 0.1));
        gs.add(sq);
        b.add("t" + i + j, sq);
      }
    }
    Geometry holed =
        wkt.read(
            "POLYGON ((-87.35 13.95, -86.85 13.95, -86.85 14.35, -87.35 14.35, -87.35 13.95),"
                + " (-87.2 14.1, -87.1 14.1, -87.1 14.2, -87.2 14.2, -87.2 14.1))");
    gs.add(holed);
    b.add("holed", holed);
    Geometry diamond =
        wkt.read("POLYGON ((-87.1 14.0, -86.9 14.15, -87.1 14.3, -87.3 14.15, -87.1 14.0))");
    gs.add(diamond);
    b.add("diamond", diamond);
    FenceIndex index = b.targetCells(50).build();
    PreparedGeometry[] prep =
        gs.stream().map(PreparedGeometryFactory::prepare).toArray(PreparedGeometry[]::new);
    qt().withFixedSeed(6L)
        .withExamples(100_000)
        .forAll(
            integers().between(-40, 600), integers().between(-40, 440), integers().between(0, 2))
        .checkAssert(
            (xi, yi, mode) -> {
              // on the 0.001 lattice (which holds every vertex and edge), or just off it
              double lon = -87.4 + xi * 0.001 + (mode == 1 ? 1e-12 : mode == 2 ? -1e-9 : 0);
              double lat = 13.9 + yi * 0.001;
              Point p = GF.createPoint(new Coordinate(lon, lat));
              List<String> expected = new ArrayList<>();
              for (int k = 0; k < prep.length; k++) {
                if (gs.get(k).covers(p)) {
                  expected.add(index.id(k));
                }
              }
              assertThat(index.fencesContaining(lat, lon)).isEqualTo(expected);
              CHECKED.incrementAndGet();
            });
  }

  @Test
  void aPointOnASharedBorderBelongsToBothAndAHoleToNeither() throws Exception {
    WKTReader wkt = new WKTReader();
    FenceIndex index =
        FenceIndex.builder()
            .add("west", wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"))
            .add("east", wkt.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"))
            .add("ring", wkt.read("POLYGON ((3 0, 6 0, 6 3, 3 3, 3 0), (4 1, 5 1, 5 2, 4 2, 4 1))"))
            .build();
    assertThat(index.fencesContaining(0.5, 1.0)).containsExactly("west", "east");
    assertThat(index.fencesContaining(1.0, 1.0)).containsExactly("west", "east");
    assertThat(index.fencesContaining(0.5, 0.5)).containsExactly("west");
    assertThat(index.fencesContaining(1.5, 4.5)).isEmpty();
    assertThat(index.fencesContaining(1.0, 4.5)).containsExactly("ring");
    assertThat(index.fencesContaining(0.5, 2.5)).isEmpty();
    assertThat(index.fencesContaining(-45, 100)).isEmpty();
    int[] one = new int[1];
    assertThat(index.containing(0.5, 1.0, one)).isEqualTo(2);
    assertThat(one).containsExactly(0);
    List<Integer> seen = new ArrayList<>();
    index.forEachContaining(1.0, 1.0, seen::add);
    assertThat(seen).containsExactly(0, 1);
  }

  @Test
  void realBordersAnswerAsExpected() {
    assertThat(countries.fencesContaining(14.0818, -87.2068)).containsExactly("Honduras");
    assertThat(countries.fencesContaining(0, -160)).isEmpty();
  }

  @Test
  void statsDescribeTheGrid() {
    FenceIndexStats s = countries.stats();
    assertThat(s.fences()).isEqualTo(177);
    assertThat(s.cells()).isEqualTo((long) s.columns() * s.rows());
    assertThat(s.interiorCells()).isPositive();
    assertThat(s.boundaryCells()).isPositive();
    assertThat(s.interiorCells() + s.boundaryCells()).isLessThanOrEqualTo(s.cells());
    assertThat(s.buildNanos()).isPositive();
    assertThat(s.approximateBytes()).isGreaterThan(4 * s.cells());
    assertThat(countries.toString()).startsWith("FenceIndex[FenceIndexStats[fences=177");
  }

  @Test
  void concurrentLookupsAgreeWithOneThread() throws Exception {
    double[][] pts = new double[20_000][];
    int[] expected = new int[pts.length];
    Random random = new Random(7);
    for (int i = 0; i < pts.length; i++) {
      pts[i] = new double[] {random.nextDouble() * 40 - 10, random.nextDouble() * 120 - 100};
      expected[i] = countries.fencesContaining(pts[i][0], pts[i][1]).hashCode();
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  int bad = 0;
                  for (int i = 0; i < pts.length; i++) {
                    if (countries.fencesContaining(pts[i][0], pts[i][1]).hashCode()
                        != expected[i]) {
                      bad++;
                    }
                  }
                  return bad;
                }));
      }
      for (Future<Integer> r : results) {
        assertThat(r.get()).isZero();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anEmptyIndexContainsNothing() {
    FenceIndex empty = FenceIndex.builder().build();
    assertThat(empty.size()).isZero();
    assertThat(empty.fencesContaining(0, 0)).isEmpty();
  }

  @Test
  void badArgumentsAreRejectedWithTheirValues() throws Exception {
    Geometry sq = new WKTReader().read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))");
    Geometry bowtie = new WKTReader().read("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
    assertThatThrownBy(() -> countries.fencesContaining(91, 0))
        .hasMessage("latitude (91.0) must be in [-90, 90]");
    assertThatThrownBy(() -> countries.fencesContaining(0, Double.NaN))
        .hasMessage("longitude (NaN) must be in [-180, 180]");
    assertThatThrownBy(() -> FenceIndex.builder().add("a", sq).add("a", sq))
        .hasMessage("id (a) must be unique in the index");
    assertThatThrownBy(() -> FenceIndex.builder().add("p", GF.createPoint(new Coordinate(0, 0))))
        .hasMessage("geometry of fence p (Point) must be a non-empty Polygon or MultiPolygon");
    assertThatThrownBy(() -> FenceIndex.builder().add("b", bowtie))
        .hasMessageContaining("must be valid");
    assertThatThrownBy(() -> countries.id(177)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @org.junit.jupiter.api.AfterAll
  static void atLeastAMillionPointsWereChecked() {
    // Runs after all tests of this class; when the whole class runs, the total exceeds 1M.
    LoggerFactory.getLogger(FenceIndexTests.class)
        .info("points checked against brute force: {}", CHECKED.get());
  }
}
