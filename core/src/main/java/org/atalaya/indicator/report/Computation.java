package org.atalaya.indicator.report;

import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.indicator.Alarms;
import org.atalaya.indicator.HomicideVictims;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.MonthlySeries;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Rate;

/**
 * One run of {@link IndicatorReport#compute}: sorts the incidents, then computes each section in
 * document order.
 */
final class Computation {
  static final String REJECTED = "rejected by the reader (see atalaya validate)";

  private final IndicatorSettings settings;
  private final PopulationTable table;
  private final String subjectEn;
  private final String subjectEs;
  private final Map<String, Long> excluded = new LinkedHashMap<>();
  private final List<String> filters = new ArrayList<>();
  // Missing population cells in the order the sections ask for them.
  private final List<String> missing = new ArrayList<>();
  private final List<RateResult> rates = new ArrayList<>();
  private final List<ChangeResult> changes = new ArrayList<>();
  private final List<SdgResult> sdg = new ArrayList<>();
  private final List<AlarmResult> alarms = new ArrayList<>();
  private final List<FunnelResult> funnels = new ArrayList<>();

  Computation(IndicatorSettings settings, PopulationTable table) {
    this.settings = settings;
    this.table = table;
    boolean homicide = settings.category().isWithin(HomicideVictims.INTENTIONAL_HOMICIDE);
    this.subjectEn = homicide ? "homicide" : "ICCS " + settings.category().value();
    this.subjectEs = homicide ? "homicidios" : "ICCS " + settings.category().value();
  }

  private Optional<String> areaOf(Incident i) {
    return settings.areaLevel().codeOf(i);
  }

  private boolean byArea() {
    return settings.groupsBy(Grouping.AREA);
  }

  /**
   * The year of occurrence, when the window lies within one year (whatever its stated precision).
   */
  static Optional<Integer> yearOf(Incident i) {
    return monthRange(i).filter(m -> m[0].getYear() == m[1].getYear()).map(m -> m[0].getYear());
  }

  /** The month of occurrence, when the window lies within one month. */
  private static Optional<YearMonth> monthOf(Incident i) {
    return monthRange(i).filter(m -> m[0].equals(m[1])).map(m -> m[0]);
  }

  /** The first and last month the occurrence window touches (its end is exclusive). */
  private static Optional<YearMonth[]> monthRange(Incident i) {
    return i.occurred()
        .map(
            w ->
                new YearMonth[] {
                  YearMonth.from(w.from()),
                  YearMonth.from(w.to().equals(w.from()) ? w.from() : w.to().minusNanos(1))
                });
  }

  IndicatorReport run(List<Incident> accepted) {
    if (settings.rejected() > 0) {
      excluded.put(REJECTED, settings.rejected());
    }
    boolean byArea = byArea();
    // Incidents of the category, dated (and with an area when grouped by area).
    List<Incident> used = new ArrayList<>();
    // Every dated incident (with an area when needed): the base of SDG 16.1.1, which picks ICCS
    // 0101 itself.
    List<Incident> located = new ArrayList<>();
    long noCode = 0;
    long other = 0;
    long attempts = 0;
    long noDate = 0;
    long noArea = 0;
    for (Incident i : accepted) {
      boolean dated = yearOf(i).isPresent();
      boolean placed = !byArea || areaOf(i).isPresent();
      if (dated && placed) {
        located.add(i);
      }
      if (i.iccs().isEmpty()) {
        noCode++;
      } else if (!i.iccs().get().isWithin(settings.category())) {
        other++;
      } else if (i.context().attempt() == Attempt.ATTEMPTED) {
        attempts++;
      } else if (!dated) {
        noDate++;
      } else if (!placed) {
        noArea++;
      } else {
        used.add(i);
      }
    }
    putIfPositive("no ICCS code", noCode);
    putIfPositive("other ICCS category than " + settings.category().value(), other);
    putIfPositive("recorded as an attempt", attempts);
    putIfPositive("year of occurrence not known (no date, or a window across years)", noDate);
    putIfPositive("no " + settings.areaLevel().key() + " code", noArea);
    filters.add(
        "ICCS " + settings.category().value() + " and the codes within it, attempts left out");
    if (byArea) {
      filters.add("area = the incident's " + settings.areaLevel().key() + " code");
    }

    Function<Incident, Group> groupOf =
        i ->
            new Group(
                byArea ? areaOf(i) : Optional.empty(),
                settings.groupsBy(Grouping.YEAR) ? yearOf(i) : Optional.empty());
    TreeSet<String> areas = new TreeSet<>();
    TreeSet<Integer> years = new TreeSet<>();
    for (Incident i : used) {
      if (byArea) {
        areas.add(areaOf(i).orElseThrow());
      }
      years.add(yearOf(i).orElseThrow());
    }
    rates(used, groupOf, areas, years);
    changes(used, areas, years);
    sdg(accepted, located);
    alarms(used, areas);
    funnel(used, groupOf);
    return new IndicatorReport(
        settings,
        table.vintage(),
        accepted.size(),
        ImmutableMap.copyOf(excluded),
        subjectEn,
        subjectEs,
        rates,
        changes,
        sdg,
        alarms,
        funnels,
        missing);
  }

