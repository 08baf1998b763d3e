package org.atalaya.spi;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * What an {@link IncidentIndicator} computes from: the incidents of one area and period, the
 * population at risk when known, and labels for the lineage. Immutable and thread-safe.
 *
 * @param incidents the incidents; never {@code null}, copied
 * @param population the population of the area in the period, if known (for rates)
 * @param area what the incidents cover, for example {@code "Honduras"} or {@code "0801"}
 * @param period the period, for example {@code "2024"}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record IndicatorInput(
    List<Incident> incidents, OptionalLong population, String area, String period) {

  /**
   * Copies and validates the input.
   *
   * @throws IllegalArgumentException if the population is negative
   */
  public IndicatorInput {
    incidents =
        ImmutableList.copyOf(Objects.requireNonNull(incidents, "incidents must not be null"));
    Objects.requireNonNull(population, "population must not be null; use OptionalLong.empty()");
    Objects.requireNonNull(area, "area must not be null");
    Objects.requireNonNull(period, "period must not be null");
    if (population.isPresent() && population.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "population must not be negative: " + population.getAsLong());
    }
  }
}
