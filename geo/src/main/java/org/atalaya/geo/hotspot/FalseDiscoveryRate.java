package org.atalaya.geo.hotspot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * Benjamini-Hochberg control of the false discovery rate over many local tests (one per area), for
 * which a per-area 0.05 threshold would flag about 5% of areas by chance alone.
 *
 * <p>{@link #adjust(double[])} returns q-values as R's {@code p.adjust(p, "BH")}: q<sub>(k)</sub> =
 * min over j &ge; k of min(1, m p<sub>(j)</sub> / j), for the sorted p-values. An area is a
 * discovery at level &alpha; when its q-value is at most &alpha;. NaN p-values (islands) stay NaN
 * and do not count among the m tests. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FalseDiscoveryRate {
  private FalseDiscoveryRate() {}

  /**
   * Returns the Benjamini-Hochberg adjusted p-values (q-values), in the input order.
   *
   * @param p p-values in [0, 1] or NaN; never {@code null}
   * @return the q-values; a new array; never {@code null}
   */
  public static double[] adjust(double[] p) {
    Objects.requireNonNull(p, "p must not be null");
    for (int k = 0; k < p.length; k++) {
      checkArgument(
          Double.isNaN(p[k]) || (p[k] >= 0 && p[k] <= 1),
          "p-value at index %s (%s) must be in [0, 1]",
          (Object) k,
          p[k]);
    }
    Integer[] order =
        IntStream.range(0, p.length)
            .filter(k -> !Double.isNaN(p[k]))
            .boxed()
            .toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(k -> p[k]));
    double[] q = new double[p.length];
    Arrays.fill(q, Double.NaN);
    int m = order.length;
    double running = 1;
    for (int r = m - 1; r >= 0; r--) {
      running = Math.min(running, Math.min(1, m * p[order[r]] / (r + 1)));
      q[order[r]] = running;
    }
    return q;
  }

  /**
   * Returns which tests are discoveries at false discovery rate {@code alpha}.
   *
   * @param p p-values in [0, 1] or NaN; never {@code null}
   * @param alpha the rate, in (0, 1)
   * @return true where the q-value is at most alpha; a new array; never {@code null}
   */
  public static boolean[] discoveries(double[] p, double alpha) {
    checkArgument(alpha > 0 && alpha < 1, "alpha (%s) must be between 0 and 1", alpha);
    double[] q = adjust(p);
    boolean[] out = new boolean[q.length];
    for (int k = 0; k < q.length; k++) {
      out[k] = q[k] <= alpha;
    }
    return out;
  }
}
