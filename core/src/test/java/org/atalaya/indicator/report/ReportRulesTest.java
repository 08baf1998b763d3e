package org.atalaya.indicator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.atalaya.indicator.report.ReportFixtures.attempted;
import static org.atalaya.indicator.report.ReportFixtures.between;
import static org.atalaya.indicator.report.ReportFixtures.by;
import static org.atalaya.indicator.report.ReportFixtures.homicide;
import static org.atalaya.indicator.report.ReportFixtures.homicides;
import static org.atalaya.indicator.report.ReportFixtures.incident;
import static org.atalaya.indicator.report.ReportFixtures.row;
import static org.atalaya.indicator.report.ReportFixtures.totals;
import static org.atalaya.indicator.report.ReportFixtures.withHistory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.indicator.Alarm;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.io.ReadReport;
import org.atalaya.io.ReadResult;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link IndicatorReport#compute}, each on a small hand-built list whose expected
 * figures are worked out in the comments.
 */
class ReportRulesTest {
  private static final String REJECTED = "rejected by the reader (see atalaya validate)";
  private static final String NO_YEAR =
      "year of occurrence not known (no date, or a window across years)";
  private static final PopulationTable NONE = PopulationTable.of("none", List.of());

  private static IndicatorReport compute(
      List<Incident> incidents, PopulationTable table, IndicatorSettings.Builder settings) {
    return IndicatorReport.compute(incidents, table, settings.build());
  }

  private static List<Incident> concat(List<?>... parts) {
    List<Incident> all = new ArrayList<>();
    for (List<?> p : parts) {
      p.forEach(x -> all.add((Incident) x));
    }
    return all;
  }

  private static Map<Group, Long> counts(IndicatorReport r) {
    Map<Group, Long> m = new LinkedHashMap<>();
    r.rates().forEach(x -> m.put(x.group(), x.count()));
    return m;
  }

  private static Group group(String area, Integer year) {
    return new Group(Optional.ofNullable(area), Optional.ofNullable(year));
  }

  // --- what is counted, and the subject ---

  @Test
  void homicideIsNamedAsSuchAndAnyOtherCategoryByItsCode() {
    IndicatorReport homicide = compute(List.of(), NONE, by());
    assertThat(homicide.subjectEnglish()).isEqualTo("homicide");
    assertThat(homicide.subjectSpanish()).isEqualTo("homicidios");
    IndicatorReport within = compute(List.of(), NONE, by().category(IccsCode.of("010111")));
    assertThat(within.subjectEnglish()).isEqualTo("homicide");
    assertThat(within.subjectSpanish()).isEqualTo("homicidios");
    IndicatorReport robbery = compute(List.of(), NONE, by().category(IccsCode.of("0401")));
    assertThat(robbery.subjectEnglish()).isEqualTo("ICCS 0401");
    assertThat(robbery.subjectSpanish()).isEqualTo("ICCS 0401");
  }

