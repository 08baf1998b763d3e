package org.atalaya.geo.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;

/**
 * Getis-Ord local statistics G<sub>i</sub> (neighbours only) and G<sub>i</sub>* (neighbours and the
 * area itself), computed as spdep's {@code localG} and PySAL esda's {@code G_Local}.
 *
 * <p>With lag L<sub>i</sub> = &Sigma;<sub>j</sub> w<sub>ij</sub> x<sub>j</sub>, W<sub>i</sub> =
 * &Sigma;<sub>j</sub> w<sub>ij</sub> and S1<sub>i</sub> = &Sigma;<sub>j</sub> w<sub>ij</sub>&sup2;:
 *
 * <ul>
 *   <li>G<sub>i</sub> (j &ne; i): x&#772;<sub>i</sub> and s<sub>i</sub>&sup2; are the mean and
 *       variance (divisor n - 1) of the other n - 1 values; E = W<sub>i</sub> x&#772;<sub>i</sub>,
 *       V = s<sub>i</sub>&sup2; ((n - 1) S1<sub>i</sub> - W<sub>i</sub>&sup2;) / (n - 2); the
 *       statistic is L<sub>i</sub> / &Sigma;<sub>j&ne;i</sub> x<sub>j</sub>.
 *   <li>G<sub>i</sub>* (self included): x&#772; and s&sup2; (divisor n) of all n values; E =
 *       W<sub>i</sub> x&#772;, V = s&sup2; (n S1<sub>i</sub> - W<sub>i</sub>&sup2;) / (n - 1); the
 *       statistic is L<sub>i</sub> / &Sigma;<sub>j</sub> x<sub>j</sub>.
 * </ul>
 *
 * <p>z = (L<sub>i</sub> - E) / &radic;V. {@link LocalStatistic#expected()} and {@link
 * LocalStatistic#variance()} are those of the statistic G (E and V divided by the denominator and
 * its square), as spdep's {@code return_internals}.
 *
 * <p><b>Self weight for G<sub>i</sub>*</b>, as spdep's {@code include.self} before {@code
 * nb2listw}: binary weights give the area weight 1; row-standardised weights are rebuilt from the
 * neighbour structure with the area added, each of the k + 1 weighing 1 / (k + 1); general weights
 * keep their values and get self weight 1.
 *
 * <p><b>Constant field.</b> When all values are equal there is no hot spot: z is 0 (spdep gives 0/0
 * = NaN) and the pseudo p-value 1. Islands get NaN for G<sub>i</sub> (no neighbours); for
 * G<sub>i</sub>* they have only themselves. Meant for non-negative values (counts, rates).
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GetisOrd {
  private GetisOrd() {}

  /**
   * Computes G<sub>i</sub> (the area itself excluded) for every area.
   *
   * @param w the weights; never {@code null}
   * @param x one finite value per area, in the weights' order; never {@code null}
   * @param permutations conditional permutations for the pseudo p-value, or {@link
   *     Permutations#none()}; never {@code null}
   * @return one statistic per area, in the weights' order; never {@code null}
   */
  public static List<LocalStatistic> gi(SpatialWeights w, double[] x, Permutations permutations) {
    return compute(w, x, permutations, false);
  }

  /**
   * Computes G<sub>i</sub>* (the area itself included) for every area.
   *
   * @param w the weights, without self links; never {@code null}
   * @param x one finite value per area, in the weights' order; never {@code null}
   * @param permutations conditional permutations for the pseudo p-value, or {@link
   *     Permutations#none()}; never {@code null}
   * @return one statistic per area, in the weights' order; never {@code null}
   */
  public static List<LocalStatistic> giStar(
      SpatialWeights w, double[] x, Permutations permutations) {
    return compute(w, x, permutations, true);
  }

  private static List<LocalStatistic> compute(
      SpatialWeights w, double[] x0, Permutations p, boolean star) {
    double[] x = Values.check(w, x0, p);
    int n = x.length;
    boolean constant = Values.constant(x);
    double sum = 0;
    double sumSq = 0;
    for (double v : x) {
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double centredSq = 0;
    for (double v : x) {
      centredSq += (v - mean) * (v - mean);
    }
    double[] pSim = null;
    if (p.count() > 0) {
      double[] direction = new double[n];
      Arrays.fill(direction, constant ? 0 : 1);
      pSim = new ConditionalPermutation(w).pValues(x, direction, p);
    }
    List<LocalStatistic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = w.cardinality(i);
      double self = star ? selfWeight(w, i) : 0;
      double scale = star && w.transform() == Transform.ROW ? (double) k / (k + 1) : 1;
      double lag = self * x[i];
      double wi = self;
      double s1 = self * self;
      for (int s = 0; s < k; s++) {
        double wij = w.weight(i, s) * scale;
        lag += wij * x[w.neighbour(i, s)];
        wi += wij;
        s1 += wij * wij;
      }
      double xbar;
      double s2;
      double v;
      double denominator;
      if (star) {
        xbar = mean;
        s2 = centredSq / n;
        v = s2 * (n * s1 - wi * wi) / (n - 1);
        denominator = sum;
      } else {
        xbar = (sum - x[i]) / (n - 1);
        s2 = (sumSq - x[i] * x[i]) / (n - 1) - xbar * xbar;
        v = s2 * ((n - 1) * s1 - wi * wi) / (n - 2);
        denominator = sum - x[i];
      }
      double e = wi * xbar;
      double z = constant ? 0 : (lag - e) / Math.sqrt(v);
      OptionalDouble ps = pSim == null ? OptionalDouble.empty() : OptionalDouble.of(pSim[i]);
      out.add(
          new LocalStatistic(
              w.id(i),
              x[i],
              lag / denominator,
              e / denominator,
              v / (denominator * denominator),
              z,
              ps,
              Optional.empty()));
    }
    return List.copyOf(out);
  }

  private static double selfWeight(SpatialWeights w, int i) {
    if (w.transform() == Transform.ROW) {
      return 1.0 / (w.cardinality(i) + 1);
    }
    return 1.0;
  }
}
