package org.atalaya.examples.howto;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.atalaya.geo.event.Fix;
import org.atalaya.geo.event.GeofenceTracker;
import org.atalaya.geo.fence.FenceIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Shows: geofence events for a patrol whose GPS jitters by 15 m. It walks into a zone across its
 * west edge, along it, and out again, lingering near the border each time; hysteresis (enter after
 * 3 fixes inside, leave only after 3 fixes more than 25 m outside) turns that into one ENTER and
 * one EXIT instead of a storm of them.
 */
public final class PatrolGeofence {

  public static void main(String[] args) {
    GeometryFactory gf = new GeometryFactory();
    FenceIndex zone =
        FenceIndex.builder()
            .add(
                "sector-kennedy",
                gf.createPolygon(
                    new Coordinate[] {
                      new Coordinate(-87.22, 14.07),
                      new Coordinate(-87.20, 14.07),
                      new Coordinate(-87.20, 14.09),
                      new Coordinate(-87.22, 14.09),
                      new Coordinate(-87.22, 14.07)
                    }))
            .build();
    GeofenceTracker tracker =
        GeofenceTracker.builder()
            .fences(zone)
            .enterAfterFixes(3)
            .exitAfterFixes(3)
            .exitMarginMetres(25)
            .dwellAfter(Duration.ofMinutes(2))
            .listener(e -> System.out.printf("%s %s %s%n", e.time(), e.kind(), e.fenceId()))
            .build();

    Random jitter = new Random(7); // seeded: the example prints the same every time
    double metresPerDegree = 111_320 * Math.cos(Math.toRadians(14.08));
    Instant t = Instant.parse("2026-11-28T02:00:00Z");
    // East from 100 m outside the west edge to 100 m inside, then back out: 2 s per fix, 1 m/s.
    for (double east = -100; east <= 100; east += 2, t = t.plusSeconds(2)) {
      tracker.accept(fix(t, east, jitter, metresPerDegree));
    }
    for (double east = 100; east >= -100; east -= 2, t = t.plusSeconds(2)) {
      tracker.accept(fix(t, east, jitter, metresPerDegree));
    }
  }

  private static Fix fix(Instant t, double eastMetres, Random jitter, double metresPerDegree) {
    double lon = -87.22 + (eastMetres + 15 * jitter.nextGaussian()) / metresPerDegree;
    double lat = 14.08 + 15 * jitter.nextGaussian() / 110_600;
    return Fix.of("patrulla-7", t, lat, lon);
  }
}
