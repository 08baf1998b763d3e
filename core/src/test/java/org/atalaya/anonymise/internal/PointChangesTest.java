package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Pairing released incidents with their sources, and the displacements measured from them. */
class PointChangesTest {

  @Test
  void pairsInOrderSkippingSuppressedInputs() {
    String[] in = {"A", "B", "C", "D"};
    assertThat(PointChanges.pair(in, new String[] {"A", "C", "D"})).containsExactly(0, 2, 3);
    assertThat(PointChanges.pair(in, new String[] {})).isEmpty();
  }

  @Test
  void repeatedIdsArePairedInTheirOrder() {
    // A table would pair both outputs with one input; the walk pairs each with its own.
    assertThat(PointChanges.pair(new String[] {"A", "A", "B"}, new String[] {"A", "A"}))
        .containsExactly(0, 1);
  }

  @Test
  void aReorderedOutputIsPairedByTable() {
    assertThat(PointChanges.pair(new String[] {"A", "B", "C"}, new String[] {"C", "A", "X"}))
        .containsExactly(2, 0, -1);
  }

  @Test
  void pairingEqualsLookingUpEachId() {
    // Any subsequence of distinct ids, as steps keep order: the walk finds each one's own input.
    qt().forAll(SourceDSL.lists().of(SourceDSL.booleans().all()).ofSizeBetween(0, 200))
        .checkAssert(
            keep -> {
              String[] in = new String[keep.size()];
              List<String> out = new ArrayList<>();
              for (int i = 0; i < in.length; i++) {
                in[i] = "I" + i;
                if (keep.get(i)) {
                  out.add(new String("I" + i)); // equal, not the same object
                }
              }
              int[] source = PointChanges.pair(in, out.toArray(String[]::new));
              for (int r = 0; r < source.length; r++) {
                assertThat(in[source[r]]).isEqualTo(out.get(r));
              }
            });
  }

  @Test
  void displacementIsMeasuredBetweenEachPairOfPoints() {
    Incident a = at("A", 14.0, -87.0);
    Incident b = at("B", 15.0, -88.0);
    Incident noPoint = Incident.builder("C").build();
    // B moved about 111 m north; A lost its point; C never had one.
    PointChanges moved =
        PointChanges.of(
            List.of(a, b, noPoint),
            List.of(Incident.builder("A").build(), at("B", 15.001, -88.0), noPoint));
    assertThat(moved.displacement()).hasSize(1);
    assertThat(moved.displacement()[0]).isCloseTo(111.2, within(0.5));
  }

  private static Incident at(String id, double lat, double lon) {
    return Incident.builder(id).location(Location.at(lat, lon)).build();
  }
}
