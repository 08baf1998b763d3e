package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shares an attack result reports, and the range of the disclosure risks. */
class AttackResultRulesTest {

  @Test
  void theSingledOutShareIsSingledOutTargetsOverTargets() {
    AttackResult r =
        new AttackResult(
            AttackProfile.NEIGHBOUR,
            Set.of(QuasiIdentifier.LOCATION),
            8,
            List.of(0L, 2L, 1L),
            3,
            2,
            "",
            false);
    assertThat(r.singledOutShare()).isEqualTo(0.25);
    assertThat(r.atRiskShare()).isEqualTo(0.375);
  }

  @Test
  void withoutTargetsNobodyIsSingledOut() {
    AttackResult r =
        new AttackResult(AttackProfile.REGISTER, Set.of(), 0, List.of(0L, 0L), 0, 0, "", true);
    assertThat(r.singledOutShare()).isZero();
    assertThat(r.atRiskShare()).isZero();
  }

  @Test
  void aRiskOrShareAboveOneIsRejected() {
    assertThatThrownBy(() -> risk(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> risk(-0.01)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShareOfOneIsAcceptedWithARoundingHairAbove() {
    // Shares computed as sums of fractions may land a hair above one; 1e-12 is tolerated.
    assertThat(risk(1.0).recordsBelowK()).isEqualTo(1.0);
    assertThat(risk(1 + 1e-12).recordsBelowK()).isEqualTo(1 + 1e-12);
  }

  private static Disclosure.Risk risk(double recordsBelowK) {
    return new Disclosure.Risk(0.5, 0.25, 0.25, OptionalDouble.empty(), recordsBelowK, 0, 0.5, 0);
  }
}
