package org.atalaya.geo.nearrepeat;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One cell of a near-repeat table: the pairs of incidents whose distance lies in {@code distance}
 * and whose time apart lies in {@code time}.
 *
 * @param distance the distance band in metres; never {@code null}
 * @param time the time band in days; never {@code null}
 * @param observed the number of pairs observed
 * @param expected the mean number over the permutations (times shuffled among incidents)
 * @param knoxRatio observed / expected; NaN when expected is 0
 * @param pSim the one-sided Monte Carlo p-value {@code (#{simulated >= observed} + 1) / (N + 1)}
 *     (an excess of close pairs is what a near-repeat pattern means); NaN without permutations
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record NearRepeatCell(
    Interval distance,
    Interval time,
    long observed,
    double expected,
    double knoxRatio,
    double pSim) {
  /** Checks that nothing is null. */
  public NearRepeatCell {
    Objects.requireNonNull(distance, "distance must not be null");
    Objects.requireNonNull(time, "time must not be null");
  }
}
