package org.atalaya.indicator.report;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.io.ReadResult;

/**
 * The indicators of an incident list against a population table, as {@code atalaya indicators}
 * computes and prints them: rates per 100,000 with exact intervals by area and year, SDG 16.1.1
 * victims by sex and age band, the change between years with a sentence that claims no more than
 * the test supports, monthly alarms, and the impunity funnel. Every figure carries its {@link
 * org.atalaya.indicator.Lineage}: the input, the filters, how many incidents were used and how many
 * were left out and why, the population vintage, the confidence level and the method.
 *
 * <p><b>Uncertainty</b>: every interval reflects chance (Poisson or binomial variation) at the
 * settings' confidence level, nothing else. Under-recording, misclassification and a wrong
 * denominator move a figure in ways no interval shows; the lineage says what was left out so a
 * reader can judge.
 *
 * <p><b>What is counted</b>: the incidents of the settings' category (and the codes within it) that
 * were completed (attempts are left out), have a year of occurrence (a window within one calendar
 * year) and, when grouped by area, a code at the area level. SDG 16.1.1 counts killed victims of
 * ICCS 0101 incidents whatever the category. Nothing is dropped silently: {@link #excluded()} and
 * each lineage count what was left out, by reason.
 *
 * <p>{@link #toJson()} is the document {@code atalaya indicators --json} prints (schema version 1);
 * Jackson serialises a report in that form. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndicatorReport {
  private final IndicatorSettings settings;
  private final String populationVintage;
  private final long accepted;
  private final ImmutableMap<String, Long> excluded;
  private final String subjectEnglish;
  private final String subjectSpanish;
  private final ImmutableList<RateResult> rates;
  private final ImmutableList<ChangeResult> changes;
  private final ImmutableList<SdgResult> sdg;
  private final ImmutableList<AlarmResult> alarms;
  private final ImmutableList<FunnelResult> funnels;
  private final ImmutableList<String> missingPopulation;

  IndicatorReport(
      IndicatorSettings settings,
      String populationVintage,
      long accepted,
      Map<String, Long> excluded,
      String subjectEnglish,
      String subjectSpanish,
      List<RateResult> rates,
      List<ChangeResult> changes,
      List<SdgResult> sdg,
      List<AlarmResult> alarms,
      List<FunnelResult> funnels,
      List<String> missingPopulation) {
    this.settings = settings;
    this.populationVintage = populationVintage;
    this.accepted = accepted;
    this.excluded = ImmutableMap.copyOf(excluded);
    this.subjectEnglish = subjectEnglish;
    this.subjectSpanish = subjectSpanish;
    this.rates = ImmutableList.copyOf(rates);
    this.changes = ImmutableList.copyOf(changes);
    this.sdg = ImmutableList.copyOf(sdg);
    this.alarms = ImmutableList.copyOf(alarms);
    this.funnels = ImmutableList.copyOf(funnels);
    this.missingPopulation = ImmutableList.copyOf(missingPopulation);
  }

  /**
   * Computes every indicator of the incidents.
   *
   * @param incidents the incidents (for example those a reader accepted); never {@code null}, no
   *     null element
   * @param population the denominators; never {@code null}
   * @param settings what to compute and how the lineage names the inputs; never {@code null}
   * @return the report; never {@code null}
   * @throws NullPointerException if an argument or an incident is null
   */
  public static IndicatorReport compute(
      List<Incident> incidents, PopulationTable population, IndicatorSettings settings) {
    Objects.requireNonNull(incidents, "incidents must not be null");
    Objects.requireNonNull(population, "population must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    for (int k = 0; k < incidents.size(); k++) {
      if (incidents.get(k) == null) {
        throw new NullPointerException("incidents must not hold null (index " + k + ")");
      }
    }
    return new Computation(settings, population).run(List.copyOf(incidents));
  }

  /**
   * Computes every indicator of the incidents a reader accepted, counting its rejections as left
   * out (they override the settings' {@link IndicatorSettings#rejected()}).
   *
   * @param read what the reader returned; never {@code null}
   * @param population the denominators; never {@code null}
   * @param settings what to compute and how the lineage names the inputs; never {@code null}
   * @return the report; never {@code null}
   */
  public static IndicatorReport compute(
      ReadResult read, PopulationTable population, IndicatorSettings settings) {
    Objects.requireNonNull(read, "read must not be null");
    Objects.requireNonNull(settings, "settings must not be null");
    return compute(
        read.incidents(),
        population,
        settings.toBuilder().rejected(read.report().rejected()).build());
  }

  /**
   * @return the settings the report was computed with; never {@code null}
   */
  public IndicatorSettings settings() {
    return settings;
  }

  /**
   * @return the population table's vintage; never {@code null}
   */
  public String populationVintage() {
    return populationVintage;
  }

  /**
   * @return the records read: the incidents given plus those the reader rejected
   */
  public long read() {
    return accepted + settings.rejected();
  }

  /**
   * @return the incidents given to {@link #compute}
   */
  public long accepted() {
    return accepted;
  }

  /**
   * Returns what the rates, change, alarms and funnel left out, by reason, in the order found
   * (reasons with no incident are not listed).
   *
   * @return never {@code null}, immutable
   */
  public Map<String, Long> excluded() {
    return excluded;
  }

  /**
   * @return what is counted, in English: {@code "homicide"} or {@code "ICCS 0401"}; never {@code
   *     null}
   */
  public String subjectEnglish() {
    return subjectEnglish;
  }

  /**
   * @return what is counted, in Spanish: {@code "homicidios"} or {@code "ICCS 0401"}; never {@code
   *     null}
   */
  public String subjectSpanish() {
    return subjectSpanish;
  }

  /**
   * Returns the rates, one per group: every area with an incident (when grouped by area) by every
   * year from the first to the last with an incident (when grouped by year), empty groups included.
   *
   * @return in area then year order; never {@code null}, immutable
   */
  public List<RateResult> rates() {
    return rates;
  }

  /**
   * @return the period changes, by area then pair; never {@code null}, immutable, potentially empty
   */
  public List<ChangeResult> changes() {
    return changes;
  }

  /**
   * @return the SDG 16.1.1 cells, by area, year, sex then age band; never {@code null}, immutable
   */
  public List<SdgResult> sdg() {
    return sdg;
  }

  /**
   * @return the monthly alarms, one per area with a dated incident; never {@code null}, immutable
   */
  public List<AlarmResult> alarms() {
    return alarms;
  }

  /**
   * Returns the impunity funnels, one per group; empty when no case history has a date and no
   * {@code asOf} was set.
   *
   * @return in area then year order; never {@code null}, immutable
   */
  public List<FunnelResult> funnels() {
    return funnels;
  }

  /**
   * Returns the population cells the table lacks ({@code "area 0801, year 2024, sex female"}); a
   * figure that needs one of them has no rate.
   *
   * @return in the order the figures asked for them, without repeats; never {@code null}, immutable
   */
  public List<String> missingPopulation() {
    return missingPopulation;
  }

  /**
   * Returns the report as the JSON tree of {@code atalaya indicators}: {@code document,
   * schemaVersion, atalayaVersion, input, rates, changes, sdg16_1_1, alarms, impunity} and, when a
   * population figure is missing, {@code missingPopulation}. Jackson serialises a report in this
   * form.
   *
   * @return a new tree; never {@code null}
   */
  @JsonValue
  public ObjectNode toJsonTree() {
    return ReportJson.write(this);
  }

  /**
   * Returns the report as indented JSON text, exactly what {@code atalaya indicators --json}
   * prints.
   *
   * @return the JSON text; never {@code null}
   */
  public String toJson() {
    try {
      return ReportJson.INDENTED.writeValueAsString(toJsonTree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of plain values could not be written", e);
    }
  }

  @Override
  public String toString() {
    return "IndicatorReport["
        + settings.input()
        + ", "
        + subjectEnglish
        + ", "
        + rates.size()
        + " rates, "
        + changes.size()
        + " changes, "
        + sdg.size()
        + " SDG cells, "
        + alarms.size()
        + " alarm series, "
        + funnels.size()
        + " funnels, "
        + missingPopulation.size()
        + " missing population cells]";
  }
}
