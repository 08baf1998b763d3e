package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * {@code atalaya hotspots --incidents --aggregate}: counts, planted hot spots, the GeoJSON cells
 * and usage errors (issue 7).
 */
class HotspotsIncidentsTest {
  /** The planted hot spot, the centre of a 250 m square of the UTM 16N lattice, in Tegucigalpa. */
  static final double PX = 477_125;

  static final double PY = 1_557_125;
  static final CrsTransform TO_LON_LAT = CrsTransform.of(Crs.UTM_16N, Crs.WGS84);
  static final GeometryFactory GEOMETRIES = new GeometryFactory();

  @TempDir Path dir;
  Path file;

  /** Longitude and latitude of every incident with a usable point, as written (7 decimals). */
  final List<double[]> written = new ArrayList<>();

  int homicides;
  double[] planted;

  /**
   * Writes a SYNTHETIC incident file: 60 robberies (0401) spread over 4 x 4 km, 100 more within 300
   * m of the planted point (30 of them on it), 10 homicides (0101) spread out, 3 incidents without
   * a location and one row whose coordinates are swapped (rejected by the reader).
   */
  @BeforeEach
  void writeIncidents() throws IOException {
    SplittableRandom r = new SplittableRandom(20260607);
    StringBuilder csv = new StringBuilder("id,occurred_from,latitude,longitude,iccs\n");
    int id = 0;
    for (int i = 0; i < 170; i++) {
      double x;
      double y;
      if (i < 60 || i >= 160) {
        x = PX - 2000 + r.nextDouble() * 4000;
        y = PY - 2000 + r.nextDouble() * 4000;
      } else if (i < 90) {
        x = PX;
        y = PY;
      } else {
        double a = r.nextDouble() * 2 * Math.PI;
        double d = 300 * Math.sqrt(r.nextDouble());
        x = PX + d * Math.cos(a);
        y = PY + d * Math.sin(a);
      }
      double[] ll = TO_LON_LAT.transform(x, y);
      double lon = Math.round(ll[0] * 1e7) / 1e7;
      double lat = Math.round(ll[1] * 1e7) / 1e7;
      written.add(new double[] {lon, lat});
      String iccs = i >= 160 ? "0101" : "0401";
      homicides += iccs.equals("0101") ? 1 : 0;
      csv.append(
          String.format(
              Locale.ROOT,
              "SYN-%d,2024-03-01T10:00:00-06:00,%.7f,%.7f,%s%n",
              ++id,
              lat,
              lon,
              iccs));
    }
    planted = written.get(60);
    for (int i = 0; i < 3; i++) {
      csv.append(String.format(Locale.ROOT, "SYN-%d,2024-03-02T10:00:00-06:00,,,0401%n", ++id));
    }
    csv.append(
        String.format(
            Locale.ROOT, "SYN-%d,2024-03-03T10:00:00-06:00,-87.2068,14.0818,0401%n", ++id));
    file = dir.resolve("incidents.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  static double distanceToPlanted(double x, double y) {
    return Math.hypot(x - PX, y - PY);
  }

  static void assertCountsAddUp(JsonNode json, int read, int otherCategory) {
    JsonNode n = json.get("incidents");
    assertThat(n.get("read").asInt()).isEqualTo(read);
    assertThat(n.get("rejected").asInt()).isEqualTo(1);
    assertThat(n.get("withoutLocation").asInt()).isEqualTo(3);
    assertThat(n.get("otherCategory").asInt()).isEqualTo(otherCategory);
    assertThat(
            n.get("rejected").asInt()
                + n.get("otherCategory").asInt()
                + n.get("withoutLocation").asInt()
                + n.get("outside").asInt()
                + n.get("aggregated").asInt())
        .as("read = left out + aggregated")
        .isEqualTo(read);
    double sum = 0;
    for (JsonNode a : json.get("areas")) {
      sum += a.get("value").asDouble();
    }
    assertThat(sum).as("the counts of the cells").isEqualTo(n.get("aggregated").asDouble());
  }

  @Test
  @DisplayName(
      "grid: every square of the extent, the planted square has z > 1.96 and squares 1.5 km away do"
          + " not; --out has one polygon per square")
  void gridFlagsThePlantedSquare() throws IOException {
    Path out = dir.resolve("cells.geojson");
    // 9999 permutations: over about 290 squares, Benjamini-Hochberg needs pSim <= 0.05 r / 290 for
    // the r-th smallest
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "grid:250",
            "--stat",
            "gi-star",
            "--permutations",
            "9999",
            "--seed",
            "5",
            "--json",
            "--out",
            out.toString());
    assertThat(run.exit())
        .as("incidents without a point or rejected: exit 1, results still given; %s", run.err())
        .isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("stat").asText()).isEqualTo("gi-star");
    JsonNode g = json.get("aggregate");
    assertThat(g.get("kind").asText()).isEqualTo("grid");
    assertThat(g.get("crs").asText()).isEqualTo("EPSG:32616");
    assertThat(g.get("originX").asDouble() % 250).isZero();
    int columns = g.get("columns").asInt();
    assertThat(json.get("areas"))
        .hasSize(columns * g.get("rows").asInt())
        .hasSize(g.get("cells").asInt());
    assertCountsAddUp(json, 174, 0);
    assertThat(json.get("incidents").get("outside").asInt()).isZero();