  private void putIfPositive(String reason, long n) {
    if (n > 0) {
      excluded.put(reason, n);
    }
  }

  private Lineage.Builder lineage(String indicator, long usedCount, String method) {
    Lineage.Builder b =
        Lineage.builder(indicator)
            .input(settings.input())
            .used(usedCount)
            .confidence(settings.confidence())
            .method(method);
    filters.forEach(b::filter);
    excluded.forEach(b::excluded);
    return b;
  }

  private List<Optional<String>> areaKeys(Set<String> areas) {
    List<Optional<String>> keys = new ArrayList<>();
    if (byArea()) {
      areas.forEach(a -> keys.add(Optional.of(a)));
    } else {
      keys.add(Optional.empty());
    }
    return keys;
  }

  /**
   * Population of the areas (all the table's areas when empty) over the years, or empty if any cell
   * is missing.
   */
  private OptionalDouble population(
      Optional<String> area, List<Integer> years, Optional<Sex> sex, Optional<AgeBand> band) {
    Set<String> areas = new TreeSet<>();
    if (area.isPresent()) {
      areas.add(area.get());
    } else {
      table.rows().forEach(row -> areas.add(row.area()));
    }
    double sum = 0;
    boolean complete = !areas.isEmpty() && !years.isEmpty();
    for (String a : areas) {
      for (int y : years) {
        OptionalDouble p = table.population(a, y, sex, band);
        if (p.isEmpty()) {
          complete = false;
          String cell =
              "area "
                  + a
                  + ", year "
                  + y
                  + sex.map(s -> ", sex " + s.name().toLowerCase(Locale.ROOT)).orElse("")
                  + band.map(b -> ", age " + b).orElse("");
          if (!missing.contains(cell)) {
            missing.add(cell);
          }
        } else {
          sum += p.getAsDouble();
        }
      }
    }
    return complete && sum > 0 ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }

  private Optional<Rate> rate(long count, OptionalDouble pop) {
    return pop.isPresent()
        ? Optional.of(
            Rate.builder()
                .count(count)
                .population(pop.getAsDouble())
                .per(Rate.PER_100_000)
                .confidence(settings.confidence())
                .build())
        : Optional.empty();
  }

  private void rates(
      List<Incident> used,
      Function<Incident, Group> groupOf,
      TreeSet<String> areas,
      TreeSet<Integer> years) {
    Map<Group, Long> counts = new TreeMap<>(Group.ORDER);
    List<Optional<Integer>> yearKeys = new ArrayList<>();
    if (settings.groupsBy(Grouping.YEAR) && !years.isEmpty()) {
      for (int y = years.first(); y <= years.last(); y++) {
        yearKeys.add(Optional.of(y));
      }
    } else {
      yearKeys.add(Optional.empty());
    }
    for (Optional<String> a : areaKeys(areas)) {
      for (Optional<Integer> y : yearKeys) {
        counts.put(new Group(a, y), 0L);
      }
    }
    used.forEach(i -> counts.merge(groupOf.apply(i), 1L, Long::sum));
    List<Integer> span = new ArrayList<>();
    if (!years.isEmpty()) {
      for (int y = years.first(); y <= years.last(); y++) {
        span.add(y);
      }
    }
    for (Map.Entry<Group, Long> e : counts.entrySet()) {
      Group g = e.getKey();
      List<Integer> groupYears = g.year().map(List::of).orElse(span);
      Optional<Rate> rate =
          rate(e.getValue(), population(g.area(), groupYears, Optional.empty(), Optional.empty()));
      Lineage l =
          lineage(
                  subjectEn + " incidents per 100,000",
                  e.getValue(),
                  "exact (Garwood) interval, as R poisson.test")
              .populationVintage(table.vintage())
              .build();
      rates.add(new RateResult(g, e.getValue(), rate, l));
    }
  }

