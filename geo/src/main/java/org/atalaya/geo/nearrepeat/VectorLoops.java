package org.atalaya.geo.nearrepeat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether this JVM compiles {@link LanePairs}' loop to vector instructions. Without vectors that
 * loop runs scalar at about twice the time of {@link BlockedPairs} (measured with {@code
 * -XX:-UseSuperWord}: 2.3 s against 1.16 s), so the lanes are used only when HotSpot's C2 will
 * vectorise: superword on, vectors of at least 16 bytes, and C2 reachable (not {@code -Xint}, not
 * stopped at C1). The choice never changes a table, only the time. On a JVM whose options cannot be
 * read (not HotSpot), the lanes are assumed to pay.
 */
final class VectorLoops {
  /** Read once: the options of a running JVM do not change. */
  static final boolean AVAILABLE = likely(VectorLoops::hotSpotOption);

  private VectorLoops() {}

  /**
   * Decides from the JVM's options, each read by {@code option} (empty when unknown).
   *
   * @param option the value of a HotSpot option by name, or empty
   * @return false only when an option known to stop vectorisation is set
   */
  static boolean likely(Function<String, Optional<String>> option) {
    if (option.apply("UseSuperWord").map("false"::equals).orElse(false)) {
      return false;
    }
    if (option.apply("MaxVectorSize").map(v -> Long.parseLong(v) < 16).orElse(false)) {
      return false;
    }
    if (option.apply("UseCompiler").map("false"::equals).orElse(false)) {
      return false; // -Xint
    }
    boolean tiered = option.apply("TieredCompilation").map("true"::equals).orElse(false);
    return !tiered
        || option.apply("TieredStopAtLevel").map(v -> Long.parseLong(v) >= 4).orElse(true);
  }

  private static Optional<String> hotSpotOption(String name) {
    try {
      HotSpotDiagnosticMXBean bean =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return bean == null ? Optional.empty() : Optional.of(bean.getVMOption(name).getValue());
    } catch (RuntimeException | LinkageError e) {
      return Optional.empty(); // not HotSpot, or the option does not exist on this platform
    }
  }
}
