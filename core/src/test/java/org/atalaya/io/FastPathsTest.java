package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.internal.IsoTimes;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** The fast paths taken for speed give exactly what the general parsers give. */
class FastPathsTest {
  @Test
  void isoTimesEqualJavaTime() {
    List<ZoneOffset> offsets =
        List.of(
            ZoneOffset.UTC,
            ZoneOffset.ofHours(-6),
            ZoneOffset.ofHoursMinutes(5, 45),
            ZoneOffset.ofHours(14));
    qt().withExamples(3000)
        .forAll(
            longs().between(-2_000_000_000L, 4_000_000_000L),
            integers().between(0, 999_999_999),
            Generate.pick(offsets))
        .checkAssert(
            (s, n, off) -> {
              OffsetDateTime t =
                  OffsetDateTime.ofInstant(Instant.ofEpochSecond(s, n % 3 == 0 ? 0 : n), off);
              String text = t.toString();
              assertThat(IsoTimes.offsetDateTime(text)).isEqualTo(OffsetDateTime.parse(text));
              assertThat(IsoTimes.localDate(t.toLocalDate().toString())).isEqualTo(t.toLocalDate());
            });
  }

  @Test
  void isoTimesRejectWhatJavaTimeRejects() {
    for (String bad :
        new String[] {
          "2024-02-30T10:00-06:00",
          "2024-13-01T10:00Z",
          "2024-01-01T24:00Z",
          "2024-01-01T10:00",
          "2024-1-01T10:00Z"
        }) {
      assertThatThrownBy(() -> IsoTimes.offsetDateTime(bad))
          .as(bad)
          .isInstanceOf(DateTimeParseException.class);
    }
    assertThat(IsoTimes.offsetDateTime("2024-01-01T10:00-00:00"))
        .isEqualTo(OffsetDateTime.parse("2024-01-01T10:00-00:00"));
    assertThatThrownBy(() -> IsoTimes.localDate("2023-02-29"))
        .isInstanceOf(DateTimeParseException.class);
    assertThat(IsoTimes.localDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @Test
  void simpleJsonCellsEqualJackson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    qt().withExamples(2000)
        .forAll(
            IncidentGenerators.lineText(),
            IncidentGenerators.text(),
            strings().allPossible().ofLengthBetween(0, 8))
        .checkAssert(
            (k, v, junk) -> {
              Map<String, String> m = new LinkedHashMap<>();
              m.put("src:" + k, v);
              m.put("b", junk.replaceAll("[\\uD800-\\uDFFF]", "?"));
              String json;
              try {
                json = mapper.writeValueAsString(m);
                Map<String, String> viaJackson = new LinkedHashMap<>();
                mapper
                    .readTree(json)
                    .fields()
                    .forEachRemaining(e -> viaJackson.put(e.getKey(), e.getValue().asText()));
                Map<String, String> viaCells = new LinkedHashMap<>();
                JsonIo.readStringMap(json, viaCells);
                assertThat(viaCells).isEqualTo(viaJackson);
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void simpleJsonCellsGiveUpRatherThanGuess() {
    assertThat(SimpleJsonCells.wholeObject("{\"a\":\"x\\\"y\"}")).isNull();
    assertThat(SimpleJsonCells.wholeObject("{\"a\":1}")).isNull();
    assertThat(SimpleJsonCells.wholeObject("{\"a\":\"x\"} trailing")).isNull();
    assertThat(SimpleJsonCells.wholeObject("{\"a\":\"x\",}")).isNull();
    assertThat(SimpleJsonCells.wholeObject(" { \"a\" : \"x\" , \"b\":\"\" } "))
        .containsExactly("a", "x", "b", "");
    assertThat(
            SimpleJsonCells.wholeArrayOfObjects(
                "[{\"system\":\"s\",\"id\":\"1\"},{\"system\":\"t\",\"id\":\"2\"}]"))
        .hasSize(2);
    assertThat(SimpleJsonCells.wholeArrayOfObjects("[]")).isEmpty();
    assertThat(SimpleJsonCells.wholeArrayOfObjects("[{\"a\":\"b\"}")).isNull();
  }
}
