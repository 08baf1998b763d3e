package org.atalaya.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionsTest {

  @Test
  void ordersAsSemanticVersioningSays() {
    // The precedence example of SemVer 2.0, rule 11, shuffled and sorted back.
    List<String> expected =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "1.0.1",
            "1.1.0",
            "2.0.0");
    List<SemanticVersion> shuffled =
        new ArrayList<>(expected.stream().map(SemanticVersion::parse).toList());
    Collections.shuffle(shuffled, new Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled).extracting(SemanticVersion::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void readsMavenStyleVersions() {
    assertThat(SemanticVersion.parse("0.2")).isEqualTo(SemanticVersion.of(0, 2, 0));
    assertThat(SemanticVersion.parse("0.2.0-SNAPSHOT").isPreRelease()).isTrue();
    assertThat(SemanticVersion.parse("1.0.0+build.5")).isEqualTo(SemanticVersion.of(1, 0, 0));
    assertThatThrownBy(() -> SemanticVersion.parse("uno"))
        .hasMessageContaining("'uno' is not a version");
  }

  @Test
  void caretRangesStopAtTheNextBreakingVersion() {
    VersionRange zero = VersionRange.parse("^0.1.0");
    assertThat(zero.contains(SemanticVersion.parse("0.1.0"))).isTrue();
    assertThat(zero.contains(SemanticVersion.parse("0.1.9"))).isTrue();
    assertThat(zero.contains(SemanticVersion.parse("0.2.0"))).isFalse();
    VersionRange one = VersionRange.parse("1.2.0");
    assertThat(one.contains(SemanticVersion.parse("1.9.3"))).isTrue();
    assertThat(one.contains(SemanticVersion.parse("2.0.0"))).isFalse();
    assertThat(one.contains(SemanticVersion.parse("1.1.9"))).isFalse();
  }

  @Test
  void intervalsHonourTheirBrackets() {
    VersionRange r = VersionRange.parse("(0.1.0,1.0.0]");
    assertThat(r.contains(SemanticVersion.parse("0.1.0"))).isFalse();
    assertThat(r.contains(SemanticVersion.parse("0.1.1"))).isTrue();
    assertThat(r.contains(SemanticVersion.parse("1.0.0"))).isTrue();
    assertThat(VersionRange.parse("[0.1.0,)").contains(SemanticVersion.parse("99.0.0"))).isTrue();
    // a snapshot of the API is judged by the release it leads to
    assertThat(
            VersionRange.parse("[0.2.0,0.3.0)").contains(SemanticVersion.parse("0.2.0-SNAPSHOT")))
        .isTrue();
    assertThatThrownBy(() -> VersionRange.parse("[1.0.0,0.1.0)"))
        .hasMessageContaining("lower bound above");
    assertThatThrownBy(() -> VersionRange.parse(">=0.1")).hasMessageContaining("is not a version");
  }

  @Test
  void aCaretRangeEqualsItsInterval() {
    qt().forAll(
            lists().of(integers().between(0, 20)).ofSize(3),
            lists().of(integers().between(0, 20)).ofSize(3))
        .checkAssert(
            (p, q) -> {
              int a = p.get(0);
              int b = p.get(1);
              SemanticVersion base = SemanticVersion.of(a, b, p.get(2));
              SemanticVersion v = SemanticVersion.of(q.get(0), q.get(1), q.get(2));
              String upper = a > 0 ? (a + 1) + ".0.0" : "0." + (b + 1) + ".0";
              VersionRange interval = VersionRange.parse("[" + base + "," + upper + ")");
              assertThat(VersionRange.compatibleWith(base).contains(v))
                  .isEqualTo(interval.contains(v));
              assertThat(interval.contains(v))
                  .isEqualTo(
                      v.compareTo(base) >= 0 && v.compareTo(SemanticVersion.parse(upper)) < 0);
            });
  }

  @Test
  void orderIsConsistentWithEquals() {
    qt().forAll(
            integers().between(0, 3),
            integers().between(0, 3),
            integers().between(0, 3),
            integers().between(0, 3))
        .checkAssert(
            (a, b, c, d) -> {
              SemanticVersion v = SemanticVersion.of(a, b, 0);
              SemanticVersion w = SemanticVersion.of(c, d, 0);
              assertThat(v.compareTo(w) == 0).isEqualTo(v.equals(w));
              assertThat(Integer.signum(v.compareTo(w))).isEqualTo(-Integer.signum(w.compareTo(v)));
            });
  }
}
