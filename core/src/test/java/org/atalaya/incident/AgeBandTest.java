package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

class AgeBandTest {

  @Test
  void theMinimumRunsFromZeroTo150Inclusive() {
    assertThat(AgeBand.atLeast(0).min()).isZero();
    assertThat(AgeBand.atLeast(150).min()).isEqualTo(150);
    assertThat(AgeBand.of(150, 150).toString()).isEqualTo("150-150");
    for (int bad : new int[] {-1, 151}) {
      assertThatThrownBy(() -> AgeBand.atLeast(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("minimum (" + bad + ")");
    }
  }

  @Test
  void theMaximumRunsFromTheMinimumTo150Inclusive() {
    assertThat(AgeBand.of(20, 20).contains(20)).isTrue();
    assertThat(AgeBand.of(0, 150).max()).hasValue(150);
    assertThatThrownBy(() -> AgeBand.of(20, 19))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum (19)")
        .hasMessageContaining("minimum (20)");
    assertThatThrownBy(() -> AgeBand.of(20, 151))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maximum (151)");
  }

  @Test
  void aBandContainsExactlyTheAgesFromItsMinimumToItsMaximum() {
    qt().forAll(integers().between(0, 150), integers().between(0, 150), integers().between(-5, 200))
        .checkAssert(
            (x, y, age) -> {
              int a = Math.min(x, y);
              int b = Math.max(x, y);
              assertThat(AgeBand.of(a, b).contains(age)).isEqualTo(a <= age && age <= b);
              assertThat(AgeBand.atLeast(a).contains(age)).isEqualTo(a <= age);
            });
  }

  @Test
  void textRoundTrips() {
    qt().forAll(integers().between(0, 150), integers().between(0, 150))
        .checkAssert(
            (x, y) -> {
              int a = Math.min(x, y);
              int b = Math.max(x, y);
              assertThat(AgeBand.parse(a + "-" + b)).isEqualTo(AgeBand.of(a, b));
              assertThat(AgeBand.parse(" " + a + " + ")).isEqualTo(AgeBand.atLeast(a));
              assertThat(AgeBand.parse(AgeBand.of(a, b).toString())).isEqualTo(AgeBand.of(a, b));
            });
  }

  @Test
  void textOfNeitherFormIsRefusedAsAnAgeBand() {
    for (String bad : new String[] {"20", "-29", "veinte-29", "20-", "", "+"}) {
      assertThatThrownBy(() -> AgeBand.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("age band (" + bad + ")")
          .hasMessageContaining("20-29 or 65+");
    }
  }
}
