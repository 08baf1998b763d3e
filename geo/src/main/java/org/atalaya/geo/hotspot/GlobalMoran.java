package org.atalaya.geo.hotspot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.apiguardian.api.API;
import org.atalaya.geo.internal.Parallel;
import org.atalaya.geo.weights.SpatialWeights;

/**
 * Global Moran's I with its expectation, variance and z under normality and under randomisation,
 * exactly as spdep's {@code moran.test} (defaults: {@code adjust.n = TRUE}, {@code drop.EI2 =
 * FALSE}), and an optional permutation pseudo p-value.
 *
 * <p>z = x - x&#772; over all n values; n' = n minus the number of islands (spdep's {@code
 * adjust.n}); I = (n' / S0) z'Wz / z'z; E[I] = -1 / (n' - 1). Normality: V = (n'&sup2; S1 - n' S2 +
 * 3 S0&sup2;) / (S0&sup2; (n'&sup2; - 1)) - E&sup2;. Randomisation, with kurtosis K = n &Sigma;
 * z<sup>4</sup> / (&Sigma; z&sup2;)&sup2;: V = [n' ((n'&sup2; - 3n' + 3) S1 - n' S2 + 3 S0&sup2;) -
 * K ((n'&sup2; - n') S1 - 2 n' S2 + 6 S0&sup2;)] / ((n' - 1)(n' - 2)(n' - 3) S0&sup2;) - E&sup2;.
 *
 * <p>The permutation test shuffles all values ({@link Permutations}: permutation r draws from
 * stream r), computes I for each and reports the folded pseudo p-value. Values all equal: I is
 * undefined and an {@link IllegalArgumentException} says so. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GlobalMoran {
  private GlobalMoran() {}

  /**
   * The test's results.
   *
   * @param i Moran's I
   * @param expected E[I] = -1 / (n' - 1)
   * @param varianceNormal Var[I] under normality
   * @param varianceRandomisation Var[I] under randomisation
   * @param zNormal (I - E) / sqrt(varianceNormal)
   * @param zRandomisation (I - E) / sqrt(varianceRandomisation)
   * @param pSim the folded permutation pseudo p-value, empty without permutations
   * @param islands the number of areas without neighbours (subtracted from n)
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Result(
      double i,
      double expected,
      double varianceNormal,
      double varianceRandomisation,
      double zNormal,
      double zRandomisation,
      OptionalDouble pSim,
      int islands) {}

  /**
   * Runs the test.
   *
   * @param w the weights; never {@code null}
   * @param values one finite value per area, not all equal; never {@code null}
   * @param permutations for the pseudo p-value, or {@link Permutations#none()}; never {@code null}
   * @return the results; never {@code null}
   */
  public static Result test(SpatialWeights w, double[] values, Permutations permutations) {
    double[] x = Values.check(w, values, permutations);
    checkArgument(
        !Values.constant(x),
        "all %s values are equal (%s): Moran's I is undefined",
        (Object) x.length,
        x[0]);
    int islands = w.islands().size();
    double n = x.length - islands;
    checkArgument(n >= 4, "at least 4 areas with neighbours are needed, got %s", (int) n);
    double mean = Values.mean(x);
    double[] z = new double[x.length];
    double zz = 0;
    double z4 = 0;
    for (int k = 0; k < x.length; k++) {
      z[k] = x[k] - mean;
      zz += z[k] * z[k];
      z4 += z[k] * z[k] * z[k] * z[k];
    }
    double s0 = w.s0();
    double s1 = w.s1();
    double s2 = w.s2();
    double i = n / s0 * (crossProduct(w, z) / zz);
    double e = -1 / (n - 1);
    double s02 = s0 * s0;
    double vn = (n * n * s1 - n * s2 + 3 * s02) / (s02 * (n * n - 1)) - e * e;
    double kurtosis = x.length * z4 / (zz * zz);
    double vr =
        (n * (s1 * (n * n - 3 * n + 3) - n * s2 + 3 * s02)
                    - kurtosis * (s1 * (n * n - n) - 2 * n * s2 + 6 * s02))
                / ((n - 1) * (n - 2) * (n - 3) * s02)
            - e * e;
    OptionalDouble p = OptionalDouble.empty();
    if (permutations.count() > 0) {
      p = OptionalDouble.of(permutationP(w, z, permutations));
    }
    return new Result(i, e, vn, vr, (i - e) / Math.sqrt(vn), (i - e) / Math.sqrt(vr), p, islands);
  }

  private static double crossProduct(SpatialWeights w, double[] z) {
    double s = 0;
    for (int k = 0; k < z.length; k++) {
      s += z[k] * w.lag(k, z);
    }
    return s;
  }

  private static double permutationP(SpatialWeights w, double[] z, Permutations p) {
    int count = p.count();
    double observed = crossProduct(w, z);
    // one byte per permutation: bit 1 when the simulation is >= the observation, bit 2 when <=
    byte[] side = new byte[count];
    Parallel.forEach(
        count,
        p.threads(),
        r -> {
          double[] shuffled = z.clone();
          SplittableRandom rng = Permutations.stream(p.seed(), r);
          for (int k = shuffled.length - 1; k > 0; k--) {
            int j = rng.nextInt(k + 1);
            double t = shuffled[k];
            shuffled[k] = shuffled[j];
            shuffled[j] = t;
          }
          double sim = crossProduct(w, shuffled);
          side[r] = (byte) ((sim >= observed ? 1 : 0) | (sim <= observed ? 2 : 0));
        });
    long g = 0;
    long l = 0;
    for (byte b : side) {
      g += b & 1;
      l += (b >> 1) & 1;
    }
    return Permutations.foldedP(g, l, count);
  }
}
