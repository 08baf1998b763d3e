package org.atalaya.indicator.report;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Sex;
import org.atalaya.indicator.HomicideVictims;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.Rate;

/**
 * SDG 16.1.1 for one group and one sex and age cell: victims of intentional homicide (killed
 * victims of ICCS 0101 incidents, attempts left out; victims, not incidents) per 100,000 of that
 * population, with an exact interval that reflects Poisson variation only. The totals cell (no sex,
 * no age band) also tells the victims of unknown age and of other or unknown sex, which the sex and
 * age cells cannot hold.
 *
 * @param group the area and year; never {@code null}
 * @param sex the sex; never {@code null}, empty for all
 * @param ageBand the age band; never {@code null}, empty for all
 * @param counts the group's victims by cell, and what was left out; never {@code null}
 * @param rate the rate; empty when a population figure of the cell is missing or zero
 * @param lineage where the figure came from; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SdgResult(
    Group group,
    Optional<Sex> sex,
    Optional<AgeBand> ageBand,
    HomicideVictims counts,
    Optional<Rate> rate,
    Lineage lineage) {
  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public SdgResult {
    Objects.requireNonNull(group, "group must not be null");
    Objects.requireNonNull(sex, "sex must not be null; use Optional.empty()");
    Objects.requireNonNull(ageBand, "ageBand must not be null; use Optional.empty()");
    Objects.requireNonNull(counts, "counts must not be null");
    Objects.requireNonNull(rate, "rate must not be null; use Optional.empty()");
    Objects.requireNonNull(lineage, "lineage must not be null");
  }

  /**
   * Returns the victims of this cell.
   *
   * @return not negative
   */
  public long victims() {
    return counts.victims(sex, ageBand);
  }

  /**
   * Returns whether this is the group's totals cell (all sexes, all ages).
   *
   * @return true when neither sex nor age band is set
   */
  public boolean isTotal() {
    return sex.isEmpty() && ageBand.isEmpty();
  }

  /**
   * Returns the group's victims of other or unknown sex, counted in the totals only.
   *
   * @return not negative
   */
  public long victimsOfOtherOrUnknownSex() {
    return counts.victims(Optional.of(Sex.OTHER), Optional.empty())
        + counts.victims(Optional.of(Sex.UNKNOWN), Optional.empty());
  }
}