  private List<int[]> pairs(int first, int last) {
    List<int[]> pairs = new ArrayList<>();
    if (settings.periodPairs() != PeriodPairs.SPAN) {
      for (int y = first; y < last; y++) {
        pairs.add(new int[] {y, y + 1});
      }
    }
    // changes() asks only when there are at least two years, so SPAN always has its pair.
    boolean span = settings.periodPairs() == PeriodPairs.SPAN || last - first > 1;
    if (span && settings.periodPairs() != PeriodPairs.CONSECUTIVE) {
      pairs.add(new int[] {first, last});
    }
    return pairs;
  }

  private void changes(List<Incident> used, TreeSet<String> areas, TreeSet<Integer> years) {
    if (years.isEmpty() || years.first().equals(years.last())) {
      return;
    }
    for (Optional<String> a : areaKeys(areas)) {
      Map<Integer, Long> byYear = new TreeMap<>();
      for (int y = years.first(); y <= years.last(); y++) {
        byYear.put(y, 0L);
      }
      for (Incident i : used) {
        if (a.isEmpty() || a.equals(areaOf(i))) {
          byYear.merge(yearOf(i).orElseThrow(), 1L, Long::sum);
        }
      }
      for (int[] p : pairs(years.first(), years.last())) {
        Optional<Rate> before =
            rate(
                byYear.get(p[0]), population(a, List.of(p[0]), Optional.empty(), Optional.empty()));
        Optional<Rate> after =
            rate(
                byYear.get(p[1]), population(a, List.of(p[1]), Optional.empty(), Optional.empty()));
        if (before.isEmpty()
            || after.isEmpty()
            || before.get().count() + after.get().count() == 0) {
          continue;
        }
        PeriodChange c = PeriodChange.of(subjectEn, subjectEs, before.get(), after.get());
        Lineage l =
            lineage(
                    subjectEn + " rate change " + p[0] + " to " + p[1],
                    before.get().count() + after.get().count(),
                    "conditional binomial test and exact interval of the rate ratio, as R"
                        + " poisson.test(c(x2, x1), c(T2, T1))")
                .populationVintage(table.vintage())
                .build();
        changes.add(new ChangeResult(a, p[0], p[1], c, l));
      }
    }
  }

  private List<AgeBand> bands() {
    TreeSet<AgeBand> bands = new TreeSet<>(Comparator.comparingInt(AgeBand::min));
    table.rows().forEach(r -> r.ageBand().ifPresent(bands::add));
    return bands.isEmpty() ? settings.defaultAgeBands() : List.copyOf(bands);
  }

  private static boolean completedHomicide(Incident i) {
    return i.iccs().filter(c -> c.isWithin(HomicideVictims.INTENTIONAL_HOMICIDE)).isPresent()
        && i.context().attempt() != Attempt.ATTEMPTED;
  }

