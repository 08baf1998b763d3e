package org.atalaya.geo.nearrepeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VectorLoopsTest {
  private static final Map<String, String> DEFAULTS =
      Map.of(
          "UseSuperWord",
          "true",
          "MaxVectorSize",
          "64",
          "UseCompiler",
          "true",
          "TieredCompilation",
          "true",
          "TieredStopAtLevel",
          "4");

  private static boolean with(String name, String value) {
    HashMap<String, String> options = new HashMap<>(DEFAULTS);
    options.put(name, value);
    return VectorLoops.likely(n -> Optional.ofNullable(options.get(n)));
  }

  @Test
  @DisplayName(
      "the lanes are used with HotSpot's defaults, and on a JVM whose options cannot be read")
  void defaultsAndUnknownUseTheLanes() {
    assertThat(VectorLoops.likely(n -> Optional.ofNullable(DEFAULTS.get(n)))).isTrue();
    assertThat(VectorLoops.likely(n -> Optional.empty())).isTrue();
    assertThat(with("MaxVectorSize", "16")).as("128-bit vectors (SSE, NEON)").isTrue();
    assertThat(with("TieredCompilation", "false")).as("C2 only").isTrue();
  }

  @Test
  @DisplayName("options that stop C2 vectorising the loop send the count to the 8-per-pass kernel")
  void optionsWithoutVectorsUseTheBlockedKernel() {
    assertThat(with("UseSuperWord", "false")).isFalse();
    assertThat(with("MaxVectorSize", "8")).isFalse();
    assertThat(with("UseCompiler", "false")).as("-Xint").isFalse();
    assertThat(with("TieredStopAtLevel", "1")).as("C1 only").isFalse();
  }
}
