package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.junit.jupiter.api.Test;

class PointChangesRulesTest {

  private static final double EARTH_RADIUS = 6_371_008.8;

  @Test
  void categoryDetailKeptIsTheShareOfCodedSourcesWhoseCodeStaysAsFine() {
    List<Incident> before =
        List.of(coded("A", "0201"), coded("B", "0201"), plain("C"), coded("D", "02011"));
    // A and D keep their code, B is coarsened to its section, C had no code to lose, X is new.
    List<Incident> after =
        List.of(
            coded("A", "0201"),
            coded("B", "02"),
            coded("C", "02"),
            coded("D", "02011"),
            coded("X", "02"));
    assertThat(PointChanges.of(before, after).categoryDetailKept()).isEqualTo(2.0 / 3);
  }

  @Test
  void withNoCodedSourceNoCategoryDetailWasLost() {
    List<Incident> before = List.of(plain("A"), plain("B"));
    List<Incident> after = List.of(coded("A", "02"), plain("B"));
    assertThat(PointChanges.of(before, after).categoryDetailKept()).isEqualTo(1.0);
  }

  @Test
  void anEastwardMoveIsMeasuredAlongItsParallel() {
    // The first incident moves 0.001 degree east at latitude 14: the parallel there is shorter
    // than the equator by the cosine of the latitude.
    PointChanges moved =
        PointChanges.of(
            List.of(at("A", 14.0, -87.0), at("B", 15.0, -88.0)),
            List.of(at("A", 14.0, -86.999), at("B", 15.0, -88.0)));
    double expected = EARTH_RADIUS * Math.toRadians(0.001) * Math.cos(Math.toRadians(14.0));
    assertThat(moved.displacement()).hasSize(2);
    assertThat(moved.displacement()[0]).isCloseTo(expected, within(0.01));
    assertThat(moved.displacement()[1]).isZero();
  }

  @Test
  void everyReleasedPointIsMeasuredHoweverManyChunksTheReleaseTakes() {
    int n = Chunks.SIZE + 100;
    List<Incident> before = new ArrayList<>(n);
    List<Incident> after = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      before.add(at("I" + i, 14.0, -87.0));
      after.add(at("I" + i, 14.001, -87.0));
    }
    double north = EARTH_RADIUS * Math.toRadians(0.001);
    double[] d = PointChanges.of(before, after).displacement();
    assertThat(d).hasSize(n);
    for (double m : d) {
      assertThat(m).isCloseTo(north, within(0.01));
    }
  }

  @Test
  void recordsWithoutAPointTakeNoPartInTheHotCells() {
    // Two records had no point; the one that had a point keeps it, and the others are withheld.
    List<Incident> before = List.of(plain("A"), plain("B"), at("C", 14.0, -87.0));
    List<Incident> after = List.of(at("C", 14.0, -87.0));
    assertThat(PointChanges.of(before, after).hotCellOverlap()).isEqualTo(1.0);
    // And a lost point is a lost hot cell, whatever the records without a point do.
    assertThat(
            PointChanges.of(List.of(at("C", 14.0, -87.0)), List.of(plain("C"), plain("D")))
                .hotCellOverlap())
        .isZero();
  }

  private static Incident at(String id, double lat, double lon) {
    return Incident.builder(id).location(Location.at(lat, lon)).build();
  }

  private static Incident coded(String id, String iccs) {
    return Incident.builder(id).iccs(iccs).build();
  }

  private static Incident plain(String id) {
    return Incident.builder(id).build();
  }
}
