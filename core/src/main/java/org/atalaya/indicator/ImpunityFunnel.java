package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;

/**
 * The impunity funnel: how many cases reached each stage (reported, investigated, charged,
 * convicted), what proportion of a cohort did, and how long the steps took, from case-status
 * histories as of a given date.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>Only steps dated on or before {@link Settings#asOf()} count; a case whose first step is
 *       later is left out and counted in {@link #notYetEntered()}. A case with an empty history is
 *       left out and counted in {@link #withoutHistory()}.
 *   <li>A case enters on the date of its first step. It has <em>full follow-up</em> when it entered
 *       at least {@link Settings#followUp()} before {@code asOf}; those cases form the
 *       <em>cohort</em>. A cohort case counts as reaching a stage only if it did so within the
 *       follow-up of its entry, so every cohort case had the same time to progress.
 *   <li><b>Right-censoring.</b> A case younger than the follow-up is not in the cohort and never
 *       counts as a failure: at each stage it has not reached yet (and still can reach) it is
 *       counted as {@link StageCount#censored()}. Leaving the young cases out entirely, even those
 *       that have already progressed, keeps the proportions unbiased: counting only the quick
 *       successes among recent cases would inflate them.
 *   <li>A stage counts as reached when the history shows it or any later stage (see {@link
 *       FunnelStage}); a stage a history skips is taken as reached no later than the next step.
 *   <li>Proportions carry Clopper-Pearson intervals ({@link Proportion}).
 *   <li>Median time between two stages is over the cases that reached both with both dates known: a
 *       stage's date is known when the history starts at or before that stage (a history that
 *       starts at CHARGED says nothing about when the case was reported). It is the median of the
 *       completed times only, so it understates the waiting time when many cases are still waiting:
 *       prefer {@link #timeBetween(FunnelStage, FunnelStage)}.
 *   <li><b>Time between stages with right-censoring</b> ({@link #timeBetween(FunnelStage,
 *       FunnelStage, EndedElsewhere)}): a Kaplan-Meier estimate over the cases that reached the
 *       first stage with its date known, starting on that date. A case that reached the second
 *       stage by {@code asOf} is an event at the days between the two; a case still on its way is
 *       censored at the days from the first stage to {@code asOf} (a case from last month has not
 *       had time to reach court). A case that <em>ended elsewhere</em> (acquitted or dismissed
 *       before a conviction, or archived, without reaching the second stage) is treated as {@link
 *       EndedElsewhere} says: by default it never reaches the stage and stays at risk up to {@code
 *       asOf}, so the curve is the share of cases not yet at the stage; the median is then "not
 *       reached" when fewer than half of the cases ever get there.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ImpunityFunnel {

  private static final FunnelStage[] STAGES = FunnelStage.values();

  private final Settings settings;
  private final long cases;
  private final long withoutHistory;
  private final long notYetEntered;
  private final long cohort;
  private final long younger;
  private final Map<CaseStatus, Long> byCurrentStatus;
  private final List<StageCount> stages;
  private final double[][] medianDays;
  private final List<CaseRecord> records;
  private final Lineage lineage;

  /**
   * What the funnel is computed for: the date it describes, the follow-up that defines the cohort,
   * and the confidence level of the intervals. Immutable and thread-safe.
   *
   * @param asOf the date the funnel describes; steps after it are ignored; never {@code null}
   * @param followUp the time a case needs since entry to belong to the cohort, for example two
   *     years; never {@code null}, positive
   * @param confidence the confidence level of the proportions' intervals, strictly between 0 and 1
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Settings(LocalDate asOf, Period followUp, double confidence) {

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if the follow-up is zero or negative, or the confidence is
     *     out of range
     */
    public Settings {
      Objects.requireNonNull(asOf, "asOf must not be null");
      Objects.requireNonNull(followUp, "followUp must not be null");
      checkArgument(
          !followUp.isNegative() && !followUp.isZero(), "followUp (%s) must be positive", followUp);
      ConfidenceInterval.checkConfidence(confidence);
    }

    /**
     * Returns settings with 95% intervals.
     *
     * @param asOf the date the funnel describes; never null
     * @param followUp the follow-up; never null, positive
     * @return the settings; never {@code null}
     * @throws IllegalArgumentException if the follow-up is not positive
     */
    public static Settings of(LocalDate asOf, Period followUp) {
      return new Settings(asOf, followUp, Rate.DEFAULT_CONFIDENCE);
    }
  }

  private ImpunityFunnel(
      Settings settings,
      long cases,
      long withoutHistory,
      long notYetEntered,
      long cohort,
      long younger,
      Map<CaseStatus, Long> byCurrentStatus,
      List<StageCount> stages,
      double[][] medianDays,
      List<CaseRecord> records,
      Lineage lineage) {
    this.settings = settings;
    this.cases = cases;
    this.withoutHistory = withoutHistory;
    this.notYetEntered = notYetEntered;
    this.cohort = cohort;
    this.younger = younger;
    this.byCurrentStatus = byCurrentStatus;
    this.stages = stages;
    this.medianDays = medianDays;
    this.records = records;
    this.lineage = lineage;
  }

  /**
   * Computes the funnel of the given case histories.
   *
   * @param histories the histories, one per case; never null, no null element
   * @param settings the date, follow-up and confidence; never null
   * @return the funnel; never {@code null}
   */
  public static ImpunityFunnel of(Iterable<CaseHistory> histories, Settings settings) {
    Objects.requireNonNull(histories, "histories must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    Accumulator acc = new Accumulator(settings);
    for (CaseHistory h : histories) {
      acc.add(Objects.requireNonNull(h, "history must not be null"));
    }
    return acc.finish();
  }

  /**
   * Computes one funnel per group of incidents, for example by department and year: {@code
   * byGroup(incidents, i -> i.occurred().from().getYear(), settings)}.
   *
   * @param <K> the group key type
   * @param incidents the incidents; never null, no null element
   * @param key the group of an incident; never null, never returning null
   * @param settings the date, follow-up and confidence; never null
   * @return the funnels by group, in the order groups first appear; never {@code null}, immutable
   */
  public static <K> Map<K, ImpunityFunnel> byGroup(
      Iterable<Incident> incidents,
      Function<? super Incident, ? extends K> key,
      Settings settings) {
    Objects.requireNonNull(incidents, "incidents must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    Map<K, Accumulator> groups = new LinkedHashMap<>();
    for (Incident incident : incidents) {
      Objects.requireNonNull(incident, "incident must not be null");
      K k = Objects.requireNonNull(key.apply(incident), "group key must not be null");
      groups.computeIfAbsent(k, x -> new Accumulator(settings)).add(incident.caseHistory());
    }
    ImmutableMap.Builder<K, ImpunityFunnel> out = ImmutableMap.builder();
    groups.forEach((k, acc) -> out.put(k, acc.finish()));
    return out.build();
  }

  /**
   * Returns the settings the funnel was computed with.
   *
   * @return the settings; never {@code null}
   */
  public Settings settings() {
    return settings;
  }

  /**
   * Returns the number of cases in the funnel: those with a step on or before the funnel's date.
   *
   * @return the count
   */
  public long cases() {
    return cases;
  }

  /**
   * Returns the number of cases left out because their history is empty.
   *
   * @return the count
   */
  public long withoutHistory() {
    return withoutHistory;
  }

  /**
   * Returns the number of cases left out because their first step is after the funnel's date.
   *
   * @return the count
   */
  public long notYetEntered() {
    return notYetEntered;
  }

  /**
   * Returns the size of the cohort: cases that entered at least the follow-up before the funnel's
   * date.
   *
   * @return the count
   */
  public long cohort() {
    return cohort;
  }

  /**
   * Returns the number of cases younger than the follow-up, {@code cases() - cohort()}.
   *
   * @return the count
   */
  public long younger() {
    return younger;
  }

  /**
   * Returns how many cases stand at each status on the funnel's date (for example how many were
   * acquitted, dismissed or are archived).
   *
   * @param status the status; never null
   * @return the count
   */
  public long currentlyAt(CaseStatus status) {
    return byCurrentStatus.getOrDefault(
        Objects.requireNonNull(status, "status must not be null"), 0L);
  }

  /**
   * Returns every stage, in funnel order.
   *
   * @return the stages; never {@code null}, immutable, one per {@link FunnelStage}
   */
  public List<StageCount> stages() {
    return stages;
  }

  /**
   * Returns one stage.
   *
   * @param stage the stage; never null
   * @return the stage's counts; never {@code null}
   */
  public StageCount stage(FunnelStage stage) {
    return stages.get(Objects.requireNonNull(stage, "stage must not be null").ordinal());
  }

  /**
   * Returns the median number of days from reaching {@code from} to reaching {@code to}, over the
   * cases that reached both with both dates known (see the class rules).
   *
   * @param from the earlier stage; never null
   * @param to the later stage; never null, after {@code from}
   * @return the median in days (the mean of the two middle values for an even number of cases);
   *     never {@code null} but empty when no case qualifies
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   */
  public OptionalDouble medianDays(FunnelStage from, FunnelStage to) {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    checkArgument(from.compareTo(to) < 0, "to (%s) must be a later stage than from (%s)", to, from);
    double m = medianDays[from.ordinal()][to.ordinal()];
    return Double.isNaN(m) ? OptionalDouble.empty() : OptionalDouble.of(m);
  }

  /**
   * Returns the Kaplan-Meier estimate of the time from reaching {@code from} to reaching {@code
   * to}, with cases that ended elsewhere treated as never reaching {@code to} ({@link
   * EndedElsewhere#NEVER_REACHES}).
   *
   * @param from the earlier stage; never null
   * @param to the later stage; never null, after {@code from}
   * @return the estimate; never {@code null}
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   * @since 0.1
   */
  public StageTime timeBetween(FunnelStage from, FunnelStage to) {
    return timeBetween(from, to, EndedElsewhere.NEVER_REACHES);
  }

  /**
   * Returns the Kaplan-Meier estimate of the time, in days, from reaching {@code from} to reaching
   * {@code to}, right-censored at the funnel's date (see the class rules). The estimate's
   * confidence level is the funnel's.
   *
   * @param from the earlier stage; never null
   * @param to the later stage; never null, after {@code from}
   * @param endedElsewhere how cases that ended without reaching {@code to} count; never null
   * @return the estimate; never {@code null}
   * @throws IllegalArgumentException if {@code to} is not after {@code from}
   * @since 0.1
   */
  public StageTime timeBetween(FunnelStage from, FunnelStage to, EndedElsewhere endedElsewhere) {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    Objects.requireNonNull(endedElsewhere, "endedElsewhere must not be null");
    checkArgument(from.compareTo(to) < 0, "to (%s) must be a later stage than from (%s)", to, from);
    int a = from.ordinal();
    int b = to.ordinal();
    List<Double> times = new ArrayList<>();
    List<Boolean> events = new ArrayList<>();
    long startUnknown = 0;
    long ended = 0;
    long waiting = 0;
    for (CaseRecord r : records) {
      LocalDate start = r.reachedOn()[a];
      if (start == null) {
        continue;
      }
      if (r.firstKnown() < 0 || r.firstKnown() > a) {
        startUnknown++;
        continue;
      }
      LocalDate reached = r.reachedOn()[b];
      if (reached != null) {
        times.add((double) ChronoUnit.DAYS.between(start, reached));
        events.add(true);
      } else if (r.current().isFinal() || r.current() == CaseStatus.ARCHIVED) {
        ended++;
        LocalDate until =
            endedElsewhere == EndedElsewhere.CENSORED_WHEN_ENDED
                ? r.currentSince()
                : settings.asOf();
        times.add((double) ChronoUnit.DAYS.between(start, until));
        events.add(false);
      } else {
        waiting++;
        times.add((double) ChronoUnit.DAYS.between(start, settings.asOf()));
        events.add(false);
      }
    }
    double[] t = new double[times.size()];
    boolean[] e = new boolean[times.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = times.get(i);
      e[i] = events.get(i);
    }
    KaplanMeier km = KaplanMeier.of(t, e, settings.confidence());
    Lineage l =
        lineage.toBuilder()
            .indicator("days from " + from + " to " + to)
            .used(t.length)
            .excluded("reached " + from + " on an unknown date", startUnknown)
            .withoutZeroExclusions()
            .method(
                "Kaplan-Meier, Greenwood standard error, log-transformed limits, Brookmeyer-Crowley"
                    + " interval of the median (R survfit defaults); still waiting: censored at "
                    + settings.asOf()
                    + "; ended elsewhere: "
                    + (endedElsewhere == EndedElsewhere.NEVER_REACHES
                        ? "never reaches the stage (at risk up to " + settings.asOf() + ")"
                        : "censored on the day it ended"))
            .build();
    return new StageTime(from, to, endedElsewhere, km, waiting, ended, startUnknown, l);
  }

  /**
   * Returns what the funnel was computed from: the number of cases used, those left out and why,
   * the method, the confidence level and the Atalaya version. Add the input file, filters and so on
   * with {@link #withLineage(Lineage)}.
   *
   * @return the lineage; never {@code null}
   * @since 0.1
   */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * Returns this funnel with another lineage, typically {@code
   * f.withLineage(f.lineage().toBuilder().input("cases.csv").filter("ICCS 0101").build())}. The
   * lineage is also the base of every {@link #timeBetween} estimate's.
   *
   * @param lineage the lineage; never null
   * @return a funnel equal to this one but for its lineage; never {@code null}
   * @since 0.1
   */
  public ImpunityFunnel withLineage(Lineage lineage) {
    Objects.requireNonNull(lineage, "lineage must not be null");
    return new ImpunityFunnel(
        settings,
        cases,
        withoutHistory,
        notYetEntered,
        cohort,
        younger,
        byCurrentStatus,
        stages,
        medianDays,
        records,
        lineage);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ImpunityFunnel[asOf=").append(settings.asOf());
    sb.append(", cases=").append(cases).append(", cohort=").append(cohort);
    for (StageCount s : stages) {
      sb.append(", ").append(s.stage()).append('=').append(s.reached());
    }
    return sb.append(']').toString();
  }

  /**
   * What the time estimates need of one case: the first date it reached each stage, the first stage
   * whose date is known (-1 when none), its status on the funnel's date and since when.
   */
  private record CaseRecord(
      LocalDate[] reachedOn, int firstKnown, CaseStatus current, LocalDate currentSince) {}

  /** Collects cases one by one. Not thread-safe; used only inside a factory call. */
  private static final class Accumulator {
    private final Settings settings;
    private final LocalDate cohortEnd;
    private long cases;
    private long withoutHistory;
    private long notYetEntered;
    private long cohort;
    private long younger;
    private final Map<CaseStatus, Long> byCurrentStatus = new EnumMap<>(CaseStatus.class);
    private final long[] reached = new long[STAGES.length];
    private final long[] censored = new long[STAGES.length];
    private final long[] cohortReached = new long[STAGES.length];
    private final List<List<Long>> days = new ArrayList<>();
    private final List<CaseRecord> records = new ArrayList<>();

    Accumulator(Settings settings) {
      this.settings = settings;
      this.cohortEnd = settings.asOf().minus(settings.followUp());
      for (int i = 0; i < STAGES.length * STAGES.length; i++) {
        days.add(new ArrayList<>());
      }
    }

    void add(CaseHistory history) {
      List<CaseEvent> events = new ArrayList<>();
      for (CaseEvent e : history.events()) {
        if (!e.date().isAfter(settings.asOf())) {
          events.add(e);
        }
      }
      if (history.events().isEmpty()) {
        withoutHistory++;
        return;
      }
      if (events.isEmpty()) {
        notYetEntered++;
        return;
      }
      cases++;
      LocalDate entry = events.get(0).date();
      CaseStatus current = events.get(events.size() - 1).status();
      byCurrentStatus.merge(current, 1L, Long::sum);
      boolean inCohort = !entry.isAfter(cohortEnd);
      if (inCohort) {
        cohort++;
      } else {
        younger++;
      }
      LocalDate followUpEnd = entry.plus(settings.followUp());
      // the first date each stage was reached (a stage implied by a later one takes that date)
      LocalDate[] reachedOn = new LocalDate[STAGES.length];
      for (CaseEvent e : events) {
        Optional<FunnelStage> s = FunnelStage.of(e.status());
        if (s.isPresent()) {
          for (int k = 0; k <= s.get().ordinal(); k++) {
            if (reachedOn[k] == null) {
              reachedOn[k] = e.date();
            }
          }
        }
      }
      // every case on record has been reported, by its first step at the latest
      if (reachedOn[0] == null) {
        reachedOn[0] = entry;
      }
      for (int k = 0; k < STAGES.length; k++) {
        if (reachedOn[k] != null) {
          reached[k]++;
          if (inCohort && !reachedOn[k].isAfter(followUpEnd)) {
            cohortReached[k]++;
          }
        } else if (!inCohort && !current.isFinal()) {
          censored[k]++;
        }
      }
      Optional<FunnelStage> first = FunnelStage.of(events.get(0).status());
      records.add(
          new CaseRecord(
              reachedOn,
              first.map(Enum::ordinal).orElse(-1),
              current,
              events.get(events.size() - 1).date()));
      if (first.isPresent()) {
        int known = first.get().ordinal();
        for (int a = known; a < STAGES.length; a++) {
          for (int b = a + 1; b < STAGES.length; b++) {
            if (reachedOn[a] != null && reachedOn[b] != null) {
              days.get(a * STAGES.length + b)
                  .add(ChronoUnit.DAYS.between(reachedOn[a], reachedOn[b]));
            }
          }
        }
      }
    }

    ImpunityFunnel finish() {
      ImmutableList.Builder<StageCount> out = ImmutableList.builder();
      for (int k = 0; k < STAGES.length; k++) {
        Optional<Proportion> ofCohort =
            cohort == 0
                ? Optional.empty()
                : Optional.of(Proportion.of(cohortReached[k], cohort, settings.confidence()));
        Optional<Proportion> ofPrevious =
            k == 0 || cohortReached[k - 1] == 0
                ? Optional.empty()
                : Optional.of(
                    Proportion.of(cohortReached[k], cohortReached[k - 1], settings.confidence()));
        out.add(
            new StageCount(
                STAGES[k], reached[k], censored[k], cohortReached[k], ofCohort, ofPrevious));
      }
      double[][] medians = new double[STAGES.length][STAGES.length];
      for (int a = 0; a < STAGES.length; a++) {
        for (int b = 0; b < STAGES.length; b++) {
          medians[a][b] = median(days.get(a * STAGES.length + b));
        }
      }
      return new ImpunityFunnel(
          settings,
          cases,
          withoutHistory,
          notYetEntered,
          cohort,
          younger,
          ImmutableMap.copyOf(byCurrentStatus),
          out.build(),
          medians,
          ImmutableList.copyOf(records),
          lineage());
    }

    private Lineage lineage() {
      return Lineage.builder("impunity funnel")
          .used(cases)
          .excluded("no case history", withoutHistory)
          .excluded("first step after " + settings.asOf(), notYetEntered)
          .withoutZeroExclusions()
          .confidence(settings.confidence())
          .method(
              "case histories as of "
                  + settings.asOf()
                  + "; cohort with "
                  + settings.followUp()
                  + " follow-up, younger cases right-censored; Clopper-Pearson intervals")
          .build();
    }

    private static double median(List<Long> values) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
  }
}
