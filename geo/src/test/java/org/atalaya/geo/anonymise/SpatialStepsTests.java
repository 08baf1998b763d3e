package org.atalaya.geo.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.atalaya.anonymise.IncidentField;
import org.atalaya.anonymise.Pseudonyms;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseResult;
import org.atalaya.anonymise.Steps;
import org.atalaya.anonymise.internal.BuiltWhenRead;
import org.atalaya.anonymise.internal.RecordDraft;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/** Geomasking and spatial k-anonymity: the properties of issue 5. */
class SpatialStepsTests {
  static final ReleaseKey KEY =
      ReleaseKey.of("clave-geo-de-prueba-0123456789-abcdef".getBytes(StandardCharsets.UTF_8));
  static final ReleaseKey OTHER =
      ReleaseKey.of("otra-clave-geo-de-prueba-0123456789-xyz".getBytes(StandardCharsets.UTF_8));

  static Incident at(String id, double lat, double lon, int month, String municipality) {
    return Incident.builder(id)
        .iccs("0401")
        .occurred(TimeWindow.month(YearMonth.of(2024, month), TimeWindow.HONDURAS))
        .location(
            Location.builder()
                .point(LatLon.of(lat, lon))
                .admin(AdminArea.of("08", municipality, "Colonia X"))
                .build())
        .build();
  }

  @Test
  void donutDisplacementIsWithinBoundsNeverZeroAndStablePerKey() {
    qt().forAll(
            doubles().between(13.0, 16.0),
            doubles().between(-89.3, -83.2),
            doubles().between(1, 500),
            doubles().between(1, 2000))
        .checkAssert(
            (lat, lon, rMin, extra) -> {
              double rMax = rMin + extra;
              GeoMask mask = GeoMask.donut(rMin, rMax);
              Incident in = at("id-" + lat + lon, lat, lon, 3, "0801");
              Incident out =
                  mask.apply(in, ReleaseContext.of(KEY, new SplittableRandom(1))).orElseThrow();
              LatLon p = in.location().get().point().get();
              LatLon q = out.location().get().point().get();
              double d =
                  Geodesy.distanceMetres(p.latitude(), p.longitude(), q.latitude(), q.longitude());
              assertThat(d).isBetween(rMin, rMax);
              assertThat(q).isNotEqualTo(p);
              assertThat(q.latitude() == p.latitude() && q.longitude() == p.longitude()).isFalse();
              Incident again =
                  mask.apply(in, ReleaseContext.of(KEY, new SplittableRandom(99))).orElseThrow();
              assertThat(again).isEqualTo(out);
              Incident other =
                  mask.apply(in, ReleaseContext.of(OTHER, new SplittableRandom(1))).orElseThrow();
              assertThat(other.location().get().point().get()).isNotEqualTo(q);
              // In a release's draft, after another step, the mask does what it does on its own.
              ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
              RecordDraft draft = RecordDraft.of(in);
              assertThat(
                      Steps.dropFields(List.of(IncidentField.COLONIA)).edit(draft, ctx)
                          && mask.edit(draft, ctx))
                  .isTrue();
              assertThat(draft.build())
                  .isEqualTo(
                      mask.apply(
                              Steps.dropFields(List.of(IncidentField.COLONIA))
                                  .apply(in, ctx)
                                  .orElseThrow(),
                              ctx)
                          .orElseThrow());
            });
  }

  @Test
  void aMaskedPointStatesItsAccuracyPlusRMaxWhateverTheStatedAccuracy() {
    GeoMask mask = GeoMask.donut(100, 400);
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
    // None, whole metres (shared values), a fraction, and whole metres beyond the shared range.
    Double[] stated = {null, 0.0, 30.0, 30.0, 1023.0, 12.5, 1024.0, 5000.0};
    for (int i = 0; i < stated.length; i++) {
      Location.Builder b =
          Location.builder().point(LatLon.of(14.08, -87.2)).admin(AdminArea.of("08", "0801", null));
      if (stated[i] != null) {
        b.accuracyMetres(stated[i]);
      }
      Incident in = Incident.builder("acc-" + i).location(b.build()).build();
      Incident out = mask.apply(in, ctx).orElseThrow();
      assertThat(out.location().get().accuracyMetres().getAsDouble())
          .as("stated %s", stated[i])
          .isEqualTo(400 + (stated[i] == null ? 0 : stated[i]));
    }
  }