    String plantedId =
        (int) ((PX - g.get("originX").asDouble()) / 250)
            + "_"
            + (int) ((PY - g.get("originY").asDouble()) / 250);
    int far = 0;
    for (int i = 0; i < json.get("areas").size(); i++) {
      JsonNode a = json.get("areas").get(i);
      List<String> keys = new ArrayList<>();
      a.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("id", "value", "statistic", "z", "pSim");
      assertThat(a.get("id").asText())
          .as("cell order")
          .isEqualTo((i % columns) + "_" + (i / columns));
      double cx = g.get("originX").asDouble() + (i % columns + 0.5) * 250;
      double cy = g.get("originY").asDouble() + (i / columns + 0.5) * 250;
      if (a.get("id").asText().equals(plantedId)) {
        assertThat(a.get("value").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(a.get("z").asDouble()).isGreaterThan(1.96);
        assertThat(a.get("pSim").asDouble()).isLessThanOrEqualTo(0.01);
      } else if (distanceToPlanted(cx, cy) > 1500) {
        far++;
        assertThat(a.get("z").asDouble())
            .as("square %s, far from the planted point", a.get("id"))
            .isLessThan(1.96);
      }
    }
    assertThat(far).isGreaterThan(50);

    JsonNode features = new ObjectMapper().readTree(out.toFile()).get("features");
    assertThat(features).hasSize(json.get("areas").size());
    for (int i = 0; i < features.size(); i++) {
      JsonNode f = features.get(i);
      JsonNode p = f.get("properties");
      assertThat(p.get("id").asText())
          .isEqualTo(json.get("areas").get(i).get("id").asText())
          .isEqualTo(f.get("id").asText());
      assertThat(p.get("count").asInt()).isEqualTo(json.get("areas").get(i).get("value").asInt());
      assertThat(p.get("z").asDouble()).isEqualTo(json.get("areas").get(i).get("z").asDouble());
      assertThat(p.has("statistic") && p.has("pSim") && p.has("q")).isTrue();
      assertThat(f.get("geometry").get("type").asText()).isEqualTo("Polygon");
      assertThat(f.get("geometry").get("coordinates").get(0)).hasSize(5);
      if (p.get("id").asText().equals(plantedId)) {
        assertThat(p.get("significant").asBoolean())
            .as("planted square at a 5% false discovery rate")
            .isTrue();
        Polygon square = polygon(f.get("geometry"));
        assertThat(square.covers(GEOMETRIES.createPoint(new Coordinate(planted[0], planted[1]))))
            .isTrue();
      }
    }
  }

  @Test
  @DisplayName(
      "h3: the planted hexagon has z > 1.96 and hexagons 1.5 km away do not; --out draws each"
          + " hexagon")
  void h3FlagsThePlantedHexagon() throws IOException {
    H3Core h3 = H3Core.newInstance();
    String plantedCell = h3.latLngToCellAddress(planted[1], planted[0], 9);
    Path out = dir.resolve("hexagons.geojson");
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "h3:9",
            "--json",
            "--out",
            out.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("aggregate").get("kind").asText()).isEqualTo("h3");
    assertThat(json.get("aggregate").get("resolution").asInt()).isEqualTo(9);
    assertCountsAddUp(json, 174, 0);
    CrsTransform toUtm = TO_LON_LAT.inverse();
    boolean seen = false;
    int far = 0;
    for (JsonNode a : json.get("areas")) {
      String id = a.get("id").asText();
      LatLng c = h3.cellToLatLng(id);
      double[] xy = toUtm.transform(c.lng, c.lat);
      if (id.equals(plantedCell)) {
        seen = true;
        assertThat(a.get("value").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(a.get("z").asDouble()).isGreaterThan(1.96);
      } else if (distanceToPlanted(xy[0], xy[1]) > 1500) {
        far++;
        assertThat(a.get("z").asDouble())
            .as("hexagon %s, far from the planted point", id)
            .isLessThan(1.96);
      }
    }
    assertThat(seen).isTrue();
    assertThat(far).isGreaterThan(50);
    JsonNode features = new ObjectMapper().readTree(out.toFile()).get("features");
    assertThat(features).hasSize(json.get("areas").size());
    for (JsonNode f : features) {
      Point centre = polygon(f.get("geometry")).getCentroid();
      assertThat(h3.latLngToCellAddress(centre.getY(), centre.getX(), 9))
          .isEqualTo(f.get("id").asText());
    }
  }

