package org.atalaya.geo.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.fence.ReloadableFenceIndex;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.io.AreaRejection;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The spatial join (issue 4, "Spatial join"), the reloadable index, and area messages. */
class SpatialJoinTests {

  private static final GeometryFactory GF = new GeometryFactory();

  /** A 4 x 4 grid of 0.1-degree squares over Tegucigalpa, ids "0801-r-c". */
  static FenceIndex grid(String prefix, double size) {
    FenceIndex.Builder b = FenceIndex.builder();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double x = -87.4 + c * size;
        double y = 13.9 + r * size;
        b.add(
            prefix + r + "-" + c,
            GF.createPolygon(
                new Coordinate[] {
                  new Coordinate(x, y),
                  new Coordinate(x + size, y),
                  new Coordinate(x + size, y + size),
                  new Coordinate(x, y + size),
                  new Coordinate(x, y)
                }));
      }
    }
    return b.build();
  }

  static List<String> bruteForce(FenceIndex index, double lat, double lon) {
    List<String> out = new ArrayList<>();
    Geometry p = GF.createPoint(new Coordinate(lon, lat));
    for (int i = 0; i < index.size(); i++) {
      if (index.geometry(i).covers(p)) {
        out.add(index.id(i));
      }
    }
    return out;
  }

  @Test
  void everyIncidentGetsExactlyTheAreasThatCoverItsPoint() {
    FenceIndex municipios = grid("m", 0.1);
    FenceIndex colonias = grid("c", 0.05);
    SpatialJoin join =
        SpatialJoin.builder().layer("municipio", municipios).layer("colonia", colonias).build();
    // Points snapped to a 0.025-degree lattice land on borders and corners often.
    qt().withExamples(3000)
        .forAll(
            integers().between(-4, 20),
            integers().between(-4, 20),
            doubles().between(0, 1),
            integers().between(0, 1))
        .checkAssert(
            (i, j, jitter, snap) -> {
              double lat = 13.9 + i * 0.025 + (snap == 1 ? 0 : jitter * 0.025);
              double lon = -87.4 + j * 0.025 + (snap == 1 ? 0 : jitter * 0.01);
              SpatialJoin.Joined joined =
                  join.join(Incident.builder("x").location(Location.at(lat, lon)).build());
              assertThat(joined.areas().get("municipio"))
                  .containsExactlyInAnyOrderElementsOf(bruteForce(municipios, lat, lon));
              assertThat(joined.areas().get("colonia"))
                  .containsExactlyInAnyOrderElementsOf(bruteForce(colonias, lat, lon));
              assertThat(joined.incident().attributes().get("atalaya:area.colonia"))
                  .contains(String.join("|", joined.areas().get("colonia")));
            });
  }

  @Test
  void streamsCountingEveryIncidentOnceAndNeverOverwritesAGivenCode() throws IOException {
    FenceIndex municipios = grid("m", 0.1);
    FenceIndex sectores =
        FenceIndex.builder()
            .add(
                "sector-norte",
                GF.createPolygon(
                    new Coordinate[] {
                      new Coordinate(-87.4, 14.1),
                      new Coordinate(-87.0, 14.1),
                      new Coordinate(-87.0, 14.3),
                      new Coordinate(-87.4, 14.3),
                      new Coordinate(-87.4, 14.1)
                    }))
            .build();
    SpatialJoin join =
        SpatialJoin.builder()
            .layer("municipio", municipios, SpatialJoin.AdminLevel.MUNICIPALITY)
            .layer("sector", sectores)
            .build();
    List<Incident> out = new ArrayList<>();
    SpatialJoin.Run run = join.annotating(out::add);
    run.accept(Incident.builder("a").location(Location.at(14.15, -87.35)).build()); // both layers
    run.accept(
        Incident.builder("b").location(Location.at(13.95, -87.35)).build()); // municipio only
    run.accept(Incident.builder("c").location(Location.at(15.5, -88.0)).build()); // outside all
    run.accept(
        Incident.builder("d")
            .location(Location.builder().admin(AdminArea.of("08", "0801", null)).build())
            .build());
    run.accept(Incident.builder("e").build()); // no location at all
    run.accept(
        Incident.builder("f")
            .location(
                Location.builder()
                    .point(LatLon.of(14.15, -87.35))
                    .admin(AdminArea.of(null, "m9-9", null))
                    .build())
            .build()); // given code disagrees
    JoinReport r = run.report();
    assertThat(r.incidents()).isEqualTo(6).isEqualTo(out.size());
    assertThat(r.joined()).isEqualTo(2);
    assertThat(r.partial()).isEqualTo(1);
    assertThat(r.outside()).isEqualTo(1);
    assertThat(r.noPoint()).isEqualTo(2);
    assertThat(r.conflicts()).isEqualTo(1);
    assertThat(r.layers().get("sector")).isEqualTo(new JoinReport.LayerCounts(2, 2, 0));
    assertThat(out.get(0).location().orElseThrow().admin().municipality()).contains("m2-0");
    assertThat(out.get(5).location().orElseThrow().admin().municipality()).contains("m9-9"); // kept
    assertThat(out.get(2).attributes().get("atalaya:area.municipio")).contains("");
  }

  @Test
  void aReloadSwapsTheWholeIndexOrKeepsTheOldOneWhenTheNewInputIsUnusable() throws IOException {
    ReloadableFenceIndex fences = ReloadableFenceIndex.of(grid("m", 0.1));
    AreaReader reader = AreaReader.builder().build();
    AreaReadResult broken =
        reader.readWkt(
            new StringReader("LINESTRING (0 0, 1 1)\nPOLYGON ((0 0, 1 0))\n"), "broken.wkt");
    ReloadableFenceIndex.Outcome kept = fences.reload(broken);
    assertThat(kept.swapped()).isFalse();
    assertThat(kept.reason()).contains("no usable fence");
    assertThat(fences.current().size()).isEqualTo(16);
    AreaReadResult fresh =
        reader.readWkt(
            new StringReader(
                "POLYGON ((-87.3 14.0, -87.1 14.0, -87.1 14.2, -87.3 14.2, -87.3 14.0))\n"),
            "new.wkt");
    ReloadableFenceIndex.Outcome swapped = fences.reload(fresh);
    assertThat(swapped.swapped()).isTrue();
    assertThat(swapped.previousFences()).isEqualTo(16);
    assertThat(fences.current().fencesContaining(14.1, -87.2)).hasSize(1);
  }

  @Test
  void rejectionsHaveStableCodesAndSpeakEnglishAndSpanish() throws IOException {
    AreaReadResult r =
        AreaReader.builder()
            .build()
            .readWkt(new StringReader("LINESTRING (0 0, 1 1)\n"), "lines.wkt");
    AreaRejection rejection = r.rejections().get(0);
    assertThat(rejection.reason().code()).isEqualTo("ATL-GEO-005");
    assertThat(rejection.message(Locale.ENGLISH))
        .isEqualTo(
            "feature 1 (id '1'): the geometry is a LineString, not a Polygon or MultiPolygon");
    assertThat(rejection.message(Locale.forLanguageTag("es")))
        .startsWith("elemento 1 (id '1'): la geometría es un LineString");
    for (AreaRejection.Reason reason : AreaRejection.Reason.values()) {
      AreaRejection x = new AreaRejection(3, "0801", reason, "detalle");
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
        assertThat(x.message(l)).contains("3").doesNotContain("{");
        assertThat(x.hint(l)).isNotBlank();
      }
    }
  }
}
