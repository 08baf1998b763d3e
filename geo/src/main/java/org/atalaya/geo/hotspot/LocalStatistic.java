package org.atalaya.geo.hotspot;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One area's local statistic: local Moran's I<sub>i</sub> or Getis-Ord G<sub>i</sub> /
 * G<sub>i</sub>*, its expectation and variance under the null of no spatial association, the
 * z-value {@code (statistic - expected) / sqrt(variance)} and, when permutations were asked for,
 * the folded pseudo p-value of {@link Permutations}.
 *
 * <p>Values that cannot be computed are {@code NaN} (for example the z of an island, whose variance
 * is 0). Immutable.
 *
 * @param id the area's id; never {@code null}
 * @param value the area's input value
 * @param statistic I<sub>i</sub>, G<sub>i</sub> or G<sub>i</sub>*
 * @param expected the statistic's expectation under the null
 * @param variance the statistic's variance under the null
 * @param z the standard deviate
 * @param pSim the folded pseudo p-value, empty when no permutations were run
 * @param cluster the Moran scatterplot quadrant, for local Moran only
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LocalStatistic(
    String id,
    double value,
    double statistic,
    double expected,
    double variance,
    double z,
    OptionalDouble pSim,
    Optional<Cluster> cluster) {

  /** Checks that nothing is null. */
  public LocalStatistic {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(pSim, "pSim must not be null");
    Objects.requireNonNull(cluster, "cluster must not be null");
  }
}
