package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atalaya fence}: every row kept, in order, with the ids of every fence covering it. */
class FenceCommandTest {
  @TempDir Path dir;

  /** Two squares that share the edge lon = -87.1 and a third that overlaps the first. */
  static final String FENCES =
      "{\"type\":\"FeatureCollection\",\"features\":["
          + "{\"type\":\"Feature\",\"properties\":{\"code\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-87.3,14.0],[-87.1,14.0],[-87.1,14.2],[-87.3,14.2],[-87.3,14.0]]]}},"
          + "{\"type\":\"Feature\",\"properties\":{\"code\":\"B\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-87.1,14.0],[-86.9,14.0],[-86.9,14.2],[-87.1,14.2],[-87.1,14.0]]]}},"
          + "{\"type\":\"Feature\",\"properties\":{\"code\":\"C\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-87.25,14.05],[-87.15,14.05],[-87.15,14.15],[-87.25,14.15],[-87.25,14.05]]]}},"
          + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}}]}";

  Path fences() throws IOException {
    Path f = dir.resolve("fences.geojson");
    Files.writeString(f, FENCES, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void everyRowGetsTheIdsOfEveryCoveringFenceInInputOrder() throws IOException {
    Path points = dir.resolve("points.csv");
    Files.writeString(
        points,
        "name;lat;lon\n"
            + "inside A and C;14,1;-87,2\n" // decimal comma, semicolon: as Spanish Excel writes
            + "on the A|B border;14.1;-87.1\n"
            + "inside B;14.1;-87.0\n"
            + "nowhere;15.0;-86.0\n"
            + "swapped;95.0;-87.2\n"
            + "missing;;\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliTest.Run r =
        CliTest.run(
            "fence",
            "--fences",
            fences().toString(),
            "--id-property",
            "code",
            "--points",
            points.toString(),
            "--out",
            out.toString(),
            "--json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("points").asInt()).isEqualTo(6);
    assertThat(json.get("matched").asInt()).isEqualTo(3);
    assertThat(json.get("unmatched").asInt()).isEqualTo(1);
    assertThat(json.get("rejected").asInt()).isEqualTo(2);
    assertThat(json.get("seconds").isNumber()).isTrue();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines)
        .containsExactly(
            "name;lat;lon;fences",
            "inside A and C;14,1;-87,2;A|C",
            "on the A|B border;14.1;-87.1;A|B",
            "inside B;14.1;-87.0;B",
            "nowhere;15.0;-86.0;",
            "swapped;95.0;-87.2;",
            "missing;;;");
    List<String> rejected = Files.readAllLines(dir.resolve("out.csv.rejected.csv"));
    assertThat(rejected).hasSize(3);
    assertThat(rejected.get(1)).startsWith("5,").contains("swapped");
    assertThat(rejected.get(2)).startsWith("6,").contains("numbers");
    assertThat(r.err()).contains("feature 4").contains("ATL-GEO-001", "feature 4 has no id");
  }

  @Test
  void incidentFilesAreJoinedToo() throws IOException {
    Path incidents = dir.resolve("incidents.ndjson");
    Files.writeString(
        incidents,
        "{\"id\":\"x\",\"location\":{\"latitude\":14.1,\"longitude\":-87.0}}\n"
            + "{\"id\":\"y\",\"location\":{\"address\":\"Calle 1\"}}\n",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("joined.csv");
    CliTest.Run r =
        CliTest.run(
            "fence",
            "--fences",
            fences().toString(),
            "--id-property",
            "code",
            "--points",
            incidents.toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(Files.readAllLines(out))
        .containsExactly("id,latitude,longitude,fences", "x,14.1,-87.0,B", "y,,,");
    assertThat(r.out()).contains("2 points, 1 in at least one fence, 0 in none, 1 rejected");
    CliTest.Run es =
        CliTest.run(
            "fence",
            "--fences",
            fences().toString(),
            "--id-property",
            "code",
            "--points",
            incidents.toString(),
            "--out",
            out.toString(),
            "--lang",
            "es");
    assertThat(es.out())
        .contains("2 puntos, 1 en al menos una cerca, 0 en ninguna, 1 rechazados")
        .contains("filas rechazadas y sus motivos");
  }

  @Test
  void aMissingColumnIsAUsageErrorAndWritesNothing() throws IOException {
    Path points = dir.resolve("p.csv");
    Files.writeString(points, "x,y\n1,2\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("o.csv");
    CliTest.Run r =
        CliTest.run(
            "fence",
            "--fences",
            fences().toString(),
            "--id-property",
            "code",
            "--points",
            points.toString(),
            "--out",
            out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no column lon").contains("--lon-column");
    assertThat(out).doesNotExist();
  }
}