  private void sdg(List<Incident> accepted, List<Incident> located) {
    Map<String, Long> sdgExcluded = new LinkedHashMap<>();
    if (settings.rejected() > 0) {
      sdgExcluded.put(REJECTED, settings.rejected());
    }
    boolean byArea = byArea();
    long undated = 0;
    long unplaced = 0;
    for (Incident i : accepted) {
      if (completedHomicide(i)) {
        if (yearOf(i).isEmpty()) {
          undated++;
        } else if (byArea && areaOf(i).isEmpty()) {
          unplaced++;
        }
      }
    }
    if (undated > 0) {
      sdgExcluded.put("ICCS 0101 incidents whose year of occurrence is not known", undated);
    }
    if (unplaced > 0) {
      sdgExcluded.put(
          "ICCS 0101 incidents without a " + settings.areaLevel().key() + " code", unplaced);
    }
    TreeSet<String> sdgAreas = new TreeSet<>();
    TreeSet<Integer> sdgYears = new TreeSet<>();
    for (Incident i : located) {
      if (i.iccs().filter(c -> c.isWithin(HomicideVictims.INTENTIONAL_HOMICIDE)).isPresent()) {
        // areaKeys reads the areas only when grouping by area.
        areaOf(i).ifPresent(sdgAreas::add);
        yearOf(i).ifPresent(sdgYears::add);
      }
    }
    if (sdgYears.isEmpty()) {
      return;
    }
    List<Optional<Integer>> yearKeys = new ArrayList<>();
    if (settings.groupsBy(Grouping.YEAR)) {
      sdgYears.forEach(y -> yearKeys.add(Optional.of(y)));
    } else {
      yearKeys.add(Optional.empty());
    }
    // Without grouping by year a cell covers every year of the span, those without a homicide
    // included, as the rates do.
    List<Integer> span = new ArrayList<>();
    for (int year = sdgYears.first(); year <= sdgYears.last(); year++) {
      span.add(year);
    }
    List<AgeBand> bands = bands();
    List<Optional<Sex>> sexes = new ArrayList<>();
    sexes.add(Optional.empty());
    if (settings.groupsBy(Grouping.SEX)) {
      sexes.add(Optional.of(Sex.FEMALE));
      sexes.add(Optional.of(Sex.MALE));
    }
    List<Optional<AgeBand>> bandKeys = new ArrayList<>();
    bandKeys.add(Optional.empty());
    if (settings.groupsBy(Grouping.AGE)) {
      bands.forEach(b -> bandKeys.add(Optional.of(b)));
    }
    for (Optional<String> a : areaKeys(sdgAreas)) {
      for (Optional<Integer> y : yearKeys) {
        List<Incident> group = new ArrayList<>();
        for (Incident i : located) {
          if ((a.isEmpty() || a.equals(areaOf(i))) && (y.isEmpty() || y.equals(yearOf(i)))) {
            group.add(i);
          }
        }
        HomicideVictims hv = HomicideVictims.count(group, bands);
        List<Integer> popYears = y.map(List::of).orElse(span);
        for (Optional<Sex> sex : sexes) {
          for (Optional<AgeBand> band : bandKeys) {
            Optional<Rate> rate = rate(hv.victims(sex, band), population(a, popYears, sex, band));
            Lineage.Builder l =
                Lineage.builder("SDG 16.1.1 victims of intentional homicide per 100,000")
                    .input(settings.input())
                    .filter(
                        "victims KILLED in ICCS 0101 incidents (and codes within it), attempts left"
                            + " out")
                    .used(hv.incidents())
                    .confidence(settings.confidence())
                    .method("victims, not incidents; exact (Garwood) interval")
                    .populationVintage(table.vintage());
            sdgExcluded.forEach(l::excluded);
            if (hv.attemptsExcluded() > 0) {
              l.excluded("ICCS 0101 recorded as an attempt", hv.attemptsExcluded());
            }
            if (hv.incidentsWithoutVictims() > 0) {
              l.excluded("homicide incidents without victim records", hv.incidentsWithoutVictims());
            }
            if (hv.victimsNotKilled() > 0) {
              l.excluded("victims not killed (victims, not incidents)", hv.victimsNotKilled());
            }
            if (hv.victimsOutcomeUnknown() > 0) {
              l.excluded(
                  "victims of unknown outcome (victims, not incidents)",
                  hv.victimsOutcomeUnknown());
            }
            sdg.add(new SdgResult(new Group(a, y), sex, band, hv, rate, l.build()));
          }
        }
      }
    }
  }

