package org.atalaya.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.atalaya.geo.io.AreaRejection.Reason;
import org.junit.jupiter.api.Test;

class AreaReaderTests {

  private static final String SQUARE = "[[[0,0],[10,0],[10,10],[0,10],[0,0]]]";

  private static String feature(String id, String props, String geometry) {
    return "{\"type\":\"Feature\""
        + (id == null ? "" : ",\"id\":" + id)
        + ",\"properties\":"
        + props
        + ",\"geometry\":"
        + geometry
        + "}";
  }

  private static String polygon(String coordinates) {
    return "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}";
  }

  @Test
  void everyFeatureIsAcceptedRepairedOrRejectedWithAReason() throws IOException {
    String json =
        "{\"features\":["
            + feature(
                "\"ok\"",
                "{\"name\":\"Square\"}",
                polygon("[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]"))
            + ","
            + feature(
                "7",
                "{}",
                "{\"type\":\"MultiPolygon\",\"coordinates\":["
                    + SQUARE
                    + ",[[[20,20],[21,20],[21,21],[20,20]]]]}")
            + ","
            + feature("\"bowtie\"", "{}", polygon("[[[0,0],[10,10],[10,0],[0,10],[0,0]]]"))
            + ","
            + feature("\"pt\"", "{}", "{\"type\":\"Point\",\"coordinates\":[1,2]}")
            + ","
            + feature(null, "{\"name\":\"no id\"}", polygon(SQUARE))
            + ","
            + feature("\"ok\"", "{}", polygon(SQUARE))
            + ","
            + feature("\"nogeom\"", "{}", "null")
            + ","
            + feature("\"empty\"", "{}", polygon("[]"))
            + ","
            + feature("\"far\"", "{}", polygon("[[[0,0],[200,0],[200,10],[0,0]]]"))
            + ","
            + feature("\"bad\"", "{}", polygon("[[[0,0],[1,1]]]"))
            + ",[1,2]"
            + "],\"type\":\"FeatureCollection\"}";
    AreaReadResult r = AreaReader.create().readGeoJson(new StringReader(json), "test.geojson");

    assertThat(r.read()).isEqualTo(11);
    assertThat(r.accepted() + r.rejected()).isEqualTo(r.read());
    assertThat(r.areas()).extracting(Area::id).containsExactly("ok", "7", "bowtie");
    assertThat(r.areas().get(0).name()).contains("Square");
    assertThat(r.areas().get(0).geometry().getArea()).isEqualTo(96.0);
    assertThat(r.areas().get(1).geometry().getGeometryType()).isEqualTo("MultiPolygon");
    assertThat(r.areas().get(2).geometry().isValid()).isTrue();
    assertThat(r.areas().get(2).geometry().getArea()).isEqualTo(50.0);
    assertThat(r.repairs()).hasSize(1);
    assertThat(r.repairs().get(0).featureIndex()).isEqualTo(3);
    assertThat(r.repairs().get(0).problem()).startsWith("Self-intersection");
    assertThat(r.rejections())
        .extracting(AreaRejection::featureIndex, AreaRejection::reason)
        .containsExactly(
            Tuple.tuple(4L, Reason.NOT_AREAL),
            Tuple.tuple(5L, Reason.NO_ID),
            Tuple.tuple(6L, Reason.DUPLICATE_ID),
            Tuple.tuple(7L, Reason.NO_GEOMETRY),
            Tuple.tuple(8L, Reason.EMPTY),
            Tuple.tuple(9L, Reason.OUT_OF_RANGE),
            Tuple.tuple(10L, Reason.UNPARSEABLE_GEOMETRY),
            Tuple.tuple(11L, Reason.NOT_A_FEATURE));
    assertThat(r.rejections().get(2).detail()).isEqualTo("first used by feature 1");
    assertThat(r.isClean()).isFalse();
  }

  @Test
  void idAndNamePropertiesAreParameters() throws IOException {
    String json =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + feature(
                null, "{\"shapeID\":\"HND-ADM1-1\",\"shapeName\":\"Atlántida\"}", polygon(SQUARE))
            + ","
            + feature(
                null,
                "{\"shapeID\":801,\"shapeName\":\"Francisco Morazán\"}",
                polygon("[[[20,20],[21,20],[21,21],[20,20]]]"))
            + "]}";
    AreaReader reader =
        AreaReader.builder().idProperty("shapeID").nameProperty("shapeName").build();
    AreaReadResult r = reader.readGeoJson(new StringReader(json), "adm1");
    assertThat(r.isClean()).isTrue();
    assertThat(r.areas()).extracting(Area::id).containsExactly("HND-ADM1-1", "801");
    assertThat(r.areas().get(1).name()).contains("Francisco Morazán");
  }

