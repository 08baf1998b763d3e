package org.atalaya.geo.weights;

import org.apiguardian.api.API;

/**
 * How neighbour weights are scaled, with the letters spdep's {@code nb2listw} uses.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Transform {
  /** Every neighbour weighs 1 (spdep style {@code "B"}). */
  BINARY,
  /**
   * Each row is divided by its sum, so the weights of an area's neighbours sum to 1 (spdep style
   * {@code "W"}); islands keep an empty row.
   */
  ROW,
  /** Weights as given (read from a GWT file or built by hand); not scaled. */
  GENERAL
}