  private void alarms(List<Incident> used, TreeSet<String> areas) {
    AlarmSettings p = settings.alarms();
    for (Optional<String> a : areaKeys(areas)) {
      TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
      long noMonth = 0;
      long inArea = 0;
      for (Incident i : used) {
        if (a.isPresent() && !a.equals(areaOf(i))) {
          continue;
        }
        inArea++;
        Optional<YearMonth> m = monthOf(i);
        if (m.isEmpty()) {
          noMonth++;
        } else {
          byMonth.merge(m.get(), 1L, Long::sum);
        }
      }
      if (byMonth.isEmpty()) {
        continue;
      }
      YearMonth start = byMonth.firstKey();
      int size = (int) (start.until(byMonth.lastKey(), ChronoUnit.MONTHS) + 1);
      long[] counts = new long[size];
      byMonth.forEach((m, c) -> counts[(int) start.until(m, ChronoUnit.MONTHS)] = c);
      MonthlySeries series = MonthlySeries.of(start, counts);
      List<RuleAlarms> rules = new ArrayList<>();
      int baselineYears = Math.min(p.maxBaselineYears(), (size - 1) / 12);
      if (baselineYears > 0) {
        rules.add(
            new RuleAlarms(
                AlarmRule.POISSON_Z,
                parameters("baselineYears", baselineYears, "threshold", p.zThreshold()),
                Alarms.poissonZ(series, baselineYears, p.zThreshold())));
      }
      double mu0 = 0;
      if (size >= 13) {
        for (int k = 0; k < 12; k++) {
          mu0 += counts[k];
        }
        mu0 /= 12;
      }
      if (mu0 > 0) {
        rules.add(
            new RuleAlarms(
                AlarmRule.EWMA,
                parameters("mu0", mu0, "lambda", p.ewmaLambda(), "L", p.ewmaWidth()),
                Alarms.ewma(series, mu0, p.ewmaLambda(), p.ewmaWidth())));
        double mu1 = p.cusumShift() * mu0;
        rules.add(
            new RuleAlarms(
                AlarmRule.CUSUM,
                parameters("mu0", mu0, "mu1", mu1, "h", p.cusumH()),
                Alarms.cusum(series, mu0, mu1, p.cusumH())));
      }
      Lineage.Builder l =
          lineage(
              subjectEn + " incidents per month: alarms",
              inArea - noMonth,
              "Poisson Z against the mean of the same months of earlier years; Poisson EWMA and"
                  + " CUSUM with mu0 the mean of the first 12 months");
      if (noMonth > 0) {
        l.excluded("month of occurrence not known", noMonth);
      }
      alarms.add(new AlarmResult(a, series, rules, l.build()));
    }
  }

  private static Map<String, Number> parameters(Object... namesAndValues) {
    Map<String, Number> m = new LinkedHashMap<>();
    for (int k = 0; k < namesAndValues.length; k += 2) {
      m.put((String) namesAndValues[k], (Number) namesAndValues[k + 1]);
    }
    return m;
  }

  private void funnel(List<Incident> used, Function<Incident, Group> groupOf) {
    LocalDate date =
        settings
            .asOf()
            .orElseGet(
                () ->
                    used.stream()
                        .flatMap(i -> i.caseHistory().events().stream())
                        .map(CaseEvent::date)
                        .max(Comparator.naturalOrder())
                        .orElse(null));
    if (date == null) {
      return;
    }
    ImpunityFunnel.Settings fs =
        new ImpunityFunnel.Settings(
            date, Period.ofYears(settings.followUpYears()), settings.confidence());
    Map<Group, ImpunityFunnel> byGroup = new TreeMap<>(Group.ORDER);
    byGroup.putAll(ImpunityFunnel.byGroup(used, groupOf::apply, fs));
    for (Map.Entry<Group, ImpunityFunnel> e : byGroup.entrySet()) {
      ImpunityFunnel f = e.getValue();
      Lineage.Builder l =
          lineage(
              subjectEn + " impunity funnel",
              f.cases(),
              "case histories; cohort with "
                  + settings.followUpYears()
                  + "-year follow-up, right-censored; Clopper-Pearson intervals; Kaplan-Meier times"
                  + " to the next stage (cases that ended elsewhere never reach it)");
      if (f.withoutHistory() > 0) {
        l.excluded("no case history", f.withoutHistory());
      }
      if (f.notYetEntered() > 0) {
        l.excluded("entered after " + date, f.notYetEntered());
      }
      funnels.add(new FunnelResult(e.getKey(), f, l.build()));
    }
  }
}