  @Test
  void everyIncidentLeftOutIsCountedUnderItsOwnReasonInTheOrderFound() {
    LocalDate day = LocalDate.of(2023, 5, 1);
    List<Incident> list = new ArrayList<>();
    list.add(incident("noCode", null, day, "0801").build());
    for (int k = 0; k < 2; k++) {
      list.add(incident("robbery" + k, "0401", day, "0801").build());
    }
    for (int k = 0; k < 3; k++) {
      list.add(attempted(incident("attempt" + k, "0101", day, "0801")));
    }
    list.addAll(homicides("undated", 4, null, "0801"));
    list.addAll(homicides("unplaced", 5, day, null));
    list.addAll(homicides("used", 6, day, "0801"));
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA));
    assertThat(r.excluded())
        .containsExactly(
            entry("no ICCS code", 1L),
            entry("other ICCS category than 0101", 2L),
            entry("recorded as an attempt", 3L),
            entry(NO_YEAR, 4L),
            entry("no municipality code", 5L));
    assertThat(r.rates().get(0).count()).isEqualTo(6);
    assertThat(r.rates().get(0).lineage().excluded()).isEqualTo(r.excluded());
    // Without grouping by area an incident without an area is used.
    assertThat(compute(list, NONE, by()).rates().get(0).count()).isEqualTo(11);
  }

  @Test
  void aReaderResultCountsItsRejectedRecordsAsReadAndLeftOut() {
    List<Incident> accepted = homicides("h", 3, LocalDate.of(2023, 5, 1), "0801");
    ReadResult read =
        new ReadResult(accepted, List.of(), new ReadReport("in.csv", 5, 3, 2, List.of()));
    IndicatorReport r =
        IndicatorReport.compute(
            read, totals(100_000, List.of("0801"), 2023, 2023), by(Grouping.YEAR).build());
    assertThat(r.accepted()).isEqualTo(3);
    assertThat(r.read()).isEqualTo(5);
    assertThat(r.settings().rejected()).isEqualTo(2);
    assertThat(r.excluded()).containsExactly(entry(REJECTED, 2L));
    assertThat(r.rates().get(0).lineage().excluded()).containsEntry(REJECTED, 2L);
    assertThat(r.populationVintage()).isEqualTo("test table 2026");
    assertThat(r.toString()).contains("incidents, homicide, 1 rates");
  }

  @Test
  void aWindowAcrossTwoYearsHasNoYearOfOccurrence() {
    // 2022-12-20 to 2023-01-10: the year is not known, so the homicide is left out.
    Incident across =
        incident("x", "0101", between("2022-12-20T00:00-06:00", "2023-01-10T00:00-06:00"), "0801")
            .build();
    IndicatorReport r =
        compute(
            List.of(across, homicide("h", LocalDate.of(2023, 3, 1), "0801")),
            NONE,
            by(Grouping.YEAR));
    assertThat(r.excluded()).containsExactly(entry(NO_YEAR, 1L));
    assertThat(counts(r)).containsExactly(entry(group(null, 2023), 1L));
  }

  @Test
  void theLastDayAndTheFirstInstantOfAYearBelongToThatYear() {
    // A day window ends (exclusively) at the next midnight; an instant is its own start and end.
    Incident lastDay = homicide("d", LocalDate.of(2023, 12, 31), "0801");
    Incident newYear =
        incident(
                "n",
                "0101",
                TimeWindow.instant(OffsetDateTime.parse("2024-01-01T00:00-06:00")),
                "0801")
            .build();
    IndicatorReport r = compute(List.of(lastDay, newYear), NONE, by(Grouping.YEAR));
    assertThat(r.excluded()).isEmpty();
    assertThat(counts(r))
        .containsExactly(entry(group(null, 2023), 1L), entry(group(null, 2024), 1L));
    AlarmResult a = r.alarms().get(0);
    assertThat(a.series().start()).isEqualTo(YearMonth.of(2023, 12));
    assertThat(a.series().count(YearMonth.of(2023, 12))).isEqualTo(1);
    assertThat(a.series().count(YearMonth.of(2024, 1))).isEqualTo(1);
  }

  @Test
  void theFiltersNameTheCategoryAndTheAreaLevelOnlyWhenGroupingByArea() {
    List<Incident> list = homicides("h", 2, LocalDate.of(2023, 5, 1), "0801");
    String category = "ICCS 0101 and the codes within it, attempts left out";
    assertThat(compute(list, NONE, by(Grouping.AREA)).rates().get(0).lineage().filters())
        .containsExactly(category, "area = the incident's municipality code");
    IndicatorReport departments =
        compute(list, NONE, by(Grouping.AREA).areaLevel(AreaLevel.of(" Department ")));
    assertThat(departments.rates().get(0).lineage().filters())
        .containsExactly(category, "area = the incident's department code");
    assertThat(departments.rates().get(0).group()).isEqualTo(group("08", null));
    assertThat(compute(list, NONE, by(Grouping.YEAR)).rates().get(0).lineage().filters())
        .containsExactly(category);
  }

  // --- rates ---

  @Test
  void everyAreaGetsEveryYearOfTheSpanInCodeOrderEmptyGroupsIncluded() {
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2021, 6, 1), "0801"),
            homicide("b", LocalDate.of(2023, 6, 1), "0501"));
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA, Grouping.YEAR));
    assertThat(counts(r))
        .containsExactly(
            entry(group("0501", 2021), 0L),
            entry(group("0501", 2022), 0L),
            entry(group("0501", 2023), 1L),
            entry(group("0801", 2021), 1L),
            entry(group("0801", 2022), 0L),
            entry(group("0801", 2023), 0L));
  }

  @Test
  void withoutYearGroupingARateDividesByEveryYearOfTheSpan() {
    // 3 homicides in 2021 and 2023; 100,000 people each year 2021-2023: 300,000 person-years,
    // so 1 per 100,000 (2022, without incidents, still counts).
    List<Incident> list =
        concat(
            homicides("a", 2, LocalDate.of(2021, 6, 1), "0801"),
            homicides("b", 1, LocalDate.of(2023, 6, 1), "0801"));
    IndicatorReport r =
        compute(list, totals(100_000, List.of("0801"), 2021, 2023), by(Grouping.AREA));
    assertThat(r.rates()).hasSize(1);
    assertThat(r.rates().get(0).count()).isEqualTo(3);
    assertThat(r.rates().get(0).rate().orElseThrow().population()).isEqualTo(300_000.0);
    assertThat(r.rates().get(0).rate().orElseThrow().rate()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void withoutAreaGroupingARateDividesByEveryAreaOfTheTable() {
    // 2 homicides in 0801; the table has 60,000 in 0801 and 40,000 in 0501: 2 per 100,000.
    PopulationTable table =
        PopulationTable.of(
            "two areas",
            List.of(row("0801", 2023, null, null, 60_000), row("0501", 2023, null, null, 40_000)));
    IndicatorReport r =
        compute(homicides("h", 2, LocalDate.of(2023, 4, 1), "0801"), table, by(Grouping.YEAR));
    assertThat(r.rates().get(0).rate().orElseThrow().population()).isEqualTo(100_000.0);
    assertThat(r.rates().get(0).rate().orElseThrow().rate()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aZeroPopulationGivesNoRateAndIsNotMissing() {
    PopulationTable zero = PopulationTable.of("zero", List.of(row("0801", 2023, null, null, 0)));
    IndicatorReport r =
        compute(homicides("h", 1, LocalDate.of(2023, 4, 1), "0801"), zero, by(Grouping.YEAR));
    assertThat(r.rates().get(0).count()).isEqualTo(1);
    assertThat(r.rates().get(0).rate()).isEmpty();
    assertThat(r.missingPopulation()).isEmpty();
  }

  @Test
  void aMissingCellIsNamedByAreaYearSexAndAgeBand() {
    // The table has only the 2023 total of 0801: every sex and band cell of SDG 16.1.1 is missing.
    PopulationTable total = totals(100_000, List.of("0801"), 2023, 2023);
    IndicatorReport r =
        compute(homicides("h", 1, LocalDate.of(2023, 4, 1), "0801"), total, by(Grouping.values()));
    assertThat(r.rates().get(0).rate()).isPresent();
    assertThat(r.missingPopulation())
        .startsWith("area 0801, year 2023, age 0-14")
        .contains(
            "area 0801, year 2023, sex female",
            "area 0801, year 2023, sex male, age 60+",
            "area 0801, year 2023, sex female, age 15-29")
        .doesNotHaveDuplicates()
        // 5 bands, 2 sexes, and the 10 sex-and-band cells
        .hasSize(17);
  }

  // --- change between years ---

  @Test
  void eachAreaIsComparedOnItsOwnIncidentsAndAPairWithoutIncidentsIsLeftOut() {
    // 0801: 1 in 2021, 1 in 2023. 0501: 1 in 2021 only.
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2021, 6, 1), "0801"),
            homicide("b", LocalDate.of(2023, 6, 1), "0801"),
            homicide("c", LocalDate.of(2021, 6, 1), "0501"));
    IndicatorReport r =
        compute(
            list,
            totals(100_000, List.of("0801", "0501"), 2021, 2023),
            by(Grouping.AREA, Grouping.YEAR));
    List<String> pairs =
        r.changes().stream()
            .map(
                c ->
                    c.area().orElseThrow()
                        + " "
                        + c.from()
                        + "-"
                        + c.to()
                        + ": "
                        + c.change().before().count()
                        + " to "
                        + c.change().after().count())
            .toList();
    // 0501 2022-2023 has no incident in either year, so there is nothing to compare.
    assertThat(pairs)
        .containsExactly(
            "0501 2021-2022: 1 to 0",
            "0501 2021-2023: 1 to 0",
            "0801 2021-2022: 1 to 0",
            "0801 2022-2023: 0 to 1",
            "0801 2021-2023: 1 to 1");
    assertThat(r.changes().get(4).lineage().used()).isEqualTo(2);
  }

  @Test
  void twoYearsGiveOnePairWhateverThePeriodPairs() {
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2022, 6, 1), "0801"),
            homicide("b", LocalDate.of(2023, 6, 1), "0801"));
    PopulationTable table = totals(100_000, List.of("0801"), 2022, 2023);
    for (PeriodPairs p : PeriodPairs.values()) {
      IndicatorReport r = compute(list, table, by(Grouping.YEAR).periodPairs(p));
      assertThat(r.changes())
          .extracting(c -> c.from() + "-" + c.to())
          .as("%s", p)
          .containsExactly("2022-2023");
    }
  }

  // --- monthly alarms ---

  private static List<Incident> monthly(String area, YearMonth start, long... counts) {
    List<Incident> list = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      list.addAll(homicides(area + k + "-", (int) counts[k], start.plusMonths(k).atDay(10), area));
    }
    return list;
  }

  private static List<AlarmRule> rules(IndicatorReport r) {
    return r.alarms().get(0).rules().stream().map(RuleAlarms::rule).toList();
  }

  private static RuleAlarms rule(IndicatorReport r, AlarmRule which) {
    return r.alarms().get(0).rules().stream()
        .filter(x -> x.rule() == which)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSeriesOfTwelveMonthsHasNoRuleAndOfThirteenHasAll() {
    YearMonth jan = YearMonth.of(2023, 1);
    long[] twelve = new long[12];
    twelve[0] = 1;
    twelve[11] = 1;
    assertThat(rules(compute(monthly("0801", jan, twelve), NONE, by()))).isEmpty();
    long[] thirteen = new long[13];
    thirteen[0] = 1;
    thirteen[12] = 1;
    assertThat(rules(compute(monthly("0801", jan, thirteen), NONE, by())))
        .containsExactly(AlarmRule.POISSON_Z, AlarmRule.EWMA, AlarmRule.CUSUM);
  }

  @Test
  void poissonZUsesTheWholeEarlierYearsOnlyUpToTheMaximum() {
    YearMonth jan = YearMonth.of(2023, 1);
    long[] months24 = new long[24];
    months24[0] = 1;
    months24[23] = 1;
    // 24 months: only the first 12 have a full year after them to check, so 1 baseline year.
    assertThat(
            rule(compute(monthly("0801", jan, months24), NONE, by()), AlarmRule.POISSON_Z)
                .parameters())
        .containsEntry("baselineYears", 1);
    long[] months37 = new long[37];
    months37[0] = 1;
    months37[36] = 1;
    assertThat(
            rule(compute(monthly("0801", jan, months37), NONE, by()), AlarmRule.POISSON_Z)
                .parameters())
        .containsEntry("baselineYears", 2);
    assertThat(
            rule(
                    compute(
                        monthly("0801", jan, months37),
                        NONE,
                        by().alarms(new AlarmSettings(3, 2.0, 0.2, 3.0, 1.5, 5.0))),
                    AlarmRule.POISSON_Z)
                .parameters())
        .containsEntry("baselineYears", 3);
  }

  @Test
  void ewmaAndCusumWatchTheMeanOfTheFirstTwelveMonths() {
    // First year: 13 in January and 1 in each other month, 24 in all: mu0 = 2. January 2024 has
    // 50, against 13 the January before: z = 37 / sqrt(13) = 10.3, the only Poisson Z alarm.
    long[] counts = {13, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50};
    IndicatorReport r = compute(monthly("0801", YearMonth.of(2023, 1), counts), NONE, by());
    assertThat(rule(r, AlarmRule.EWMA).parameters())
        .containsExactly(entry("mu0", 2.0), entry("lambda", 0.2), entry("L", 3.0));
    assertThat(rule(r, AlarmRule.CUSUM).parameters())
        .containsExactly(entry("mu0", 2.0), entry("mu1", 3.0), entry("h", 5.0));
    RuleAlarms z = rule(r, AlarmRule.POISSON_Z);
    assertThat(z.checks()).hasSize(1);
    assertThat(z.alarms()).extracting(Alarm::month).containsExactly(YearMonth.of(2024, 1));
    assertThat(z.alarms().get(0).statistic()).isCloseTo(37 / Math.sqrt(13), within(1e-9));
    assertThat(r.alarms().get(0).lineage().used()).isEqualTo(74);
  }

  @Test
  void anAlarmIsRaisedOnlyAboveTheThreshold() {
    // Baseline 4 in each month of 2023; 2024 January has 8 (z = 2, not above 2), February 9
    // (z = 2.5).
    long[] counts = new long[14];
    java.util.Arrays.fill(counts, 0, 12, 4);
    counts[12] = 8;
    counts[13] = 9;
    IndicatorReport r = compute(monthly("0801", YearMonth.of(2023, 1), counts), NONE, by());
    RuleAlarms z = rule(r, AlarmRule.POISSON_Z);
    assertThat(z.checks()).extracting(Alarm::statistic).containsExactly(2.0, 2.5);
    assertThat(z.alarms()).extracting(Alarm::month).containsExactly(YearMonth.of(2024, 2));
  }

  @Test
  void aWindowAcrossTwoMonthsKeepsItsYearButLeavesTheMonthlySeries() {
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2023, 3, 15), "0801"),
            incident(
                    "b",
                    "0101",
                    TimeWindow.month(YearMonth.of(2023, 5), TimeWindow.HONDURAS),
                    "0801")
                .build(),
            incident(
                    "c",
                    "0101",
                    between("2023-06-20T00:00-06:00", "2023-07-10T00:00-06:00"),
                    "0801")
                .build());
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA, Grouping.YEAR));
    assertThat(r.rates().get(0).count()).isEqualTo(3);
    AlarmResult a = r.alarms().get(0);
    assertThat(a.series().start()).isEqualTo(YearMonth.of(2023, 3));
    assertThat(a.series().end()).isEqualTo(YearMonth.of(2023, 5));
    assertThat(a.lineage().used()).isEqualTo(2);
    assertThat(a.lineage().excluded()).containsEntry("month of occurrence not known", 1L);

    IndicatorReport allKnown = compute(list.subList(0, 2), NONE, by(Grouping.AREA));
    assertThat(allKnown.alarms().get(0).lineage().excluded())
        .doesNotContainKey("month of occurrence not known");
    assertThat(allKnown.alarms().get(0).lineage().used()).isEqualTo(2);
  }

  @Test
  void eachAreaHasItsOwnMonthlySeries() {
    List<Incident> list =
        List.of(
            homicide("a", LocalDate.of(2023, 1, 5), "0801"),
            homicide("b", LocalDate.of(2023, 3, 5), "0501"),
            homicide("c", LocalDate.of(2023, 4, 5), "0501"));
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA));
    assertThat(r.alarms())
        .extracting(AlarmResult::area)
        .containsExactly(Optional.of("0501"), Optional.of("0801"));
    assertThat(r.alarms().get(0).series().start()).isEqualTo(YearMonth.of(2023, 3));
    assertThat(r.alarms().get(0).series().size()).isEqualTo(2);
    assertThat(r.alarms().get(0).lineage().used()).isEqualTo(2);
    assertThat(r.alarms().get(1).series().start()).isEqualTo(YearMonth.of(2023, 1));
    assertThat(r.alarms().get(1).series().size()).isEqualTo(1);
    assertThat(r.alarms().get(1).lineage().used()).isEqualTo(1);
  }

  // --- impunity funnel ---

  @Test
  void withoutAsOfTheFunnelDescribesTheLatestCaseDate() {
    List<Incident> list =
        List.of(
            withHistory(
                incident("a", "0101", LocalDate.of(2023, 1, 5), "0801"),
                CaseHistory.of(
                    CaseEvent.of(CaseStatus.REPORTED, LocalDate.of(2023, 1, 5)),
                    CaseEvent.of(CaseStatus.CHARGED, LocalDate.of(2024, 3, 5)))),
            withHistory(
                incident("b", "0101", LocalDate.of(2023, 2, 5), "0801"),
                CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, LocalDate.of(2023, 2, 6)))));
    IndicatorSettings.Builder noDate = by(Grouping.AREA).asOf(Optional.empty());
    IndicatorReport r = compute(list, NONE, noDate);
    assertThat(r.funnels()).hasSize(1);
    assertThat(r.funnels().get(0).funnel().settings().asOf()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(r.funnels().get(0).lineage().excluded())
        .doesNotContainKeys("no case history", "entered after 2024-03-05");

    List<Incident> noHistory = homicides("h", 2, LocalDate.of(2023, 4, 1), "0801");
    assertThat(compute(noHistory, NONE, noDate).funnels()).isEmpty();
  }

  @Test
  void theFunnelLineageCountsCasesWithoutHistoryAndThoseEnteredAfterItsDate() {
    List<Incident> list =
        List.of(
            homicide("none", LocalDate.of(2023, 1, 5), "0801"),
            withHistory(
                incident("late", "0101", LocalDate.of(2023, 1, 5), "0801"),
                CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, LocalDate.of(2024, 6, 1)))),
            withHistory(
                incident("ok", "0101", LocalDate.of(2023, 1, 5), "0801"),
                CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, LocalDate.of(2023, 1, 6)))));
    IndicatorReport r =
        compute(list, NONE, by(Grouping.AREA).asOf(Optional.of(LocalDate.of(2024, 1, 1))));
    assertThat(r.funnels().get(0).lineage().excluded())
        .containsEntry("no case history", 1L)
        .containsEntry("entered after 2024-01-01", 1L);
  }

  // --- SDG 16.1.1 ---

  private static Incident killed(String id, LocalDate day, String area, Victim... victims) {
    Incident.Builder b = incident(id, "0101", day, area);
    for (Victim v : victims) {
      b.addVictim(v);
    }
    return b.build();
  }

  private static Map<Group, Long> sdgTotals(IndicatorReport r) {
    Map<Group, Long> m = new LinkedHashMap<>();
    r.sdg().stream().filter(SdgResult::isTotal).forEach(x -> m.put(x.group(), x.victims()));
    return m;
  }

  @Test
  void sdgCountsTheVictimsOfEachAreaAndYearApart() {
    Victim man = Victim.of(Sex.MALE, 30, VictimOutcome.KILLED);
    List<Incident> list =
        List.of(
            killed("a", LocalDate.of(2023, 2, 1), "0801", man, man),
            killed("b", LocalDate.of(2023, 2, 1), "0501", man),
            killed("c", LocalDate.of(2024, 2, 1), "0801", man),
            // a dated robbery in 2020 does not make 2020 an SDG year
            incident("r", "0401", LocalDate.of(2020, 2, 1), "0801").build());
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA, Grouping.YEAR));
    assertThat(sdgTotals(r))
        .containsExactly(
            entry(group("0501", 2023), 1L),
            entry(group("0501", 2024), 0L),
            entry(group("0801", 2023), 2L),
            entry(group("0801", 2024), 1L));
  }

  @Test
  void sdgWithoutYearGroupingDividesByEveryYearOfTheSpan() {
    // 3 victims in 2021 and 2023; 100,000 people each year 2021-2023: 1 per 100,000.
    Victim woman = Victim.of(Sex.FEMALE, 30, VictimOutcome.KILLED);
    List<Incident> list =
        List.of(
            killed("a", LocalDate.of(2021, 2, 1), "0801", woman),
            killed("b", LocalDate.of(2023, 2, 1), "0801", woman, woman));
    IndicatorReport r =
        compute(list, totals(100_000, List.of("0801"), 2021, 2023), by(Grouping.AREA));
    SdgResult total = r.sdg().get(0);
    assertThat(total.isTotal()).isTrue();
    assertThat(total.victims()).isEqualTo(3);
    assertThat(total.rate().orElseThrow().population()).isEqualTo(300_000.0);
    assertThat(total.rate().orElseThrow().rate()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void sdgTotalsCountVictimsOfOtherAndUnknownSexThatTheSexCellsCannotHold() {
    List<Incident> list =
        List.of(
            killed(
                "a",
                LocalDate.of(2023, 2, 1),
                "0801",
                Victim.of(Sex.FEMALE, 20, VictimOutcome.KILLED),
                Victim.of(Sex.MALE, 20, VictimOutcome.KILLED),
                Victim.of(Sex.MALE, 40, VictimOutcome.KILLED),
                Victim.of(Sex.OTHER, 20, VictimOutcome.KILLED),
                Victim.of(Sex.OTHER, 20, VictimOutcome.KILLED),
                Victim.of(Sex.UNKNOWN, 20, VictimOutcome.KILLED)));
    IndicatorReport r = compute(list, NONE, by(Grouping.SEX, Grouping.AGE));
    Map<String, Long> cells = new LinkedHashMap<>();
    for (SdgResult x : r.sdg()) {
      cells.put(
          x.sex().map(Sex::name).orElse("all")
              + " "
              + x.ageBand().map(AgeBand::toString).orElse("all"),
          x.victims());
      assertThat(x.isTotal()).isEqualTo(x.sex().isEmpty() && x.ageBand().isEmpty());
    }
    assertThat(cells)
        .containsEntry("all all", 6L)
        .containsEntry("FEMALE all", 1L)
        .containsEntry("MALE all", 2L)
        .containsEntry("all 15-29", 5L)
        .containsEntry("MALE 30-44", 1L)
        .containsEntry("FEMALE 30-44", 0L);
    assertThat(r.sdg().get(0).isTotal()).isTrue();
    assertThat(r.sdg().get(0).victimsOfOtherOrUnknownSex()).isEqualTo(3);
  }

  @Test
  void sdgAgeCellsUseThePopulationTablesBandsOrElseTheDefaultOnes() {
    Victim child = Victim.of(Sex.MALE, 10, VictimOutcome.KILLED);
    Victim adult = Victim.of(Sex.MALE, 30, VictimOutcome.KILLED);
    List<Incident> list =
        List.of(killed("a", LocalDate.of(2023, 2, 1), "0801", child, adult, adult));
    AgeBand minors = AgeBand.of(0, 17);
    AgeBand adults = AgeBand.atLeast(18);
    PopulationTable banded =
        PopulationTable.of(
            "banded",
            List.of(
                row("0801", 2023, null, adults, 80_000), row("0801", 2023, null, minors, 20_000)));
    IndicatorReport r = compute(list, banded, by(Grouping.AGE));
    assertThat(r.sdg())
        .extracting(x -> x.ageBand().map(AgeBand::toString).orElse("all") + "=" + x.victims())
        .containsExactly("all=3", "0-17=1", "18+=2");
    // 1 minor victim of 20,000 minors: 5 per 100,000
    assertThat(r.sdg().get(1).rate().orElseThrow().rate()).isCloseTo(5.0, within(1e-12));

    IndicatorReport defaults =
        compute(
            list,
            NONE,
            by(Grouping.AGE).defaultAgeBands(List.of(AgeBand.of(0, 29), AgeBand.atLeast(30))));
    assertThat(defaults.sdg())
        .extracting(x -> x.ageBand().map(AgeBand::toString).orElse("all") + "=" + x.victims())
        .containsExactly("all=3", "0-29=1", "30+=2");
  }

  @Test
  void sdgLeavesOutAndCountsHomicidesWithoutYearOrAreaAndTheRejectedRecords() {
    List<Incident> list =
        List.of(
            homicide("ok", LocalDate.of(2023, 2, 1), "0801"),
            homicide("undated1", null, "0801"),
            homicide("undated2", null, null),
            homicide("unplaced", LocalDate.of(2023, 2, 1), null),
            // neither an attempt nor another category is an SDG exclusion of its own
            attempted(incident("attempt", "0101", (LocalDate) null, "0801")),
            incident("robbery", "0401", (LocalDate) null, "0801").build());
    IndicatorReport byArea = compute(list, NONE, by(Grouping.AREA).rejected(2));
    assertThat(byArea.sdg().get(0).lineage().excluded())
        .containsExactly(
            entry(REJECTED, 2L),
            entry("ICCS 0101 incidents whose year of occurrence is not known", 2L),
            entry("ICCS 0101 incidents without a municipality code", 1L));
    assertThat(byArea.sdg().get(0).victims()).isEqualTo(1);

    // Without area grouping the homicide without an area is counted.
    IndicatorReport all = compute(list, NONE, by(Grouping.YEAR));
    assertThat(all.sdg().get(0).lineage().excluded())
        .containsExactly(entry("ICCS 0101 incidents whose year of occurrence is not known", 2L));
    assertThat(all.sdg().get(0).victims()).isEqualTo(2);

    IndicatorReport clean = compute(list.subList(0, 1), NONE, by(Grouping.AREA));
    assertThat(clean.sdg().get(0).lineage().excluded()).isEmpty();
    assertThat(clean.rates().get(0).lineage().excluded()).isEmpty();
  }

  @Test
  void sdgLineageCountsAttemptsIncidentsWithoutVictimsAndVictimsNotKilled() {
    LocalDate day = LocalDate.of(2023, 2, 1);
    List<Incident> list =
        List.of(
            attempted(
                incident("attempt", "0101", day, "0801")
                    .addVictim(Victim.of(Sex.MALE, 20, VictimOutcome.INJURED))),
            incident("noVictims", "0101", day, "0801").build(),
            killed(
                "mixed",
                day,
                "0801",
                Victim.of(Sex.MALE, 20, VictimOutcome.KILLED),
                Victim.of(Sex.MALE, 20, VictimOutcome.INJURED),
                Victim.of(Sex.MALE, 20, VictimOutcome.UNHARMED),
                Victim.of(Sex.MALE, 20, VictimOutcome.UNKNOWN)));
    IndicatorReport r = compute(list, NONE, by(Grouping.AREA));
    SdgResult total = r.sdg().get(0);
    assertThat(total.victims()).isEqualTo(1);
    assertThat(total.lineage().used()).isEqualTo(2);
    assertThat(total.lineage().excluded())
        .containsEntry("ICCS 0101 recorded as an attempt", 1L)
        .containsEntry("homicide incidents without victim records", 1L)
        .containsEntry("victims not killed (victims, not incidents)", 2L)
        .containsEntry("victims of unknown outcome (victims, not incidents)", 1L);

    IndicatorReport clean = compute(List.of(list.get(2)), NONE, by(Grouping.AREA));
    assertThat(clean.sdg().get(0).lineage().excluded())
        .doesNotContainKeys(
            "ICCS 0101 recorded as an attempt", "homicide incidents without victim records");
    IndicatorReport allKilled =
        compute(
            List.of(killed("k", day, "0801", Victim.of(Sex.MALE, 20, VictimOutcome.KILLED))),
            NONE,
            by(Grouping.AREA));
    assertThat(allKilled.sdg().get(0).lineage().excluded()).isEmpty();
  }
}
