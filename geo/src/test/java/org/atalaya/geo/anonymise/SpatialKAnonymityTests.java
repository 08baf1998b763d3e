package org.atalaya.geo.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseResult;
import org.atalaya.anonymise.SpatialGuarantee;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * Spatial k-anonymity: which cell a point is released with, when it falls back to the municipality
 * or the department, and when it is suppressed. Points are placed on the step's own UTM 16N grid
 * (cells of 250 m doubling), so the cell an incident belongs to is known without asking the step.
 */
class SpatialKAnonymityTests {
  static final ReleaseKey KEY =
      ReleaseKey.of("clave-geo-de-prueba-0123456789-abcdef".getBytes(StandardCharsets.UTF_8));
  static final Set<QuasiIdentifier> QIS =
      EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME);
  static final CrsTransform TO_WGS84 = CrsTransform.of(Crs.UTM_16N, Crs.WGS84);

  /**
   * The centre of a 250 m cell near Tegucigalpa. Every cell holding it, from 250 m to 16 km, also
   * holds every point within 50 m of it (it is a quarter-cell or more from their edges).
   */
  static final double X = 477_125;

  static final double Y = 1_557_125;

  /** The point at the easting and northing (UTM 16N) given. */
  static LatLon utm(double x, double y) {
    double[] ll = TO_WGS84.transform(x, y);
    return LatLon.of(ll[1], ll[0]);
  }

  /** The distance from a cell's centre to its corners, rounded: the accuracy it is released at. */
  static long accuracyOfCell(double side) {
    return Math.round(side / Math.sqrt(2));
  }

  static Incident at(String id, LatLon p, int month, String department, String municipality) {
    return Incident.builder(id)
        .iccs("0401")
        .occurred(TimeWindow.month(YearMonth.of(2024, month), TimeWindow.HONDURAS))
        .location(
            Location.builder()
                .point(p)
                .accuracyMetres(5)
                .admin(AdminArea.of(department, municipality, "Colonia X"))
                .address("Calle 1")
                .build())
        .build();
  }

  static Incident near(String id, double dx, double dy) {
    return at(id, utm(X + dx, Y + dy), 1, "08", "0801");
  }

  static Incident withoutPoint(String id, String department, String municipality) {
    return Incident.builder(id)
        .iccs("0401")
        .occurred(TimeWindow.month(YearMonth.of(2024, 1), TimeWindow.HONDURAS))
        .location(
            Location.builder().admin(AdminArea.of(department, municipality, "Colonia X")).build())
        .build();
  }

  static ReleaseContext context() {
    return ReleaseContext.of(KEY, new SplittableRandom(1));
  }

  static Location areaOnly(String department, String municipality) {
    return Location.builder()
        .admin(AdminArea.of(department, municipality, null))
        .precision(LocationPrecision.AREA)
        .build();
  }

  @Test
  void exactlyKIncidentsInOneCellAreReleasedAtThatCellsCentre() {
    List<Incident> in = List.of(near("a", -40, 10), near("b", 30, -45), near("c", 5, 35));
    List<Incident> out = SpatialKAnonymity.onGrid(3, QIS, 250, 4000).apply(in, context());
    Location expected =
        Location.builder()
            .point(utm(X, Y))
            .accuracyMetres(accuracyOfCell(250))
            .admin(AdminArea.of("08", "0801", null))
            .precision(LocationPrecision.AREA)
            .build();
    assertThat(out).extracting(Incident::id).containsExactly("a", "b", "c");
    for (Incident o : out) {
      Location l = o.location().orElseThrow();
      assertThat(l.point().get().latitude()).isCloseTo(utm(X, Y).latitude(), within(1e-9));
      assertThat(l.point().get().longitude()).isCloseTo(utm(X, Y).longitude(), within(1e-9));
      // The colonia and the address are gone; the department and municipality stay.
      assertThat(l.toBuilder().point(utm(X, Y)).build()).isEqualTo(expected);
    }
  }

  static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void fewerThanKInTheFinestCellAreReleasedAtTheFirstCellThatHoldsK() {
    // Two in the central 250 m cell, a third 200 m east: in the same 500 m cell only.
    List<Incident> in = List.of(near("a", -40, 10), near("b", 30, -45), near("c", 200, 0));
    List<Incident> out = SpatialKAnonymity.onGrid(3, QIS, 250, 4000).apply(in, context());
    assertThat(out).hasSize(3);
    for (Incident o : out) {
      Location l = o.location().orElseThrow();
      assertThat(l.accuracyMetres()).hasValue(accuracyOfCell(500));
      LatLon centre = utm(477_250, 1_557_250);
      assertThat(l.point().get().latitude()).isCloseTo(centre.latitude(), within(1e-9));
      assertThat(l.point().get().longitude()).isCloseTo(centre.longitude(), within(1e-9));
    }
  }

  @Test
  void kEqualToOneReleasesEveryPointAtItsOwnFinestCell() {
    List<Incident> in = List.of(near("a", 0, 0), near("b", 300, 0), near("c", 0, -300));
    List<Incident> out = SpatialKAnonymity.onGrid(1, QIS, 250, 4000).apply(in, context());
    assertThat(out).hasSize(3);
    assertThat(out)
        .allSatisfy(
            o -> assertThat(o.location().get().accuracyMetres()).hasValue(accuracyOfCell(250)));
    assertThat(out.get(1).location().get().point().get())
        .isNotEqualTo(out.get(2).location().get().point().get());
  }

  @Test
  void aReleasedPointIsTheCentreOfACellHoldingTheTruePointAndSharedByItsClass() {
    qt().withExamples(30)
        .forAll(longs().all(), integers().between(1, 300), integers().between(2, 8))
        .checkAssert(
            (seed, n, k) -> {
              SplittableRandom r = new SplittableRandom(seed);
              List<Incident> in = new ArrayList<>();
              for (int i = 0; i < n; i++) {
                // Clusters of every density, so that classes are released at every level.
                double spread = new double[] {30, 300, 3000}[r.nextInt(3)];
                in.add(
                    at(
                        "I" + i,
                        utm(X + r.nextGaussian() * spread, Y + r.nextGaussian() * spread),
                        1 + r.nextInt(2),
                        "08",
                        r.nextBoolean() ? "0801" : "0802"));
              }
              ReleaseContext ctx = context();
              List<Incident> out = SpatialKAnonymity.onGrid(k, QIS, 250, 4000).apply(in, ctx);
              assertThat(out.size() + ctx.suppressed()).isEqualTo((long) n);
              for (Incident o : out) {
                Incident truth = in.get(Integer.parseInt(o.id().substring(1)));
                Location l = o.location().orElseThrow();
                String municipality = truth.location().get().admin().municipality().get();
                if (l.point().isEmpty()) {
                  // Fallen back to the municipality or the department.
                  assertThat(l.admin())
                      .isIn(AdminArea.of("08", municipality, null), AdminArea.of("08", null, null));
                  continue;
                }
                assertThat(l.admin()).isEqualTo(AdminArea.of("08", municipality, null));
                LatLon p = truth.location().get().point().get();
                LatLon q = l.point().get();
                double d =
                    Geodesy.distanceMetres(
                        p.latitude(), p.longitude(), q.latitude(), q.longitude());
                // Within the cell's half-diagonal (plus the rounding of the stated figure).
                assertThat(d).isLessThanOrEqualTo(l.accuracyMetres().getAsDouble() + 0.5);
                // Every one of the k or more incidents that share the location is in its class.
                long sharing =
                    out.stream()
                        .filter(
                            x ->
                                x.location().equals(o.location())
                                    && x.occurred().equals(o.occurred()))
                        .count();
                assertThat(sharing).isGreaterThanOrEqualTo(k);
              }
            });
  }

  @Test
  void incidentsWhoseCellsNeverReachKAreReleasedByMunicipalityWithoutAPoint() {
    // Three incidents of 0801, 20 km apart: alone in every cell up to 4 km.
    List<Incident> in =
        List.of(
            at("a", utm(X, Y), 1, "08", "0801"),
            at("b", utm(X + 20_000, Y), 1, "08", "0801"),
            at("c", utm(X, Y + 20_000), 1, "08", "0801"),
            at("d", utm(X + 20_000, Y + 20_000), 1, "08", "0802"),
            at("e", utm(X - 20_000, Y + 20_000), 1, "08", "0803"),
            at("f", utm(X - 20_000, Y), 1, "08", "0804"));
    ReleaseContext ctx = context();
    List<Incident> out = SpatialKAnonymity.onGrid(3, QIS, 250, 4000).apply(in, ctx);
    // 0801 holds exactly k: released by municipality.
    assertThat(out).extracting(Incident::id).containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(out.subList(0, 3))
        .allSatisfy(o -> assertThat(o.location()).contains(areaOnly("08", "0801")));
    // 0802, 0803 and 0804 alone, exactly k in their department: released by department.
    assertThat(out.subList(3, 6))
        .allSatisfy(o -> assertThat(o.location()).contains(areaOnly("08", null)));
  }

  @Test
  void incidentsWithoutAMunicipalityAreReleasedByDepartmentWhenItHoldsK() {
    List<Incident> in =
        List.of(
            withoutPoint("a", "08", null),
            withoutPoint("b", "08", null),
            withoutPoint("c", "08", "0801"));
    ReleaseContext ctx = context();
    List<Incident> out = SpatialKAnonymity.onGrid(3, QIS, 250, 4000).apply(in, ctx);
    assertThat(ctx.suppressed()).isZero();
    assertThat(out).extracting(Incident::id).containsExactly("a", "b", "c");
    assertThat(out).allSatisfy(o -> assertThat(o.location()).contains(areaOnly("08", null)));
  }

  @Test
  void aMunicipalityWithoutADepartmentIsReleasedByItsMunicipality() {
    List<Incident> in = List.of(withoutPoint("a", null, "0801"), withoutPoint("b", null, "0801"));
    List<Incident> out = SpatialKAnonymity.onGrid(2, QIS, 250, 4000).apply(in, context());
    assertThat(out).allSatisfy(o -> assertThat(o.location()).contains(areaOnly(null, "0801")));
  }

  @Test
  void anIncidentAloneEvenInItsDepartmentIsSuppressedAndCountedWithItsArea() {
    // Far apart and in different departments: alone at every level up to 16 km and every area.
    List<Incident> in =
        List.of(
            at("a", utm(X, Y), 1, "08", "0801"),
            at("b", utm(X + 60_000, Y), 1, "03", "0301"),
            withoutPoint("c", "05", "0501"),
            withoutPoint("d", "05", "0501"));
    ReleaseContext ctx = context();
    List<Incident> out = SpatialKAnonymity.onGrid(2, QIS, 250, 16_000).apply(in, ctx);
    assertThat(out).extracting(Incident::id).containsExactly("c", "d");
    assertThat(ctx.suppressed()).isEqualTo(2);
    assertThat(ctx.suppressedByArea()).containsOnlyKeys("08/0801", "03/0301");
    assertThat(ctx.suppressedByReason()).containsOnlyKeys("spatial-k-anonymity");
  }

  @Test
  void anIncidentWithoutALocationIsReleasedUnchanged() {
    Incident none =
        Incident.builder("n")
            .iccs("0401")
            .occurred(TimeWindow.month(YearMonth.of(2024, 1), TimeWindow.HONDURAS))
            .build();
    ReleaseContext ctx = context();
    List<Incident> out =
        SpatialKAnonymity.onGrid(2, QIS, 250, 4000)
            .apply(List.of(near("a", 0, 0), none, near("b", 10, 10)), ctx);
    assertThat(out).extracting(Incident::id).containsExactly("a", "n", "b");
    assertThat(out.get(1)).isEqualTo(none);
    assertThat(ctx.suppressed()).isZero();
  }

  @Test
  void aCellIsReleasedOnlyWhenItAlsoHoldsMPlaces() {
    List<Incident> in = List.of(near("a", -20, 0), near("b", 20, 0));
    SpatialKAnonymity step = SpatialKAnonymity.onGrid(2, QIS, 250, 4000);
    // Exactly m places in the 250 m cell: released there.
    List<Incident> enough =
        step.withPlaces(2, List.of(utm(X - 60, Y + 60), utm(X + 60, Y - 60), utm(X + 5000, Y)))
            .apply(in, context());
    assertThat(enough)
        .allSatisfy(
            o -> assertThat(o.location().get().accuracyMetres()).hasValue(accuracyOfCell(250)));
    // One place short in the 250 m cell, enough in the 500 m cell around it.
    List<Incident> coarser =
        step.withPlaces(2, List.of(utm(X - 60, Y + 60), utm(X + 250, Y))).apply(in, context());
    assertThat(coarser)
        .allSatisfy(
            o -> assertThat(o.location().get().accuracyMetres()).hasValue(accuracyOfCell(500)));
    // No cell up to 4 km holds two places: released by municipality.
    List<Incident> none =
        step.withPlaces(2, List.of(utm(X, Y), utm(X + 9000, Y))).apply(in, context());
    assertThat(none).allSatisfy(o -> assertThat(o.location()).contains(areaOnly("08", "0801")));
  }

  @Test
  void theStepsOwnQuasiIdentifiersSplitClassesEvenWhenThePolicyDoesNotListThem() {
    // Two in January and one in February in one cell; the policy only knows the location.
    List<Incident> in =
        List.of(
            at("a", utm(X, Y), 1, "08", "0801"),
            at("b", utm(X + 10, Y), 1, "08", "0801"),
            at("c", utm(X + 20, Y), 2, "08", "0801"));
    Set<QuasiIdentifier> location = EnumSet.of(QuasiIdentifier.LOCATION);
    ReleaseResult r =
        Release.of(
                ReleasePolicy.builder("step-knows-time")
                    .k(2)
                    .quasiIdentifiers(location)
                    .maxSuppressedFraction(1)
                    .step(SpatialKAnonymity.onGrid(2, QIS, 250, 4000))
                    .build())
            .run(in, KEY, new SplittableRandom(1));
    assertThat(r.incidents())
        .hasSize(2)
        .allSatisfy(o -> assertThat(o.occurred()).isEqualTo(in.get(0).occurred()));
  }

  @Test
  void aStepWithNoQuasiIdentifierButTheLocationGroupsByTheReleasesOwn() {
    // Outside a release the context's quasi-identifiers include the time: months still split.
    List<Incident> in =
        List.of(
            at("a", utm(X, Y), 1, "08", "0801"),
            at("b", utm(X + 10, Y), 1, "08", "0801"),
            at("c", utm(X + 20, Y), 2, "08", "0801"));
    ReleaseContext ctx = context();
    List<Incident> out = SpatialKAnonymity.onGrid(2, Set.of(), 250, 4000).apply(in, ctx);
    assertThat(out).extracting(Incident::id).containsExactly("a", "b");
  }

  @Test
  void everyPointOfAReleaseLargerThanOneParallelChunkIsGeneralised() {
    // More records than one chunk of the parallel preparation (2^14), in pairs 1 km apart.
    int n = (1 << 14) + 500;
    List<Incident> in = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int pair = i / 2;
      in.add(
          at(
              "L" + i,
              utm(X + (pair % 200) * 1000 + (i % 2) * 10, Y + (pair / 200) * 1000),
              1,
              "08",
              "0801"));
    }
    ReleaseContext ctx = context();
    List<Incident> out = SpatialKAnonymity.onGrid(2, QIS, 250, 500).apply(in, ctx);
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i += 2) {
      int pair = i / 2;
      LatLon centre = utm(X + (pair % 200) * 1000, Y + (pair / 200) * 1000);
      for (int j = i; j < i + 2; j++) {
        LatLon q = out.get(j).location().get().point().orElseThrow();
        assertThat(q.latitude()).as("record %s", j).isCloseTo(centre.latitude(), within(1e-9));
        assertThat(q.longitude()).as("record %s", j).isCloseTo(centre.longitude(), within(1e-9));
      }
    }
  }

  @Test
  void kAndMAreCheckedAndTheMessageNamesTheValue() {
    assertThatThrownBy(() -> SpatialKAnonymity.onGrid(0, QIS, 250, 4000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k (0) must be at least 1");
    SpatialKAnonymity step = SpatialKAnonymity.onGrid(2, QIS, 250, 4000);
    assertThatThrownBy(() -> step.withPlaces(-1, List.of(utm(X, Y))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m (-1) must be zero or more");
    assertThatThrownBy(() -> step.withPlaces(1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m (1) needs a places layer");
  }

  @Test
  void theStepNamesItselfAndStatesItsGuarantee() {
    SpatialKAnonymity step = SpatialKAnonymity.onGrid(5, QIS, 250, 4000);
    assertThat(step.name()).isEqualTo("spatial-k-anonymity");
    SpatialGuarantee g = step.spatialGuarantee().orElseThrow();
    assertThat(g.kind()).isEqualTo(SpatialGuarantee.Kind.K_ANONYMITY);
    assertThat(g.detail())
        .contains("square grid cell of 250 m to 4000 m")
        .contains("at least 5 records");
    assertThat(SpatialKAnonymity.onH3(3, QIS, 9, 5).spatialGuarantee().get().detail())
        .contains("H3 cell of resolution 9 to 5")
        .contains("at least 3 records");
  }
}
