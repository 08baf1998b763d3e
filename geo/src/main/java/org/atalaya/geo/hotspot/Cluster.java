package org.atalaya.geo.hotspot;

import org.apiguardian.api.API;

/**
 * The Moran scatterplot quadrant of an area: its own centred value z<sub>i</sub> against the
 * spatial lag of the centred values, each "high" when above zero and "low" otherwise (spdep {@code
 * localmoran}'s {@code quadr$pysal}, PySAL's {@code q}). The label says nothing about significance:
 * combine it with the p-value.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Cluster {
  /** High value among high values (a hot spot when significant). */
  HIGH_HIGH,
  /** Low value among low values (a cold spot when significant). */
  LOW_LOW,
  /** High value among low values (a spatial outlier). */
  HIGH_LOW,
  /** Low value among high values (a spatial outlier). */
  LOW_HIGH;

  static Cluster of(double z, double lagZ) {
    if (z > 0) {
      return lagZ > 0 ? HIGH_HIGH : HIGH_LOW;
    }
    return lagZ > 0 ? LOW_HIGH : LOW_LOW;
  }
}
