package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The predictive accuracy index (PAI) of Chainey, Tompson and Uhlig (2008) for a set of hot places:
 * {@code (hits / incidents) / (hotArea / totalArea)}, the share of incidents captured divided by
 * the share of area flagged. 1 is no better than flagging places at random; higher is better.
 * Immutable and thread-safe.
 *
 * @param hits incidents inside the hot places; from 0 to {@code incidents}
 * @param incidents all incidents in the study area; positive
 * @param hotArea area of the hot places; positive and not above {@code totalArea}
 * @param totalArea area of the study area; positive and finite
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PredictiveAccuracyIndex(long hits, long incidents, double hotArea, double totalArea) {

  /**
   * Validates the inputs.
   *
   * @throws IllegalArgumentException if an argument breaks the rules above
   */
  public PredictiveAccuracyIndex {
    checkArgument(incidents > 0, "incidents (%s) must be positive", incidents);
    checkArgument(
        hits >= 0 && hits <= incidents,
        "hits (%s) must be from 0 to incidents (%s)",
        hits,
        incidents);
    Rate.checkPositiveFinite("totalArea", totalArea);
    checkArgument(
        hotArea > 0 && hotArea <= totalArea,
        "hotArea (%s) must be positive and not above totalArea (%s)",
        hotArea,
        totalArea);
  }

  /**
   * Returns the PAI of hot places given by their areas.
   *
   * @param hits incidents inside the hot places
   * @param incidents all incidents
   * @param hotArea area of the hot places, in any unit
   * @param totalArea area of the study area, in the same unit
   * @return the index inputs; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static PredictiveAccuracyIndex of(
      long hits, long incidents, double hotArea, double totalArea) {
    return new PredictiveAccuracyIndex(hits, incidents, hotArea, totalArea);
  }

  /**
   * Returns the PAI of hot cells on a grid of equal-area cells.
   *
   * @param counts incidents per cell; never null, none negative, total positive
   * @param hotCells indexes into {@code counts} of the hot cells; never null, not empty, each from
   *     0 to {@code counts.length - 1}
   * @return the index inputs, areas counted in cells; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static PredictiveAccuracyIndex ofCells(long[] counts, Set<Integer> hotCells) {
    Objects.requireNonNull(counts, "counts must not be null");
    Objects.requireNonNull(hotCells, "hotCells must not be null");
    checkArgument(!hotCells.isEmpty(), "hotCells must not be empty");
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      checkArgument(counts[i] >= 0, "count (%s) of cell %s must not be negative", counts[i], i);
      total = Math.addExact(total, counts[i]);
    }
    long hits = 0;
    for (Integer cell : hotCells) {
      Objects.requireNonNull(cell, "hot cell must not be null");
      checkArgument(
          cell >= 0 && cell < counts.length,
          "hot cell (%s) must be from 0 to %s",
          cell,
          counts.length - 1);
      hits += counts[cell];
    }
    return new PredictiveAccuracyIndex(hits, total, hotCells.size(), counts.length);
  }

  /**
   * Returns the index, {@code (hits / incidents) / (hotArea / totalArea)}.
   *
   * @return the PAI, from 0 to {@code totalArea / hotArea}
   */
  public double value() {
    return ((double) hits / incidents) / (hotArea / totalArea);
  }
}
