package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The published values of the indicators refuse what cannot be true of them: a negative count, a
 * level outside (0, 1), an estimate outside its limits, a share outside [0, 1].
 */
class IndicatorValuesTest {

  private static final String LEVEL = "must be strictly between 0 and 1, for example 0.95";

  @Test
  void aProtectedRateHasAPositiveDenominatorOrderedNonNegativeLimitsAndNoNegativeRate() {
    OptionalDouble one = OptionalDouble.of(1);
    assertThatThrownBy(() -> new ProtectedRate(one, 0, 2, 0, 1000, 0.95, "b"))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> new ProtectedRate(one, 0, 2, 10, Double.NaN, 0.95, "b"))
        .hasMessage("per (NaN) must be positive and finite");
    assertThatThrownBy(() -> new ProtectedRate(one, 0, 2, 10, 1000, 0, "b"))
        .hasMessage("confidence (0.0) " + LEVEL);
    assertThatThrownBy(() -> new ProtectedRate(one, 3, 2, 10, 1000, 0.95, "b"))
        .hasMessage("limits (3.0, 2.0) must be ordered and not negative");
    assertThatThrownBy(() -> new ProtectedRate(one, -1, 2, 10, 1000, 0.95, "b"))
        .hasMessage("limits (-1.0, 2.0) must be ordered and not negative");
    assertThatThrownBy(() -> new ProtectedRate(OptionalDouble.of(-1), 0, 2, 10, 1000, 0.95, "b"))
        .hasMessage("rate (OptionalDouble[-1.0]) must not be negative");
    assertThatThrownBy(() -> ProtectedRate.ofNoisyCount(3, 1, 1, 1, 0, 1000, 0.95))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofNoisyCount(3, 1, 1, 1, 100, -1, 0.95))
        .hasMessage("per (-1.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofSuppressedCount(1, 4, -5, 1000, 0.95))
        .hasMessage("population (-5.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofSuppressedCount(1, 4, 100, 0, 0.95))
        .hasMessage("per (0.0) must be positive and finite");
    // without a denominator there is no rate: it is named before the noise or the range
    assertThatThrownBy(() -> ProtectedRate.ofNoisyCount(3, 0, 1, 1, 0, 1000, 0.95))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofNoisyCount(3, 0, 1, 1, 100, 0, 0.95))
        .hasMessage("per (0.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofSuppressedCount(5, 4, 0, 1000, 0.95))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> ProtectedRate.ofSuppressedCount(5, 4, 100, 0, 0.95))
        .hasMessage("per (0.0) must be positive and finite");
  }

  @Test
  void aProportionHasPositiveTrialsALevelInsideZeroOneAndAnEstimateWithinItsLimits() {
    assertThatThrownBy(() -> new Proportion(0, 0, 0, 0, 1, 0.95))
        .hasMessage("trials (0) must be positive");
    assertThatThrownBy(() -> new Proportion(1, 10, 0.1, 0, 1, 1))
        .hasMessage("confidence (1.0) " + LEVEL);
    assertThatThrownBy(() -> new Proportion(1, 10, 0.1, 0.2, 1, 0.95))
        .hasMessage("estimate (0.1) must lie within its limits (0.2, 1.0), inside [0, 1]");
    assertThatThrownBy(() -> Proportion.of(1, 10, 1.5)).hasMessage("confidence (1.5) " + LEVEL);
  }

  @Test
  void aPredictiveAccuracyIndexNeedsIncidentsHitsAmongThemAndAHotAreaInsideTheTotal() {
    // Chainey, Tompson and Uhlig (2008): PAI = (hits / incidents) / (hot area / total area)
    assertThat(PredictiveAccuracyIndex.of(30, 100, 5, 100).value()).isCloseTo(6, within(1e-12));
    // every incident in a hot spot that is the whole area: no better than chance
    assertThat(PredictiveAccuracyIndex.of(100, 100, 100, 100).value()).isEqualTo(1);
    assertThat(PredictiveAccuracyIndex.of(0, 100, 5, 100).value()).isZero();
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(0, 0, 5, 100))
        .hasMessage("incidents (0) must be positive");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(-1, 10, 5, 100))
        .hasMessage("hits (-1) must be from 0 to incidents (10)");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(11, 10, 5, 100))
        .hasMessage("hits (11) must be from 0 to incidents (10)");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(1, 10, 5, Double.POSITIVE_INFINITY))
        .hasMessage("totalArea (Infinity) must be positive and finite");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(1, 10, 0, 100))
        .hasMessage("hotArea (0.0) must be positive and not above totalArea (100.0)");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(1, 10, 101, 100))
        .hasMessage("hotArea (101.0) must be positive and not above totalArea (100.0)");
  }

  @Test
  void hotCellsAreCellsOfTheGridAndTheirCountsAreHits() {
    // cells 0 and 4 of five hold 3 + 1 of 10 incidents in 2 of 5 cells: (4/10) / (2/5) = 1
    long[] counts = {3, 2, 2, 2, 1};
    PredictiveAccuracyIndex pai = PredictiveAccuracyIndex.ofCells(counts, java.util.Set.of(0, 4));
    assertThat(pai.hits()).isEqualTo(4);
    assertThat(pai.value()).isEqualTo(1);
    assertThatThrownBy(() -> PredictiveAccuracyIndex.ofCells(counts, java.util.Set.of()))
        .hasMessage("hotCells must not be empty");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.ofCells(counts, java.util.Set.of(5)))
        .hasMessage("hot cell (5) must be from 0 to 4");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.ofCells(counts, java.util.Set.of(-1)))
        .hasMessage("hot cell (-1) must be from 0 to 4");
    assertThatThrownBy(
            () -> PredictiveAccuracyIndex.ofCells(new long[] {1, -1}, java.util.Set.of(0)))
        .hasMessage("count (-1) of cell 1 must not be negative");
  }

  @Test
  void aStageTimeRunsForwardsThroughTheFunnelAndCountsAreNotNegative() {
    KaplanMeier km = KaplanMeier.of(new double[] {10}, new boolean[] {true});
    Lineage l = Lineage.builder("days from REPORTED to CHARGED").build();
    FunnelStage reported = FunnelStage.REPORTED;
    FunnelStage charged = FunnelStage.CHARGED;
    EndedElsewhere never = EndedElsewhere.NEVER_REACHES;
    assertThatThrownBy(() -> new StageTime(charged, reported, never, km, 0, 0, 0, l))
        .hasMessage("to (REPORTED) must be a later stage than from (CHARGED)");
    assertThatThrownBy(() -> new StageTime(charged, charged, never, km, 0, 0, 0, l))
        .hasMessage("to (CHARGED) must be a later stage than from (CHARGED)");
    assertThatThrownBy(() -> new StageTime(reported, charged, never, km, -1, 0, 0, l))
        .hasMessage("stillWaiting (-1) must not be negative");
    assertThatThrownBy(() -> new StageTime(reported, charged, never, km, 0, -1, 0, l))
        .hasMessage("endedOtherwise (-1) must not be negative");
    assertThatThrownBy(() -> new StageTime(reported, charged, never, km, 0, 0, -1, l))
        .hasMessage("startUnknown (-1) must not be negative");
    StageTime t = new StageTime(reported, charged, never, km, 2, 1, 0, l);
    Lineage other = l.toBuilder().input("cases.csv").build();
    StageTime relabelled = t.withLineage(other);
    assertThat(relabelled.lineage()).isEqualTo(other);
    assertThat(relabelled.stillWaiting()).isEqualTo(2);
    assertThat(relabelled.endedOtherwise()).isEqualTo(1);
    assertThat(relabelled.estimate()).isSameAs(km);
  }

  @Test
  void stageCountsAndApjCountsAreNotNegative() {
    FunnelStage s = FunnelStage.CHARGED;
    Optional<Proportion> none = Optional.empty();
    assertThatThrownBy(() -> new StageCount(s, -1, 0, 0, none, none))
        .hasMessage("reached (-1) must not be negative");
    assertThatThrownBy(() -> new StageCount(s, 0, -1, 0, none, none))
        .hasMessage("censored (-1) must not be negative");
    assertThatThrownBy(() -> new StageCount(s, 0, 0, -1, none, none))
        .hasMessage("cohortReached (-1) must not be negative");
    assertThatThrownBy(() -> ApjImpunity.of(10, -1, 0))
        .hasMessage("casesInCourt (-1) must not be negative");
    assertThatThrownBy(() -> ApjImpunity.of(10, 3, -1))
        .hasMessage("convictions (-1) must not be negative");
  }

  @Test
  void aLorenzPointHoldsTwoSharesFromZeroToOne() {
    assertThatThrownBy(() -> new LorenzPoint(1.5, 0.5))
        .hasMessage("placeShare (1.5) must be from 0 to 1");
    assertThatThrownBy(() -> new LorenzPoint(0.5, -0.1))
        .hasMessage("incidentShare (-0.1) must be from 0 to 1");
    assertThatThrownBy(() -> new LorenzPoint(0.5, 1.1))
        .hasMessage("incidentShare (1.1) must be from 0 to 1");
  }

  @Test
  void aRateComparisonValueRefusesImpossibleCountsProbabilitiesAndARatioOutsideItsLimits() {
    assertThatThrownBy(() -> new RateComparison(-1, 10, 6, 10, 0.95, 0.5, 0.1, 2, 0.5, 0.9, 0.3))
        .hasMessage("count1 (-1) must not be negative");
    assertThatThrownBy(() -> new RateComparison(3, 10, 6, 10, 0.95, 0.5, 0.1, 2, 1.5, 0.9, 0.3))
        .hasMessage("pValue (1.5) must be from 0 to 1");
    assertThatThrownBy(() -> new RateComparison(3, 10, 6, 10, 0.95, 0.5, 0.1, 2, 0.5, -0.1, 0.3))
        .hasMessage("pValueGreater (-0.1) must be from 0 to 1");
    assertThatThrownBy(() -> new RateComparison(3, 10, 6, 10, 0.95, 0.5, 0.1, 2, 0.5, 0.9, 2))
        .hasMessage("pValueLess (2.0) must be from 0 to 1");
    assertThatThrownBy(() -> new RateComparison(3, 10, 6, 10, 0.95, 3, 0.1, 2, 0.5, 0.9, 0.3))
        .hasMessage("rateRatio (3.0) must lie within its limits (0.1, 2.0)");
    assertThatThrownBy(() -> RateComparison.of(1, 10, -1, 10))
        .hasMessage("count2 (-1) must not be negative");
    assertThatThrownBy(() -> RateComparison.of(1, 0, 1, 10))
        .hasMessage("population1 (0.0) must be positive and finite");
    assertThatThrownBy(() -> RateComparison.of(1, 10, 1, 10, 1.5))
        .hasMessage("confidence (1.5) " + LEVEL);
    assertThatThrownBy(() -> RateComparison.of(Integer.MAX_VALUE, 10, 1, 10, 0.95))
        .hasMessage("count1 + count2 (2147483648) must not exceed 2147483647");
  }

  @Test
  void aLineageRefusesNegativeCountsButAcceptsAReasonThatExcludedNothing() {
    Map<String, Long> none = Map.of("recorded as an attempt", 0L);
    Lineage l =
        new Lineage(
            "rate",
            List.of(),
            List.of(),
            0,
            none,
            Optional.empty(),
            OptionalDouble.empty(),
            Optional.empty(),
            OptionalLong.empty(),
            "v");
    assertThat(l.excludedTotal()).isZero();
    assertThatThrownBy(
            () ->
                new Lineage(
                    "rate",
                    List.of(),
                    List.of(),
                    -1,
                    Map.of(),
                    Optional.empty(),
                    OptionalDouble.empty(),
                    Optional.empty(),
                    OptionalLong.empty(),
                    "v"))
        .hasMessage("used (-1) must not be negative");
  }

  @Test
  void aLineageRebuiltFromItselfKeepsThePopulationVintageAndTheSeed() {
    Lineage l =
        Lineage.builder("rate per 100,000")
            .populationVintage("INE projections 2013-2030")
            .seed(42)
            .build();
    assertThat(l.seed()).hasValue(42);
    Lineage again = l.toBuilder().build();
    assertThat(again.populationVintage()).hasValue("INE projections 2013-2030");
    assertThat(again.seed()).hasValue(42);
  }

  @Test
  void funnelSettingsNeedALevelStrictlyBetweenZeroAndOne() {
    assertThatThrownBy(
            () -> new ImpunityFunnel.Settings(LocalDate.of(2024, 12, 31), Period.ofYears(1), 1))
        .hasMessage("confidence (1.0) " + LEVEL);
  }
}