  @Test
  void aSingleFeatureAndABareGeometryAreOneAreaEach() throws IOException {
    AreaReadResult one =
        AreaReader.create()
            .readGeoJson(new StringReader(feature("\"x\"", "{}", polygon(SQUARE))), "f");
    assertThat(one.areas()).extracting(Area::id).containsExactly("x");
    AreaReadResult bare = AreaReader.create().readGeoJson(new StringReader(polygon(SQUARE)), "g");
    assertThat(bare.areas()).extracting(Area::id).containsExactly("1");
    assertThat(bare.areas().get(0).geometry().getSRID()).isEqualTo(4326);
    AreaReadResult line =
        AreaReader.create()
            .readGeoJson(
                new StringReader("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}"), "l");
    assertThat(line.read()).isEqualTo(1);
    assertThat(line.rejections())
        .extracting(AreaRejection::reason)
        .containsExactly(Reason.NOT_AREAL);
  }

  @Test
  void somethingThatIsNotGeoJsonFailsWithTheSourceName() {
    assertThatThrownBy(() -> AreaReader.create().readGeoJson(new StringReader("[1]"), "x.json"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("x.json");
    assertThatThrownBy(
            () -> AreaReader.create().readGeoJson(new StringReader("{\"type\":\"Topology\"}"), "t"))
        .hasMessageContaining("type is 'Topology'");
    // Jackson hides the source of its messages; the reader names it, with the line and column
    assertThatThrownBy(
            () ->
                AreaReader.create()
                    .readGeoJson(
                        new StringReader(
                            "{\"type\": \"FeatureCollection\",\n \"features\": [{\"ty"),
                        "cut.geojson"))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cut.geojson: not well-formed JSON at line 2")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void wktLinesWithAndWithoutIds() throws IOException {
    String wkt =
        "0801\tPOLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))\n\n"
            + "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))\n"
            + "POINT (1 1)\n"
            + "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))\n"
            + "\tPOLYGON ((0 0, 1 0, 1 1, 0 0))\n"
            + "POLYGON ((0 0, 1 0\n";
    AreaReadResult r = AreaReader.create().readWkt(new StringReader(wkt), "areas.wkt");
    assertThat(r.read()).isEqualTo(6);
    assertThat(r.areas()).extracting(Area::id).containsExactly("0801", "3", "5");
    assertThat(r.repairs()).extracting(AreaRepair::featureIndex).containsExactly(5L);
    assertThat(r.rejections())
        .extracting(AreaRejection::reason)
        .containsExactly(Reason.NOT_AREAL, Reason.NO_ID, Reason.UNPARSEABLE_GEOMETRY);
  }

  @Test
  void naturalEarthCountriesAreReadWithNothingLost() throws IOException {
    AreaReadResult byFeatureId = read(AreaReader.create());
    assertThat(byFeatureId.read()).isEqualTo(177);
    assertThat(byFeatureId.accepted()).isEqualTo(174);
    assertThat(byFeatureId.rejections())
        .allSatisfy(rej -> assertThat(rej.reason()).isEqualTo(Reason.NO_ID))
        .hasSize(3);
    AreaReadResult byName = read(AreaReader.builder().idProperty("name").build());
    assertThat(byName.accepted()).isEqualTo(177);
    assertThat(byName.areas())
        .filteredOn(a -> a.id().equals("Honduras"))
        .singleElement()
        .satisfies(
            a -> assertThat(a.geometry().getEnvelopeInternal().getMinX()).isBetween(-90.0, -88.0));
  }

  static AreaReadResult read(AreaReader reader) throws IOException {
    try (Reader in =
        new InputStreamReader(
            AreaReaderTests.class.getResourceAsStream("/countries-110m.geojson"),
            StandardCharsets.UTF_8)) {
      return reader.readGeoJson(in, "countries-110m.geojson");
    }
  }
}
