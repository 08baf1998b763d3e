package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How concentrated incidents are across places (street segments, grid cells, colonias): the Gini
 * coefficient, the generalised Gini of Bernasco and Steenbeek (2017), the Lorenz curve and the
 * share of incidents in the top places.
 *
 * <p>Every place counts, including places with no incident: give a count of 0 for them. With {@code
 * N} places, {@code n} incidents and counts sorted ascending {@code x(1) <= ... <= x(N)}:
 *
 * <ul>
 *   <li>Gini {@code G = 2 sum(i x(i)) / (N n) - (N + 1) / N}, 0 when every place has the same count
 *       and {@code 1 - 1/N} when one place has them all;
 *   <li>generalised Gini {@code G' = max(1, N/n) (G - 1) + 1}. When there are fewer incidents than
 *       places ({@code n < N}) even a random scatter leaves most places empty and the ordinary Gini
 *       looks high; {@code G'} measures against the most even spread possible with {@code n}
 *       incidents (one per place in {@code n} places) and equals {@code G} when {@code n >= N}.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Concentration {

  private final long[] ascending;
  private final long total;
  private final Lineage lineage;

  private Concentration(long[] ascending, long total, Lineage lineage) {
    this.ascending = ascending;
    this.total = total;
    this.lineage = lineage;
  }

  /** The method, as lineages record it. */
  static final String METHOD =
      "Gini over places sorted by count, zeros included; generalised Gini of Bernasco and Steenbeek"
          + " (2017)";

  /**
   * Returns what the figures came from: the incidents used, the number of places, the method and
   * the version (no confidence level: no interval is computed).
   *
   * @return the lineage; never {@code null}
   * @since 0.1
   */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * Returns this concentration with another lineage, for example with the input file and the
   * places' layer added.
   *
   * @param lineage the lineage; never null
   * @return a concentration equal to this one but for its lineage; never {@code null}
   * @since 0.1
   */
  public Concentration withLineage(Lineage lineage) {
    return new Concentration(
        ascending, total, Objects.requireNonNull(lineage, "lineage must not be null"));
  }

  /**
   * Returns the concentration of the given counts, one per place.
   *
   * @param counts incidents per place, zeros included; at least one place, none negative, total
   *     positive; never null
   * @return the concentration; never {@code null}
   * @throws IllegalArgumentException if there is no place, a count is negative or all are 0
   */
  public static Concentration of(long... counts) {
    Objects.requireNonNull(counts, "counts must not be null");
    checkArgument(counts.length > 0, "counts must have at least one place");
    long[] sorted = counts.clone();
    long total = 0;
    for (int i = 0; i < sorted.length; i++) {
      checkArgument(sorted[i] >= 0, "count (%s) of place %s must not be negative", sorted[i], i);
      total = Math.addExact(total, sorted[i]);
    }
    checkArgument(
        total > 0, "the counts must not all be 0: with no incident there is no concentration");
    Arrays.sort(sorted);
    Lineage lineage =
        Lineage.builder("concentration of incidents over " + sorted.length + " places")
            .used(total)
            .method(METHOD)
            .build();
    return new Concentration(sorted, total, lineage);
  }

  /**
   * Returns the concentration of the given counts, one per place.
   *
   * @param counts incidents per place, zeros included; never null, no null element
   * @return the concentration; never {@code null}
   * @throws IllegalArgumentException as {@link #of(long...)}
   */
  public static Concentration of(Collection<? extends Number> counts) {
    Objects.requireNonNull(counts, "counts must not be null");
    return of(
        counts.stream()
            .mapToLong(c -> Objects.requireNonNull(c, "count must not be null").longValue())
            .toArray());
  }

  /**
   * Returns the number of places, {@code N}.
   *
   * @return the number of places, zeros included
   */
  public int places() {
    return ascending.length;
  }

  /**
   * Returns the number of incidents, {@code n}.
   *
   * @return the total count
   */
  public long incidents() {
    return total;
  }

  /**
   * Returns the Gini coefficient {@code G}.
   *
   * @return G, from 0 to {@code 1 - 1/N}
   */
  public double gini() {
    int n = ascending.length;
    double weighted = 0;
    for (int i = 0; i < n; i++) {
      weighted += (i + 1.0) * ascending[i];
    }
    return 2 * weighted / ((double) n * total) - (n + 1.0) / n;
  }

  /**
   * Returns the generalised Gini of Bernasco and Steenbeek, {@code G' = max(1, N/n) (G - 1) + 1}.
   *
   * @return G', equal to {@link #gini()} when there are at least as many incidents as places
   */
  public double generalisedGini() {
    double factor = Math.max(1, (double) ascending.length / total);
    return factor * (gini() - 1) + 1;
  }

  /**
   * Returns the Lorenz curve: {@code N + 1} points from (0, 0) to (1, 1), place {@code i} of the
   * places sorted by increasing count adding its share of incidents.
   *
   * @return the points, in increasing order; never {@code null}, immutable
   */
  public List<LorenzPoint> lorenzCurve() {
    int n = ascending.length;
    ImmutableList.Builder<LorenzPoint> out = ImmutableList.builderWithExpectedSize(n + 1);
    out.add(new LorenzPoint(0, 0));
    long cumulative = 0;
    for (int i = 0; i < n; i++) {
      cumulative += ascending[i];
      out.add(
          new LorenzPoint(
              i == n - 1 ? 1 : (i + 1.0) / n, i == n - 1 ? 1 : (double) cumulative / total));
    }
    return out.build();
  }

  /**
   * Returns the share of incidents in the top {@code placeShare} of places (those with the most
   * incidents): for 0.1, the share in the top 10% of places. When {@code placeShare * N} is not a
   * whole number the last, partial place contributes that fraction of its count (linear
   * interpolation along the curve).
   *
   * @param placeShare the share of places, from 0 to 1
   * @return the share of incidents, from 0 to 1
   * @throws IllegalArgumentException if {@code placeShare} is outside [0, 1]
   */
  public double shareInTop(double placeShare) {
    checkArgument(
        placeShare >= 0 && placeShare <= 1, "placeShare (%s) must be from 0 to 1", placeShare);
    int n = ascending.length;
    double places = placeShare * n;
    int whole = (int) Math.floor(places);
    double sum = 0;
    for (int k = 0; k < whole; k++) {
      sum += ascending[n - 1 - k];
    }
    if (whole < n) {
      sum += (places - whole) * ascending[n - 1 - whole];
    }
    return Math.min(1, sum / total);
  }

  /**
   * Returns the smallest share of places (taking the places with the most incidents first) that
   * holds at least {@code incidentShare} of the incidents, interpolating within the last place:
   * "50% of incidents happen in 3.2% of places".
   *
   * @param incidentShare the share of incidents, from 0 to 1
   * @return the share of places, from 0 to 1
   * @throws IllegalArgumentException if {@code incidentShare} is outside [0, 1]
   */
  public double placeShareFor(double incidentShare) {
    checkArgument(
        incidentShare >= 0 && incidentShare <= 1,
        "incidentShare (%s) must be from 0 to 1",
        incidentShare);
    int n = ascending.length;
    double target = incidentShare * total;
    double sum = 0;
    for (int k = 0; k < n; k++) {
      long c = ascending[n - 1 - k];
      if (sum + c >= target) {
        double part = c == 0 ? 0 : (target - sum) / c;
        return (k + part) / n;
      }
      sum += c;
    }
    return 1;
  }
}
