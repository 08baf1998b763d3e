package org.atalaya.geo.aggregate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.fence.FenceIndex;

/**
 * Incidents counted per area (municipality, colonia, patrol sector) through a {@link FenceIndex}. A
 * point on a border shared by several areas counts once, in the area added first to the index
 * (lowest ordinal), so counts add up to the number of matched points; points in no area are counted
 * as {@link #unmatched()}, never dropped silently. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AreaCounts {
  private final List<String> ids;
  private final int[] counts;
  private final long unmatched;

  private AreaCounts(List<String> ids, int[] counts, long unmatched) {
    this.ids = ids;
    this.counts = counts;
    this.unmatched = unmatched;
  }

  /**
   * Counts points per area.
   *
   * @param index the areas; never {@code null}
   * @param latitudes one per point; never {@code null}
   * @param longitudes one per point; never {@code null}
   * @return the counts, in the index's ordinal order; never {@code null}
   * @throws IllegalArgumentException if a coordinate is out of range (the index names it)
   */
  public static AreaCounts count(FenceIndex index, double[] latitudes, double[] longitudes) {
    Objects.requireNonNull(index, "index must not be null");
    checkArgument(
        latitudes.length == longitudes.length,
        "latitudes (%s) and longitudes (%s) must have the same length",
        latitudes.length,
        longitudes.length);
    int[] counts = new int[index.size()];
    long unmatched = 0;
    int[] found = new int[16];
    for (int i = 0; i < latitudes.length; i++) {
      int n = index.containing(latitudes[i], longitudes[i], found);
      if (n == 0) {
        unmatched++;
      } else {
        counts[found[0]]++; // ordinals come in ascending order: the first is the lowest
      }
    }
    List<String> ids = new ArrayList<>(index.size());
    for (int k = 0; k < index.size(); k++) {
      ids.add(index.id(k));
    }
    return new AreaCounts(List.copyOf(ids), counts, unmatched);
  }

  /**
   * @return the area ids in ordinal order; never {@code null}
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns the counts as values for the statistics, in ordinal order.
   *
   * @return a new array; never {@code null}
   */
  public double[] values() {
    double[] v = new double[counts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = counts[i];
    }
    return v;
  }

  /**
   * @return the number of points in no area
   */
  public long unmatched() {
    return unmatched;
  }
}
