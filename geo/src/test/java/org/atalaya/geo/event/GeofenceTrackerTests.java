package org.atalaya.geo.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.geo.event.GeofenceEvent.ExitReason;
import org.atalaya.geo.event.GeofenceEvent.Kind;
import org.atalaya.geo.fence.FenceIndex;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Scenario and contract tests of the geofence event tracker (issue 4, "Geofence events"). */
class GeofenceTrackerTests {

  /** A square patrol zone of about 2.2 km by 2.2 km in Tegucigalpa; west edge at lon -87.22. */
  static final String ZONE_WKT =
      "POLYGON ((-87.22 14.07, -87.20 14.07, -87.20 14.09, -87.22 14.09, -87.22 14.07))";

  static final double WEST_EDGE = -87.22;
  static final double LAT = 14.08;
  static final double M_PER_DEG_LAT = 110_600;
  static final double M_PER_DEG_LON = 111_320 * Math.cos(Math.toRadians(LAT));
  static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");
  static final GeometryFactory GF = new GeometryFactory();

  static Geometry geometry(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static FenceIndex zone() {
    return FenceIndex.builder().add("zona-1", geometry(ZONE_WKT)).build();
  }

  /** A position {@code eastMetres} east of the west edge, {@code northMetres} north of LAT. */
  static double[] at(double eastMetres, double northMetres) {
    return new double[] {LAT + northMetres / M_PER_DEG_LAT, WEST_EDGE + eastMetres / M_PER_DEG_LON};
  }

  static Fix fix(String subject, long seconds, double eastMetres, double northMetres, double acc) {
    double[] p = at(eastMetres, northMetres);
    return new Fix(subject, T0.plusSeconds(seconds), p[0], p[1], acc);
  }

  static List<Kind> kinds(List<GeofenceEvent> events) {
    List<Kind> out = new ArrayList<>();
    events.forEach(e -> out.add(e.kind()));
    return out;
  }

  /**
   * A patrol walking at 1 m/s, one fix every 2 s, 15 m Gaussian jitter (seeded): 200 m outside the
   * west edge, east to 200 m inside, north 300 m along the border, then west back to 200 m outside.
   * It crosses the boundary once in and once out, lingering near it on each crossing.
   */
  static List<Fix> patrol(long seed) {
    Random rnd = new Random(seed);
    List<Fix> fixes = new ArrayList<>();
    double step = 2.0;
    double[][] legs = {{-200, 0, 200, 0}, {200, 0, 200, 300}, {200, 300, -200, 300}};
    long t = 0;
    for (double[] leg : legs) {
      double len = Math.hypot(leg[2] - leg[0], leg[3] - leg[1]);
      int n = (int) Math.ceil(len / step);
      for (int i = 0; i < n; i++) {
        double e = leg[0] + (leg[2] - leg[0]) * i / n + rnd.nextGaussian() * 15;
        double nn = leg[1] + (leg[3] - leg[1]) * i / n + rnd.nextGaussian() * 15;
        fixes.add(fix("patrulla-7", t, e, nn, 0));
        t += 2;
      }
    }
    return fixes;
  }

  static List<GeofenceEvent> run(GeofenceTracker tracker, List<Fix> fixes) {
    List<GeofenceEvent> out = new ArrayList<>();
    fixes.forEach(f -> out.addAll(tracker.accept(f)));
    return out;
  }

  @Nested
  class Scenario {

    @Test
    @DisplayName("a patrol circling a border with 15 m jitter produces one ENTER and one EXIT")
    void patrolWithHysteresis() {
      for (long seed = 1; seed <= 20; seed++) {
        GeofenceTracker tracker =
            GeofenceTracker.builder()
                .fences(zone())
                .enterAfterFixes(5)
                .exitAfterFixes(3)
                .exitMarginMetres(40)
                .build();
        List<GeofenceEvent> events = run(tracker, patrol(seed));
        assertThat(kinds(events)).as("seed %s", seed).containsExactly(Kind.ENTER, Kind.EXIT);
        assertThat(events.get(1).exitReason()).contains(ExitReason.LEFT);
        assertThat(events).allMatch(e -> e.fenceId().equals("zona-1"));
      }
    }

    @Test
    @DisplayName("the same patrol without hysteresis produces many events, so the test can fail")
    void patrolWithoutHysteresis() {
      for (long seed = 1; seed <= 20; seed++) {
        GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).build();
        List<GeofenceEvent> events = run(tracker, patrol(seed));
        assertThat(events.stream().filter(e -> e.kind() == Kind.ENTER).count())
            .as("seed %s", seed)
            .isGreaterThanOrEqualTo(3);
        assertThat(events).as("seed %s", seed).hasSizeGreaterThanOrEqualTo(6);
      }
    }

    @Test
    @DisplayName("a time threshold confirms an entry even when the fix count is not reached")
    void enterAfterTime() {
      GeofenceTracker tracker =
          GeofenceTracker.builder()
              .fences(zone())
              .enterAfterFixes(100)
              .enterAfter(Duration.ofSeconds(30))
              .build();
      assertThat(tracker.accept(fix("a", 0, 100, 0, 0))).isEmpty();
      assertThat(tracker.accept(fix("a", 20, 100, 0, 0))).isEmpty();
      assertThat(kinds(tracker.accept(fix("a", 30, 100, 0, 0)))).containsExactly(Kind.ENTER);
    }
  }

