package org.atalaya.geo.hotspot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.atalaya.geo.weights.SpatialWeights;

/** Checks shared by the statistics: one finite value per area, named when wrong. */
final class Values {
  private Values() {}

  static double[] check(SpatialWeights w, double[] y, Permutations p) {
    Objects.requireNonNull(w, "weights must not be null");
    Objects.requireNonNull(y, "values must not be null");
    Objects.requireNonNull(p, "permutations must not be null");
    checkArgument(
        y.length == w.size(),
        "values (%s) must be one per area of the weights (%s)",
        y.length,
        w.size());
    checkArgument(w.size() >= 3, "at least 3 areas are needed, got %s", w.size());
    for (int i = 0; i < y.length; i++) {
      checkArgument(
          Double.isFinite(y[i]),
          "value of area %s (index %s) is %s: every value must be a finite number",
          w.id(i),
          i,
          y[i]);
    }
    return y.clone();
  }

  static boolean constant(double[] y) {
    for (double v : y) {
      if (v != y[0]) {
        return false;
      }
    }
    return true;
  }

  static double mean(double[] y) {
    double s = 0;
    for (double v : y) {
      s += v;
    }
    return s / y.length;
  }
}
