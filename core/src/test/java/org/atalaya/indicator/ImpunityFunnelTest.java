package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The impunity funnel on hand-built histories, and APJ's same-year ratios. */
class ImpunityFunnelTest {

  static final LocalDate AS_OF = LocalDate.of(2024, 12, 31);
  static final ImpunityFunnel.Settings ONE_YEAR =
      ImpunityFunnel.Settings.of(AS_OF, Period.ofYears(1));

  /** Cohort: entered by 2023-12-31. Young: entered later. Comments give what each case shows. */
  static final List<CaseHistory> CASES =
      List.of(
          // A, cohort: every stage within a year of entry
          CaseHistory.parse(
              "REPORTED@2023-01-01 UNDER_INVESTIGATION@2023-01-11 CHARGED@2023-03-02"
                  + " CONVICTED@2023-09-01"),
          // B, cohort: archived without investigation
          CaseHistory.parse("REPORTED@2023-02-01 ARCHIVED@2023-05-01"),
          // C, cohort: the source starts at the charge; investigation implied, dates before the
          // charge unknown
          CaseHistory.parse("CHARGED@2023-06-01 ACQUITTED@2023-10-01"),
          // D, cohort: charged and convicted, but after its first year
          CaseHistory.parse(
              "REPORTED@2022-03-01 UNDER_INVESTIGATION@2022-03-21 CHARGED@2023-06-01"
                  + " CONVICTED@2024-02-01"),
          // E, young, still at report: censored at every later stage
          CaseHistory.parse("REPORTED@2024-11-01"),
          // F, young and quick: convicted already, so never censored, but not in the cohort
          CaseHistory.parse("REPORTED@2024-06-01 CHARGED@2024-06-02 CONVICTED@2024-12-01"),
          // G, young and dismissed: final, so a known failure at conviction, not censored
          CaseHistory.parse("REPORTED@2024-03-01 CHARGED@2024-04-01 DISMISSED@2024-05-01"),
          // H, no history
          CaseHistory.EMPTY,
          // I, enters after the funnel's date
          CaseHistory.parse("REPORTED@2025-02-01"),
          // J, young; its investigation step is after the funnel's date and is ignored
          CaseHistory.parse("REPORTED@2024-12-01 UNDER_INVESTIGATION@2025-01-05"));

  @Nested
  @DisplayName("counts")
  class Counts {
    final ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);

    @Test
    @DisplayName("every case is counted once: in the funnel, without history, or not yet entered")
    void everyCaseAccountedFor() {
      assertThat(f.cases()).isEqualTo(8);
      assertThat(f.withoutHistory()).isEqualTo(1);
      assertThat(f.notYetEntered()).isEqualTo(1);
      assertThat(f.cases() + f.withoutHistory() + f.notYetEntered()).isEqualTo(CASES.size());
      assertThat(f.cohort()).isEqualTo(4);
      assertThat(f.younger()).isEqualTo(4);
    }

    @Test
    @DisplayName("a stage counts as reached when a later stage is, whatever the age of the case")
    void reachedPerStage() {
      assertThat(f.stages()).extracting(StageCount::reached).containsExactly(8L, 5L, 5L, 3L);
    }

    @Test
    @DisplayName(
        "young cases that have not reached a stage and still can are censored, not failures")
    void censoring() {
      assertThat(f.stages()).extracting(StageCount::censored).containsExactly(0L, 2L, 2L, 2L);
    }

    @Test
    @DisplayName("the cohort counts only what happened within the follow-up")
    void cohort() {
      assertThat(f.stages()).extracting(StageCount::cohortReached).containsExactly(4L, 3L, 2L, 1L);
    }