  @Test
  void aReleaseWhoseFirstStepIsSpatialPseudonymisesTheIdsItReleases() {
    List<Incident> in = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(8);
    for (int i = 0; i < 400; i++) {
      in.add(
          at(
              "K" + i,
              14.08 + r.nextGaussian() * 0.01,
              -87.2 + r.nextGaussian() * 0.01,
              1 + r.nextInt(2),
              "0801"));
    }
    EnumSet<QuasiIdentifier> qis = EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME);
    SpatialKAnonymity step = SpatialKAnonymity.onGrid(3, qis, 250, 4000);
    ReleaseResult result =
        Release.of(
                ReleasePolicy.builder("spatial-first")
                    .k(3)
                    .quasiIdentifiers(qis)
                    .maxSuppressedFraction(1)
                    .pseudonymiseIds(true)
                    .step(step)
                    .build())
            .run(in, KEY, new SplittableRandom(1));
    List<Incident> stepped = step.apply(in, ReleaseContext.of(KEY, new SplittableRandom(1)));
    Pseudonyms ids = Pseudonyms.of(KEY);
    assertThat(result.incidents()).hasSameSizeAs(stepped);
    for (int i = 0; i < stepped.size(); i++) {
      assertThat(result.incidents().get(i))
          .isEqualTo(
              stepped.get(i).toBuilder().id(ids.pseudonym("id", stepped.get(i).id())).build());
    }
    assertThat(result.report().passed()).isTrue();
    assertThatThrownBy(() -> result.incidents().set(0, in.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> stepped.add(in.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyReleasedLocationCoversAtLeastKIncidentsOrIsSuppressed() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 400), integers().between(2, 12))
        .checkAssert(
            (seed, n, k) -> {
              SplittableRandom r = new SplittableRandom(seed);
              List<Incident> in = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                double spread = r.nextBoolean() ? 0.005 : 0.05;
                in.add(
                    at(
                        "I" + i,
                        14.08 + r.nextGaussian() * spread,
                        -87.2 + r.nextGaussian() * spread,
                        1 + r.nextInt(3),
                        r.nextBoolean() ? "0801" : "0802"));
              }
              EnumSet<QuasiIdentifier> qis =
                  EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME);
              SpatialKAnonymity step = SpatialKAnonymity.onGrid(k, qis, 250, 4000);
              ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
              List<Incident> out = step.apply(in, ctx);
              assertThat(out.size() + ctx.suppressed()).isEqualTo((long) n);
              Map<String, List<Incident>> classes = QuasiIdentifier.classes(out, qis);
              assertThat(classes.values())
                  .allSatisfy(c -> assertThat(c.size()).isGreaterThanOrEqualTo(k));
              assertThat(out)
                  .allSatisfy(i -> assertThat(i.location().get().admin().colonia()).isEmpty());
              // Released in input order, each its input with another location (built when read:
              // twice equal).
              int j = 0;
              for (Incident o : out) {
                while (!in.get(j).id().equals(o.id())) {
                  j++;
                }
                assertThat(o.toBuilder().location(in.get(j).location().orElseThrow()).build())
                    .isEqualTo(in.get(j));
                j++;
              }
              assertThat(List.copyOf(out)).isEqualTo(out);
              // What a release reads of the list without building the records agrees with the
              // records.
              BuiltWhenRead lazy = (BuiltWhenRead) out;
              for (int x = 0; x < out.size(); x++) {
                Incident o = out.get(x);
                assertThat(lazy.location(x)).isEqualTo(o.location());
                assertThat(lazy.madeFrom(x).toBuilder().location(o.location().orElse(null)).build())
                    .isEqualTo(o);
                assertThat(lazy.withId(x, "P-" + x)).isEqualTo(o.toBuilder().id("P-" + x).build());
              }
              if (ctx.suppressed() > 0) {
                assertThat(ctx.suppressedByArea()).isNotEmpty();
              }
            });
  }

  @Test
  void aDonutKeptInsideItsAreaNeverLeavesIt() {
    GeometryFactory f = new GeometryFactory();
    Polygon square =
        f.createPolygon(
            new Coordinate[] {
              new Coordinate(-87.21, 14.07), new Coordinate(-87.20, 14.07),
              new Coordinate(-87.20, 14.08), new Coordinate(-87.21, 14.08),
              new Coordinate(-87.21, 14.07)
            });
    FenceIndex areas = FenceIndex.builder().add("0801", square).build();
    GeoMask mask = GeoMask.donut(100, 600).within(areas);
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
    int kept = 0;
    for (int i = 0; i < 200; i++) {
      // Points 50 m inside the western edge: many draws would leave the square.
      Incident in = at("edge-" + i, 14.071 + i * 0.00004, -87.2095, 1, "0801");
      Incident out = mask.apply(in, ctx).orElseThrow();
      if (out.location().flatMap(Location::point).isPresent()) {
        LatLon q = out.location().get().point().get();
        assertThat(areas.fencesContaining(q.latitude(), q.longitude())).containsExactly("0801");
        kept++;
      } else {
        assertThat(out.location().get().admin().municipality()).contains("0801");
      }
    }
    assertThat(kept).isGreaterThan(150);
  }

  @Test
  void h3CellsAndAnchorsGeneraliseToSharedPoints() {
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
    Incident a = at("a", 14.0818, -87.2068, 1, "0801");
    Incident b = at("b", 14.0819, -87.2067, 1, "0801");
    var h3 = LocationGeneralisation.h3(8);
    assertThat(h3.apply(a, ctx).get().location()).isEqualTo(h3.apply(b, ctx).get().location());
    var k =
        SpatialKAnonymity.onH3(2, EnumSet.of(QuasiIdentifier.LOCATION), 10, 6)
            .apply(List.of(a, b), ctx);
    assertThat(k).hasSize(2);
    assertThat(k.get(0).location()).isEqualTo(k.get(1).location());
    var snap =
        LocationGeneralisation.snapToAnchors(
            List.of(
                new LocationGeneralisation.Anchor(LatLon.of(14.082, -87.207), 12),
                new LocationGeneralisation.Anchor(LatLon.of(14.08181, -87.20681), 1)),
            8);
    assertThat(snap.apply(a, ctx).get().location().get().point())
        .contains(LatLon.of(14.082, -87.207));
    assertThat(snap.apply(a, ctx).get().location().get().precision())
        .isEqualTo(LocationPrecision.SNAPPED);
  }
}
