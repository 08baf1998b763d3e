package org.atalaya.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.atalaya.geo.aggregate.GridCounts;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PermutationInferenceTests {

  /** A rows x columns lattice of cells, rook or queen, from GridCounts' own weights. */
  static SpatialWeights lattice(int side, boolean queen, Transform t) {
    double[] x = new double[side * side];
    double[] y = new double[side * side];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % side) * 10 + 5;
      y[i] = (i / side) * 10 + 5;
    }
    return GridCounts.count(x, y, 10).weights(queen, t);
  }

  static double[] values(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(6); // small integers: ties between simulated and observed lags happen
    }
    v[0] = 7; // never constant
    return v;
  }

  static double[] pSims(List<LocalStatistic> s) {
    return s.stream().mapToDouble(l -> l.pSim().orElseThrow()).toArray();
  }

  @Test
  @DisplayName("every pseudo p-value lies in (0, 1], for local Moran, Gi, Gi* and global Moran")
  void pValuesLieInTheUnitInterval() {
    qt().withExamples(60)
        .forAll(integers().between(2, 7), longs().between(0, 1 << 20), integers().between(1, 60))
        .check(
            (side, seed, perms) -> {
              SpatialWeights w = lattice(side, seed % 2 == 0, Transform.ROW);
              double[] v = values(side * side, seed);
              Permutations p = new Permutations(perms, seed, 1);
              double[] all =
                  concat(
                      pSims(LocalMoran.of(w, v, p)),
                      pSims(GetisOrd.gi(w, v, p)),
                      pSims(GetisOrd.giStar(w, v, p)));
              double global = side * side >= 4 ? GlobalMoran.test(w, v, p).pSim().orElseThrow() : 1;
              for (double q : all) {
                if (!(q > 0 && q <= 1)) {
                  return false;
                }
              }
              return global > 0 && global <= 1;
            });
  }

  @Test
  @DisplayName("Gi* of a constant field is 0 with pseudo p 1, for any constant and weights")
  void giStarOfAConstantFieldIsZero() {
    qt().forAll(integers().between(2, 8), doubles().between(-1e6, 1e6), longs().between(0, 1000))
        .check(
            (side, c, seed) -> {
              SpatialWeights w =
                  lattice(side, seed % 2 == 0, seed % 3 == 0 ? Transform.BINARY : Transform.ROW);
              double[] v = new double[side * side];
              Arrays.fill(v, c);
              return GetisOrd.giStar(w, v, new Permutations(19, seed, 1)).stream()
                  .allMatch(s -> s.z() == 0 && s.pSim().orElseThrow() == 1.0);
            });
  }

  @Test
  @DisplayName(
      "results are identical on 1 and 4 threads (each area, each permutation has its own stream)")
  void resultsDoNotDependOnThreads() {
    SpatialWeights w = lattice(40, true, Transform.ROW);
    double[] v = values(1600, 99);
    Permutations one = new Permutations(199, 42, 1);
    Permutations four = one.withThreads(4);
    assertThat(pSims(GetisOrd.giStar(w, v, four)))
        .containsExactly(pSims(GetisOrd.giStar(w, v, one)));
    assertThat(pSims(LocalMoran.of(w, v, four))).containsExactly(pSims(LocalMoran.of(w, v, one)));
    assertThat(GlobalMoran.test(w, v, four).pSim()).isEqualTo(GlobalMoran.test(w, v, one).pSim());
    assertThat(pSims(GetisOrd.giStar(w, v, new Permutations(199, 43, 1))))
        .isNotEqualTo(pSims(GetisOrd.giStar(w, v, one)));
  }

  @Test
  @DisplayName(
      "small integer counts (summed as ints) and the same values halved (summed as doubles) give"
          + " identical p")
  void integerAndDoublePathsAgree() {
    qt().withExamples(30)
        .forAll(integers().between(2, 12), longs().between(0, 1 << 20))
        .check(
            (side, seed) -> {
              SpatialWeights w =
                  lattice(side, true, seed % 2 == 0 ? Transform.BINARY : Transform.ROW);
              double[] v = values(side * side, seed);
              double[] half = Arrays.stream(v).map(d -> d / 2 + 0.25).toArray(); // never integers
              Permutations p = new Permutations(99, seed, 1);
              return Arrays.equals(
                      pSims(GetisOrd.giStar(w, v, p)), pSims(GetisOrd.giStar(w, half, p)))
                  && Arrays.equals(pSims(GetisOrd.gi(w, v, p)), pSims(GetisOrd.gi(w, half, p)));
            });
  }

  @Test
  @DisplayName(
      "a planted hot spot is found: its centre has a small pseudo p and a large z, a far cell does"
          + " not")
  void aPlantedHotSpotIsFound() {
    int side = 15;
    SpatialWeights w = lattice(side, true, Transform.BINARY);
    double[] v = new double[side * side];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < v.length; i++) {
      int c = i % side;
      int row = i / side;
      v[i] = r.nextInt(3) + (Math.abs(c - 7) <= 1 && Math.abs(row - 7) <= 1 ? 20 : 0);
    }
    List<LocalStatistic> s = GetisOrd.giStar(w, v, new Permutations(999, 1, 2));
    LocalStatistic centre = s.get(7 * side + 7);
    assertThat(centre.z()).isGreaterThan(5);
    assertThat(centre.pSim().orElseThrow()).isEqualTo(0.001);
    assertThat(s.get(0).pSim().orElseThrow()).isGreaterThan(0.01);
    double[] q = FalseDiscoveryRate.adjust(pSims(s));
    assertThat(q[7 * side + 7]).isLessThan(0.05);
    assertThat(LocalMoran.of(w, v, Permutations.none()).get(7 * side + 7).cluster())
        .contains(Cluster.HIGH_HIGH);
  }

  @Test
  @DisplayName(
      "the global Moran pseudo p agrees with the exact permutation distribution (all 720 orders of"
          + " 6 values)")
  void globalPermutationPMatchesExactEnumeration() {
    SpatialWeights w =
        SpatialWeights.builder(List.of("a", "b", "c", "d", "e", "f"))
            .link(0, 1)
            .link(1, 0)
            .link(1, 2)
            .link(2, 1)
            .link(2, 3)
            .link(3, 2)
            .link(3, 4)
            .link(4, 3)
            .link(4, 5)
            .link(5, 4)
            .build(Transform.ROW);
    double[] v = {1, 2, 4, 3, 8, 9};
    double observed = GlobalMoran.test(w, v, Permutations.none()).i();
    int ge = 0;
    int le = 0;
    int total = 0;
    for (int[] perm : permutations(new int[] {0, 1, 2, 3, 4, 5}, 0, new ArrayList<>())) {
      double[] pv = new double[6];
      for (int k = 0; k < 6; k++) {
        pv[k] = v[perm[k]];
      }
      double i = GlobalMoran.test(w, pv, Permutations.none()).i();
      ge += i >= observed - 1e-12 ? 1 : 0;
      le += i <= observed + 1e-12 ? 1 : 0;
      total++;
    }
    double exact = (double) Math.min(ge, le) / total;
    double sim = GlobalMoran.test(w, v, new Permutations(20_000, 3, 2)).pSim().orElseThrow();
    // binomial standard error at 20,000 draws is at most 0.0036
    assertThat(sim).isCloseTo(exact, Offset.offset(0.012));
  }

  static List<int[]> permutations(int[] a, int k, List<int[]> out) {
    if (k == a.length) {
      out.add(a.clone());
      return out;
    }
    for (int i = k; i < a.length; i++) {
      int t = a[k];
      a[k] = a[i];
      a[i] = t;
      permutations(a, k + 1, out);
      a[i] = a[k];
      a[k] = t;
    }
    return out;
  }

  @Test
  @DisplayName(
      "Benjamini-Hochberg q-values equal R p.adjust(p, \"BH\"); NaN stays NaN and is not counted")
  void benjaminiHochbergEqualsR() {
    double[] q =
        FalseDiscoveryRate.adjust(
            new double[] {0.01, 0.04, 0.03, 0.2, 0.5, Double.NaN, 0.001, 0.04});
    // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.5, NA, 0.001, 0.04), "BH")
    double[] r = {0.035, 0.056, 0.056, 0.23333333333333336, 0.5, Double.NaN, 0.007, 0.056};
    SpdepReference.assertClose("BH", q, r);
    assertThat(
            FalseDiscoveryRate.discoveries(
                new double[] {0.01, 0.04, 0.03, 0.2, 0.5, Double.NaN, 0.001, 0.04}, 0.05))
        .containsExactly(true, false, false, false, false, false, true, false);
  }

  @Test
  @DisplayName("bad input is rejected naming the area, the index and the value")
  void badInputIsNamed() {
    SpatialWeights w = lattice(3, false, Transform.ROW);
    double[] v = values(9, 1);
    v[4] = Double.NaN;
    assertThatThrownBy(() -> GetisOrd.giStar(w, v, Permutations.none()))
        .hasMessageContaining("area 1_1 (index 4) is NaN");
    assertThatThrownBy(
            () -> LocalMoran.of(w, new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2}, Permutations.none()))
        .hasMessageContaining("all 9 values are equal (2.0)");
    assertThatThrownBy(() -> GlobalMoran.test(w, new double[3], Permutations.none()))
        .hasMessageContaining("values (3) must be one per area");
    assertThatThrownBy(() -> Permutations.of(-1, 0)).hasMessageContaining("permutations (-1)");
  }

  static double[] concat(double[]... parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }
}
