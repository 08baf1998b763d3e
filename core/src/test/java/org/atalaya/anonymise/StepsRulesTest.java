package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.Sex;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;

/**
 * The core record steps ({@link Steps}) do what the policy asked: age bands as configured and never
 * narrower than a recorded band, ICCS codes cut to the level, times widened, identifiers replaced,
 * names redacted, and a sensitive incident keeping its department and municipality only.
 */
class StepsRulesTest {
  private static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;

  private static Incident apply(RecordStep step, Incident in) {
    Optional<Incident> out = step.apply(in, ReleaseContext.of(KEY, new SplittableRandom(1)));
    assertThat(out).as("a core step never suppresses a record").isPresent();
    return out.get();
  }

  private static Incident.Builder plain() {
    return Incident.builder("I-1").iccs("0401");
  }

  private static Victim inBand(AgeBand band) {
    return new Victim(
        Sex.UNKNOWN,
        OptionalInt.empty(),
        Optional.of(band),
        Relationship.UNKNOWN,
        VictimOutcome.UNKNOWN);
  }

  @Test
  void ageBoundsStartAtZeroAndIncreaseUpTo150() {
    assertThatThrownBy(() -> Steps.generaliseAge()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Steps.generaliseAge(5, 18))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Steps.generaliseAge(0, 18, 18))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Steps.generaliseAge(0, 30, 18))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Steps.generaliseAge(0, 151))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> Steps.generaliseAge(0, 150)).doesNotThrowAnyException();
    // One bound: a single open band, every age in it.
    Incident out =
        apply(
            Steps.generaliseAge(0),
            plain().addVictim(Victim.of(Sex.MALE, 33, VictimOutcome.INJURED)).build());
    assertThat(out.victims().get(0).ageBand()).contains(AgeBand.atLeast(0));
  }

  @Test
  void aRecordedBandWidensToTheSmallestConfiguredBandsHoldingIt() {
    RecordStep step = Steps.generaliseAge(0, 12, 18, 30, 45, 60);
    Object[][] cases = {
      {AgeBand.of(13, 15), AgeBand.of(12, 17)},
      {AgeBand.of(15, 20), AgeBand.of(12, 29)},
      {AgeBand.atLeast(20), AgeBand.atLeast(18)},
      {AgeBand.of(62, 70), AgeBand.atLeast(60)},
      {AgeBand.of(50, 70), AgeBand.atLeast(45)},
    };
    for (Object[] c : cases) {
      Incident out = apply(step, plain().addVictim(inBand((AgeBand) c[0])).build());
      assertThat(out.victims().get(0).ageBand()).as("%s", c[0]).contains((AgeBand) c[1]);
    }
  }

  @Test
  void anIccsLevelIsFromOneToFour() {
    for (int bad : new int[] {0, 5}) {
      assertThatThrownBy(() -> Steps.generaliseCategory(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatCode(() -> Steps.generaliseCategory(1)).doesNotThrowAnyException();
    assertThatCode(() -> Steps.generaliseCategory(4)).doesNotThrowAnyException();
  }

  @Test
  void aFinerCodeIsCutToTheLevelAndACoarserOneStays() {
    RecordStep step = Steps.generaliseCategory(2);
    assertThat(apply(step, plain().iccs("04011").build()).iccs()).contains(IccsCode.of("0401"));
    assertThat(apply(step, plain().iccs("0402").build()).iccs()).contains(IccsCode.of("0402"));
    assertThat(apply(step, plain().iccs("05").build()).iccs()).contains(IccsCode.of("05"));
  }

  @Test
  void generalisingTheTimeWidensTheOccurrence() {
    OffsetDateTime t = OffsetDateTime.of(2024, 5, 15, 14, 30, 0, 0, TimeWindow.HONDURAS);
    Incident out =
        apply(
            Steps.generaliseTime(TimeGranularity.MONTH),
            plain().occurred(TimeWindow.instant(t)).build());
    assertThat(out.occurred())
        .contains(TimeWindow.month(YearMonth.of(2024, 5), TimeWindow.HONDURAS));
  }

  @Test
  void aListedAttributeBecomesAPseudonymAndTheOthersStay() {
    RecordStep step = Steps.pseudonymise(List.of("src:CEDULA"));
    Incident a =
        apply(
            step,
            plain().attribute("src:CEDULA", "0801199012345").attribute("src:BARRIO", "x").build());
    Incident b = apply(step, plain().attribute("src:CEDULA", "0801199012345").build());
    String p = a.attributes().values().get("src:CEDULA");
    assertThat(p).isNotBlank().isNotEqualTo("0801199012345");
    assertThat(b.attributes().values().get("src:CEDULA")).isEqualTo(p);
    assertThat(a.attributes().values().get("src:BARRIO")).isEqualTo("x");
  }

  @Test
  void aNameInAnAttributeIsRedactedAndTheRestStays() {
    RecordStep step = Steps.redact(PiiRedactor.of(List.of("María López")));
    Incident out =
        apply(
            step,
            plain()
                .attributes(
                    new Attributes(java.util.Map.of("src:NOTA", "María López vino al parque")))
                .build());
    String v = out.attributes().values().get("src:NOTA");
    assertThat(v).doesNotContain("María").doesNotContain("López").contains("parque");
  }

  @Test
  void aSensitiveIncidentKeepsItsDepartmentAndMunicipalityOnly() {
    Location l =
        Location.at(14.07, -87.19).toBuilder()
            .admin(AdminArea.of("08", "0801", "Colonia Kennedy"))
            .address("Calle 5")
            .build();
    Incident in =
        plain().location(l).addVictim(Victim.of(Sex.FEMALE, 12, VictimOutcome.INJURED)).build();
    Incident out = apply(Steps.sensitiveDefaults(), in);
    assertThat(out.location()).isPresent();
    Location o = out.location().get();
    assertThat(o.point()).isEmpty();
    assertThat(o.address()).isEmpty();
    assertThat(o.admin().department()).contains("08");
    assertThat(o.admin().municipality()).contains("0801");
    assertThat(o.admin().colonia()).isEmpty();
  }
}
