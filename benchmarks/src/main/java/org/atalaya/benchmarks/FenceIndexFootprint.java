package org.atalaya.benchmarks;

import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.io.AreaReader;

/**
 * Measures the heap a fence index over the 1:50m countries holds beyond the areas themselves: used
 * heap after full collections, before and after building it (the areas stay reachable throughout).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.atalaya.benchmarks.FenceIndexFootprint}. A measurement, not a benchmark: its figure goes next
 * to the JMH throughput in the note.
 */
public final class FenceIndexFootprint {

  private FenceIndexFootprint() {}

  public static void main(String[] args) throws Exception {
    List<Area> areas;
    try (Reader in =
        new InputStreamReader(
            FenceIndexFootprint.class.getResourceAsStream("/countries-50m.geojson"),
            StandardCharsets.UTF_8)) {
      areas =
          AreaReader.builder().idProperty("name").build().readGeoJson(in, "countries-50m").areas();
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = settledHeap(memory);
    FenceIndex index = FenceIndex.of(areas);
    long after = settledHeap(memory);
    System.out.printf("countries-50m: %d fences; %s%n", index.size(), index.stats());
    System.out.printf("heap held by the index (measured): %.1f MB%n", (after - before) / 1e6);
    // Keep both reachable until after the measurement.
    System.out.println(areas.size() + index.size() > 0 ? "" : "-");
  }

  private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
