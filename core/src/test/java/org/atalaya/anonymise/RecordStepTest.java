package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.anonymise.internal.RecordDraft;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.PublicationState;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Record steps and the editor a release hands them ({@link RecordStep}, {@link RecordEditor},
 * implemented by {@link RecordDraft}): editing one draft through a chain of steps gives what
 * applying them one after another gives, a plugin's record step works in a chain, and a step of
 * both kinds is refused.
 */
class RecordStepTest {
  private static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;

  /** Every per-record step of core, in an order a policy could use. */
  private static List<RecordStep> coreSteps() {
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
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(
            in -> {
              RecordDraft d = RecordDraft.of(in);
              // Setting a part to the object it already holds is no change.
              d.classification(in.classification())
                  .location(in.location())
                  .narrative(in.narrative());
              assertThat(d.build()).isSameAs(in);
            });
  }

  @Test
  void aChangedPartIsTheOnlyDifference() {
    qt().forAll(IncidentGenerators.incidents())
        .checkAssert(
            in -> {
              Classification robbery = Classification.iccs(IccsCode.of("0401"));
              Incident out =
                  RecordDraft.of(in)
                      .classification(robbery)
                      .publication(PublicationState.PUBLISHED)
                      .build();
              assertThat(out)
                  .isEqualTo(
                      in.toBuilder()
                          .classification(robbery)
                          .publication(PublicationState.PUBLISHED)
                          .build());
            });
  }

  @Test
  void resetForgetsEveryChange() {
    qt().forAll(IncidentGenerators.incidents(), IncidentGenerators.incidents())
        .checkAssert(
            (a, b) -> {
              RecordDraft d =
                  RecordDraft.of(a).narrative(Optional.of("otra cosa")).victims(List.of());
              assertThat(d.reset(b).build()).isSameAs(b);
            });
  }

  @Test
  void buildValidatesAsTheIncidentDoes() {
    Incident in = Incident.builder("I1").build();
    RecordDraft d = RecordDraft.of(in).narrative(Optional.of("   "));
    assertThatThrownBy(d::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("narrative");
  }

  @Test
  void editingOneDraftThroughAChainEqualsApplyingTheStepsOneAfterAnother() {
    List<RecordStep> steps = coreSteps();
    qt().withExamples(300)
        .forAll(IncidentGenerators.incidents(), SourceDSL.integers().between(1, steps.size()))
        .checkAssert(
            (in, count) -> {
              ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
              Optional<Incident> oneByOne = Optional.of(in);
              RecordDraft draft = RecordDraft.of(in);
              boolean kept = true;
              for (RecordStep step : steps.subList(0, count)) {
                oneByOne = oneByOne.flatMap(i -> step.apply(i, ctx));
                kept = kept && step.edit(draft, ctx);
              }
              assertThat(kept ? Optional.of(draft.build()) : Optional.empty()).isEqualTo(oneByOne);
            });
  }

  /** A plugin's record step as most are written: suppresses some records, edits the others. */
  private record Reviewed() implements RecordStep {
    @Override
    public String name() {
      return "reviewed";
    }

    @Override
    public boolean edit(RecordEditor record, ReleaseContext context) {
      if (record.id().endsWith("3")) {
        context.suppress(record, name());
        return false;
      }
      record.narrative(Optional.of("revisado"));
      return true;
    }
  }

  @Test
  void aPluginsRecordStepWorksInAChainOfEdits() {
    List<RecordStep> steps =
        List.of(
            Steps.generaliseCategory(1),
            new Reviewed(),
            Steps.generaliseTime(TimeGranularity.MONTH));
    qt().withExamples(100)
        .forAll(ReleaseTest.incidentLists())
        .checkAssert(
            in -> {
              List<Incident> expected = new ArrayList<>();
              ReleaseContext reference = ReleaseContext.of(KEY, new SplittableRandom(1));
              for (Incident i : in) {
                Optional<Incident> o = Optional.of(i);
                for (RecordStep s : steps) {
                  o = o.flatMap(x -> s.apply(x, reference));
                }
                o.ifPresent(expected::add);
              }
              ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
              assertThat(Chunks.apply(steps, in, ctx.forks(), null)).isEqualTo(expected);
              assertThat(ctx.suppressed())
                  .isEqualTo(reference.suppressed())
                  .isEqualTo(in.size() - expected.size());
              assertThat(ctx.suppressedByArea()).isEqualTo(reference.suppressedByArea());
            });
  }

  @Test
  void runningAStepAloneGivesWhatARecordAtATimeGives() {
    qt().withExamples(100)
        .forAll(ReleaseTest.incidentLists())
        .checkAssert(
            in -> {
              RecordStep step = new Reviewed();
              ReleaseContext reference = ReleaseContext.of(KEY, new SplittableRandom(1));
              List<Incident> expected =
                  in.stream().flatMap(i -> step.apply(i, reference).stream()).toList();
              assertThat(
                      ReleaseStep.applyAlone(
                          step, in, ReleaseContext.of(KEY, new SplittableRandom(1))))
                  .isEqualTo(expected);
            });
  }

  /** A step that claims both kinds: how a release would run it is ambiguous. */
  private record BothKinds() implements RecordStep, DatasetStep {
    @Override
    public String name() {
      return "both";
    }

    @Override
    public boolean edit(RecordEditor record, ReleaseContext context) {
      return true;
    }

    @Override
    public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
      return incidents;
    }
  }

  @Test
  void aStepOfBothKindsIsRefusedByThePolicy() {
    assertThatThrownBy(() -> ReleasePolicy.builder("both").step(new BothKinds()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step both")
        .hasMessageContaining("implements both RecordStep and DatasetStep");
  }

  @Test
  void aPartSetWronglyFailsTheReleaseClosedNamingTheSteps() {
    RecordStep blank =
        new RecordStep() {
          @Override
          public String name() {
            return "blank-narrative";
          }

          @Override
          public boolean edit(RecordEditor record, ReleaseContext context) {
            record.narrative(Optional.of(" "));
            return true;
          }
        };
    List<Incident> in = List.of(Incident.builder("I1").build());
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
    assertThatThrownBy(
            () -> Chunks.apply(List.of(Steps.generaliseCategory(2), blank), in, ctx.forks(), null))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.STEP_FAILED))
        .hasMessageContaining("generalise-category, blank-narrative (building the incident)");
  }
}
