package org.atalaya.indicator;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;

/**
 * The numerator of SDG indicator 16.1.1: victims of intentional homicide, counted by sex and age
 * band. It counts <b>victims, not incidents</b>: a massacre of five is five.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>an incident counts when its ICCS code is 0101 (intentional homicide) or within it, and it
 *       is not recorded as ATTEMPTED (an attempt is ICCS 0102 territory and kills nobody);
 *   <li>within such an incident, a victim counts when its outcome is KILLED;
 *   <li>a victim's age band is the given band that contains its age, or the given band that
 *       contains its recorded band; otherwise its age is unknown and it counts under an empty band;
 *   <li>nothing is dropped silently: incidents without any victim record, victims not killed and
 *       victims with unknown outcome are counted apart.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HomicideVictims {

  /** ICCS 0101, intentional homicide. */
  public static final IccsCode INTENTIONAL_HOMICIDE = IccsCode.of("0101");

  /**
   * A cell of the table: a sex and an age band (empty when the age is unknown). Immutable and
   * thread-safe.
   *
   * @param sex the sex; never {@code null}
   * @param ageBand the age band; never {@code null} but empty for unknown age
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Cell(Sex sex, Optional<AgeBand> ageBand) {

    /** Checks that no component is null. */
    public Cell {
      Objects.requireNonNull(sex, "sex must not be null");
      Objects.requireNonNull(
          ageBand, "ageBand must not be null; use Optional.empty() for unknown age");
    }
  }

  private final List<AgeBand> bands;
  private final Map<Cell, Long> counts;
  private final long incidents;
  private final long incidentsWithoutVictims;
  private final long attemptsExcluded;
  private final long victimsNotKilled;
  private final long victimsOutcomeUnknown;
  private final Lineage lineage;

  /** The method, as lineages record it. */
  static final String METHOD =
      "victims with outcome KILLED in ICCS 0101 incidents (or within it) not recorded as attempts";

  private HomicideVictims(
      List<AgeBand> bands,
      Map<Cell, Long> counts,
      long incidents,
      long incidentsWithoutVictims,
      long attemptsExcluded,
      long victimsNotKilled,
      long victimsOutcomeUnknown,
      Lineage lineage) {
    this.bands = bands;
    this.counts = counts;
    this.incidents = incidents;
    this.incidentsWithoutVictims = incidentsWithoutVictims;
    this.attemptsExcluded = attemptsExcluded;
    this.victimsNotKilled = victimsNotKilled;
    this.victimsOutcomeUnknown = victimsOutcomeUnknown;
    this.lineage = lineage;
  }

  /**
   * Returns what the count came from: the homicide incidents used, the incidents, victims and
   * attempts left out and why, the method and the version. {@link #rate} adds the population
   * vintage, the confidence level and the interval method.
   *
   * @return the lineage; never {@code null}
   * @since 0.1
   */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * Returns these counts with another lineage, for example with the input file and filters added;
   * the rates of {@link #rate} start from it.
   *
   * @param lineage the lineage; never null
   * @return counts equal to these but for their lineage; never {@code null}
   * @since 0.1
   */
  public HomicideVictims withLineage(Lineage lineage) {
    return new HomicideVictims(
        bands,
        counts,
        incidents,
        incidentsWithoutVictims,
        attemptsExcluded,
        victimsNotKilled,
        victimsOutcomeUnknown,
        Objects.requireNonNull(lineage, "lineage must not be null"));
  }

  /**
   * Counts the victims of intentional homicide in the given incidents.
   *
   * @param incidents the incidents (of one area and year, usually); never null, no null element
   * @param bands the age bands to count by, for example 0-14, 15-29, 30-44, 45-59, 60+; never null,
   *     may be empty (then every victim has an empty band)
   * @return the counts; never {@code null}
   */
  public static HomicideVictims count(Iterable<Incident> incidents, List<AgeBand> bands) {
    Objects.requireNonNull(incidents, "incidents must not be null");
    List<AgeBand> bandList =
        ImmutableList.copyOf(Objects.requireNonNull(bands, "bands must not be null"));
    Map<Cell, Long> counts = new LinkedHashMap<>();
    long homicides = 0;
    long withoutVictims = 0;
    long attempts = 0;
    long notKilled = 0;
    long unknownOutcome = 0;
    for (Incident incident : incidents) {
      Objects.requireNonNull(incident, "incident must not be null");
      if (incident.iccs().filter(c -> c.isWithin(INTENTIONAL_HOMICIDE)).isEmpty()) {
        continue;
      }
      if (incident.context().attempt() == Attempt.ATTEMPTED) {
        attempts++;
        continue;
      }
      homicides++;
      if (incident.victims().isEmpty()) {
        withoutVictims++;
        continue;
      }
      for (Victim v : incident.victims()) {
        if (v.outcome() == VictimOutcome.KILLED) {
          counts.merge(new Cell(v.sex(), bandOf(v, bandList)), 1L, Long::sum);
        } else if (v.outcome() == VictimOutcome.UNKNOWN) {
          unknownOutcome++;
        } else {
          notKilled++;
        }
      }
    }
    Lineage lineage =
        Lineage.builder("victims of intentional homicide (SDG 16.1.1 numerator)")
            .filter("ICCS 0101 and the codes within it, attempts left out")
            .used(homicides)
            .excluded("recorded as an attempt", attempts)
            .excluded("homicide incident without a victim record", withoutVictims)
            .excluded("victims not killed", notKilled)
            .excluded("victims of unknown outcome", unknownOutcome)
            .withoutZeroExclusions()
            .method(METHOD)
            .build();
    return new HomicideVictims(
        bandList,
        ImmutableMap.copyOf(counts),
        homicides,
        withoutVictims,
        attempts,
        notKilled,
        unknownOutcome,
        lineage);
  }

  private static Optional<AgeBand> bandOf(Victim v, List<AgeBand> bands) {
    for (AgeBand b : bands) {
      if (v.age().isPresent()) {
        if (b.contains(v.age().getAsInt())) {
          return Optional.of(b);
        }
      } else if (v.ageBand().isPresent()) {
        AgeBand known = v.ageBand().get();
        boolean inside =
            b.contains(known.min())
                && (b.max().isEmpty()
                    || (known.max().isPresent() && known.max().getAsInt() <= b.max().getAsInt()));
        if (inside) {
          return Optional.of(b);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the age bands counted by.
   *
   * @return the bands; never {@code null}, immutable
   */
  public List<AgeBand> bands() {
    return bands;
  }

  /**
   * Returns the victims in every non-empty cell.
   *
   * @return the counts by cell; never {@code null}, immutable
   */
  public Map<Cell, Long> counts() {
    return counts;
  }

  /**
   * Returns the victims of one sex (or both) in one age band (or all ages, unknown included).
   *
   * @param sex the sex, or empty for all; never null
   * @param ageBand the band, or empty for all ages; never null
   * @return the number of victims
   */
  public long victims(Optional<Sex> sex, Optional<AgeBand> ageBand) {
    Objects.requireNonNull(sex, "sex must not be null");
    Objects.requireNonNull(ageBand, "ageBand must not be null");
    long sum = 0;
    for (Map.Entry<Cell, Long> e : counts.entrySet()) {
      if ((sex.isEmpty() || e.getKey().sex() == sex.get())
          && (ageBand.isEmpty() || e.getKey().ageBand().equals(ageBand))) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  /**
   * Returns the victims whose age band could not be told.
   *
   * @return the number of victims with unknown age
   */
  public long victimsOfUnknownAge() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().ageBand().isEmpty())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /**
   * Returns the number of completed (or not known to be attempted) intentional homicide incidents.
   *
   * @return the count
   */
  public long incidents() {
    return incidents;
  }

  /**
   * Returns the homicide incidents with no victim record, which add no victim to the count.
   *
   * @return the count
   */
  public long incidentsWithoutVictims() {
    return incidentsWithoutVictims;
  }

  /**
   * Returns the ICCS 0101 incidents left out because they are recorded as attempts.
   *
   * @return the count
   */
  public long attemptsExcluded() {
    return attemptsExcluded;
  }

  /**
   * Returns the victims of homicide incidents who were injured or unharmed, not killed.
   *
   * @return the count
   */
  public long victimsNotKilled() {
    return victimsNotKilled;
  }

  /**
   * Returns the victims of homicide incidents whose outcome is unknown; they are not counted.
   *
   * @return the count
   */
  public long victimsOutcomeUnknown() {
    return victimsOutcomeUnknown;
  }

  /**
   * Returns SDG 16.1.1 for one sex and age band (or totals): victims per {@code per} of the
   * matching population, with Garwood's exact interval.
   *
   * @param population the denominators; never null
   * @param area the area of the population table; never null
   * @param year the year
   * @param sex the sex, or empty for both; never null
   * @param ageBand the band, or empty for all ages; never null
   * @param per the base, for example 100,000
   * @param confidence the confidence level
   * @return the rate; never {@code null} but empty when the table has no population for the cell or
   *     it is 0
   */
  public Optional<Rate> rate(
      PopulationTable population,
      String area,
      int year,
      Optional<Sex> sex,
      Optional<AgeBand> ageBand,
      double per,
      double confidence) {
    Objects.requireNonNull(population, "population must not be null");
    OptionalDouble p = population.population(area, year, sex, ageBand);
    if (p.isEmpty() || p.getAsDouble() <= 0) {
      return Optional.empty();
    }
    Rate r =
        Rate.builder()
            .count(victims(sex, ageBand))
            .population(p.getAsDouble())
            .per(per)
            .confidence(confidence)
            .build();
    Lineage.Builder l =
        lineage.toBuilder()
            .indicator(
                "SDG 16.1.1 victims of intentional homicide per "
                    + r.lineage().indicator().substring("rate per ".length())
                    + ", area "
                    + area
                    + ", "
                    + year
                    + sex.map(s -> ", " + s.name().toLowerCase(Locale.ROOT)).orElse("")
                    + ageBand.map(b -> ", ages " + b).orElse(""))
            .confidence(confidence)
            .method(r.lineage().method().orElseThrow() + "; " + METHOD)
            .populationVintage(population.vintage());
    return Optional.of(r.withLineage(l.build()));
  }
}
