package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.junit.jupiter.api.Test;

/**
 * A step as the policy file wrote it ({@link StepSpec}) and the core steps built from it ({@link
 * CoreSteps}): an option is read as written, an absent one falls back, a mistyped one is an invalid
 * policy naming the step and the option, never a silent default.
 */
class StepSpecRulesTest {

  private static StepSpec spec(Map<String, Object> options) {
    return StepSpec.of("my-step", options);
  }

  private static void assertInvalidNaming(Runnable read, String option) {
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> {
              assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY);
              assertThat(e.detail()).contains(option).contains("my-step");
            });
  }

  @Test
  void aStepNeedsAType() {
    assertThatThrownBy(() -> StepSpec.of(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    StepSpec s = StepSpec.of("redact", Map.of("names", "Ana"));
    assertThat(s.type()).isEqualTo("redact");
    assertThat(s.options()).containsEntry("names", "Ana");
    assertThat(s.baseDirectory()).isEmpty();
  }

  @Test
  void aNumberIsReadAsWrittenAndAnAbsentOneFallsBack() {
    StepSpec s = spec(Map.of("level", 3, "ratio", 0.25, "word", "three"));
    assertThat(s.number("level", 2)).isEqualTo(3.0);
    assertThat(s.number("ratio", 9)).isEqualTo(0.25);
    assertThat(s.number("absent", 2.5)).isEqualTo(2.5);
    assertInvalidNaming(() -> s.number("word", 1), "word");
  }

  @Test
  void aRequiredNumberMustBeThere() {
    StepSpec s = spec(Map.of("epsilon", 0.5, "word", "x"));
    assertThat(s.number("epsilon")).isEqualTo(0.5);
    assertInvalidNaming(() -> s.number("delta"), "delta");
    assertInvalidNaming(() -> s.number("word"), "word");
  }

  @Test
  void aTextIsReadAsWrittenAndAnAbsentOneIsEmpty() {
    StepSpec s = spec(Map.of("to", "week", "n", 4));
    assertThat(s.text("to")).contains("week");
    assertThat(s.text("absent")).isEmpty();
    assertInvalidNaming(() -> s.text("n"), "n");
  }

  @Test
  void aFlagIsReadAsWrittenAndAnAbsentOneFallsBack() {
    StepSpec s = spec(Map.of("yes", true, "no", false, "word", "true"));
    for (boolean fallback : new boolean[] {true, false}) {
      assertThat(s.flag("yes", fallback)).isTrue();
      assertThat(s.flag("no", fallback)).isFalse();
      assertThat(s.flag("absent", fallback)).isEqualTo(fallback);
    }
    assertInvalidNaming(() -> s.flag("word", false), "word");
  }

  @Test
  void aSingleTextIsAListOfOne() {
    StepSpec s = spec(Map.of("one", "Ana", "many", List.of("Ana", 7), "n", 4));
    assertThat(s.texts("one")).containsExactly("Ana");
    assertThat(s.texts("many")).containsExactly("Ana", "7");
    assertThat(s.texts("absent")).isEmpty();
    assertInvalidNaming(() -> s.texts("n"), "n");
  }

  @Test
  void aRelativeFileResolvesAgainstThePolicysDirectory() {
    Map<String, Object> o = Map.of("shapes", "zones/colonias.geojson");
    Path base = Path.of("/data/policies");
    assertThat(new StepSpec("t", o, Optional.of(base)).file("shapes"))
        .contains(base.resolve("zones/colonias.geojson"));
    assertThat(StepSpec.of("t", o).file("shapes")).contains(Path.of("zones/colonias.geojson"));
    assertThat(StepSpec.of("t", o).file("absent")).isEmpty();
  }

  // CoreSteps

  @Test
  void theCoreFactoryNamesEveryTypeItBuilds() {
    CoreSteps core = new CoreSteps();
    assertThat(core.types())
        .containsExactlyInAnyOrder(
            "keep-fields",
            "drop-fields",
            "pseudonymise",
            "redact",
            "generalise-time",
            "generalise-age",
            "generalise-category",
            "sensitive-defaults");
    for (String t : core.types()) {
      assertThat(core.create(StepSpec.of(t, Map.of()))).isPresent();
    }
    assertThat(core.create(StepSpec.of("donut-mask", Map.of()))).isEmpty();
  }

  private static Optional<AgeBand> bandOf(ReleaseStep step, int age) {
    Incident in =
        Incident.builder("I-1")
            .iccs("0401")
            .addVictim(Victim.of(Sex.FEMALE, age, VictimOutcome.INJURED))
            .build();
    Incident out =
        ((RecordStep) step)
            .apply(in, ReleaseContext.of(null, new SplittableRandom(1)))
            .orElseThrow();
    assertThat(out.victims().get(0).age()).isEqualTo(OptionalInt.empty());
    return out.victims().get(0).ageBand();
  }

  @Test
  void ageBandsAreTheWrittenBoundsOrTheDocumentedDefault() {
    CoreSteps core = new CoreSteps();
    ReleaseStep defaults = core.create(StepSpec.of("generalise-age", Map.of())).orElseThrow();
    // The default bands: 0-11, 12-17, 18-29, 30-44, 45-59, 60+.
    assertThat(bandOf(defaults, 14)).contains(AgeBand.of(12, 17));
    assertThat(bandOf(defaults, 18)).contains(AgeBand.of(18, 29));
    assertThat(bandOf(defaults, 61)).contains(AgeBand.atLeast(60));
    ReleaseStep own =
        core.create(StepSpec.of("generalise-age", Map.of("bounds", List.of(0, 18, 65))))
            .orElseThrow();
    assertThat(bandOf(own, 14)).contains(AgeBand.of(0, 17));
    assertThat(bandOf(own, 40)).contains(AgeBand.of(18, 64));
    assertThatThrownBy(
            () -> core.create(StepSpec.of("generalise-age", Map.of("bounds", List.of("0", "x")))))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY));
  }

  static Victim inBand(AgeBand band) {
    return new Victim(
        Sex.UNKNOWN,
        OptionalInt.empty(),
        Optional.of(band),
        Relationship.UNKNOWN,
        VictimOutcome.UNKNOWN);
  }
}
