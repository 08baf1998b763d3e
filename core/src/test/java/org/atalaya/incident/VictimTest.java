package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VictimTest {

  @Test
  void anAgeRunsFromZeroTo150Inclusive() {
    assertThat(Victim.of(Sex.FEMALE, 0, VictimOutcome.INJURED).age()).hasValue(0);
    assertThat(Victim.of(Sex.FEMALE, 150, VictimOutcome.INJURED).age()).hasValue(150);
    for (int bad : new int[] {-1, 151}) {
      assertThatThrownBy(() -> Victim.of(Sex.FEMALE, bad, VictimOutcome.INJURED))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("victim age (" + bad + ") must be from 0 to 150");
    }
  }

  @Test
  void anAgeAndABandGivenTogetherMustAgree() {
    assertThat(victim(29, AgeBand.of(20, 29)).age()).hasValue(29);
    assertThatThrownBy(() -> victim(30, AgeBand.of(20, 29)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("victim age (30) must fall in the age band (20-29)");
  }

  @Test
  void aVictimIsAMinorWhenKnownToBeUnder18() {
    assertThat(Victim.of(Sex.MALE, 17, VictimOutcome.KILLED).isMinor()).isTrue();
    assertThat(Victim.of(Sex.MALE, 18, VictimOutcome.KILLED).isMinor()).isFalse();
    assertThat(band(AgeBand.of(12, 17)).isMinor()).isTrue();
    assertThat(band(AgeBand.of(15, 19)).isMinor()).isFalse();
    assertThat(band(AgeBand.atLeast(0)).isMinor()).isFalse();
  }

  private static Victim victim(int age, AgeBand band) {
    return new Victim(
        Sex.FEMALE,
        OptionalInt.of(age),
        Optional.of(band),
        Relationship.UNKNOWN,
        VictimOutcome.KILLED);
  }

  private static Victim band(AgeBand band) {
    return new Victim(
        Sex.FEMALE,
        OptionalInt.empty(),
        Optional.of(band),
        Relationship.UNKNOWN,
        VictimOutcome.KILLED);
  }
}
