package org.atalaya.geo.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.atalaya.geo.io.Area;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class SpatialWeightsTests {

  record Points(List<String> ids, double[] x, double[] y) {}

  static Points points(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      // a coarse lattice makes ties and coincident points common
      x[i] = r.nextInt(40) * 25.0;
      y[i] = r.nextInt(40) * 25.0;
    }
    return new Points(IntStream.range(0, n).mapToObj(i -> "p" + i).toList(), x, y);
  }

  @Test
  @DisplayName("row-standardised rows sum to 1, islands excepted, and islands are listed")
  void rowStandardisedRowsSumToOne() {
    qt().forAll(
            integers().between(2, 80), longs().between(0, 1_000_000), integers().between(10, 300))
        .check(
            (n, seed, band) -> {
              Points p = points(n, seed);
              SpatialWeights w =
                  PointWeights.distanceBand(p.ids(), p.x(), p.y(), band, Transform.ROW);
              for (int i = 0; i < n; i++) {
                double sum = w.rowSum(i);
                boolean island = w.cardinality(i) == 0;
                if (island
                    ? sum != 0 || !w.islands().contains(w.id(i))
                    : Math.abs(sum - 1) > 1e-12) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  @DisplayName("a distance band is symmetric and equals brute force, its limit included")
  void distanceBandIsSymmetricAndExact() {
    qt().forAll(
            integers().between(2, 80), longs().between(0, 1_000_000), integers().between(10, 300))
        .check(
            (n, seed, band) -> {
              Points p = points(n, seed);
              SpatialWeights w =
                  PointWeights.distanceBand(p.ids(), p.x(), p.y(), band, Transform.BINARY);
              for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                  boolean near =
                      i != j && Math.hypot(p.x()[i] - p.x()[j], p.y()[i] - p.y()[j]) <= band;
                  if (near != (w.weightOf(i, j) == 1.0)) {
                    return false;
                  }
                }
              }
              return w.isSymmetric();
            });
  }

  @Test
  @DisplayName(
      "k nearest neighbours: exactly k per point, the k closest by brute force with ties to the"
          + " lower index")
  void knnEqualsBruteForce() {
    qt().forAll(integers().between(3, 60), longs().between(0, 1_000_000), integers().between(1, 6))
        .check(
            (n, seed, k0) -> {
              int k = Math.min(k0, n - 1);
              Points p = points(n, seed);
              SpatialWeights w = PointWeights.knn(p.ids(), p.x(), p.y(), k, Transform.BINARY);
              for (int i = 0; i < n; i++) {
                int row = i;
                int[] expected =
                    IntStream.range(0, n)
                        .filter(j -> j != row)
                        .boxed()
                        .sorted(
                            (a, b) -> {
                              int c = Double.compare(d2(p, row, a), d2(p, row, b));
                              return c != 0 ? c : Integer.compare(a, b);
                            })
                        .limit(k)
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .toArray();
                if (!Arrays.equals(w.neighbours(i), expected)) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  @DisplayName(
      "kNN weights are not symmetric in general, and S0, S1, S2 equal their dense definitions")
  void knnIsAsymmetricAndConstantsMatchDenseSums() {
    // a tight pair and a far point: the far point's nearest is in the pair, not the reverse
    SpatialWeights w =
        PointWeights.knn(
            List.of("a", "b", "c"),
            new double[] {0, 1, 10},
            new double[] {0, 0, 0},
            1,
            Transform.BINARY);
    assertThat(w.isSymmetric()).isFalse();
    assertThat(w.neighbours(2)).containsExactly(1);
    Points p = points(40, 7);
    SpatialWeights k = PointWeights.knn(p.ids(), p.x(), p.y(), 3, Transform.ROW);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < 40; i++) {
      double out = 0;
      double in = 0;
      for (int j = 0; j < 40; j++) {
        s0 += k.weightOf(i, j);
        s1 += Math.pow(k.weightOf(i, j) + k.weightOf(j, i), 2) / 2;
        out += k.weightOf(i, j);
        in += k.weightOf(j, i);
      }
      s2 += (out + in) * (out + in);
    }
    assertThat(k.s0()).isCloseTo(s0, Offset.offset(1e-12));
    assertThat(k.s1()).isCloseTo(s1, Offset.offset(1e-12));
    assertThat(k.s2()).isCloseTo(s2, Offset.offset(1e-12));
  }

  static double d2(Points p, int i, int j) {
    double dx = p.x()[i] - p.x()[j];
    double dy = p.y()[i] - p.y()[j];
    return dx * dx + dy * dy;
  }

  static Area area(String id, String wkt) {
    try {
      return Area.of(id, null, new WKTReader().read(wkt));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName(
      "a shared corner makes queen but not rook neighbours; the snap tolerance closes small gaps")
  void cornerAndSnap() {
    List<Area> areas =
        List.of(
            area("a", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
            area("b", "POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1))"),
            area("c", "POLYGON ((1.000000001 0, 2 0, 2 1, 1.000000001 1, 1.000000001 0))"));
    SpatialWeights queen = Contiguity.queen(areas, 0, Transform.BINARY);
    assertThat(queen.neighbours(0)).containsExactly(1); // c is 1e-9 away: not touching without snap
    assertThat(Contiguity.rook(areas, 0, Transform.BINARY).neighbours(0)).isEmpty();
    assertThat(Contiguity.rook(areas, 0, Transform.BINARY).islands())
        .containsExactly("a", "b", "c");
    SpatialWeights snapped = Contiguity.rook(areas, 1e-8, Transform.BINARY);
    assertThat(snapped.neighbours(0)).containsExactly(2);
    assertThat(snapped.neighbours(1))
        .containsExactly(2); // b and c share the edge y = 1 from x = 1 to 2
  }

  @Test
  @DisplayName("GAL and GWT files round-trip, islands included")
  void galAndGwtRoundTrip() throws IOException {
    SpatialWeights w =
        SpatialWeights.builder(List.of("a", "b", "c", "lonely"))
            .link(0, 1)
            .link(1, 0)
            .link(1, 2)
            .link(2, 1)
            .build(Transform.BINARY);
    StringWriter gal = new StringWriter();
    WeightsFiles.writeGal(w, "id", gal);
    assertThat(gal.toString()).isEqualTo("0 4 atalaya id\na 1\nb\nb 2\na c\nc 1\nb\nlonely 0\n\n");
    SpatialWeights back = WeightsFiles.readGal(new StringReader(gal.toString()), "w.gal");
    assertThat(back.ids()).containsExactly("a", "b", "c", "lonely");
    assertThat(back.islands()).containsExactly("lonely");
    for (int i = 0; i < 4; i++) {
      assertThat(back.neighbours(i)).containsExactly(w.neighbours(i));
    }
    SpatialWeights row = w.transform(Transform.ROW);
    StringWriter gwt = new StringWriter();
    WeightsFiles.writeGwt(row, "id", gwt);
    assertThat(gwt.toString()).contains("b a 0.5\n");
    SpatialWeights g =
        WeightsFiles.readGwt(
            new StringReader(gwt.toString()), "w.gwt", List.of("a", "b", "c", "lonely"));
    assertThat(g.islands()).containsExactly("lonely");
    assertThat(g.weightOf(1, 2)).isEqualTo(0.5);
    assertThat(g.weightOf(0, 1)).isEqualTo(1.0);
  }

  @Test
  @DisplayName("malformed weights files and links are rejected with the line, id and value")
  void errorsNameWhatIsWrong() {
    assertThatThrownBy(
            () -> WeightsFiles.readGal(new StringReader("0 2 x id\na 1\nzz\nb 0\n\n"), "w.gal"))
        .hasMessageContaining("w.gal, line 3")
        .hasMessageContaining("zz");
    assertThatThrownBy(() -> WeightsFiles.readGal(new StringReader("2\na 2\nb\n"), "w.gal"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("declares 2 neighbours but lists 1");
    assertThatThrownBy(
            () -> WeightsFiles.readGwt(new StringReader("0 2 x id\na b many\n"), "w.gwt"))
        .hasMessageContaining("w.gwt, line 2")
        .hasMessageContaining("many");
    assertThatThrownBy(() -> SpatialWeights.builder(List.of("a", "b")).link(1, 1))
        .hasMessageContaining("b cannot be its own neighbour");
    assertThatThrownBy(() -> SpatialWeights.builder(List.of("a", "b")).link(0, 1, -2))
        .hasMessageContaining("a -> b")
        .hasMessageContaining("-2.0");
    assertThatThrownBy(() -> SpatialWeights.builder(List.of("a", "a")).build(Transform.BINARY))
        .hasMessageContaining("id a appears twice");
    List<String> ids = new ArrayList<>(List.of("a", "b"));
    assertThatThrownBy(
            () ->
                PointWeights.knn(
                    ids, new double[] {0, 1}, new double[] {0, 1}, 2, Transform.BINARY))
        .hasMessageContaining("k (2)");
  }
}
