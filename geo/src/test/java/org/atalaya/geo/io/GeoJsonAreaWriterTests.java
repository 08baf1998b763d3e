package org.atalaya.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class GeoJsonAreaWriterTests {

  @Test
  void ringsFollowTheRightHandRuleAndCoordinatesHaveSevenDecimals() throws Exception {
    // exterior clockwise, hole counterclockwise: both must be reversed on output
    Geometry g =
        new WKTReader()
            .read(
                "POLYGON ((-87.123456789 14, -87.123456789 15, -86 15, -86 14, -87.123456789 14),"
                    + " (-86.5 14.5, -86.2 14.5, -86.2 14.8, -86.5 14.5))");
    StringWriter out = new StringWriter();
    GeoJsonAreaWriter.create().write(List.of(Area.of("0801", "Distrito Central", g)), out);
    String json = out.toString();
    assertThat(json)
        .startsWith(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"0801\","
                + "\"properties\":{\"id\":\"0801\",\"name\":\"Distrito Central\"},\"geometry\":"
                + "{\"type\":\"Polygon\",\"coordinates\":[[[-87.1234568,14],[-86,14],[-86,15]");

    AreaReadResult back = AreaReader.create().readGeoJson(new StringReader(json), "out");
    Polygon p = (Polygon) back.areas().get(0).geometry();
    assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinateSequence())).isTrue();
    assertThat(Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence())).isFalse();
    assertThat(back.areas().get(0).name()).contains("Distrito Central");
  }

  @Test
  void countriesRoundTripWithinRounding() throws IOException {
    AreaReadResult countries =
        AreaReaderTests.read(AreaReader.builder().idProperty("name").build());
    StringWriter out = new StringWriter();
    GeoJsonAreaWriter.create().write(countries.areas(), out);
    AreaReadResult back =
        AreaReader.builder()
            .idProperty("id")
            .build()
            .readGeoJson(new StringReader(out.toString()), "x");
    assertThat(back.accepted()).isEqualTo(countries.accepted());
    for (int i = 0; i < back.areas().size(); i++) {
      Geometry a = countries.areas().get(i).geometry();
      Geometry b = back.areas().get(i).geometry();
      assertThat(b.getNumPoints()).isEqualTo(a.getNumPoints());
      assertThat(Math.abs(b.getArea() - a.getArea())).isLessThan(1e-4);
    }
  }

  @Test
  void decimalsAreChecked() {
    assertThatThrownBy(() -> GeoJsonAreaWriter.of(16, "id", "name"))
        .hasMessage("decimals (16) must be in [0, 15]");
  }
}
