package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AttributesTest {
  /** The rule as documented in Attributes' javadoc. */
  static final Pattern DOCUMENTED = Pattern.compile("[a-z0-9][a-z0-9._-]*:[^\\r\\n]+");

  @Test
  void keyCheckAgreesWithTheDocumentedRule() {
    qt().withExamples(5000)
        .forAll(strings().betweenCodePoints(9, 0x7f).ofLengthBetween(0, 12))
        .checkAssert(
            k -> assertThat(Attributes.isValidKey(k)).isEqualTo(DOCUMENTED.matcher(k).matches()));
    for (String k :
        new String[] {
          "src:BARRIO", "a:b", "a.b-c_d:x y", ":x", "a:", "A:x", "-a:x", "a:x\ny", "src:Observación"
        }) {
      assertThat(Attributes.isValidKey(k)).as(k).isEqualTo(DOCUMENTED.matcher(k).matches());
    }
  }

  @Test
  void keysAreOrderedAndValuesKept() {
    Attributes a = new Attributes(Map.of("z:1", "", "a:2", "dos"));
    assertThat(a.values().keySet()).containsExactly("a:2", "z:1");
    assertThat(a.get("z:1")).contains("");
    assertThat(a.with("a:2", "tres").get("a:2")).contains("tres");
  }

  @Test
  void badKeyIsNamed() {
    assertThatThrownBy(() -> new Attributes(Map.of("BARRIO", "x")))
        .hasMessageContaining("BARRIO")
        .hasMessageContaining("namespace:name");
  }
}