  @Nested
  class Accuracy {

    @Test
    @DisplayName("the boundary distance matches Vincenty to a centimetre at 100 m")
    void distanceMatchesGeodesy() {
      double[] p = at(100, 0);
      double local = Containment.boundaryDistanceMetres(geometry(ZONE_WKT), p[0], p[1]);
      double vincenty = Geodesy.distanceMetres(p[0], p[1], p[0], WEST_EDGE);
      assertThat(local).isCloseTo(vincenty, Offset.offset(0.01));
    }

    @Test
    @DisplayName("a fix whose accuracy circle crosses the boundary is AMBIGUOUS")
    void ambiguous() {
      Geometry g = geometry(ZONE_WKT);
      double[] in = at(100, 0);
      double[] out = at(-100, 0);
      assertThat(Containment.of(g, in[0], in[1], 90)).isEqualTo(Containment.INSIDE);
      assertThat(Containment.of(g, in[0], in[1], 110)).isEqualTo(Containment.AMBIGUOUS);
      assertThat(Containment.of(g, out[0], out[1], 90)).isEqualTo(Containment.OUTSIDE);
      assertThat(Containment.of(g, out[0], out[1], 110)).isEqualTo(Containment.AMBIGUOUS);
      assertThat(Containment.of(g, out[0], out[1], 0)).isEqualTo(Containment.OUTSIDE);
      double[] edge = {LAT, WEST_EDGE};
      assertThat(Containment.of(g, edge[0], edge[1], 0)).isEqualTo(Containment.INSIDE);
      assertThat(Containment.of(g, edge[0], edge[1], 1)).isEqualTo(Containment.AMBIGUOUS);
    }

    @Test
    @DisplayName("AMBIGUOUS fixes neither enter, exit, nor reset a streak")
    void ambiguousChangesNothing() {
      GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).enterAfterFixes(2).build();
      assertThat(tracker.accept(fix("a", 0, 10, 0, 20))).isEmpty();
      assertThat(tracker.accept(fix("a", 1, 10, 0, 20))).isEmpty();
      assertThat(tracker.isInside("a", "zona-1")).isFalse();
      assertThat(tracker.accept(fix("a", 2, 100, 0, 5))).isEmpty();
      assertThat(tracker.accept(fix("a", 3, -5, 0, 20))).isEmpty();
      assertThat(kinds(tracker.accept(fix("a", 4, 100, 0, 5)))).containsExactly(Kind.ENTER);
      assertThat(tracker.accept(fix("a", 5, -10, 0, 30))).isEmpty();
      assertThat(tracker.isInside("a", "zona-1")).isTrue();
    }

