package org.atalaya.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.atalaya.anonymise.IncidentField;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseResult;
import org.atalaya.anonymise.Steps;
import org.atalaya.anonymise.TimeGranularity;
import org.atalaya.geo.anonymise.GeoMask;
import org.atalaya.incident.Incident;
import org.atalaya.synthetic.SyntheticIncidents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The "open data" release (sensitive defaults, keep-list, month, ICCS level 2, donut mask 100-400
 * m, spatial k-anonymity k = 5 over location and month on a 500 m to 8 km grid, then the checks and
 * the report) on about 1M synthetic incidents, one release per operation. Each operation also reads
 * every released record once, as {@link Release#publish} does when it writes them: a release may
 * build its records when they are read, and that work belongs to the release.
 *
 * <ul>
 *   <li>{@code openData}: the whole policy, on the JVM's default collector (G1);
 *   <li>{@code openDataThroughputCollector}: the same release on the throughput collector ({@code
 *       -XX:+UseParallelGC}), which suits a batch job such as {@code atalaya anonymise}: it stops
 *       the program to collect instead of marking the heap concurrently on one of the cores;
 *   <li>{@code withoutKAnonymity}: baseline, the same policy without the k-anonymity step (the
 *       checks and report still run). The difference is the price of the guarantee: a release
 *       without it fails its k check, so this is the cheapest pipeline that does the same other
 *       work, not an alternative.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AnonymiseBenchmark -f 1 -wi 1 -i 3}
 * (about 4 GB of heap: {@code -jvmArgs -Xmx6g}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class AnonymiseBenchmark {
  private static final ReleaseKey KEY =
      ReleaseKey.of("benchmark-key-not-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  private List<Incident> incidents;
  private Release full;
  private Release baseline;

  /** Generates the incidents (3 years at scale 119: 999,600) and the two policies. */
  @Setup
  public void setUp() {
    incidents = SyntheticIncidents.of(1, 2023, 3, 119).stream().toList();
    EnumSet<QuasiIdentifier> qis = EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME);
    // The shipped open-data policy: every published part counted, neighbour and victim attacks run.
    full = Release.of(ReleasePolicy.named("open-data"));
    baseline = Release.of(policy(qis).build());
  }

  private static ReleasePolicy.Builder policy(EnumSet<QuasiIdentifier> qis) {
    return ReleasePolicy.builder("open-data")
        .k(5)
        .quasiIdentifiers(qis)
        .step(Steps.sensitiveDefaults())
        .step(Steps.keepFields(List.of(IncidentField.CONTEXT)))
        .step(Steps.generaliseTime(TimeGranularity.MONTH))
        .step(Steps.generaliseCategory(2))
        .step(GeoMask.donut(100, 400));
  }

  /**
   * The open-data release.
   *
   * @param sink receives every released record
   * @return the report, so the work is not optimised away
   */
  @Benchmark
  public PrivacyReport openData(Blackhole sink) {
    return read(full.run(incidents, KEY, new SplittableRandom(1)), sink);
  }

  /**
   * The open-data release on the throughput collector.
   *
   * @param sink receives every released record
   * @return the report
   */
  @Benchmark
  @Fork(jvmArgsAppend = "-XX:+UseParallelGC")
  public PrivacyReport openDataThroughputCollector(Blackhole sink) {
    return read(full.run(incidents, KEY, new SplittableRandom(1)), sink);
  }

  /**
   * Baseline: the same without the k-anonymity step.
   *
   * @param sink receives every released record
   * @return the report
   */
  @Benchmark
  public PrivacyReport withoutKAnonymity(Blackhole sink) {
    return read(baseline.run(incidents, KEY, new SplittableRandom(1)), sink);
  }

  /** Reads every released record once, as a writer would, and returns the report. */
  private static PrivacyReport read(ReleaseResult result, Blackhole sink) {
    for (Incident i : result.incidents()) {
      sink.consume(i);
    }
    return result.report();
  }
}