    @Test
    @DisplayName("current statuses are counted, ignoring steps after the funnel's date")
    void currentStatuses() {
      assertThat(f.currentlyAt(CaseStatus.CONVICTED)).isEqualTo(3);
      assertThat(f.currentlyAt(CaseStatus.ARCHIVED)).isEqualTo(1);
      assertThat(f.currentlyAt(CaseStatus.ACQUITTED)).isEqualTo(1);
      assertThat(f.currentlyAt(CaseStatus.DISMISSED)).isEqualTo(1);
      assertThat(f.currentlyAt(CaseStatus.REPORTED)).isEqualTo(2);
      assertThat(f.currentlyAt(CaseStatus.UNDER_INVESTIGATION)).isZero();
    }
  }

  @Nested
  @DisplayName("proportions")
  class Proportions {
    final ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);

    @Test
    @DisplayName("proportions of the cohort carry Clopper-Pearson intervals equal to R binom.test")
    void ofCohort() {
      assertThat(f.stage(FunnelStage.REPORTED).ofCohort().orElseThrow().estimate()).isEqualTo(1);
      // binom.test(4, 4)$conf.int
      assertRelative(
          "4/4 lower",
          f.stage(FunnelStage.REPORTED).ofCohort().orElseThrow().lower(),
          0.39763536438352542);
      Proportion investigated = f.stage(FunnelStage.INVESTIGATED).ofCohort().orElseThrow();
      assertThat(investigated.estimate()).isEqualTo(0.75);
      // binom.test(3, 4)$conf.int
      assertRelative("3/4 lower", investigated.lower(), 0.19412044968324341);
      assertRelative("3/4 upper", investigated.upper(), 0.99369053679029018);
      Proportion convicted = f.stage(FunnelStage.CONVICTED).ofCohort().orElseThrow();
      // binom.test(1, 4)$conf.int
      assertRelative("1/4 lower", convicted.lower(), 0.0063094632097098697);
      assertRelative("1/4 upper", convicted.upper(), 0.80587955031675662);
    }

    @Test
    @DisplayName(
        "each stage is also a proportion of the cohort cases that reached the previous one")
    void ofPrevious() {
      assertThat(f.stage(FunnelStage.REPORTED).ofPrevious()).isEmpty();
      assertThat(f.stage(FunnelStage.INVESTIGATED).ofPrevious().orElseThrow().trials())
          .isEqualTo(4);
      Proportion charged = f.stage(FunnelStage.CHARGED).ofPrevious().orElseThrow();
      assertThat(charged.successes()).isEqualTo(2);
      assertThat(charged.trials()).isEqualTo(3);
      // binom.test(2, 3)$conf.int
      assertRelative("2/3 lower", charged.lower(), 0.094299324050246131);
      assertRelative("2/3 upper", charged.upper(), 0.99159624134038737);
      Proportion convicted = f.stage(FunnelStage.CONVICTED).ofPrevious().orElseThrow();
      // binom.test(1, 2)$conf.int
      assertRelative("1/2 lower", convicted.lower(), 0.012579117093425058);
      assertRelative("1/2 upper", convicted.upper(), 0.98742088290657493);
    }

    @Test
    @DisplayName("with no case old enough there is no proportion, only censored cases")
    void noCohort() {
      ImpunityFunnel young =
          ImpunityFunnel.of(CASES, ImpunityFunnel.Settings.of(AS_OF, Period.ofYears(5)));
      assertThat(young.cohort()).isZero();
      assertThat(young.stages()).allSatisfy(s -> assertThat(s.ofCohort()).isEmpty());
      // B (archived, may reopen), E and J; A, D and F were convicted, C acquitted, G dismissed
      assertThat(young.stage(FunnelStage.CONVICTED).censored()).isEqualTo(3);
    }
  }

  @Nested
  @DisplayName("times")
  class Times {
    final ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);

    @Test
    @DisplayName("median days between stages use only cases with both dates known")
    void medians() {
      // A 10, D 20, F 1 (charged the next day), G 31
      assertThat(f.medianDays(FunnelStage.REPORTED, FunnelStage.INVESTIGATED)).hasValue(15);
      // A 50, D 437, F 0, G 0; C starts at the charge and has no known investigation date
      assertThat(f.medianDays(FunnelStage.INVESTIGATED, FunnelStage.CHARGED)).hasValue(25);
      // A 183, D 245, F 182
      assertThat(f.medianDays(FunnelStage.CHARGED, FunnelStage.CONVICTED)).hasValue(183);
      // A 243, D 702, F 183
      assertThat(f.medianDays(FunnelStage.REPORTED, FunnelStage.CONVICTED)).hasValue(243);
    }

    @Test
    @DisplayName("stages must be given in funnel order")
    void order() {
      assertThatThrownBy(() -> f.medianDays(FunnelStage.CHARGED, FunnelStage.REPORTED))
          .hasMessage("to (REPORTED) must be a later stage than from (CHARGED)");
      assertThat(
              ImpunityFunnel.of(List.of(CaseHistory.parse("REPORTED@2020-01-01")), ONE_YEAR)
                  .medianDays(FunnelStage.REPORTED, FunnelStage.CHARGED))
          .isEmpty();
    }
  }

  @Nested
  @DisplayName("Kaplan-Meier times between stages")
  class KaplanMeierTimes {
    final ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);

    private void assertSurvival(StageTime t, double[] times, double[] survival) {
      assertThat(t.estimate().steps())
          .extracting(KaplanMeier.Step::time)
          .containsExactly(box(times));
      for (int i = 0; i < times.length; i++) {
        assertRelative("surv at " + times[i], t.estimate().steps().get(i).survival(), survival[i]);
      }
    }

    private Double[] box(double[] v) {
      return Arrays.stream(v).boxed().toArray(Double[]::new);
    }

    @Test
    @DisplayName(
        "charged to convicted: acquittals and dismissals never reach conviction and stay at risk to"
            + " the funnel's date")
    void chargedToConvicted() {
      // A 183, D 245, F 182 convicted; C acquitted (2023-06-01 to 2024-12-31: 579 days), G
      // dismissed (274)
      // f <- survfit(Surv(c(183, 579, 245, 182, 274), c(1, 0, 1, 1, 0)) ~ 1); quantile(f, 0.5)
      StageTime t = f.timeBetween(FunnelStage.CHARGED, FunnelStage.CONVICTED);
      assertSurvival(
          t,
          new double[] {182, 183, 245, 274, 579},
          new double[] {
            0.80000000000000004,
            0.60000000000000009,
            0.40000000000000002,
            0.40000000000000002,
            0.40000000000000002
          });
      assertRelative(
          "lower at 183", t.estimate().steps().get(1).lower().getAsDouble(), 0.29331643163832644);
      assertThat(t.medianDays()).hasValue(245);
      assertThat(t.estimate().medianLower()).hasValue(183);
      assertThat(t.estimate().medianUpper()).isEmpty();
      assertThat(t.atRisk()).isEqualTo(5);
      assertThat(t.events()).isEqualTo(3);
      assertThat(t.endedOtherwise()).isEqualTo(2);
      assertThat(t.stillWaiting()).isZero();
      assertThat(t.startUnknown()).isZero();
      assertThat(t.endedElsewhere()).isEqualTo(EndedElsewhere.NEVER_REACHES);
    }

    @Test
    @DisplayName(
        "charged to convicted, censoring cases on the day they ended: a shorter, cause-specific"
            + " median")
    void chargedToConvictedCensoredWhenEnded() {
      // C acquitted after 122 days, G dismissed after 30
      // f <- survfit(Surv(c(183, 122, 245, 182, 30), c(1, 0, 1, 1, 0)) ~ 1); quantile(f, 0.5)
      StageTime t =
          f.timeBetween(
              FunnelStage.CHARGED, FunnelStage.CONVICTED, EndedElsewhere.CENSORED_WHEN_ENDED);
      assertSurvival(
          t,
          new double[] {30, 122, 182, 183, 245},
          new double[] {1, 1, 0.66666666666666663, 0.33333333333333331, 0});
      assertRelative(
          "lower at 183", t.estimate().steps().get(3).lower().getAsDouble(), 0.067278390851922276);
      assertThat(t.estimate().steps().get(4).lower()).isEmpty();
      assertThat(t.medianDays()).hasValue(183);
      assertThat(t.estimate().medianLower()).hasValue(182);
      assertThat(t.estimate().medianUpper()).isEmpty();
    }

    @Test
    @DisplayName(
        "reported to charged: recent cases are censored at their age, a history starting at the"
            + " charge is left out")
    void reportedToCharged() {
      // A 60, D 457, F 1, G 31 charged; B archived (699 days to the funnel's date); E (60) and J
      // (30) still waiting;
      // C starts at CHARGED, so its report date is unknown.
      // f <- survfit(Surv(c(60, 699, 457, 60, 1, 31, 30), c(1, 0, 1, 0, 1, 1, 0)) ~ 1); quantile(f,
      // 0.5)
      StageTime t = f.timeBetween(FunnelStage.REPORTED, FunnelStage.CHARGED);
      assertSurvival(
          t,
          new double[] {1, 30, 31, 60, 457, 699},
          new double[] {
            0.8571428571428571,
            0.8571428571428571,
            0.68571428571428572,
            0.51428571428571423,
            0.25714285714285712,
            0.25714285714285712
          });
      assertRelative(
          "lower at 457", t.estimate().steps().get(4).lower().getAsDouble(), 0.052499296163931397);
      assertThat(t.medianDays()).hasValue(457);
      assertThat(t.estimate().medianLower()).hasValue(31);
      assertThat(t.estimate().medianUpper()).isEmpty();
      assertThat(t.stillWaiting()).isEqualTo(2);
      assertThat(t.endedOtherwise()).isEqualTo(1);
      assertThat(t.startUnknown()).isEqualTo(1);
      assertThat(t.lineage().excluded()).containsEntry("reached REPORTED on an unknown date", 1L);
      assertThat(t.lineage().used()).isEqualTo(7);
      // the median of finished steps only (A 60, D 457, F 1, G 31) says 45.5 days: it ignores the
      // waiting
      assertThat(f.medianDays(FunnelStage.REPORTED, FunnelStage.CHARGED)).hasValue(45.5);
    }

    @Test
    @DisplayName(
        "the guide's example: a curve ending exactly at 0.5 gives the midpoint to the last time, as"
            + " R")
    void guideExample() {
      ImpunityFunnel g =
          ImpunityFunnel.of(
              List.of(
                  CaseHistory.parse(
                      "REPORTED@2021-03-01 UNDER_INVESTIGATION@2021-03-20 CHARGED@2021-09-01"
                          + " CONVICTED@2022-05-10"),
                  CaseHistory.parse("REPORTED@2022-01-15 ARCHIVED@2022-06-01"),
                  CaseHistory.parse("REPORTED@2024-11-02")),
              ImpunityFunnel.Settings.of(AS_OF, Period.ofYears(2)));
      // f <- survfit(Surv(c(184, 1081, 59), c(1, 0, 0)) ~ 1); quantile(f, 0.5): 632.5, lower 184,
      // upper NA
      StageTime t = g.timeBetween(FunnelStage.REPORTED, FunnelStage.CHARGED);
      assertThat(t.medianDays()).hasValue(632.5);
      assertThat(t.estimate().medianLower()).hasValue(184);
      assertThat(t.estimate().medianUpper()).isEmpty();
    }

    @Test
    @DisplayName("when fewer than half of the cases reach the stage, the median is not reached")
    void notReached() {
      ImpunityFunnel young =
          ImpunityFunnel.of(
              List.of(
                  CaseHistory.parse("REPORTED@2024-01-01 CHARGED@2024-02-01"),
                  CaseHistory.parse("REPORTED@2024-01-01"),
                  CaseHistory.parse("REPORTED@2024-06-01"),
                  CaseHistory.parse("REPORTED@2024-12-01")),
              ONE_YEAR);
      StageTime t = young.timeBetween(FunnelStage.REPORTED, FunnelStage.CHARGED);
      assertThat(t.medianDays()).isEmpty();
      assertThat(t.events()).isEqualTo(1);
      assertThat(t.stillWaiting()).isEqualTo(3);
      assertThatThrownBy(() -> young.timeBetween(FunnelStage.CHARGED, FunnelStage.CHARGED))
          .hasMessage("to (CHARGED) must be a later stage than from (CHARGED)");
    }
  }

  @Test
  @DisplayName("funnels by group follow the order groups first appear in")
  void byGroup() {
    List<Incident> incidents =
        List.of(
            Incident.builder("north-1").caseHistory(CASES.get(0)).build(),
            Incident.builder("south-1").caseHistory(CASES.get(1)).build(),
            Incident.builder("north-2").caseHistory(CASES.get(4)).build());
    Map<String, ImpunityFunnel> byArea =
        ImpunityFunnel.byGroup(incidents, i -> i.id().substring(0, i.id().indexOf('-')), ONE_YEAR);
    assertThat(byArea).containsOnlyKeys("north", "south");
    assertThat(byArea.keySet()).containsExactly("north", "south");
    assertThat(byArea.get("north").cases()).isEqualTo(2);
    assertThat(byArea.get("north").stage(FunnelStage.CONVICTED).reached()).isEqualTo(1);
    assertThat(byArea.get("north").stage(FunnelStage.CONVICTED).censored()).isEqualTo(1);
    assertThat(byArea.get("south").stage(FunnelStage.INVESTIGATED).reached()).isZero();
  }

  @Test
  @DisplayName("a follow-up of zero is refused")
  void badSettings() {
    assertThatThrownBy(() -> ImpunityFunnel.Settings.of(AS_OF, Period.ZERO))
        .hasMessage("followUp (P0D) must be positive");
  }

  @Nested
  @DisplayName("APJ same-year ratios")
  class Apj {
    @Test
    @DisplayName(
        "2011: 7,104 homicides, 970 in court, 298 convictions give IIH 95.8%, as APJ published")
    void published2011() {
      ApjImpunity y = ApjImpunity.of(7104, 970, 298);
      assertThat(y.impunityIndex()).isEqualTo(1 - 298.0 / 7104);
      assertThat(Math.round(y.impunityIndex() * 1000) / 10.0).isEqualTo(95.8);
      assertThat(y.judicialisationIndex()).isEqualTo(970.0 / 7104);
      assertThat(y.resolutionIndex()).hasValue(298.0 / 970);
      // APJ's case resolution figure for 2011 is 31%
      assertThat(Math.round(y.resolutionIndex().getAsDouble() * 100)).isEqualTo(31);
    }

    @Test
    @DisplayName(
        "other APJ years of shared/data/honduras/honduras-impunity.csv, to the published digits")
    void otherYears() {
      // 2010: 6,239 / 889 / 222 -> 96.4% and 25%; 2012: 7,172 / 935 / 279 -> 96.1% and 30%
      assertThat(Math.round(ApjImpunity.of(6239, 889, 222).impunityIndex() * 1000) / 10.0)
          .isEqualTo(96.4);
      assertThat(Math.round(ApjImpunity.of(6239, 889, 222).resolutionIndex().getAsDouble() * 100))
          .isEqualTo(25);
      assertThat(Math.round(ApjImpunity.of(7172, 935, 279).impunityIndex() * 1000) / 10.0)
          .isEqualTo(96.1);
      assertThat(Math.round(ApjImpunity.of(7172, 935, 279).resolutionIndex().getAsDouble() * 100))
          .isEqualTo(30);
      // 2013: 1 - 298/6757 = 0.955898, which rounds to 95.6%; APJ printed 95.5% (truncated, it
      // seems)
      assertThat(Math.round(ApjImpunity.of(6757, 860, 298).impunityIndex() * 1000) / 10.0)
          .isEqualTo(95.6);
    }

    @Test
    @DisplayName("with no case in court there is no resolution index")
    void noCourtCases() {
      assertThat(ApjImpunity.of(10, 0, 0).resolutionIndex()).isEmpty();
      assertThatThrownBy(() -> ApjImpunity.of(0, 0, 0))
          .hasMessage("homicides (0) must be positive");
    }
  }

  @Test
  void aCaseWhoseOnlyStepIsNotAFunnelStageStillCountsAsReportedOnItsFirstDate() {
    ImpunityFunnel f =
        ImpunityFunnel.of(List.of(CaseHistory.parse("ARCHIVED@2023-02-01")), ONE_YEAR);
    assertThat(f.stage(FunnelStage.REPORTED).reached()).isEqualTo(1);
    assertThat(f.stage(FunnelStage.REPORTED).cohortReached()).isEqualTo(1);
    assertThat(f.stage(FunnelStage.INVESTIGATED).reached()).isZero();
  }

  @Test
  void aMedianTimeIsBetweenTwoDifferentStagesInFunnelOrder() {
    ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);
    assertThatThrownBy(() -> f.medianDays(FunnelStage.CHARGED, FunnelStage.CHARGED))
        .hasMessage("to (CHARGED) must be a later stage than from (CHARGED)");
    // backwards, the days from a charge to the earlier report would be negative
    assertThatThrownBy(() -> f.timeBetween(FunnelStage.CHARGED, FunnelStage.REPORTED))
        .hasMessage("to (REPORTED) must be a later stage than from (CHARGED)");
  }

  @Test
  void theLineageOfATimeBetweenStagesSaysHowCasesThatEndedElsewhereWereTreated() {
    ImpunityFunnel f = ImpunityFunnel.of(CASES, ONE_YEAR);
    assertThat(f.timeBetween(FunnelStage.CHARGED, FunnelStage.CONVICTED).lineage().method())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .endsWith(
                        "; ended elsewhere: never reaches the stage (at risk up to 2024-12-31)"));
    assertThat(
            f.timeBetween(
                    FunnelStage.CHARGED, FunnelStage.CONVICTED, EndedElsewhere.CENSORED_WHEN_ENDED)
                .lineage()
                .method())
        .hasValueSatisfying(
            m -> assertThat(m).endsWith("; ended elsewhere: censored on the day it ended"));
  }

  @Test
  void theTextOfAFunnelGivesItsDateCasesCohortAndTheCasesReachingEachStage() {
    assertThat(ImpunityFunnel.of(CASES, ONE_YEAR).toString())
        .isEqualTo(
            "ImpunityFunnel[asOf=2024-12-31, cases=8, cohort=4, REPORTED=8, INVESTIGATED=5,"
                + " CHARGED=5, CONVICTED=3]");
  }
}
