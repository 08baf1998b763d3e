package org.atalaya.geo.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.SpatialGuarantee;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Geomasking: how far and which way a point moves, measured geodesically on WGS 84, what the mask
 * promises about itself, and what happens to a point that cannot stay inside its area.
 */
class GeoMaskTests {
  static final ReleaseKey KEY =
      ReleaseKey.of("clave-geo-de-prueba-0123456789-abcdef".getBytes(StandardCharsets.UTF_8));

  static ReleaseContext context() {
    return ReleaseContext.of(KEY, new SplittableRandom(1));
  }

  static double metres(LatLon p, double lat, double lon) {
    return Geodesy.distanceMetres(p.latitude(), p.longitude(), lat, lon);
  }

  /**
   * The radius a draw {@code u} gives when the radius is uniform over the annulus's area: the area
   * inside radius r is proportional to r^2 - rMin^2, so u = (r^2 - rMin^2) / (rMax^2 - rMin^2).
   * Kept a millimetre inside either edge.
   */
  static double radiusOf(double u, double rMin, double rMax) {
    double r = Math.sqrt(rMin * rMin + u * (rMax * rMax - rMin * rMin));
    return Math.min(Math.max(r, rMin + 1e-3), rMax - 1e-3);
  }

  @Test
  void theDrawSetsTheDistanceUniformlyOverTheAnnulusAndTheBearingClockwiseFromNorth() {
    qt().forAll(
            doubles().between(13.0, 16.0).zip(doubles().between(-89.3, -83.2), LatLon::of),
            doubles()
                .between(0, 60)
                .zip(doubles().between(1, 90), (a, b) -> new double[] {a, a + b}),
            doubles().between(0, 1),
            doubles().between(0, 1))
        .checkAssert(
            (p, annulus, u, v) -> {
              double rMin = annulus[0];
              double rMax = annulus[1];
              double lat = p.latitude();
              double lon = p.longitude();
              LatLon q = GeoMask.displace(p, rMin, rMax, u, v);
              double r = radiusOf(u, rMin, rMax);
              double bearing = 2 * Math.PI * v;
              // The offsets north (along p's meridian) and east (along p's parallel), on the
              // ellipsoid.
              double north =
                  Math.signum(q.latitude() - lat) * metres(p, q.latitude(), p.longitude());
              double east =
                  Math.signum(q.longitude() - lon) * metres(p, p.latitude(), q.longitude());
              assertThat(metres(p, q.latitude(), q.longitude())).isCloseTo(r, offset(1e-4));
              assertThat(north).isCloseTo(r * Math.cos(bearing), offset(2e-4));
              assertThat(east).isCloseTo(r * Math.sin(bearing), offset(2e-4));
            });
  }