    @Test
    @DisplayName("an exit needs the accuracy circle to clear the margin")
    void exitMargin() {
      GeofenceTracker tracker =
          GeofenceTracker.builder().fences(zone()).exitMarginMetres(50).build();
      assertThat(kinds(tracker.accept(fix("a", 0, 100, 0, 0)))).containsExactly(Kind.ENTER);
      assertThat(tracker.accept(fix("a", 1, -40, 0, 0))).isEmpty();
      assertThat(tracker.accept(fix("a", 2, -60, 0, 20))).isEmpty();
      assertThat(kinds(tracker.accept(fix("a", 3, -80, 0, 20)))).containsExactly(Kind.EXIT);
    }
  }

  @Nested
  class Order {

    @Test
    @DisplayName("out-of-order and duplicate fixes are ignored and counted")
    void outOfOrderAndDuplicates() {
      GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).build();
      Fix first = fix("a", 10, 100, 0, 0);
      assertThat(kinds(tracker.accept(first))).containsExactly(Kind.ENTER);
      assertThat(tracker.accept(first)).isEmpty();
      assertThat(tracker.accept(fix("a", 5, -100, 0, 0))).isEmpty();
      assertThat(tracker.accept(fix("a", 10, -100, 0, 0))).isEmpty();
      assertThat(tracker.isInside("a", "zona-1")).isTrue();
      assertThat(tracker.duplicateCount()).isEqualTo(1);
      assertThat(tracker.outOfOrderCount()).isEqualTo(2);
      assertThat(kinds(tracker.accept(fix("b", 5, 100, 0, 0))))
          .as("another subject's older fix is in order for that subject")
          .containsExactly(Kind.ENTER);
      assertThat(kinds(tracker.accept(fix("a", 11, -100, 0, 0)))).containsExactly(Kind.EXIT);
    }
  }

  @Nested
  class Dwell {

    @Test
    @DisplayName("DWELL is emitted once per stay")
    void oncePerStay() {
      GeofenceTracker tracker =
          GeofenceTracker.builder().fences(zone()).dwellAfter(Duration.ofMinutes(5)).build();
      List<GeofenceEvent> events = new ArrayList<>();
      for (int m = 0; m <= 10; m++) {
        events.addAll(tracker.accept(fix("a", m * 60L, 100, 0, 0)));
      }
      events.addAll(tracker.accept(fix("a", 11 * 60L, -100, 0, 0)));
      for (int m = 12; m <= 20; m++) {
        events.addAll(tracker.accept(fix("a", m * 60L, 100, 0, 0)));
      }
      assertThat(kinds(events))
          .containsExactly(Kind.ENTER, Kind.DWELL, Kind.EXIT, Kind.ENTER, Kind.DWELL);
      assertThat(events.get(1).time()).isEqualTo(T0.plusSeconds(300));
      assertThat(events.get(4).time()).isEqualTo(T0.plusSeconds(17 * 60));
    }

    @Test
    @DisplayName("INSIDE and OUTSIDE are emitted on request at fixes that change nothing")
    void insideOutside() {
      GeofenceTracker tracker =
          GeofenceTracker.builder().fences(zone()).emitInsideOutside(true).build();
      assertThat(kinds(tracker.accept(fix("a", 0, -100, 0, 0)))).containsExactly(Kind.OUTSIDE);
      assertThat(kinds(tracker.accept(fix("a", 1, 100, 0, 0)))).containsExactly(Kind.ENTER);
      assertThat(kinds(tracker.accept(fix("a", 2, 100, 0, 0)))).containsExactly(Kind.INSIDE);
      assertThat(kinds(tracker.accept(fix("a", 3, -100, 0, 0)))).containsExactly(Kind.EXIT);
    }
  }

  @Nested
  class FencesThatGoAway {

    @Test
    @DisplayName("an expired fence emits the owed EXIT with reason FENCE_EXPIRED at its expiry")
    void expiry() {
      Instant expiry = T0.plusSeconds(600);
      GeofenceTracker tracker =
          GeofenceTracker.builder().fences(zone(), Map.of("zona-1", expiry)).build();
      tracker.accept(fix("a", 0, 100, 0, 0));
      tracker.accept(fix("b", 0, -100, 0, 0));
      assertThat(tracker.expire(T0.plusSeconds(599))).isEmpty();
      List<GeofenceEvent> events = tracker.accept(fix("b", 700, 100, 0, 0));
      assertThat(events).hasSize(1);
      GeofenceEvent exit = events.get(0);
      assertThat(exit.subjectId()).isEqualTo("a");
      assertThat(exit.kind()).isEqualTo(Kind.EXIT);
      assertThat(exit.exitReason()).contains(ExitReason.FENCE_EXPIRED);
      assertThat(exit.time()).isEqualTo(expiry);
      assertThat(tracker.accept(fix("a", 800, 100, 0, 0))).isEmpty();
      assertThat(tracker.expire(T0.plusSeconds(900))).isEmpty();
    }

    @Test
    @DisplayName("a removed or changed fence emits the owed EXIT with reason FENCE_REMOVED")
    void replacement() {
      GeofenceTracker tracker = GeofenceTracker.builder().fences(zone()).build();
      tracker.accept(fix("a", 0, 100, 0, 0));
      Instant at = T0.plusSeconds(10);
      assertThat(tracker.replaceFences(zone(), at)).as("same fence: nothing owed").isEmpty();
      assertThat(tracker.isInside("a", "zona-1")).isTrue();

      FenceIndex moved =
          FenceIndex.builder()
              .add(
                  "zona-1",
                  geometry(
                      "POLYGON ((-87.21 14.07, -87.20 14.07, -87.20 14.09, -87.21 14.09,"
                          + " -87.21 14.07))"))
              .build();
      List<GeofenceEvent> changed = tracker.replaceFences(moved, at);
      assertThat(changed).hasSize(1);
      assertThat(changed.get(0).exitReason()).contains(ExitReason.FENCE_REMOVED);
      assertThat(changed.get(0).time()).isEqualTo(at);

      tracker.replaceFences(zone(), at);
      tracker.accept(fix("a", 20, 100, 0, 0));
      FenceIndex other =
          FenceIndex.builder()
              .add("zona-2", geometry("POLYGON ((-87 14, -86.9 14, -86.9 14.1, -87 14))"))
              .build();
      List<GeofenceEvent> removed = tracker.replaceFences(other, T0.plusSeconds(30));
      assertThat(removed)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.fenceId()).isEqualTo("zona-1");
                assertThat(e.exitReason()).contains(ExitReason.FENCE_REMOVED);
                assertThat(e.latitude()).isEqualTo(at(100, 0)[0]);
              });
      assertThat(tracker.isInside("a", "zona-1")).isFalse();
    }
  }

  @Nested
  class Listeners {

    @Test
    @DisplayName("a throwing listener is isolated, recorded and does not stop the others")
    void isolated() {
      List<GeofenceEvent> seen = new ArrayList<>();
      GeofenceListener bad =
          e -> {
            throw new IllegalStateException("listener down");
          };
      GeofenceTracker tracker =
          GeofenceTracker.builder().fences(zone()).listener(bad).listener(seen::add).build();
      List<GeofenceEvent> events = new ArrayList<>();
      events.addAll(tracker.accept(fix("a", 0, 100, 0, 0)));
      events.addAll(tracker.accept(fix("a", 1, -100, 0, 0)));
      assertThat(seen).containsExactlyElementsOf(events).hasSize(2);
      assertThat(tracker.listenerFailureCount()).isEqualTo(2);
      assertThat(tracker.listenerFailures())
          .allSatisfy(
              f -> {
                assertThat(f.listener()).isSameAs(bad);
                assertThat(f.exception()).hasMessage("listener down");
              });
      assertThat(tracker.listenerFailures().get(0).event()).isEqualTo(events.get(0));
    }
  }

  @Nested
  class Values {

    @Test
    @DisplayName("events and fixes reject invalid values with named messages")
    void validation() {
      assertThatThrownBy(() -> new Fix("a", T0, 91, 0, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("latitude (91.0) must be in [-90, 90]");
      assertThatThrownBy(() -> new Fix("a", T0, 0, 0, -1))
          .hasMessage("accuracyMetres (-1.0) must be finite and not negative");
      assertThatThrownBy(() -> GeofenceEvent.of("a", "f", Kind.EXIT, T0, 0, 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> GeofenceTracker.builder().enterAfterFixes(0))
          .hasMessage("enterAfterFixes (0) must be at least 1");
      assertThatThrownBy(() -> GeofenceTracker.builder().dwellAfter(Duration.ZERO))
          .hasMessage("dwellAfter (PT0S) must be positive");
    }
  }

  @Nested
  class Properties {

    /** An L-shaped (concave) fence, so walks cross the boundary in many ways. */
    static final String L_WKT =
        "POLYGON ((-87.22 14.07, -87.20 14.07, -87.20 14.075, -87.21 14.075, -87.21 14.09,"
            + " -87.22 14.09, -87.22 14.07))";

    @Test
    @DisplayName("with no jitter and 1-fix hysteresis, ENTER/EXIT alternate and match covers")
    void matchesBruteForce() {
      Geometry fence = geometry(L_WKT);
      FenceIndex index = FenceIndex.builder().add("L", fence).build();
      qt().withFixedSeed(4L)
          .withExamples(200)
          .forAll(longs().all())
          .checkAssert(
              seed -> {
                Random rnd = new Random(seed);
                GeofenceTracker tracker = GeofenceTracker.builder().fences(index).build();
                double lat = 14.065 + rnd.nextDouble() * 0.03;
                double lon = -87.225 + rnd.nextDouble() * 0.03;
                boolean in = false;
                List<Kind> expected = new ArrayList<>();
                List<Kind> actual = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                  lat = Math.max(14.06, Math.min(14.10, lat + rnd.nextGaussian() * 0.001));
                  lon = Math.max(-87.23, Math.min(-87.19, lon + rnd.nextGaussian() * 0.001));
                  boolean covered = fence.covers(GF.createPoint(new Coordinate(lon, lat)));
                  if (covered != in) {
                    expected.add(covered ? Kind.ENTER : Kind.EXIT);
                    in = covered;
                  }
                  actual.addAll(kinds(tracker.accept(Fix.of("s", T0.plusSeconds(i), lat, lon))));
                }
                assertThat(actual).isEqualTo(expected);
                for (int i = 0; i < actual.size(); i++) {
                  assertThat(actual.get(i)).isEqualTo(i % 2 == 0 ? Kind.ENTER : Kind.EXIT);
                }
              });
    }
  }
}
