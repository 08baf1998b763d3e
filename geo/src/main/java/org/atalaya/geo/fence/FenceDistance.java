package org.atalaya.geo.fence;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A fence and how far a point is from it, as returned by {@link FenceIndex#nearest} and {@link
 * FenceIndex#withinDistance}. Immutable and thread-safe.
 *
 * @param ordinal the fence's ordinal in its index
 * @param id the fence's id; never {@code null}
 * @param metres zero when the fence covers the point, otherwise the geodesic distance in metres to
 *     the nearest point of the fence's boundary (see {@link FenceIndex#nearest} for the accuracy)
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FenceDistance(int ordinal, String id, double metres) {

  /** Validates the fields. */
  public FenceDistance {
    checkArgument(ordinal >= 0, "ordinal (%s) must not be negative", ordinal);
    Objects.requireNonNull(id, "id must not be null");
    checkArgument(metres >= 0, "metres (%s) must not be negative", metres);
  }
}
