package org.atalaya.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.nearrepeat.NearRepeat;
import org.atalaya.geo.nearrepeat.NearRepeatTable;
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
 * The near-repeat table on 50,000 synthetic incidents (uniform over a 20 x 15 km city, times over a
 * year; about 2 million pairs closer than 400 m), distance bands 0, 100, 200, 400 m and time bands
 * 0, 7, 14, 21, 28 days, one whole run per operation:
 *
 * <ul>
 *   <li>{@code atalaya999}: Atalaya's {@link NearRepeat} with 999 permutations on every processor
 *       (close pairs found once with a grid; only times permuted). Goal: at most 1 s.
 *   <li>{@code straightforwardOnePermutation}: baseline, what a calculator without a spatial index
 *       does: a boxed {@code Collections.shuffle} of the times, then every one of the n(n - 1)/2
 *       pairs checked for distance and time. Timed for ONE permutation; multiply by 1,000 (observed
 *       + 999) for the comparable figure.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NearRepeat -f 1 -wi 1 -i 3}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class NearRepeatBenchmark {
  static final int N = 50_000;
  static final double[] DISTANCES = {0, 100, 200, 400};
  static final double[] TIMES = {0, 7, 14, 21, 28};

  private double[] x;
  private double[] y;
  private double[] days;

  /** Draws the incidents (seed 2026). */
  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(2026);
    x = new double[N];
    y = new double[N];
    days = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = 470_000 + r.nextDouble() * 20_000;
      y[i] = 1_550_000 + r.nextDouble() * 15_000;
      days[i] = r.nextInt(365) + r.nextDouble();
    }
  }

  /** Atalaya, 999 permutations. */
  @Benchmark
  public NearRepeatTable atalaya999() {
    return NearRepeat.builder()
        .distanceBands(DISTANCES)
        .timeBands(TIMES)
        .permutations(Permutations.of(999, 1))
        .build()
        .run(x, y, days);
  }

  /** Baseline: one permutation, all pairs. */
  @Benchmark
  public long[] straightforwardOnePermutation() {
    List<Double> shuffled = new ArrayList<>(N);
    for (double d : days) {
      shuffled.add(d);
    }
    Collections.shuffle(shuffled, new Random(1));
    long[] counts = new long[(DISTANCES.length - 1) * (TIMES.length - 1)];
    for (int i = 0; i < N; i++) {
      for (int j = i + 1; j < N; j++) {
        double d = Math.sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
        double dt = Math.abs(shuffled.get(i) - shuffled.get(j));
        for (int a = 0; a < DISTANCES.length - 1; a++) {
          for (int b = 0; b < TIMES.length - 1; b++) {
            if (d >= DISTANCES[a] && d < DISTANCES[a + 1] && dt >= TIMES[b] && dt < TIMES[b + 1]) {
              counts[a * (TIMES.length - 1) + b]++;
            }
          }
        }
      }
    }
    return counts;
  }
}
