package org.atalaya.benchmarks;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * "Which countries cover this point" on the Natural Earth 1:50m countries (241 outlines), over 2^20
 * (about 1M) random points in Central America or the whole world, one lookup per operation:
 *
 * <ul>
 *   <li>{@code fenceIndex}: Atalaya's {@link FenceIndex} (grid prefilter, exact test on boundary
 *       cells);
 *   <li>{@code strtreePrepared}: baseline (a), a JTS STRtree of envelopes, then {@code
 *       PreparedGeometry.covers} on each candidate;
 *   <li>{@code plainCovers}: baseline (b), {@code Geometry.covers} on every country in turn.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FenceIndexBenchmark}. The index's build
 * time and memory figures are printed to standard error during setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FenceIndexBenchmark {

  private static final int POINTS = 1 << 20;
  private static final int MASK = POINTS - 1;

  /** Where the random points fall. */
  @Param({"central-america", "world"})
  public String region;

  private final GeometryFactory factory = new GeometryFactory();
  private double[] lat;
  private double[] lon;
  private FenceIndex index;
  private STRtree tree;
  private Geometry[] plain;

  /** Per-thread cursor over the points and a reusable result buffer. */
  @State(Scope.Thread)
  public static class Cursor {
    int i;
    final int[] buffer = new int[16];

    int next() {
      i = (i + 1) & MASK;
      return i;
    }
  }

  /** Loads the countries, builds the three structures and draws the points (seed 2026). */
  @Setup
  public void setUp() throws IOException {
    AreaReadResult read;
    try (Reader in =
        new InputStreamReader(
            FenceIndexBenchmark.class.getResourceAsStream("/countries-50m.geojson"),
            StandardCharsets.UTF_8)) {
      read = AreaReader.builder().idProperty("name").build().readGeoJson(in, "countries-50m");
    }
    List<Area> areas = read.areas();
    index = FenceIndex.of(areas);
    System.err.printf(
        "countries-50m: %d read, %d accepted, %d repaired; %s%n",
        read.read(), read.accepted(), read.repairs().size(), index.stats());
    tree = new STRtree();
    plain = new Geometry[areas.size()];
    for (int i = 0; i < areas.size(); i++) {
      Geometry g = areas.get(i).geometry();
      plain[i] = g;
      tree.insert(g.getEnvelopeInternal(), PreparedGeometryFactory.prepare(g));
    }
    tree.build();
    boolean world = region.equals("world");
    double minLat = world ? -90 : 7;
    double maxLat = world ? 90 : 18.5;
    double minLon = world ? -180 : -92.5;
    double maxLon = world ? 180 : -77;
    SplittableRandom random = new SplittableRandom(2026);
    lat = new double[POINTS];
    lon = new double[POINTS];
    for (int i = 0; i < POINTS; i++) {
      lat[i] = minLat + random.nextDouble() * (maxLat - minLat);
      lon[i] = minLon + random.nextDouble() * (maxLon - minLon);
    }
  }

  /** Atalaya's index: the number of countries covering the next point. */
  @Benchmark
  public int fenceIndex(Cursor c) {
    int i = c.next();
    return index.containing(lat[i], lon[i], c.buffer);
  }

  /** Baseline (a): STRtree candidates, then PreparedGeometry covers. */
  @Benchmark
  public int strtreePrepared(Cursor c) {
    int i = c.next();
    Point p = factory.createPoint(new Coordinate(lon[i], lat[i]));
    int n = 0;
    for (Object o : tree.query(new Envelope(lon[i], lon[i], lat[i], lat[i]))) {
      if (((PreparedGeometry) o).covers(p)) {
        n++;
      }
    }
    return n;
  }

  /** Baseline (b): Geometry.covers on every country. */
  @Benchmark
  public int plainCovers(Cursor c) {
    int i = c.next();
    Point p = factory.createPoint(new Coordinate(lon[i], lat[i]));
    int n = 0;
    for (Geometry g : plain) {
      if (g.covers(p)) {
        n++;
      }
    }
    return n;
  }
}
