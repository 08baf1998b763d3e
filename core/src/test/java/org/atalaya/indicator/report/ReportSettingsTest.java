package org.atalaya.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.atalaya.incident.AgeBand;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.Rate;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;

/** How the report's settings and results check what they are given. */
class ReportSettingsTest {

  private static void refused(Runnable r, String message) {
    assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void theConfidenceIsStrictlyBetweenZeroAndOne() {
    refused(
        () -> IndicatorSettings.builder().confidence(0.0),
        "confidence (0.0) must be strictly between 0 and 1");
    refused(
        () -> IndicatorSettings.builder().confidence(1.0),
        "confidence (1.0) must be strictly between 0 and 1");
    refused(
        () -> IndicatorSettings.builder().confidence(Double.NaN),
        "confidence (NaN) must be strictly between 0 and 1");
    assertThat(IndicatorSettings.builder().confidence(0.9).build().confidence()).isEqualTo(0.9);
    assertThat(IndicatorSettings.builder().confidence(Math.ulp(0.0)).build().confidence())
        .isEqualTo(Math.ulp(0.0));
    assertThat(IndicatorSettings.builder().confidence(Math.nextDown(1.0)).build().confidence())
        .isEqualTo(Math.nextDown(1.0));
  }

  @Test
  void countsAndNamesAreRefusedWithTheFieldAndTheValue() {
    refused(
        () -> IndicatorSettings.builder().followUpYears(-1), "followUpYears (-1) must be positive");
    assertThat(IndicatorSettings.builder().followUpYears(1).build().followUpYears()).isEqualTo(1);
    refused(() -> IndicatorSettings.builder().rejected(-1), "rejected (-1) must not be negative");
    assertThat(IndicatorSettings.builder().rejected(5).rejected(0).build().rejected()).isZero();
    refused(
        () -> IndicatorSettings.builder().input(" "),
        "input must not be blank: name the file or source");
    refused(
        () -> IndicatorSettings.builder().populationInput("\t"),
        "populationInput must not be blank: name the file or source");
    refused(
        () -> IndicatorSettings.builder().defaultAgeBands(List.of()),
        "defaultAgeBands must not be empty");
    List<Grouping> withNull = new ArrayList<>(List.of(Grouping.AREA));
    withNull.add(null);
    assertThatThrownBy(() -> IndicatorSettings.builder().groupBy(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("groupBy must not hold null");
  }

  @Test
  void everySettingIsKeptAndARepeatedGroupingCountsOnceInTheOrderGiven() {
    IndicatorSettings s =
        IndicatorSettings.builder()
            .groupBy(List.of(Grouping.YEAR, Grouping.AREA, Grouping.YEAR))
            .areaLevel(AreaLevel.DEPARTMENT)
            .category(IccsCode.of("0401"))
            .confidence(0.9)
            .asOf(Optional.of(LocalDate.of(2025, 6, 30)))
            .followUpYears(3)
            .periodPairs(PeriodPairs.SPAN)
            .alarms(new AlarmSettings(3, 2.5, 0.3, 2.0, 2.0, 4.0))
            .defaultAgeBands(List.of(AgeBand.of(0, 17), AgeBand.atLeast(18)))
            .input("in.csv")
            .rejected(7)
            .populationInput("ine.csv")
            .build();
    assertThat(s.groupBy()).containsExactly(Grouping.YEAR, Grouping.AREA);
    assertThat(s.groupsBy(Grouping.SEX)).isFalse();
    assertThat(s.areaLevel()).isEqualTo(AreaLevel.DEPARTMENT);
    assertThat(s.category()).isEqualTo(IccsCode.of("0401"));
    assertThat(s.confidence()).isEqualTo(0.9);
    assertThat(s.asOf()).contains(LocalDate.of(2025, 6, 30));
    assertThat(s.followUpYears()).isEqualTo(3);
    assertThat(s.periodPairs()).isEqualTo(PeriodPairs.SPAN);
    assertThat(s.alarms()).isEqualTo(new AlarmSettings(3, 2.5, 0.3, 2.0, 2.0, 4.0));
    assertThat(s.defaultAgeBands()).containsExactly(AgeBand.of(0, 17), AgeBand.atLeast(18));
    assertThat(s.input()).isEqualTo("in.csv");
    assertThat(s.rejected()).isEqualTo(7);
    assertThat(s.populationInput()).isEqualTo("ine.csv");
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(s.toString())
        .contains("groupBy=[YEAR, AREA]", "category=0401", "input=in.csv", "rejected=7");
  }

  @Test
  void settingsThatDifferInAnySettingAreNotEqual() {
    IndicatorSettings base = IndicatorSettings.defaults();
    List<UnaryOperator<IndicatorSettings.Builder>> changes =
        List.of(
            b -> b.groupBy(Grouping.AREA),
            // the same dimensions in another order are listed differently, so they differ
            b -> b.groupBy(Grouping.YEAR, Grouping.AREA, Grouping.SEX, Grouping.AGE),
            b -> b.areaLevel(AreaLevel.DEPARTMENT),
            b -> b.category(IccsCode.of("0401")),
            b -> b.confidence(0.9),
            b -> b.asOf(Optional.of(LocalDate.of(2025, 1, 1))),
            b -> b.followUpYears(3),
            b -> b.periodPairs(PeriodPairs.SPAN),
            b -> b.alarms(new AlarmSettings(3, 2.0, 0.2, 3.0, 1.5, 5.0)),
            b -> b.defaultAgeBands(List.of(AgeBand.atLeast(0))),
            b -> b.input("other"),
            b -> b.rejected(1),
            b -> b.populationInput("other"));
    for (UnaryOperator<IndicatorSettings.Builder> change : changes) {
      IndicatorSettings other = change.apply(base.toBuilder()).build();
      assertThat(other).isNotEqualTo(base);
      assertThat(base).isNotEqualTo(other);
    }
    assertThat(base).isNotEqualTo("defaults");
    assertThat(IndicatorSettings.builder().build()).isEqualTo(base).hasSameHashCodeAs(base);
  }

  @Test
  void alarmParametersAreRefusedOutsideTheirRangeWithTheirNameAndValue() {
    refused(
        () -> new AlarmSettings(0, 2.0, 0.2, 3.0, 1.5, 5.0),
        "maxBaselineYears (0) must be positive");
    refused(
        () -> new AlarmSettings(2, 0.0, 0.2, 3.0, 1.5, 5.0), "zThreshold (0.0) must be positive");
    refused(
        () -> new AlarmSettings(2, Double.POSITIVE_INFINITY, 0.2, 3.0, 1.5, 5.0),
        "zThreshold (Infinity) must be positive");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.0, 3.0, 1.5, 5.0), "ewmaLambda (0.0) must be in (0, 1]");
    refused(
        () -> new AlarmSettings(2, 2.0, Math.nextUp(1.0), 3.0, 1.5, 5.0),
        "ewmaLambda (1.0000000000000002) must be in (0, 1]");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.2, 0.0, 1.5, 5.0), "ewmaWidth (0.0) must be positive");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.2, Double.NaN, 1.5, 5.0),
        "ewmaWidth (NaN) must be positive");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.2, 3.0, 1.0, 5.0), "cusumShift (1.0) must be above 1");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.2, 3.0, Double.POSITIVE_INFINITY, 5.0),
        "cusumShift (Infinity) must be above 1");
    refused(() -> new AlarmSettings(2, 2.0, 0.2, 3.0, 1.5, 0.0), "cusumH (0.0) must be positive");
    refused(
        () -> new AlarmSettings(2, 2.0, 0.2, 3.0, 1.5, Double.POSITIVE_INFINITY),
        "cusumH (Infinity) must be positive");
  }

  @Test
  void alarmParametersAreAcceptedRightAtTheEdgeOfTheirRange() {
    double tiny = Double.MIN_VALUE;
    AlarmSettings edge = new AlarmSettings(1, tiny, 1.0, tiny, Math.nextUp(1.0), tiny);
    assertThat(edge.maxBaselineYears()).isEqualTo(1);
    assertThat(edge.ewmaLambda()).isEqualTo(1.0);
    assertThat(new AlarmSettings(1, 2.0, tiny, 3.0, 1.5, 5.0).ewmaLambda()).isEqualTo(tiny);
  }

  @Test
  void aChangeRunsForwardFromAnEarlierYearToALaterOne() {
    PeriodChange c = PeriodChange.of("homicide", "homicidios", Rate.of(10, 1e5), Rate.of(5, 1e5));
    Lineage l = Lineage.builder("test").build();
    refused(
        () -> new ChangeResult(Optional.empty(), 2023, 2023, c, l),
        "to (2023) must be after from (2023)");
    refused(
        () -> new ChangeResult(Optional.empty(), 2024, 2023, c, l),
        "to (2023) must be after from (2024)");
    assertThat(new ChangeResult(Optional.empty(), 2023, 2024, c, l).to()).isEqualTo(2024);
  }

  @Test
  void aRateResultCountIsNeverNegative() {
    Lineage l = Lineage.builder("test").build();
    Group all = new Group(Optional.empty(), Optional.empty());
    refused(() -> new RateResult(all, -1, Optional.empty(), l), "count (-1) must not be negative");
    assertThat(new RateResult(all, 0, Optional.empty(), l).count()).isZero();
  }

  @Test
  void namesAreReadInAnyCaseWithSurroundingBlanks() {
    assertThat(AreaLevel.of(" DEPARTMENT ")).isEqualTo(AreaLevel.DEPARTMENT);
    assertThat(AreaLevel.of("municipality")).isEqualTo(AreaLevel.MUNICIPALITY);
    assertThat(Grouping.of(" Year\t")).isEqualTo(Grouping.YEAR);
    assertThat(Arrays.stream(Grouping.values()).map(g -> Grouping.of(g.key().toUpperCase())))
        .containsExactly(Grouping.values());
  }

  @Test
  void alarmRulesHaveTheirDocumentKeyAndTheirReadableName() {
    assertThat(Arrays.stream(AlarmRule.values()).map(r -> r.key() + "/" + r.label()))
        .containsExactly("poissonZ/Poisson Z", "ewma/EWMA", "cusum/CUSUM");
  }
}