  static org.assertj.core.data.Offset<Double> offset(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void aDisplacementOfUpTo100KilometresIsExactToAMillimetre() {
    qt().forAll(
            doubles().between(-60, 60),
            doubles().between(-170, 170),
            doubles().between(0, 1),
            doubles().between(0, 1))
        .checkAssert(
            (lat, lon, u, v) -> {
              LatLon p = LatLon.of(lat, lon);
              LatLon q = GeoMask.displace(p, 50_000, 100_000, u, v);
              assertThat(metres(p, q.latitude(), q.longitude()))
                  .isCloseTo(radiusOf(u, 50_000, 100_000), offset(1e-3));
            });
  }

  @Test
  void aMaskedPointStaysAMillimetreInsideEitherEdgeOfTheAnnulus() {
    LatLon p = LatLon.of(14.08, -87.2);
    for (double v : new double[] {0, 0.1, 0.37, 0.5, 0.81}) {
      LatLon near = GeoMask.displace(p, 100, 400, 0, v);
      assertThat(metres(p, near.latitude(), near.longitude()))
          .isGreaterThan(100 + 0.8e-3)
          .isLessThan(100 + 1.2e-3);
      LatLon far = GeoMask.displace(p, 100, 400, Math.nextDown(1.0), v);
      assertThat(metres(p, far.latitude(), far.longitude()))
          .isGreaterThan(400 - 1.2e-3)
          .isLessThan(400 - 0.8e-3);
    }
  }

  @Test
  void maskedDistancesSpreadEvenlyOverTheAnnulusAreaAndTheDirections() {
    GeoMask mask = GeoMask.donut(100, 500);
    ReleaseContext ctx = context();
    LatLon p = LatLon.of(14.08, -87.2);
    // Half the annulus's area lies within sqrt((100^2 + 500^2) / 2) = 360.6 m.
    double median = Math.sqrt((100.0 * 100 + 500.0 * 500) / 2);
    int inner = 0;
    int north = 0;
    int east = 0;
    int n = 2000;
    for (int i = 0; i < n; i++) {
      Incident in =
          Incident.builder("spread-" + i)
              .location(Location.builder().point(p).admin(AdminArea.of("08", "0801", null)).build())
              .build();
      LatLon q = mask.apply(in, ctx).orElseThrow().location().get().point().get();
      double d = metres(p, q.latitude(), q.longitude());
      assertThat(d).isBetween(100.0, 500.0);
      inner += d < median ? 1 : 0;
      north += q.latitude() > p.latitude() ? 1 : 0;
      east += q.longitude() > p.longitude() ? 1 : 0;
    }
    // Binomial(2000, 1/2): a standard deviation of 22; 100 is more than four of them.
    assertThat(inner).isBetween(900, 1100);
    assertThat(north).isBetween(900, 1100);
    assertThat(east).isBetween(900, 1100);
  }

  @Test
  void theMaskIsCheckedAndTheMessageNamesTheBadValue() {
    assertThatThrownBy(() -> GeoMask.donut(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rMin (0.0) of a donut mask must be more than 0 metres");
    assertThatThrownBy(() -> GeoMask.donut(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rMin (Infinity) must be zero or more metres");
    assertThatThrownBy(() -> GeoMask.donut(Double.NaN, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rMin (NaN)");
    assertThatThrownBy(() -> GeoMask.donut(50, 50))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rMax (50.0) must be more than rMin (50.0) and at most 100 km");
    assertThatThrownBy(() -> GeoMask.perturbation(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rMax (0.0) must be more than rMin (0.0) and at most 100 km");
    assertThatThrownBy(() -> GeoMask.perturbation(100_000.001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rMax (100000.001) must be more than rMin (0.0) and at most 100 km");
    assertThatThrownBy(() -> GeoMask.perturbation(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rMax (NaN)");
    assertThatThrownBy(() -> GeoMask.donut(10, 20).within(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("areas must not be null");
    // The bounds themselves are allowed.
    assertThat(GeoMask.perturbation(100_000).name()).isEqualTo("perturb");
    assertThat(GeoMask.donut(Double.MIN_VALUE, 100_000).name()).isEqualTo("donut-mask");
  }

  @Test
  void aPerturbationMovesAPointAtMostRMaxAndMayMoveItVeryLittle() {
    GeoMask mask = GeoMask.perturbation(200);
    ReleaseContext ctx = context();
    LatLon p = LatLon.of(14.08, -87.2);
    double nearest = Double.MAX_VALUE;
    for (int i = 0; i < 400; i++) {
      Incident in =
          Incident.builder("p-" + i)
              .location(Location.builder().point(p).admin(AdminArea.of("08", "0801", null)).build())
              .build();
      LatLon q = mask.apply(in, ctx).orElseThrow().location().get().point().get();
      double d = metres(p, q.latitude(), q.longitude());
      assertThat(d).isGreaterThan(0).isLessThanOrEqualTo(200);
      nearest = Math.min(nearest, d);
    }
    // Over a disc, one draw in 400 lands within 20 m with probability 1 - 0.99^400 > 98%.
    assertThat(nearest).isLessThan(20);
  }

  @Test
  void theMaskNamesItselfAndSaysItIsNotKAnonymity() {
    SpatialGuarantee g = GeoMask.donut(50, 200).spatialGuarantee().orElseThrow();
    assertThat(g.kind()).isEqualTo(SpatialGuarantee.Kind.MASKING);
    assertThat(g.detail())
        .startsWith("points moved 50 to 200 m")
        .contains("is not k-anonymity")
        .endsWith("within 200 m of it");
    assertThat(GeoMask.donut(50, 200).name()).isEqualTo("donut-mask");
    assertThat(GeoMask.perturbation(200).name()).isEqualTo("perturb");
  }

  @Test
  void aRecordWithoutAPointPassesUnchanged() {
    GeoMask mask = GeoMask.donut(50, 200);
    Incident noLocation = Incident.builder("none").iccs("0401").build();
    Incident areaOnly =
        Incident.builder("area")
            .iccs("0401")
            .location(Location.builder().admin(AdminArea.of("08", "0801", "Colonia X")).build())
            .build();
    assertThat(mask.apply(noLocation, context())).contains(noLocation);
    assertThat(mask.apply(areaOnly, context())).contains(areaOnly);
  }

  static FenceIndex square(String id, double west, double south, double side) {
    GeometryFactory f = new GeometryFactory();
    Polygon square =
        f.createPolygon(
            new Coordinate[] {
              new Coordinate(west, south),
              new Coordinate(west + side, south),
              new Coordinate(west + side, south + side),
              new Coordinate(west, south + side),
              new Coordinate(west, south)
            });
    return FenceIndex.builder().add(id, square).build();
  }

  @Test
  void aPointThatCannotStayInItsAreaLosesItsPointAndAccuracyButKeepsItsCodes() {
    // A square about 22 m wide: a move of at least 100 m always leaves it.
    FenceIndex tiny = square("0801", -87.2001, 14.0799, 0.0002);
    GeoMask mask = GeoMask.donut(100, 200).within(tiny);
    Location.Builder where =
        Location.builder()
            .point(LatLon.of(14.08, -87.2))
            .accuracyMetres(10)
            .precision(LocationPrecision.EXACT)
            .admin(AdminArea.of("08", "0801", "Colonia X"))
            .address("Calle 1");
    Incident in = Incident.builder("t").iccs("0401").location(where.build()).build();
    Incident out = mask.apply(in, context()).orElseThrow();
    assertThat(out.location())
        .contains(
            Location.builder()
                .precision(LocationPrecision.EXACT)
                .admin(AdminArea.of("08", "0801", "Colonia X"))
                .address("Calle 1")
                .build());
    // With nothing but the point, the location goes: the record stays, without a place.
    Incident bare =
        Incident.builder("b")
            .iccs("0401")
            .location(Location.builder().point(LatLon.of(14.08, -87.2)).build())
            .build();
    Incident bareOut = mask.apply(bare, context()).orElseThrow();
    assertThat(bareOut.location()).isEmpty();
    assertThat(bareOut.toBuilder().location(bare.location().get()).build()).isEqualTo(bare);
  }

  @Test
  void aPointOutsideEveryAreaStaysOutsideEveryArea() {
    // The point is 150 m west of a square 1 km wide: a move of 100 to 200 m could enter it.
    FenceIndex areas = square("0801", -87.2, 14.075, 0.01);
    GeoMask mask = GeoMask.donut(100, 200).within(areas);
    int kept = 0;
    for (int i = 0; i < 100; i++) {
      LatLon p = LatLon.of(14.08, -87.2014);
      Incident in =
          Incident.builder("o-" + i).location(Location.builder().point(p).build()).build();
      Incident out = mask.apply(in, context()).orElseThrow();
      if (out.location().isPresent()) {
        LatLon q = out.location().get().point().get();
        assertThat(areas.fencesContaining(q.latitude(), q.longitude())).isEmpty();
        kept++;
      }
    }
    assertThat(kept).isGreaterThan(90);
  }
}
