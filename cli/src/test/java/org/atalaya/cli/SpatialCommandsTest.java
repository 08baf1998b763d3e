package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.geo.hotspot.FalseDiscoveryRate;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.weights.Contiguity;
import org.atalaya.geo.weights.Transform;
import org.atalaya.geo.weights.WeightsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atalaya hotspots}, {@code near-repeat} and {@code kde}: shapes, values and exit codes. */
class SpatialCommandsTest {
  @TempDir Path dir;

  /** R spdep's reference values, shared with the geo module's tests. */
  static Map<String, String[]> reference() throws IOException {
    Map<String, String[]> m = new HashMap<>();
    for (String line :
        Files.readAllLines(
            DocSnippetsTest.ROOT.resolve(
                "geo/src/test/resources/org/atalaya/geo/hotspot/spdep-reference.txt"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        int space = line.indexOf(' ');
        String rest = line.substring(space + 1).strip();
        m.put(
            line.substring(0, space),
            line.startsWith("wkt ") ? rest.split("\\|") : rest.split(" "));
      }
    }
    return m;
  }

  /** The spdep lattice as GeoJSON (degrees), values in property "count". */
  Path lattice() throws IOException {
    Map<String, String[]> r = reference();
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < r.get("ids").length; i++) {
      String coords =
          r.get("wkt")[i]
              .strip()
              .replace("POLYGON ((", "[[[")
              .replace("))", "]]]")
              .replace(", ", "],[")
              .replace(' ', ',');
      sb.append(i == 0 ? "" : ",")
          .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"")
          .append(r.get("ids")[i])
          .append("\",\"count\":")
          .append(r.get("y")[i])
          .append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":")
          .append(coords)
          .append("}}");
    }
    Path f = dir.resolve("lattice.geojson");
    Files.writeString(f, sb.append("]}").toString(), StandardCharsets.UTF_8);
    return f;
  }

  static void assertClose(JsonNode actual, String expected) {
    double e = Double.parseDouble(expected);
    if (Double.isNaN(e)) {
      assertThat(actual.isNull()).as("null for NaN").isTrue();
      return;
    }
    assertThat(Math.abs(actual.asDouble() - e))
        .as("%s vs R %s", actual, e)
        .isLessThanOrEqualTo(Math.max(1e-12, 1e-9 * Math.abs(e)));
  }

  @Test
  void giStarJsonEqualsSpdepInInputOrder() throws IOException {
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--weights",
            "queen",
            "--transform",
            "row",
            "--stat",
            "gi-star",
            "--permutations",
            "99",
            "--seed",
            "7",
            "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("1 areas have no neighbour").contains("island");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("stat").asText()).isEqualTo("gi-star");
    String[] z = reference().get("queen.W.gistar.z");
    String[] ids = reference().get("ids");
    for (int i = 0; i < ids.length; i++) {
      JsonNode a = json.get("areas").get(i);
      List<String> keys = new ArrayList<>();
      a.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("id", "value", "statistic", "z", "pSim");
      assertThat(a.get("id").asText()).isEqualTo(ids[i]);
      assertClose(a.get("z"), z[i]);
      assertThat(a.get("pSim").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
    }
    CliTest.Run again =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--stat",
            "gi-star",
            "--permutations",
            "99",
            "--seed",
            "7",
            "--json");
    assertThat(again.out()).isEqualTo(run.out());
  }

  @Test
  void localMoranAndMoranJsonEqualSpdep() throws IOException {
    Map<String, String[]> r = reference();
    CliTest.Run local =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--weights",
            "rook",
            "--transform",
            "binary",
            "--stat",
            "local-moran",
            "--permutations",
            "0",
            "--json");
    assertThat(local.exit()).as(local.err()).isZero();
    JsonNode areas = new ObjectMapper().readTree(local.out()).get("areas");
    for (int i = 0; i < 16; i++) {
      JsonNode a = areas.get(i);
      assertClose(a.get("statistic"), r.get("rook.B.localmoran.conditional.Ii")[i]);
      assertClose(a.get("expected"), r.get("rook.B.localmoran.conditional.E")[i]);
      assertClose(a.get("variance"), r.get("rook.B.localmoran.conditional.Var")[i]);
      assertClose(a.get("z"), r.get("rook.B.localmoran.conditional.Z")[i]);
      assertThat(a.get("cluster").asText())
          .isEqualTo(r.get("rook.B.localmoran.conditional.quadr")[i].toLowerCase());
      assertThat(a.get("pSim").isNull()).isTrue();
    }
    CliTest.Run moran =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--weights",
            "queen",
            "--stat",
            "moran",
            "--json");
    JsonNode m = new ObjectMapper().readTree(moran.out());
    List<String> keys = new ArrayList<>();
    m.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "stat",
            "I",
            "expected",
            "varianceNormal",
            "varianceRandomisation",
            "zNormal",
            "zRandomisation",
            "pSim");
    assertClose(m.get("I"), r.get("queen.W.moran.normal")[0]);
    assertClose(m.get("varianceNormal"), r.get("queen.W.moran.normal")[2]);
    assertClose(m.get("zRandomisation"), r.get("queen.W.moran.randomisation")[3]);
    assertThat(m.get("pSim").asDouble()).isBetween(0.0, 0.05);
  }

  @Test
  void outWritesTheAreasWithTheirStatisticsAndFalseDiscoveryFlag() throws IOException {
    Path out = dir.resolve("gi.geojson");
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--stat",
            "gi-star",
            "--permutations",
            "99",
            "--seed",
            "7",
            "--json",
            "--out",
            out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode areas = new ObjectMapper().readTree(run.out()).get("areas");
    JsonNode features = new ObjectMapper().readTree(out.toFile()).get("features");
    int n = reference().get("ids").length;
    assertThat(features).hasSize(n);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = areas.get(i).get("pSim").asDouble();
    }
    double[] q = FalseDiscoveryRate.adjust(p);
    for (int i = 0; i < n; i++) {
      JsonNode f = features.get(i).get("properties");
      List<String> keys = new ArrayList<>();
      f.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("id", "value", "statistic", "z", "pSim", "q", "significant");
      assertThat(f.get("id").asText()).isEqualTo(reference().get("ids")[i]);
      assertThat(f.get("value").asDouble()).isEqualTo(areas.get(i).get("value").asDouble());
      assertClose(f.get("z"), reference().get("queen.W.gistar.z")[i]);
      assertThat(f.get("q").asDouble()).isEqualTo(q[i]);
      assertThat(f.get("significant").asBoolean()).isEqualTo(q[i] <= 0.05);
      assertThat(features.get(i).get("geometry").get("type").asText()).isEqualTo("Polygon");
    }
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--areas",
                    lattice().toString(),
                    "--id-property",
                    "code",
                    "--value",
                    "count",
                    "--out",
                    dir.resolve("no/such/folder/x.geojson").toString())
                .err())
        .contains("its folder")
        .contains("does not exist");
  }

  @Test
  void aGalFileGivesTheSameResultAsTheWeightsItWasWrittenFrom() throws IOException {
    Path gal = dir.resolve("w.gal");
    try (var w = Files.newBufferedWriter(gal)) {
      WeightsFiles.writeGal(
          Contiguity.queen(
              AreaReader.builder().idProperty("code").build().readGeoJson(lattice()).areas(),
              Contiguity.DEFAULT_SNAP,
              Transform.BINARY),
          "code",
          w);
    }
    CliTest.Run fromFile =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--weights-file",
            gal.toString(),
            "--stat",
            "gi",
            "--permutations",
            "19",
            "--json");
    CliTest.Run direct =
        CliTest.run(
            "hotspots",
            "--areas",
            lattice().toString(),
            "--id-property",
            "code",
            "--value",
            "count",
            "--weights",
            "queen",
            "--stat",
            "gi",
            "--permutations",
            "19",
            "--json");
    assertThat(fromFile.exit()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).isEqualTo(direct.out());
  }

  @Test
  void pointsHumanOutputSpanishAndErrors() throws IOException {
    Path pts = dir.resolve("points.csv");
    Files.writeString(
        pts,
        "id;lon;lat;robos\n"
            + "a;-87,20;14,08;3\n"
            + "b;-87,201;14,081;5\n"
            + "c;-87,19;14,07;1\n"
            + "d;-87,21;14,09;8\n"
            + "e;-87,18;14,06;0\n");
    CliTest.Run run =
        CliTest.run(
            "hotspots",
            "--points",
            pts.toString(),
            "--value",
            "robos",
            "--weights",
            "knn:2",
            "--lang",
            "es");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("permutaciones condicionales")
        .contains("tasa de falsos descubrimientos");
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--points",
                    pts.toString(),
                    "--value",
                    "robos",
                    "--weights",
                    "queen")
                .exit())
        .isEqualTo(2);
    assertThat(
            CliTest.run(
                    "hotspots",
                    "--points",
                    pts.toString(),
                    "--value",
                    "robos",
                    "--weights",
                    "knn:2",
                    "--stat",
                    "lisa")
                .exit())
        .isEqualTo(2);
    assertThat(CliTest.run("hotspots", "--value", "robos").exit()).isEqualTo(2);
    Files.writeString(
        pts, "id,lon,lat,robos\na,-87.2,14.08,3\nb,-87.3,14.1,many\nc,-87.1,14.0,2\n");
    CliTest.Run bad =
        CliTest.run(
            "hotspots", "--points", pts.toString(), "--value", "robos", "--weights", "knn:1");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err())
        .as("data rows counted from 1, as validate does")
        .contains("row 2, column robos: many is not a number");
  }

  Path incidents() throws IOException {
    Path f = dir.resolve("incidents.csv");
    // a, b: 50 m and 2 days apart; c: 150 m from a, 10 days later; d: far away; e: no location
    Files.writeString(
        f,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-01T10:00:00-06:00,14.08000,-87.20000,0501\n"
            + "b,2024-03-03T10:00:00-06:00,14.08045,-87.20000,0501\n"
            + "c,2024-03-11T10:00:00-06:00,14.08135,-87.20000,0501\n"
            + "d,2024-03-20T10:00:00-06:00,14.20000,-87.00000,0501\n"
            + "e,2024-03-21T10:00:00-06:00,,,0501\n",
        StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void nearRepeatTableJsonAndHumanOutput() throws IOException {
    CliTest.Run run =
        CliTest.run(
            "near-repeat",
            "--incidents",
            incidents().toString(),
            "--distance-bands",
            "0,100,200",
            "--time-bands",
            "0,7,14",
            "--permutations",
            "99",
            "--seed",
            "3",
            "--json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1); // e has no location
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("incidents").asInt()).isEqualTo(5);
    assertThat(json.get("used").asInt()).isEqualTo(4);
    assertThat(json.get("excluded").asInt()).isEqualTo(1);
    JsonNode cells = json.get("cells");
    assertThat(cells).hasSize(4);
    assertThat(cells.get(0).get("distance").asText()).isEqualTo("[0, 100)");
    assertThat(cells.get(0).get("time").asText()).isEqualTo("[0, 7)");
    assertThat(cells.get(0).get("observed").asInt()).isEqualTo(1); // a-b
    assertThat(cells.get(3).get("distance").asText()).isEqualTo("[100, 200)");
    assertThat(cells.get(3).get("time").asText()).isEqualTo("[7, 14)");
    assertThat(cells.get(3).get("observed").asInt()).isEqualTo(1); // a-c, 10 days
    assertThat(cells.get(1).get("observed").asInt()).isEqualTo(1); // b-c: about 99.5 m, 8 days
    assertThat(cells.get(2).get("observed").asInt()).isZero();
    assertThat(json.get("pairs").asInt()).isEqualTo(3);
    CliTest.Run human =
        CliTest.run(
            "near-repeat",
            "--incidents",
            incidents().toString(),
            "--distance-bands",
            "0,100,200",
            "--time-bands",
            "0,7,14",
            "--permutations",
            "99");
    assertThat(human.out()).contains("[0, 100)").contains("[7, 14)").contains("1 without a point");
    assertThat(
            CliTest.run(
                    "near-repeat",
                    "--incidents",
                    incidents().toString(),
                    "--distance-bands",
                    "100,0",
                    "--time-bands",
                    "0,7")
                .exit())
        .isEqualTo(2);
  }

  @Test
  void kdeWritesGeoJsonCells() throws IOException {
    Path out = dir.resolve("kde.geojson");
    CliTest.Run run =
        CliTest.run(
            "kde",
            "--incidents",
            incidents().toString(),
            "--bandwidth",
            "300",
            "--cell",
            "100",
            "--out",
            out.toString(),
            "--json");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("used").asInt()).isEqualTo(4);
    assertThat(summary.get("crs").asText()).isEqualTo("EPSG:32616");
    JsonNode geo = new ObjectMapper().readTree(out.toFile());
    assertThat(geo.get("features")).hasSize(summary.get("cellsWritten").asInt());
    assertThat(geo.get("features").get(0).get("properties").get("density").asDouble()).isPositive();
    assertThat(
            CliTest.run(
                    "kde",
                    "--incidents",
                    incidents().toString(),
                    "--bandwidth",
                    "-3",
                    "--cell",
                    "100",
                    "--out",
                    out.toString())
                .exit())
        .isEqualTo(2);
  }
}
