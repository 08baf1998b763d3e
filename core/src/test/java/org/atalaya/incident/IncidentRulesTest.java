package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentRulesTest {

  @Test
  void anIdMayBeExactly200CharactersButNotOneMore() {
    String max = "x".repeat(Incident.MAX_ID_LENGTH);
    assertThat(Incident.builder(max).build().id()).isEqualTo(max);
    assertThatThrownBy(() -> Incident.builder(max + "y").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incident id (xxxxxxxxxxxxxxxxxxxx...)")
        .hasMessageContaining("at most 200 characters");
  }

  @Test
  void anIdWithAControlCharacterAnywhereIsRefusedWithTheCharacterMasked() {
    for (String bad : new String[] {"\nTGU-1", "TGU\t1", "TGU-1\r"}) {
      assertThatThrownBy(() -> Incident.builder(bad).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("incident id (" + bad.replaceAll("[\\n\\r\\t]", "?") + ")")
          .hasMessageContaining("control characters");
    }
  }

  @Test
  void theSummaryNamesIdCodeStartAndVictimCountOnly() {
    Incident i =
        Incident.builder("TGU-2024-000123")
            .iccs("0101")
            .occurred(TimeWindow.instant(OffsetDateTime.parse("2024-03-15T21:30:00-06:00")))
            .victims(List.of(Victim.of(Sex.MALE, 30, VictimOutcome.KILLED)))
            .narrative("secreto")
            .build();
    assertThat(i.toString())
        .isEqualTo(
            "Incident[id=TGU-2024-000123, iccs=0101, occurred=2024-03-15T21:30-06:00/INSTANT,"
                + " victims=1]");
    assertThat(Incident.builder("X").build().toString())
        .isEqualTo("Incident[id=X, iccs=?, occurred=?, victims=0]");
  }

  @Test
  void eachContextChangeReplacesOnlyItsOwnPart() {
    IncidentContext c = IncidentContext.UNKNOWN.withDomestic(true);
    IncidentContext attempted = c.withAttempt(Attempt.ATTEMPTED);
    assertThat(attempted.attempt()).isEqualTo(Attempt.ATTEMPTED);
    assertThat(attempted.withAttempt(Attempt.UNKNOWN)).isEqualTo(c);
    IncidentContext home = c.withPlaceType(PlaceType.RESIDENCE);
    assertThat(home.placeType()).isEqualTo(PlaceType.RESIDENCE);
    assertThat(home.withPlaceType(PlaceType.UNKNOWN)).isEqualTo(c);
  }

  @Test
  void aNullAttributeKeyIsInvalidAndANullValueIsRefusedByItsKey() {
    assertThat(Attributes.isValidKey(null)).isFalse();
    Map<String, String> m = new HashMap<>();
    m.put("src:BARRIO", null);
    assertThatThrownBy(() -> new Attributes(m))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("attribute src:BARRIO");
  }
}
