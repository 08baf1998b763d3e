package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.PublicationState;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The draft of a release's per-record steps ({@link IncidentDraft}, {@link ReleaseStep#edit}):
 * editing one draft through a chain of steps gives what applying them one after another gives,
 * and a step that only implements {@link ReleaseStep#apply} works in a chain unchanged.
 */
class IncidentDraftTest {
  private static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;

  /** Every per-record step of core, in an order a policy could use. */
  private static List<ReleaseStep> coreSteps() {
    return List.of(
        Steps.pseudonymise(List.of("case", "cedula")),
        Steps.redact(PiiRedactor.of(List.of("María López"))),
        Steps.sensitiveDefaults(),
        Steps.dropFields(List.of(IncidentField.ADDRESS, IncidentField.SOURCE_CATEGORY)),
        Steps.generaliseAge(0, 12, 18, 30, 45, 60),
        Steps.generaliseTime(TimeGranularity.WEEK),
        Steps.keepFields(List.of(IncidentField.CONTEXT, IncidentField.VICTIMS)),
        Steps.generaliseTime(TimeGranularity.MONTH),
        Steps.generaliseCategory(2));
  }

  @Test
  void anUnchangedDraftBuildsTheSameIncident() {
    qt().forAll(IncidentGenerators.incidents()).checkAssert(in -> {
      IncidentDraft d = IncidentDraft.of(in);
      // Setting a part to the object it already holds is no change.
      d.classification(in.classification()).location(in.location()).narrative(in.narrative());
      assertThat(d.build()).isSameAs(in);
    });
  }

  @Test
  void aChangedPartIsTheOnlyDifference() {
    qt().forAll(IncidentGenerators.incidents()).checkAssert(in -> {
      Classification robbery = Classification.iccs(IccsCode.of("0401"));
      Incident out = IncidentDraft.of(in).classification(robbery).publication(PublicationState.PUBLISHED).build();
      assertThat(out).isEqualTo(in.toBuilder().classification(robbery).publication(PublicationState.PUBLISHED).build());
    });
  }

  @Test
  void resetForgetsEveryChange() {
    qt().forAll(IncidentGenerators.incidents(), IncidentGenerators.incidents()).checkAssert((a, b) -> {
      IncidentDraft d = IncidentDraft.of(a).narrative(Optional.of("otra cosa")).victims(List.of());
      assertThat(d.reset(b).build()).isSameAs(b);
    });
  }

  @Test
  void buildValidatesAsTheIncidentDoes() {
    Incident in = Incident.builder("I1").build();
    IncidentDraft d = IncidentDraft.of(in).narrative(Optional.of("   "));
    assertThatThrownBy(d::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("narrative");
  }

  @Test
  void editingOneDraftThroughAChainEqualsApplyingTheStepsOneAfterAnother() {
    List<ReleaseStep> steps = coreSteps();
    qt().withExamples(300).forAll(IncidentGenerators.incidents(), SourceDSL.integers().between(1, steps.size()))
        .checkAssert((in, count) -> {
          ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
          Optional<Incident> oneByOne = Optional.of(in);
          IncidentDraft draft = IncidentDraft.of(in);
          boolean kept = true;
          for (ReleaseStep step : steps.subList(0, count)) {
            oneByOne = oneByOne.flatMap(i -> step.apply(i, ctx));
            kept = kept && step.edit(draft, ctx);
          }
          assertThat(kept ? Optional.of(draft.build()) : Optional.empty()).isEqualTo(oneByOne);
        });
  }

  /** A plugin's step as most are written: {@code apply} only, suppressing some records. */
  private record ApplyOnly() implements ReleaseStep {
    @Override
    public String name() {
      return "apply-only";
    }

    @Override
    public Optional<Incident> apply(Incident incident, ReleaseContext context) {
      if (incident.id().endsWith("3")) {
        context.suppress(incident, name());
        return Optional.empty();
      }
      return Optional.of(incident.toBuilder().narrative("revisado").build());
    }
  }

  @Test
  void aStepWithApplyOnlyWorksInAChainOfEdits() {
    List<ReleaseStep> steps = List.of(Steps.generaliseCategory(1), new ApplyOnly(), Steps.generaliseTime(TimeGranularity.MONTH));
    qt().withExamples(100).forAll(ReleaseTest.incidentLists()).checkAssert(in -> {
      List<Incident> expected = new ArrayList<>();
      ReleaseContext reference = ReleaseContext.of(KEY, new SplittableRandom(1));
      for (Incident i : in) {
        Optional<Incident> o = Optional.of(i);
        for (ReleaseStep s : steps) {
          o = o.flatMap(x -> s.apply(x, reference));
        }
        o.ifPresent(expected::add);
      }
      ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
      assertThat(Chunks.apply(steps, in, ctx)).isEqualTo(expected);
      assertThat(ctx.suppressed()).isEqualTo(reference.suppressed()).isEqualTo(in.size() - expected.size());
    });
  }

  @Test
  void aPartSetWronglyFailsTheReleaseClosedNamingTheSteps() {
    ReleaseStep blank = new ReleaseStep() {
      @Override
      public String name() {
        return "blank-narrative";
      }

      @Override
      public Optional<Incident> apply(Incident incident, ReleaseContext context) {
        return ReleaseStep.applyByEditing(this, incident, context);
      }

      @Override
      public boolean edit(IncidentDraft draft, ReleaseContext context) {
        draft.narrative(Optional.of(" "));
        return true;
      }
    };
    List<Incident> in = List.of(Incident.builder("I1").build());
    assertThatThrownBy(() -> Chunks.apply(List.of(Steps.generaliseCategory(2), blank), in, ReleaseContext.of(KEY, new SplittableRandom(1))))
        .isInstanceOfSatisfying(AnonymisationException.class, e -> assertThat(e.code()).isEqualTo(AnonymiseCode.STEP_FAILED))
        .hasMessageContaining("generalise-category, blank-narrative (building the incident)");
  }
}
