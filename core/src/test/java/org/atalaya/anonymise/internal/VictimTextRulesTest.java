package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.junit.jupiter.api.Test;

class VictimTextRulesTest {

  @Test
  void theOrderInWhichVictimsAreListedDoesNotMatterButTheirAgesDo() {
    Victim a = Victim.of(Sex.MALE, 30, VictimOutcome.KILLED);
    Victim b = Victim.of(Sex.FEMALE, 45, VictimOutcome.KILLED);
    EnumSet<QuasiIdentifier> parts =
        EnumSet.of(QuasiIdentifier.VICTIM_SEX, QuasiIdentifier.VICTIM_AGE);
    String ab = VictimText.of(Incident.builder("X").victims(List.of(a, b)).build(), parts);
    String ba = VictimText.of(Incident.builder("X").victims(List.of(b, a)).build(), parts);
    assertThat(ab).isEqualTo(ba);
    Victim older = Victim.of(Sex.MALE, 31, VictimOutcome.KILLED);
    String other = VictimText.of(Incident.builder("X").victims(List.of(older, b)).build(), parts);
    assertThat(other).isNotEqualTo(ab);
  }
}
