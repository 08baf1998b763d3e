package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code atalaya rate} and {@code atalaya compare-rates}: output shapes and exit codes. */
class RateCommandsTest {

  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  static List<String> keys(JsonNode json) {
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Test
  @DisplayName(
      "rate --json prints exactly the documented fields, per 100,000 by default, equal to R"
          + " poisson.test")
  void rateJson() throws IOException {
    CliTest.Run r = run("rate", "--count", "137", "--population", "2419893", "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(keys(json))
        .containsExactly(
            "count", "population", "per", "rate", "lower", "upper", "confidence", "method");
    assertThat(r.out())
        .startsWith("{\"count\":137,\"population\":2419893,\"per\":100000,\"rate\":");
    assertThat(r.out()).contains("\"confidence\":0.95,\"method\":\"exact\"}");
    // poisson.test(137, 24.19893): 5.6614073432172409 (4.7531248048487482, 6.6927093341760706)
    assertThat(json.get("rate").asDouble()).isCloseTo(5.6614073432172409, offset(1e-9));
    assertThat(json.get("lower").asDouble()).isCloseTo(4.7531248048487482, offset(1e-9));
    assertThat(json.get("upper").asDouble()).isCloseTo(6.6927093341760706, offset(1e-9));
  }

  @Test
  @DisplayName(
      "rate takes --method byar, --per and --confidence, and prints a readable line without --json")
  void rateOptions() throws IOException {
    CliTest.Run r =
        run(
            "rate",
            "--count",
            "10",
            "--population",
            "1000",
            "--per",
            "1000",
            "--method",
            "byar",
            "--confidence",
            "0.9",
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("method").asText()).isEqualTo("byar");
    assertThat(json.get("per").asLong()).isEqualTo(1000);
    assertThat(json.get("confidence").asDouble()).isEqualTo(0.9);
    assertThat(json.get("rate").asDouble()).isEqualTo(10);
    CliTest.Run human = run("rate", "--count", "0", "--population", "50000");
    assertThat(human.exit()).isZero();
    assertThat(human.out())
        .contains("0 per 100,000")
        .contains("population 50,000")
        .contains("95% confidence interval 0 to 7.378")
        .contains("exact Garwood");
  }

  @Test
  @DisplayName(
      "compare-rates --json prints the documented fields, equal to R poisson.test(c(11, 21), c(800,"
          + " 3011))")
  void compareJson() throws IOException {
    CliTest.Run r =
        run(
            "compare-rates",
            "--count1",
            "11",
            "--population1",
            "800",
            "--count2",
            "21",
            "--population2",
            "3011",
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(keys(json))
        .containsExactly("rateRatio", "lower", "upper", "pValue", "pValueGreater", "pValueLess");
    assertThat(json.get("rateRatio").asDouble()).isCloseTo(1.9714880952380953, offset(1e-12));
    assertThat(json.get("lower").asDouble()).isCloseTo(0.85842640339163923, offset(1e-9));
    assertThat(json.get("upper").asDouble()).isCloseTo(4.27726594365407120, offset(1e-9));
    assertThat(json.get("pValue").asDouble()).isCloseTo(0.079668633033329522, offset(1e-12));
    assertThat(json.get("pValueGreater").asDouble()).isCloseTo(0.056008659787699693, offset(1e-12));
    assertThat(json.get("pValueLess").asDouble()).isCloseTo(0.97593182322731198, offset(1e-12));
    CliTest.Run human =
        run(
            "compare-rates",
            "--count1",
            "11",
            "--population1",
            "800",
            "--count2",
            "21",
            "--population2",
            "3011");
    assertThat(human.out()).contains("rate ratio 1.971").contains("two-sided p = 0.07967");
  }

  @Test
  @DisplayName("an infinite rate ratio (count2 = 0) is written as null in JSON")
  void infiniteRatio() throws IOException {
    CliTest.Run r =
        run(
            "compare-rates",
            "--count1",
            "5",
            "--population1",
            "100",
            "--count2",
            "0",
            "--population2",
            "100",
            "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("rateRatio").isNull()).isTrue();
    assertThat(json.get("upper").isNull()).isTrue();
    assertThat(json.get("pValue").asDouble()).isEqualTo(0.0625);
  }

  @Test
  @DisplayName("usage errors exit 2 and say what was wrong")
  void usageErrors() {
    assertThat(run("rate", "--count", "3").exit()).isEqualTo(2);
    CliTest.Run negative = run("rate", "--count", "-3", "--population", "10");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err()).contains("--count (-3) must not be negative");
    CliTest.Run method = run("rate", "--count", "3", "--population", "10", "--method", "wald");
    assertThat(method.exit()).isEqualTo(2);
    assertThat(method.err()).contains("must be exact or byar");
    CliTest.Run confidence =
        run("rate", "--count", "3", "--population", "10", "--confidence", "95");
    assertThat(confidence.exit()).isEqualTo(2);
    assertThat(confidence.err()).contains("confidence (95.0) must be strictly between 0 and 1");
    CliTest.Run zeros =
        run(
            "compare-rates",
            "--count1",
            "0",
            "--population1",
            "1",
            "--count2",
            "0",
            "--population2",
            "1");
    assertThat(zeros.exit()).isEqualTo(2);
    assertThat(zeros.err()).contains("nothing to compare");
  }
}
