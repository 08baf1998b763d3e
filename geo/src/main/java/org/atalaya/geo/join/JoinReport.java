package org.atalaya.geo.join;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a spatial join did: every incident counted in exactly one {@link Outcome}, the codes that
 * disagreed with the point's area, and per layer how many points fell inside an area, outside all,
 * or inside several (overlapping areas, or a point on a shared border). Immutable.
 *
 * @param joined incidents inside an area of every layer
 * @param partial incidents inside an area of some layers but not all
 * @param outside incidents with a point outside every area of every layer
 * @param noPoint incidents without a point (no location, or only codes or an address)
 * @param conflicts incidents whose given administrative code differs from the point's area
 * @param layers per layer, in order: inside, outside, and inside several
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record JoinReport(
    long joined,
    long partial,
    long outside,
    long noPoint,
    long conflicts,
    Map<String, LayerCounts> layers) {

  /** Where an incident ended. */
  public enum Outcome {
    /** Inside an area of every layer. */
    JOINED,
    /** Inside an area of some layers only. */
    PARTIAL,
    /** Outside every area. */
    OUTSIDE,
    /** No point to join. */
    NO_POINT
  }

  /**
   * Counts of one layer, over incidents with a point.
   *
   * @param inside points inside at least one area
   * @param outside points inside none
   * @param several points inside more than one area
   */
  public record LayerCounts(long inside, long outside, long several) {}

  /** Copies the layers. */
  public JoinReport {
    layers = ImmutableMap.copyOf(Objects.requireNonNull(layers, "layers must not be null"));
  }

  /**
   * Returns how many incidents were joined in all: {@code joined + partial + outside + noPoint}.
   *
   * @return the number of incidents seen
   */
  public long incidents() {
    return joined + partial + outside + noPoint;
  }
}
