package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lineage records what a figure was computed from, and serialises it. */
class LineageTest {

  @Test
  @DisplayName("lineage serialises every field to JSON, absent values as null")
  void json() throws IOException {
    Lineage l =
        Lineage.builder("homicide rate per 100,000")
            .input("incidents-2024.csv")
            .filter("ICCS 0101, not attempted")
            .used(3866)
            .excluded("no date", 12)
            .excluded("outside Honduras", 3)
            .excluded("no date", 1)
            .populationVintage("INE projections, 2019 release")
            .confidence(0.95)
            .method("exact (Garwood)")
            .build();
    assertThat(l.excludedTotal()).isEqualTo(16);
    JsonNode json = new ObjectMapper().readTree(l.toJson());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "indicator",
            "inputs",
            "filters",
            "used",
            "excluded",
            "populationVintage",
            "confidence",
            "method",
            "seed",
            "version");
    assertThat(json.get("excluded").get("no date").asLong()).isEqualTo(13);
    assertThat(json.get("inputs").get(0).asText()).isEqualTo("incidents-2024.csv");
    assertThat(json.get("seed").isNull()).isTrue();
    assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
    assertThat(json.get("version").asText()).isNotBlank();
  }

  @Test
  @DisplayName("a negative count or a blank indicator is refused")
  void validation() {
    assertThatThrownBy(() -> Lineage.builder("x").excluded("bad", -1).build())
        .hasMessage("excluded count (-1) for bad must not be negative");
    assertThatThrownBy(() -> Lineage.builder(" ").build())
        .hasMessage("indicator must not be blank: say what was computed");
    assertThatThrownBy(() -> Lineage.builder("x").confidence(2).build())
        .hasMessage("confidence (2.0) must be strictly between 0 and 1, for example 0.95");
  }
}
