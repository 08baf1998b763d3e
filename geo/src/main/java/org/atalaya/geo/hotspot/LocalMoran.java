package org.atalaya.geo.hotspot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.atalaya.geo.weights.SpatialWeights;

/**
 * Local Moran's I (Anselin's LISA) for every area, as spdep's {@code localmoran} with its defaults
 * ({@code mlvar = TRUE}, {@code adjust.x = FALSE}).
 *
 * <p>With z<sub>i</sub> = x<sub>i</sub> - x&#772;, m<sub>2</sub> = &Sigma; z&sup2; / n,
 * W<sub>i</sub> = &Sigma;<sub>j</sub> w<sub>ij</sub> and W<sub>i2</sub> = &Sigma;<sub>j</sub>
 * w<sub>ij</sub>&sup2;: I<sub>i</sub> = (z<sub>i</sub> / m<sub>2</sub>) &Sigma;<sub>j</sub>
 * w<sub>ij</sub> z<sub>j</sub>. Two nulls are offered ({@link Variance}):
 *
 * <ul>
 *   <li>{@link Variance#CONDITIONAL} (spdep's default {@code conditional = TRUE}, Sokal, Oden and
 *       Thomson 1998): x<sub>i</sub> held fixed and the others permuted; E = -z<sub>i</sub>&sup2;
 *       W<sub>i</sub> / ((n - 1) m<sub>2</sub>), V = (z<sub>i</sub> / m<sub>2</sub>)&sup2; n / (n -
 *       2) (W<sub>i2</sub> - W<sub>i</sub>&sup2; / (n - 1)) (m<sub>2</sub> - z<sub>i</sub>&sup2; /
 *       (n - 1)). This is the null the conditional permutation test simulates.
 *   <li>{@link Variance#TOTAL} ({@code conditional = FALSE}, Anselin 1995 randomisation): E =
 *       -W<sub>i</sub> / (n - 1), V = A W<sub>i2</sub> + B (W<sub>i</sub>&sup2; - W<sub>i2</sub>) -
 *       E&sup2; with b<sub>2</sub> = (&Sigma; z<sup>4</sup> / n) / m<sub>2</sub>&sup2;, A = (n -
 *       b<sub>2</sub>) / (n - 1), B = (2 b<sub>2</sub> - n) / ((n - 1)(n - 2)).
 * </ul>
 *
 * <p>Each area also gets its {@link Cluster} quadrant. Islands have I<sub>i</sub> = 0 and variance
 * 0, so z is NaN. All values equal: Moran's I is undefined and an {@link IllegalArgumentException}
 * says so. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LocalMoran {
  private LocalMoran() {}

  /**
   * Which null distribution gives the expectation and variance.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Variance {
    /** x<sub>i</sub> fixed, the other values permuted (spdep's default). */
    CONDITIONAL,
    /** Total randomisation over all n! permutations (Anselin 1995). */
    TOTAL
  }

  /**
   * Computes local Moran's I with the conditional variance (spdep's default).
   *
   * @param w the weights; never {@code null}
   * @param x one finite value per area, not all equal; never {@code null}
   * @param permutations conditional permutations for the pseudo p-value, or {@link
   *     Permutations#none()}; never {@code null}
   * @return one statistic per area in the weights' order, with its cluster; never {@code null}
   */
  public static List<LocalStatistic> of(SpatialWeights w, double[] x, Permutations permutations) {
    return of(w, x, permutations, Variance.CONDITIONAL);
  }

  /**
   * Computes local Moran's I with the chosen variance.
   *
   * @param w the weights; never {@code null}
   * @param values one finite value per area, not all equal; never {@code null}
   * @param permutations conditional permutations for the pseudo p-value, or {@link
   *     Permutations#none()}; never {@code null}
   * @param variance which null gives E and V; never {@code null}
   * @return one statistic per area in the weights' order, with its cluster; never {@code null}
   */
  public static List<LocalStatistic> of(
      SpatialWeights w, double[] values, Permutations permutations, Variance variance) {
    Objects.requireNonNull(variance, "variance must not be null");
    double[] x = Values.check(w, values, permutations);
    checkArgument(
        !Values.constant(x),
        "all %s values are equal (%s): local Moran's I is undefined",
        (Object) x.length,
        x[0]);
    int n = x.length;
    double mean = Values.mean(x);
    double[] z = new double[n];
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      z[i] = x[i] - mean;
      m2 += z[i] * z[i];
      m4 += z[i] * z[i] * z[i] * z[i];
    }
    m2 /= n;
    double b2 = (m4 / n) / (m2 * m2);
    double[] pSim = null;
    if (permutations.count() > 0) {
      double[] direction = new double[n];
      for (int i = 0; i < n; i++) {
        direction[i] = Math.signum(z[i]);
      }
      pSim = new ConditionalPermutation(w).pValues(z, direction, permutations);
    }
    List<LocalStatistic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double lag = w.lag(i, z);
      double wi = 0;
      double wi2 = 0;
      for (int k = 0; k < w.cardinality(i); k++) {
        wi += w.weight(i, k);
        wi2 += w.weight(i, k) * w.weight(i, k);
      }
      double ii = (z[i] / m2) * lag;
      double e;
      double v;
      if (variance == Variance.CONDITIONAL) {
        e = -(z[i] * z[i] * wi) / ((n - 1) * m2);
        v =
            (z[i] / m2)
                * (z[i] / m2)
                * (n / (n - 2.0))
                * (wi2 - wi * wi / (n - 1))
                * (m2 - z[i] * z[i] / (n - 1));
      } else {
        e = -wi / (n - 1);
        double a = (n - b2) / (n - 1);
        double b = (2 * b2 - n) / ((n - 1.0) * (n - 2));
        v = a * wi2 + b * (wi * wi - wi2) - e * e;
      }
      OptionalDouble ps = pSim == null ? OptionalDouble.empty() : OptionalDouble.of(pSim[i]);
      out.add(
          new LocalStatistic(
              w.id(i),
              x[i],
              ii,
              e,
              v,
              (ii - e) / Math.sqrt(v),
              ps,
              Optional.of(Cluster.of(z[i], lag))));
    }
    return List.copyOf(out);
  }
}
