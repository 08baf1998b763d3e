package org.atalaya.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.atalaya.indicator.ConfidenceInterval;
import org.atalaya.indicator.PoissonIntervals;
import org.atalaya.indicator.Rate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Exact (Garwood) Poisson intervals per second, against two baselines in the same run: Byar's
 * closed-form approximation (the cheap alternative a user could choose) and the two gamma quantiles
 * computed by Commons Statistics' own inverse distribution functions (a bracketing search; the
 * straightforward way to get the same numbers, which Atalaya's Newton iteration replaces). Each
 * operation computes one interval for the next count of a fixed, seeded set of counts drawn from 0
 * to {@code maxCount}, so branch prediction cannot learn one input.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RateIntervalBenchmark}; change the
 * range with {@code -p maxCount=...}. The issue asks for 10^6 exact intervals per second or better.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RateIntervalBenchmark {

  @Param({"100", "10000"})
  public int maxCount;

  private long[] counts;
  private int next;

  /** Draws 4,096 counts with a fixed seed. */
  @Setup(Level.Trial)
  public void drawCounts() {
    SplittableRandom random = new SplittableRandom(20261128L);
    counts = new long[4096];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = random.nextInt(maxCount + 1);
    }
  }

  private long nextCount() {
    long c = counts[next];
    next = (next + 1) & (counts.length - 1);
    return c;
  }

  /** Atalaya: Garwood's exact 95% interval for one count. */
  @Benchmark
  public ConfidenceInterval exactInterval() {
    return PoissonIntervals.exact(nextCount(), 0.95);
  }

  /** Atalaya: a full rate per 100,000 with its exact interval (validation and scaling included). */
  @Benchmark
  public Rate exactRate() {
    return Rate.of(nextCount(), 250_000);
  }

  /** Baseline: Byar's approximation for the same counts. */
  @Benchmark
  public ConfidenceInterval byarBaseline() {
    return PoissonIntervals.byar(nextCount(), 0.95);
  }

  /**
   * Baseline: the same two quantiles from Commons Statistics' own inverse functions, no validation.
   */
  @Benchmark
  public double rawGammaQuantiles() {
    long x = nextCount();
    double lower = x == 0 ? 0 : GammaDistribution.of(x, 1).inverseCumulativeProbability(0.025);
    return lower + GammaDistribution.of(x + 1.0, 1).inverseSurvivalProbability(0.025);
  }
}
