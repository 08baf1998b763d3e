package org.atalaya.geo.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.geo.io.Area;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The values R spdep 1.2.7 (R 4.2.2) computed with {@code spdep-reference.R}, read from {@code
 * spdep-reference.txt} next to it: one line per key, values separated by spaces.
 */
final class SpdepReference {
  private final Map<String, String[]> lines = new HashMap<>();

  private SpdepReference() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                SpdepReference.class.getResourceAsStream("spdep-reference.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int space = line.indexOf(' ');
        String key = line.substring(0, space);
        String rest = line.substring(space + 1).strip();
        lines.put(key, key.equals("wkt") ? rest.split("\\|") : rest.split(" "));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SpdepReference load() {
    return new SpdepReference();
  }

  String[] text(String key) {
    String[] v = lines.get(key);
    assertThat(v).as("reference key %s", key).isNotNull();
    return v;
  }

  double[] numbers(String key) {
    return Arrays.stream(text(key)).mapToDouble(Double::parseDouble).toArray();
  }

  List<String> ids() {
    return List.of(text("ids"));
  }

  List<Area> areas() {
    WKTReader reader = new WKTReader();
    List<Area> out = new ArrayList<>();
    String[] wkt = text("wkt");
    for (int i = 0; i < wkt.length; i++) {
      try {
        out.add(Area.of(ids().get(i), null, reader.read(wkt[i].strip())));
      } catch (ParseException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** Asserts equality to 1e-9 relative (absolute 1e-12 near zero); NaN equals NaN. */
  static void assertClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as(what + " length").hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertClose(what + "[" + i + "]", actual[i], expected[i]);
    }
  }

  static void assertClose(String what, double actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isNaN();
      return;
    }
    double tolerance = Math.max(1e-12, 1e-9 * Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs R %s", what, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }
}
