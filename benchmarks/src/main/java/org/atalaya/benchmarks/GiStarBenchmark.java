package org.atalaya.benchmarks;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.atalaya.geo.aggregate.GridCounts;
import org.atalaya.geo.hotspot.GetisOrd;
import org.atalaya.geo.hotspot.LocalStatistic;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Getis-Ord Gi* with 999 conditional permutations on 100,000 grid cells (400 x 250, queen,
 * row-standardised; synthetic counts), one whole run per operation:
 *
 * <ul>
 *   <li>{@code atalaya999}: Atalaya's {@link GetisOrd#giStar} on every processor (one random stream
 *       per cell, two counters per cell). Goal: at most 2 s.
 *   <li>{@code straightforward999}: baseline, single thread: for each cell and permutation, draw
 *       the neighbours' values with {@code java.util.Random} and a {@code HashSet} against repeats,
 *       compute G* for each simulation, keep all 999 in an array and count afterwards.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GiStar -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class GiStarBenchmark {
  static final int COLUMNS = 400;
  static final int ROWS = 250;

  private SpatialWeights weights;
  private double[] values;

  /** Builds the grid and its counts (seed 2026). */
  @Setup
  public void setUp() {
    double[] x = new double[COLUMNS * ROWS];
    double[] y = new double[COLUMNS * ROWS];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % COLUMNS) * 100 + 50;
      y[i] = (i / COLUMNS) * 100 + 50;
    }
    weights = GridCounts.count(x, y, 100).weights(true, Transform.ROW);
    SplittableRandom r = new SplittableRandom(2026);
    values = new double[x.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = r.nextInt(5) + ((i % COLUMNS) / 40 == (i / COLUMNS) / 25 ? r.nextInt(6) : 0);
    }
  }

  /** Atalaya. */
  @Benchmark
  public List<LocalStatistic> atalaya999() {
    return GetisOrd.giStar(weights, values, Permutations.of(999, 1));
  }

  /** Baseline. */
  @Benchmark
  public double[] straightforward999() {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    Random random = new Random(1);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      int k = weights.cardinality(i);
      double self = 1.0 / (k + 1);
      double observed = self * values[i];
      for (int s = 0; s < k; s++) {
        observed += self * values[weights.neighbour(i, s)];
      }
      observed /= sum;
      double[] sims = new double[999];
      for (int r = 0; r < 999; r++) {
        Set<Integer> drawn = new HashSet<>();
        while (drawn.size() < k) {
          int j = random.nextInt(n);
          if (j != i) {
            drawn.add(j);
          }
        }
        double lag = self * values[i];
        for (int j : drawn) {
          lag += self * values[j];
        }
        sims[r] = lag / sum;
      }
      int ge = 0;
      for (double s : sims) {
        ge += s >= observed ? 1 : 0;
      }
      p[i] = (Math.min(ge, 999 - ge) + 1.0) / 1000.0;
    }
    return p;
  }
}