  @Test
  @DisplayName(
      "areas with --category: counts per area in file order, other categories and points outside"
          + " every area counted, and the same statistics as the areas with those counts given as"
          + " --value")
  void areasCountTheCategoryAndReportWhatIsOutside() throws IOException {
    // a 3 x 3 block of 1 km squares around the planted point; the incidents spread over 4 x 4 km
    List<Polygon> squares = new ArrayList<>();
    List<String> rings = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      double x0 = PX - 1500 + (k % 3) * 1000;
      double y0 = PY - 1500 + (k / 3) * 1000;
      Coordinate[] ring = new Coordinate[5];
      double[][] corners = {{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}};
      StringBuilder coords = new StringBuilder();
      for (int c = 0; c < 5; c++) {
        double[] ll = TO_LON_LAT.transform(x0 + corners[c][0], y0 + corners[c][1]);
        ring[c] = new Coordinate(ll[0], ll[1]);
        coords
            .append(c == 0 ? "" : ",")
            .append(String.format(Locale.ROOT, "[%.9f,%.9f]", ll[0], ll[1]));
      }
      ring[4] = ring[0];
      squares.add(GEOMETRIES.createPolygon(ring));
      rings.add(coords.toString());
    }
    int[] expected = new int[9];
    int outside = 0;
    for (int i = 0; i < written.size(); i++) {
      if (i >= 160) {
        continue; // homicides: another category
      }
      Point p = GEOMETRIES.createPoint(new Coordinate(written.get(i)[0], written.get(i)[1]));
      int k = 0;
      while (k < 9 && !squares.get(k).covers(p)) {
        k++;
      }
      if (k == 9) {
        outside++;
      } else {
        expected[k]++;
      }
    }
    assertThat(outside).as("the test needs robberies outside every area").isPositive();
    // ids Z8..Z0, not in alphabetical order: the output keeps the file's order
    StringBuilder geo = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int k = 0; k < 9; k++) {
      geo.append(k == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"Z")
          .append(8 - k)
          .append("\",\"n\":")
          .append(expected[k])
          .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
          .append(rings.get(k))
          .append("]]}}");
    }
    Path areas = dir.resolve("zones.geojson");
    Files.writeString(areas, geo.append("]}"), StandardCharsets.UTF_8);

    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "areas",
            "--areas",
            areas.toString(),
            "--id-property",
            "code",
            "--category",
            "0401",
            "--weights",
            "rook",
            "--permutations",
            "0",
            "--json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("aggregate").get("kind").asText()).isEqualTo("areas");
    assertCountsAddUp(json, 174, homicides);
    assertThat(json.get("incidents").get("outside").asInt()).isEqualTo(outside);
    for (int k = 0; k < 9; k++) {
      JsonNode a = json.get("areas").get(k);
      assertThat(a.get("id").asText()).isEqualTo("Z" + (8 - k));
      assertThat(a.get("value").asInt()).as("area Z%s", 8 - k).isEqualTo(expected[k]);
      assertThat(a.get("pSim").isNull()).isTrue();
    }
    assertThat(json.get("areas").get(4).get("z").asDouble())
        .as("the centre holds the planted point")
        .isPositive();
    CliTest.Run byHand =
        CliTest.run(
            "hotspots",
            "--areas",
            areas.toString(),
            "--id-property",
            "code",
            "--value",
            "n",
            "--weights",
            "rook",
            "--permutations",
            "0",
            "--json");
    assertThat(byHand.exit()).as(byHand.err()).isZero();
    assertThat(json.get("areas")).isEqualTo(new ObjectMapper().readTree(byHand.out()).get("areas"));

    CliTest.Run human =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "areas",
            "--areas",
            areas.toString(),
            "--id-property",
            "code",
            "--category",
            "0401",
            "--permutations",
            "99",
            "--lang",
            "es");
    assertThat(human.out())
        .contains("174 incidentes leídos")
        .contains(homicides + " de otras categorías")
        .contains("3 sin punto")
        .contains(outside + " fuera de toda celda o área")
        .contains("las 9 áreas");
  }

  @Test
  @DisplayName("the human output says where every incident went and where the cells were written")
  void humanOutputCountsAndWritesTheCells() {
    Path out = dir.resolve("cells.geojson");
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "grid:500",
            "--stat",
            "local-moran",
            "--weights",
            "rook",
            "--permutations",
            "99",
            "--out",
            out.toString());
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("incidents.csv: 174 incidents read, 170 counted in")
        .contains(
            "left out: 1 rejected by the reader, 0 of other categories, 3 without a point, 0"
                + " outside every cell or area")
        .contains("squares of 500 m in UTM_16N (EPSG:32616)")
        .contains("empty squares included")
        .contains("polygons with their statistics written to");
    assertThat(out).exists();
  }

  @Test
  @DisplayName("usage errors exit 2 with a message that says what to do")
  void usageErrors() throws IOException {
    String f = file.toString();
    CliTest.Run both =
        CliTest.run("hotspots", "--incidents", f, "--aggregate", "grid:250", "--value", "count");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--value count and --incidents exclude each other");
    assertThat(CliTest.run("hotspots", "--incidents", f).err()).contains("needs --aggregate");
    for (String bad : new String[] {"grid:0", "grid:-5", "grid:abc", "h3:16", "h3:x", "hexagons"}) {
      CliTest.Run r = CliTest.run("hotspots", "--incidents", f, "--aggregate", bad);
      assertThat(r.exit()).as(bad).isEqualTo(2);
      assertThat(r.err()).contains("--aggregate " + bad + ": use grid:METRES");
    }
    assertThat(CliTest.run("hotspots", "--incidents", f, "--aggregate", "areas").err())
        .contains("give the polygons with --areas");
    Path lattice = dir.resolve("a.geojson");
    Files.writeString(lattice, "{\"type\":\"FeatureCollection\",\"features\":[]}");
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--incidents",
                    f,
                    "--aggregate",
                    "h3:9",
                    "--areas",
                    lattice.toString())
                .err())
        .contains("leave --areas out");
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--areas",
                    lattice.toString(),
                    "--value",
                    "v",
                    "--aggregate",
                    "h3:9")
                .err())
        .contains("--aggregate is for --incidents only");
    assertThat(CliTest.run("hotspots", "--areas", lattice.toString()).err())
        .contains("give --value FIELD");
    assertThat(
            CliTest.run(
                    "hotspots", "--areas", lattice.toString(), "--value", "v", "--delimiter", ";")
                .err())
        .contains("--delimiter is for --incidents only");
    assertThat(
            CliTest.run("hotspots", "--incidents", f, "--aggregate", "grid:250", "--category", "99")
                .exit())
        .isEqualTo(2);
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--incidents",
                    f,
                    "--aggregate",
                    "grid:250",
                    "--stat",
                    "moran",
                    "--out",
                    "x.geojson")
                .err())
        .contains("--out writes");
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--incidents",
                    dir.resolve("missing.csv").toString(),
                    "--aggregate",
                    "grid:250")
                .exit())
        .isEqualTo(2);
    CliTest.Run huge = CliTest.run("hotspots", "--incidents", f, "--aggregate", "grid:0.01");
    assertThat(huge.exit()).isEqualTo(2);
    assertThat(huge.err()).contains("use cells larger than");
    for (CliTest.Run r : List.of(both, huge)) {
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  @DisplayName("moran over grid squares sees the clustering and reports the counts")
  void globalMoranOverSquares() throws IOException {
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--incidents",
            file.toString(),
            "--aggregate",
            "grid:250",
            "--stat",
            "moran",
            "--json");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("I").asDouble()).isPositive();
    assertThat(json.get("pSim").asDouble()).isLessThanOrEqualTo(0.01);
    assertThat(json.get("incidents").get("aggregated").asInt()).isEqualTo(170);
  }

  private static Polygon polygon(JsonNode geometry) {
    JsonNode ring = geometry.get("coordinates").get(0);
    Coordinate[] c = new Coordinate[ring.size()];
    for (int k = 0; k < c.length; k++) {
      c[k] = new Coordinate(ring.get(k).get(0).asDouble(), ring.get(k).get(1).asDouble());
    }
    return GEOMETRIES.createPolygon(c);
  }
}
