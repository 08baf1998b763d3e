package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The builder is the one mutable form of an incident; these are its contracts. */
class IncidentBuilderTest {
  private static final Victim VICTIM =
      new Victim(
          Sex.FEMALE,
          OptionalInt.of(30),
          Optional.empty(),
          Relationship.UNKNOWN,
          VictimOutcome.KILLED);

  @Test
  void toBuilderThenBuildGivesAnEqualIncident() {
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(i -> assertThat(i.toBuilder().build()).isEqualTo(i));
  }

  @Test
  void toBuilderSharesTheImmutablePartsInsteadOfCopyingThem() {
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(
            i -> {
              Incident copy = i.toBuilder().build();
              assertThat(copy.victims()).isSameAs(i.victims());
              assertThat(copy.sourceRefs()).isSameAs(i.sourceRefs());
              assertThat(copy.sensitivity()).isSameAs(i.sensitivity());
              assertThat(copy.location()).isSameAs(i.location());
            });
  }

  @Test
  void addingToADerivedBuilderLeavesTheOriginalUnchanged() {
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(
            i -> {
              int victims = i.victims().size();
              int refs = i.sourceRefs().size();
              Incident more =
                  i.toBuilder()
                      .addVictim(VICTIM)
                      .addSourceRef(SourceRef.of("test", "x"))
                      .addSensitivity(SensitivityFlag.MINOR_VICTIM)
                      .build();
              assertThat(i.victims()).hasSize(victims);
              assertThat(i.sourceRefs()).hasSize(refs);
              assertThat(more.victims()).hasSize(victims + 1).endsWith(VICTIM);
              assertThat(more.sourceRefs()).hasSize(refs + 1);
              assertThat(more.sensitivity())
                  .containsAll(i.sensitivity())
                  .contains(SensitivityFlag.MINOR_VICTIM);
            });
  }

  @Test
  void changingABuilderAfterBuildLeavesTheBuiltIncidentUnchanged() {
    Incident.Builder b =
        Incident.builder("I-1").addVictim(VICTIM).addSensitivity(SensitivityFlag.MINOR_VICTIM);
    Incident first = b.build();
    b.addVictim(VICTIM)
        .addSourceRef(SourceRef.of("s", "1"))
        .addSensitivity(SensitivityFlag.SEXUAL_VIOLENCE);
    assertThat(first.victims()).hasSize(1);
    assertThat(first.sourceRefs()).isEmpty();
    assertThat(first.sensitivity()).containsExactly(SensitivityFlag.MINOR_VICTIM);
    assertThat(b.build().victims()).hasSize(2);
  }

  @Test
  void replacingCollectionsCopiesThem() {
    List<Victim> people = new ArrayList<>(List.of(VICTIM));
    EnumSet<SensitivityFlag> flags = EnumSet.of(SensitivityFlag.DOMESTIC_VIOLENCE);
    Incident i = Incident.builder("I-1").victims(people).sensitivity(flags).build();
    people.add(VICTIM);
    flags.add(SensitivityFlag.MINOR_VICTIM);
    assertThat(i.victims()).hasSize(1);
    assertThat(i.sensitivity()).containsExactly(SensitivityFlag.DOMESTIC_VIOLENCE);
  }

  @Test
  void aNullElementIsRefusedByName() {
    List<Victim> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> Incident.builder("I-1").victims(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("victims must not contain null");
  }

  @Test
  void withIdChangesOnlyTheId() {
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(
            i -> {
              Incident renamed = i.withId("P-" + i.id());
              assertThat(renamed.id()).isEqualTo("P-" + i.id());
              assertThat(renamed).isEqualTo(i.toBuilder().id("P-" + i.id()).build());
              assertThat(renamed.withId(i.id())).isEqualTo(i);
              assertThat(i.withId(i.id())).isSameAs(i);
            });
  }

  @Test
  void withIdValidatesLikeTheBuilder() {
    Incident i = Incident.builder("I-1").build();
    assertThatThrownBy(() -> i.withId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> i.withId(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("id");
  }

  @Test
  void withLocationChangesOnlyTheLocation() {
    // Another incident's location: present or absent, as generated.
    qt().forAll(IncidentGenerators.incidents(), IncidentGenerators.incidents())
        .checkAssert(
            (i, other) -> {
              Optional<Location> l = other.location();
              Incident moved = i.withLocation(l);
              assertThat(moved.location()).isEqualTo(l);
              assertThat(moved).isEqualTo(i.toBuilder().location(l.orElse(null)).build());
              assertThat(i.withLocation(Optional.empty()))
                  .isEqualTo(i.toBuilder().location(null).build());
              assertThat(moved.withLocation(i.location())).isEqualTo(i);
              assertThat(i.withLocation(i.location())).isSameAs(i);
            });
  }

  @Test
  void withLocationRefusesNull() {
    Incident i = Incident.builder("I-1").build();
    assertThatThrownBy(() -> i.withLocation(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("Optional.empty()");
  }
}
