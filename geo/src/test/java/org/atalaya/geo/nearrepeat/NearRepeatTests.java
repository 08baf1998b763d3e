package org.atalaya.geo.nearrepeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.atalaya.geo.hotspot.Permutations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NearRepeatTests {
  static final double[] DISTANCES = {0, 100, 200, 400};
  static final double[] TIMES = {0, 7, 14, 21, 28};

  record Incidents(double[] x, double[] y, double[] days) {}

  /** Positions and days on coarse lattices, so pairs fall exactly on band limits. */
  static Incidents incidents(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    double[] y = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextInt(30) * 50.0;
      y[i] = r.nextInt(30) * 50.0;
      t[i] = r.nextInt(60) + (r.nextBoolean() ? 0 : 0.5);
    }
    return new Incidents(x, y, t);
  }

  /** The calculator's definition, pair by pair: [a, b) in both dimensions. */
  static long[] bruteForce(Incidents in, double[] d, double[] t) {
    long[] counts = new long[(d.length - 1) * (t.length - 1)];
    for (int i = 0; i < in.x().length; i++) {
      for (int j = i + 1; j < in.x().length; j++) {
        double dist = Math.hypot(in.x()[i] - in.x()[j], in.y()[i] - in.y()[j]);
        double dt = Math.abs(in.days()[i] - in.days()[j]);
        for (int a = 0; a < d.length - 1; a++) {
          for (int b = 0; b < t.length - 1; b++) {
            if (dist >= d[a] && dist < d[a + 1] && dt >= t[b] && dt < t[b + 1]) {
              counts[a * (t.length - 1) + b]++;
            }
          }
        }
      }
    }
    return counts;
  }

  @Test
  @DisplayName("observed counts equal a pair-by-pair count with half-open bands [a, b)")
  void observedEqualsBruteForce() {
    qt().withExamples(40)
        .forAll(integers().between(2, 300), longs().between(0, 1 << 20))
        .check(
            (n, seed) -> {
              Incidents in = incidents(n, seed);
              NearRepeatTable t =
                  NearRepeat.builder()
                      .distanceBands(DISTANCES)
                      .timeBands(TIMES)
                      .permutations(Permutations.none())
                      .build()
                      .run(in.x(), in.y(), in.days());
              long[] expected = bruteForce(in, DISTANCES, TIMES);
              for (int c = 0; c < expected.length; c++) {
                if (t.cells().get(c).observed() != expected[c]) {
                  return false;
                }
              }
              return true;
            });
  }

  @Test
  @DisplayName(
      "property: the grid finds exactly the pairs of the all-pairs loop, each once and in its band:"
          + " lattices, a line, duplicates, sparse and dense points")
  void closePairsEqualAllPairs() {
    qt().withExamples(60)
        .forAll(integers().between(1, 400), longs().between(0, 1 << 20), integers().between(0, 4))
        .checkAssert(
            (n, seed, layout) -> {
              SplittableRandom r = new SplittableRandom(seed);
              double[] x = new double[n];
              double[] y = new double[n];
              for (int i = 0; i < n; i++) {
                switch (layout) {
                  case 0 -> { // on cell borders and band limits
                    x[i] = r.nextInt(30) * 50.0;
                    y[i] = r.nextInt(30) * 50.0;
                  }
                  case 1 -> { // one row of cells
                    x[i] = r.nextDouble() * 3000;
                    y[i] = 7;
                  }
                  case 2 -> { // many incidents at the same few places
                    x[i] = r.nextInt(3) * 400.0;
                    y[i] = r.nextInt(3) * 400.0;
                  }
                  case 3 -> { // sparse: the grid's cells grow beyond 400 m
                    x[i] = r.nextDouble() * 1e6;
                    y[i] = r.nextDouble() * 1e3;
                  }
                  default -> {
                    x[i] = r.nextDouble() * 1000;
                    y[i] = r.nextDouble() * 1000;
                  }
                }
              }
              ClosePairs pairs = ClosePairs.find(x, y, DISTANCES, 2);
              Set<String> found = new HashSet<>();
              for (int d = 0; d < pairs.bands(); d++) {
                for (int a = 0; a < n; a++) {
                  for (int k = pairs.rowStart[d][a]; k < pairs.rowStart[d][a + 1]; k++) {
                    int b = pairs.partner[d][k];
                    assertThat(b).as("partner after its row").isGreaterThan(a);
                    int i = pairs.order[a];
                    int j = pairs.order[b];
                    assertThat(found.add(Math.min(i, j) + "-" + Math.max(i, j) + "@" + d))
                        .as("pair met once")
                        .isTrue();
                  }
                }
              }
              Set<String> expected = new HashSet<>();
              for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                  double dx = x[j] - x[i];
                  double dy = y[j] - y[i];
                  int band = NearRepeat.band(Math.sqrt(dx * dx + dy * dy), DISTANCES);
                  if (band >= 0) {
                    expected.add(i + "-" + j + "@" + band);
                  }
                }
              }
              assertThat(found).isEqualTo(expected);
              assertThat(pairs.size()).isEqualTo(expected.size());
            });
  }

  @Test
  @DisplayName(
      "the Monte Carlo expectation approaches the exact permutation expectation n_d x m_t / M")
  void expectedApproachesTheExactPermutationMean() {
    Incidents in = incidents(400, 11);
    NearRepeatTable t =
        NearRepeat.builder()
            .distanceBands(DISTANCES)
            .timeBands(TIMES)
            .permutations(new Permutations(2000, 5, 2))
            .build()
            .run(in.x(), in.y(), in.days());
    // under the permutation null each close pair gets a uniformly random pair of distinct times
    int n = 400;
    double pairs = n * (n - 1) / 2.0;
    long[] closeInSpace = bruteForce(in, DISTANCES, new double[] {0, Double.MAX_VALUE});
    long[] closeInTime = bruteForce(in, new double[] {0, Double.MAX_VALUE}, TIMES);
    for (NearRepeatCell cell : t.cells()) {
      int d = index(DISTANCES, cell.distance().from());
      int b = index(TIMES, cell.time().from());
      double exact = closeInSpace[d] * closeInTime[b] / pairs;
      assertThat(cell.expected())
          .as(cell.distance() + " x " + cell.time())
          .isCloseTo(exact, Offset.offset(0.02 * exact + 0.5));
      assertThat(cell.pSim()).isGreaterThan(0).isLessThanOrEqualTo(1);
    }
  }

  static int index(double[] limits, double from) {
    for (int k = 0; k < limits.length; k++) {
      if (limits[k] == from) {
        return k;
      }
    }
    throw new AssertionError(from);
  }

  @Test
  @DisplayName(
      "planted repeats within 100 m and 7 days give a Knox ratio above 1 and a small p, the same on"
          + " 1 and 3 threads")
  void plantedNearRepeatsAreFound() {
    Incidents base = incidents(600, 3);
    double[] x = base.x().clone();
    double[] y = base.y().clone();
    double[] t = base.days().clone();
    for (int k = 0; k < 60; k++) { // every tenth incident is repeated next door within days
      x[k * 10 + 1] = x[k * 10] + 30;
      y[k * 10 + 1] = y[k * 10];
      t[k * 10 + 1] = t[k * 10] + 2;
    }
    NearRepeat.Builder b = NearRepeat.builder().distanceBands(DISTANCES).timeBands(TIMES);
    NearRepeatTable one = b.permutations(new Permutations(999, 8, 1)).build().run(x, y, t);
    NearRepeatTable three = b.permutations(new Permutations(999, 8, 3)).build().run(x, y, t);
    assertThat(three).isEqualTo(one);
    NearRepeatCell first = one.cells().get(0);
    assertThat(first.distance().label()).isEqualTo("[0, 100)");
    assertThat(first.time().label()).isEqualTo("[0, 7)");
    assertThat(first.knoxRatio()).isGreaterThan(1.1);
    assertThat(first.pSim()).isLessThanOrEqualTo(0.002);
    assertThat(one.cells()).hasSize(12);
    assertThat(one.cells().get(11).distance().label()).isEqualTo("[200, 400)");
    assertThat(one.cells().get(11).time().label()).isEqualTo("[21, 28)");
    KnoxTest.Result knox = KnoxTest.test(x, y, t, 100, 7, new Permutations(999, 8, 2));
    assertThat(knox.observed()).isEqualTo(first.observed());
    assertThat(knox.pSim()).isLessThanOrEqualTo(0.002);
    long n = x.length;
    assertThat(knox.pairs()).isEqualTo(n * (n - 1) / 2);
    long[] inSpace =
        bruteForce(
            new Incidents(x, y, t), new double[] {0, 100}, new double[] {0, Double.MAX_VALUE});
    long[] inTime =
        bruteForce(new Incidents(x, y, t), new double[] {0, Double.MAX_VALUE}, new double[] {0, 7});
    assertThat(knox.closeInSpace()).isEqualTo(inSpace[0]);
    assertThat(knox.closeInTime()).isEqualTo(inTime[0]);
    assertThat(knox.expectedAnalytic())
        .isCloseTo((double) inSpace[0] * inTime[0] / knox.pairs(), Offset.offset(1e-9));
  }

  @Test
  @DisplayName("bands must ascend; bad incidents are named by index")
  void badInputIsNamed() {
    assertThatThrownBy(() -> NearRepeat.builder().distanceBands(0, 200, 100))
        .hasMessageContaining("strictly ascending")
        .hasMessageContaining("[0.0, 200.0, 100.0]");
    assertThatThrownBy(() -> NearRepeat.builder().timeBands(-1, 7))
        .hasMessageContaining("limit 1 (-1.0)");
    assertThatThrownBy(() -> NearRepeat.builder().timeBands(0, 7).build())
        .hasMessageContaining("distance bands");
    NearRepeat nr = NearRepeat.builder().distanceBands(0, 100).timeBands(0, 7).build();
    assertThatThrownBy(
            () -> nr.run(new double[] {0, 1}, new double[] {0, 1}, new double[] {0, Double.NaN}))
        .hasMessageContaining("incident 1 has a non-finite time (NaN)");
    assertThat(new Interval(0.5, 1).label()).isEqualTo("[0.5, 1)");
    assertThat(List.of(new Interval(0, 7).contains(7), new Interval(0, 7).contains(0)))
        .containsExactly(false, true);
  }

  /** Time limits for 4 bands (16-bit fields), 6 (10-bit), 8 (8-bit) and 12 (counted in memory). */
  static Stream<double[]> timeLimits() {
    return Stream.of(
        TIMES,
        new double[] {0, 2, 4, 6, 8, 10, 12},
        new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8},
        new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  }

  /** The incidents' times in the grid-cell order of {@code pairs}. */
  static double[] inPairOrder(ClosePairs pairs, double[] days) {
    double[] t = new double[days.length];
    for (int k = 0; k < t.length; k++) {
      t[k] = days[pairs.order[k]];
    }
    return t;
  }

  /** Permutation r of {@code t}, as every kernel draws it. */
  static double[] permuted(double[] t, long seed, int r) {
    int[] order = new int[t.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    NearRepeat.shuffle(order, Permutations.stream(seed, r));
    double[] out = new double[t.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = t[order[i]];
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("timeLimits")
  @DisplayName("the blocked counter gives every permutation the same table as the comparing loop")
  void blockedCountsEqualTheComparingLoop(double[] timeLimits) {
    Incidents in = incidents(600, 11);
    ClosePairs pairs = ClosePairs.find(in.x(), in.y(), DISTANCES, 1);
    double[] t = inPairOrder(pairs, in.days());
    BlockedPairs blocked = BlockedPairs.of(pairs, t, timeLimits);
    assertThat(blocked).isNotNull();
    int n = t.length;
    double[] times = new double[n * BlockedPairs.BLOCK];
    long[][] expected = new long[BlockedPairs.BLOCK][];
    for (int r = 0; r < BlockedPairs.BLOCK; r++) {
      double[] shuffled = permuted(t, 5, r);
      expected[r] = new long[(DISTANCES.length - 1) * (timeLimits.length - 1)];
      pairs.count(shuffled, timeLimits, expected[r]);
      for (int i = 0; i < n; i++) {
        times[i * BlockedPairs.BLOCK + r] = shuffled[i];
      }
    }
    int[] counts = new int[blocked.countsLength()];
    blocked.count(times, counts);
    for (int r = 0; r < BlockedPairs.BLOCK; r++) {
      for (int d = 0; d < DISTANCES.length - 1; d++) {
        for (int b = 0; b < timeLimits.length - 1; b++) {
          assertThat((long) blocked.get(counts, r, d, b))
              .as("permutation %s, cell %s x %s", r, d, b)
              .isEqualTo(expected[r][d * (timeLimits.length - 1) + b]);
        }
      }
    }
  }

  /**
   * Asserts that the lane counter gives each of its permutations of {@code days} the table of the
   * comparing loop; returns false when the data are refused by {@link LanePairs#of}.
   */
  static boolean lanesEqualComparing(Incidents in, double[] timeLimits, long seed) {
    ClosePairs pairs = ClosePairs.find(in.x(), in.y(), DISTANCES, 1);
    double[] t = inPairOrder(pairs, in.days());
    LanePairs lanes = LanePairs.of(pairs, t, timeLimits);
    if (lanes == null) {
      return false;
    }
    int n = t.length;
    int w = lanes.lanes();
    int[] keys = lanes.keys();
    int[] laneKeys = new int[n * w];
    int tBands = timeLimits.length - 1;
    long[][] expected = new long[w][];
    for (int r = 0; r < w; r++) {
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      NearRepeat.shuffle(order, Permutations.stream(seed, r));
      double[] shuffled = new double[n];
      for (int i = 0; i < n; i++) {
        laneKeys[i * w + r] = keys[order[i]];
        shuffled[i] = t[order[i]];
      }
      expected[r] = new long[(DISTANCES.length - 1) * tBands];
      pairs.count(shuffled, timeLimits, expected[r]);
    }
    int[] counts = new int[lanes.countsLength()];
    lanes.count(laneKeys, counts);
    for (int r = 0; r < w; r++) {
      for (int d = 0; d < DISTANCES.length - 1; d++) {
        for (int b = 0; b < tBands; b++) {
          assertThat(lanes.below(counts, r, d, b + 1) - lanes.below(counts, r, d, b))
              .as("permutation %s, cell %s x %s, limits %s", r, d, b, Arrays.toString(timeLimits))
              .isEqualTo(expected[r][d * tBands + b]);
        }
      }
    }
    return true;
  }

  static Stream<double[]> laneTimeLimits() {
    return Stream.of(
        TIMES,
        new double[] {0, 1},
        new double[] {3, 10, 17},
        new double[] {0, 7, 1000},
        new double[] {1, 2, 3, 4},
        new double[] {59, 60, 64});
  }

  @ParameterizedTest
  @MethodSource("laneTimeLimits")
  @DisplayName(
      "the lane counter gives 128 permutations the tables of the comparing loop: dates, half days,"
          + " minutes, any double, all on one day")
  void laneCountsEqualTheComparingLoop(double[] timeLimits) {
    Incidents halves = incidents(500, 21); // whole and half days: pairs exactly on every limit
    SplittableRandom r = new SplittableRandom(22);
    double[] dates = new double[500];
    double[] minutes = new double[500];
    double[] any = new double[500];
    double[] sameDay = new double[500]; // every pair below every limit: thousands per cell and lane
    Arrays.fill(sameDay, 19_500);
    for (int i = 0; i < 500; i++) {
      dates[i] = 19_000 + r.nextInt(70);
      minutes[i] = 19_000 + (r.nextInt(70 * 1440)) / 1440.0;
      any[i] = r.nextInt(70) + r.nextDouble();
    }
    for (double[] days : List.of(halves.days(), dates, minutes, any, sameDay)) {
      assertThat(lanesEqualComparing(new Incidents(halves.x(), halves.y(), days), timeLimits, 7))
          .as("accepted")
          .isTrue();
    }
  }

  @Test
  @DisplayName(
      "property: on generated incidents the lane counter equals the comparing loop, or refuses data"
          + " it could count differently")
  void laneCountsEqualTheComparingLoopOnGeneratedData() {
    qt().withExamples(25)
        .forAll(integers().between(2, 250), longs().between(0, 1 << 20), integers().between(0, 3))
        .checkAssert(
            (n, seed, style) -> {
              SplittableRandom r = new SplittableRandom(seed);
              Incidents base = incidents(n, seed);
              double[] days = new double[n];
              for (int i = 0; i < n; i++) {
                days[i] =
                    switch (style) {
                      case 0 -> r.nextInt(40);
                      case 1 -> r.nextInt(40) + r.nextInt(24) / 24.0;
                      case 2 -> 20_000 + r.nextInt(40) + r.nextDouble();
                      default -> r.nextInt(3) * 7 + r.nextInt(2) * 0.25;
                    };
              }
              boolean accepted =
                  lanesEqualComparing(new Incidents(base.x(), base.y(), days), TIMES, seed);
              // dates, days since 1970 with any fraction, and quarter days must not fall back
              assertThat(accepted || style == 1).as("style %s accepted", style).isTrue();
            });
  }

  @Test
  @DisplayName(
      "the lane counter refuses what it could count differently: near-equal fractions, negative"
          + " times, fractional limits; and more than four limits")
  void laneCounterRefusesWhatItCannotCountExactly() {
    Incidents in = incidents(50, 4);
    ClosePairs pairs = ClosePairs.find(in.x(), in.y(), DISTANCES, 1);
    double[] t = inPairOrder(pairs, in.days());
    assertThat(LanePairs.of(pairs, t, TIMES)).isNotNull();
    double[] nearTie = t.clone();
    nearTie[0] = 7.1; // 7.1 - 0.1 is 6.99999999999999964 exactly but 7 once rounded
    nearTie[1] = 0.1;
    assertThat(LanePairs.of(pairs, nearTie, TIMES)).isNull();
    double[] negative = t.clone();
    negative[3] = -0.5;
    assertThat(LanePairs.of(pairs, negative, TIMES)).isNull();
    assertThat(LanePairs.of(pairs, t, new double[] {0, 0.5, 7})).isNull();
    assertThat(LanePairs.of(pairs, t, new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})).isNull();
    // refused data still get their tables, from the other loops
    NearRepeatTable table =
        NearRepeat.builder()
            .distanceBands(DISTANCES)
            .timeBands(TIMES)
            .permutations(Permutations.of(9, 1))
            .build()
            .run(in.x(), in.y(), nearTie);
    assertThat(table.cells()).hasSize(12);
  }

  @Test
  @DisplayName(
      "the lane counter takes as many lanes as 32 MB of keys per thread allow, and refuses fewer"
          + " than 32")
  void laneCountFollowsTheMemoryBudget() {
    for (int[] nAndLanes :
        new int[][] {{1_000, 128}, {65_536, 128}, {65_537, 64}, {200_000, 32}, {262_145, 0}}) {
      int n = nAndLanes[0];
      double[] x = new double[n];
      double[] y = new double[n];
      double[] days = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i * 1000.0; // no pairs: only the keys' memory matters here
        days[i] = i % 365;
      }
      ClosePairs pairs = ClosePairs.find(x, y, DISTANCES, 1);
      LanePairs lanes = LanePairs.of(pairs, inPairOrder(pairs, days), TIMES);
      assertThat(lanes == null ? 0 : lanes.lanes())
          .as("lanes for %s incidents", n)
          .isEqualTo(nAndLanes[1]);
    }
  }

  @Test
  @DisplayName(
      "a whole run with the lane counter (three blocks, filler lanes, 2 threads) equals"
          + " permutations counted one by one")
  void laneRunEqualsOneByOne() {
    Incidents in = incidents(400, 13);
    int count = 300;
    NearRepeatTable table =
        NearRepeat.builder()
            .distanceBands(DISTANCES)
            .timeBands(TIMES)
            .permutations(new Permutations(count, 17, 2))
            .build()
            .run(in.x(), in.y(), in.days());
    ClosePairs pairs = ClosePairs.find(in.x(), in.y(), DISTANCES, 1);
    double[] t = inPairOrder(pairs, in.days());
    assertThat(LanePairs.of(pairs, t, TIMES)).as("the lane counter is used").isNotNull();
    int cells = 12;
    long[] observed = new long[cells];
    pairs.count(t, TIMES, observed);
    long[] ge = new long[cells];
    long[] sum = new long[cells];
    for (int r = 0; r < count; r++) {
      long[] c = new long[cells];
      pairs.count(permuted(t, 17, r), TIMES, c);
      for (int k = 0; k < cells; k++) {
        sum[k] += c[k];
        ge[k] += c[k] >= observed[k] ? 1 : 0;
      }
    }
    for (int k = 0; k < cells; k++) {
      NearRepeatCell cell = table.cells().get(k);
      assertThat(cell.observed()).isEqualTo(observed[k]);
      assertThat(cell.expected()).isEqualTo((double) sum[k] / count);
      assertThat(cell.pSim()).isEqualTo((ge[k] + 1.0) / (count + 1.0));
    }
  }

  @Test
  @DisplayName("fractional time limits use the comparing loop and give the same kind of table")
  void fractionalTimeLimitsFallBack() {
    Incidents in = incidents(300, 12);
    ClosePairs pairs = ClosePairs.find(in.x(), in.y(), DISTANCES, 1);
    assertThat(BlockedPairs.of(pairs, in.days(), new double[] {0, 0.5, 7})).isNull();
    NearRepeatTable table =
        NearRepeat.builder()
            .distanceBands(DISTANCES)
            .timeBands(0, 0.5, 7)
            .permutations(Permutations.of(19, 3))
            .build()
            .run(in.x(), in.y(), in.days());
    assertThat(table.cells())
        .allSatisfy(c -> assertThat(c.pSim()).isGreaterThan(0).isLessThanOrEqualTo(1));
  }

  @Test
  @DisplayName(
      "the shuffle makes each of the 24 orders of 4 times equally likely (chi-square, seeded)")
  void shuffleIsUniform() {
    Map<String, Integer> seen = new HashMap<>();
    int draws = 48_000;
    for (int r = 0; r < draws; r++) {
      int[] a = {0, 1, 2, 3};
      NearRepeat.shuffle(a, Permutations.stream(9, r));
      seen.merge(Arrays.toString(a), 1, Integer::sum);
    }
    assertThat(seen).hasSize(24);
    double expected = draws / 24.0;
    double chi2 =
        seen.values().stream().mapToDouble(o -> (o - expected) * (o - expected) / expected).sum();
    assertThat(chi2)
        .as("chi-square, 23 degrees of freedom; 49.7 is the 0.999 quantile")
        .isLessThan(49.7);
  }
}
