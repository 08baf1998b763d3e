package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import org.apiguardian.api.API;

/**
 * A point of a Lorenz curve: the poorest {@code placeShare} of places hold {@code incidentShare} of
 * the incidents. Immutable and thread-safe.
 *
 * @param placeShare cumulative share of places, from 0 to 1
 * @param incidentShare cumulative share of incidents, from 0 to 1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record LorenzPoint(double placeShare, double incidentShare) {

  /**
   * Validates the point.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1]
   */
  public LorenzPoint {
    checkArgument(
        placeShare >= 0 && placeShare <= 1, "placeShare (%s) must be from 0 to 1", placeShare);
    checkArgument(
        incidentShare >= 0 && incidentShare <= 1,
        "incidentShare (%s) must be from 0 to 1",
        incidentShare);
  }
}
