package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

/** Equality to 1e-9 relative, the bar every indicator must meet against its reference tool. */
final class RelativeAssert {
  static final double TOLERANCE = 1e-9;

  private RelativeAssert() {}

  static void assertRelative(String what, double actual, double expected) {
    if (expected == 0 || Double.isInfinite(expected)) {
      assertThat(actual).as(what).isEqualTo(expected);
    } else {
      assertThat(Math.abs(actual - expected) / Math.abs(expected))
          .as("%s: %s against reference %s", what, actual, expected)
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }
}
