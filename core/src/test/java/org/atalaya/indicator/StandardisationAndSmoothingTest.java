package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Direct standardisation with Fay-Feuer intervals against R 4.2 {@code epitools::ageadjust.direct}
 * (epitools 0.5-10.1), and global empirical Bayes against Marshall's formulas evaluated in R:
 * {@code eb <- function(x, n) { r <- x/n; m <- sum(x)/sum(n); nbar <- mean(n); s2 <-
 * sum(n*(r-m)^2)/sum(n); a <- s2 - m/nbar; tr <- a < 0; if (tr) a <- 0; C <- a/(a + m/n); list(m =
 * m, a = a, tr = tr, est = m + C*(r-m)) }}.
 */
class StandardisationAndSmoothingTest {

  /** epitools gives NaN for the lower limit when every count is 0 (0/0 shape); Atalaya gives 0. */
  private static final double NAN_ALL_ZERO = Double.NaN;

  private static final long[][] COUNTS = {
    {1, 5, 20, 3},
    {0, 0, 0},
    {0, 2, 0},
    {12, 40, 85, 60, 22},
    {3, 0, 7, 1, 0, 2, 9, 14, 20, 11, 6, 4, 3, 2, 1, 0, 1, 0, 0, 0, 0},
  };

  private static final double[][] POPULATIONS = {
    {1000, 2000, 5000, 1500},
    {500, 800, 1200},
    {500, 800, 1200},
    {150000, 180000, 160000, 90000, 40000},
    {
      90000, 85000, 80000, 75000, 70000, 65000, 60000, 50000, 45000, 40000, 35000, 30000, 25000,
      20000, 15000, 10000, 6000, 3000, 1000, 300, 50
    },
  };

  /** The last standard is the WHO World Standard Population 2000-2025 (per 100). */
  private static final double[][] STANDARDS = {
    {8.86, 8.69, 8.60, 8.47},
    {1, 2, 3},
    {30, 50, 20},
    {25, 25, 20, 18, 12},
    {
      8.86, 8.69, 8.60, 8.47, 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37, 4.55, 3.72, 2.96, 2.21,
      1.52, 0.91, 0.44, 0.15, 0.04, 0.005
    },
  };

  /** {confidence, crude, adjusted, lower, upper}: the five cases above at 0.9, 0.95, 0.99. */
  static final double[][] AGEADJUST_DIRECT = {
    // ageadjust.direct(count = c(1, 5, 20, 3), pop = c(1000, 2000, 5000, 1500), stdpop = c(8.86,
    // 8.69, 8.6, 8.47), conf.level = 0.9)
    {
      0.9,
      0.0030526315789473684,
      0.0023664067013287118,
      0.0015768096691010612,
      0.0036475856731837241
    },
    // ageadjust.direct(count = c(0, 0, 0), pop = c(500, 800, 1200), stdpop = c(1, 2, 3), conf.level
    // = 0.9)
    {0.9, 0, 0, NAN_ALL_ZERO, 0.0012482217806474962},
    // ageadjust.direct(count = c(0, 2, 0), pop = c(500, 800, 1200), stdpop = c(30, 50, 20),
    // conf.level = 0.9)
    {0.9, 0.00080000000000000004, 0.00125, 0.00022210094418666373, 0.0039348710136699943},
    // ageadjust.direct(count = c(12, 40, 85, 60, 22), pop = c(150000, 180000, 160000, 90000,
    // 40000), stdpop = c(25, 25, 20, 18, 12), conf.level = 0.9)
    {
      0.9,
      0.00035322580645161288,
      0.00036780555555555557,
      0.00032595042809453848,
      0.00041505412352511
    },
    // ageadjust.direct(count = c(3, 0, 7, 1, 0, 2, 9, 14, 20, 11, 6, 4, 3, 2, 1, 0, 1, 0, 0, 0, 0),
    // pop = c(90000, 85000, 80000, 75000, 70000, 65000, 60000, 50000, 45000, 40000, 35000, 30000,
    // 25000, 20000, 15000, 10000, 6000, 3000, 1000, 300, 50), stdpop = c(8.86, 8.69, 8.6, 8.47,
    // 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37, 4.55, 3.72, 2.96, 2.21, 1.52, 0.91, 0.44, 0.15,
    // 0.04, 0.005), conf.level = 0.9)
    {
      0.9,
      0.00010430247718383312,
      0.00011702697706596343,
      9.6727910063011655e-05,
      0.00014061331807699789
    },
    // ageadjust.direct(count = c(1, 5, 20, 3), pop = c(1000, 2000, 5000, 1500), stdpop = c(8.86,
    // 8.69, 8.6, 8.47), conf.level = 0.95)
    {
      0.95,
      0.0030526315789473684,
      0.0023664067013287118,
      0.0014549279193627675,
      0.0038804555576193961
    },
    // ageadjust.direct(count = c(0, 0, 0), pop = c(500, 800, 1200), stdpop = c(1, 2, 3), conf.level
    // = 0.95)
    {0.95, 0, 0, NAN_ALL_ZERO, 0.0015370331058808069},
    // ageadjust.direct(count = c(0, 2, 0), pop = c(500, 800, 1200), stdpop = c(30, 50, 20),
    // conf.level = 0.95)
    {0.95, 0.00080000000000000004, 0.00125, 0.00015138079908997814, 0.004515429792327475},
    // ageadjust.direct(count = c(12, 40, 85, 60, 22), pop = c(150000, 180000, 160000, 90000,
    // 40000), stdpop = c(25, 25, 20, 18, 12), conf.level = 0.95)
    {
      0.95,
      0.00035322580645161288,
      0.00036780555555555557,
      0.00031842328796644211,
      0.00042404098417334627
    },
    // ageadjust.direct(count = c(3, 0, 7, 1, 0, 2, 9, 14, 20, 11, 6, 4, 3, 2, 1, 0, 1, 0, 0, 0, 0),
    // pop = c(90000, 85000, 80000, 75000, 70000, 65000, 60000, 50000, 45000, 40000, 35000, 30000,
    // 25000, 20000, 15000, 10000, 6000, 3000, 1000, 300, 50), stdpop = c(8.86, 8.69, 8.6, 8.47,
    // 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37, 4.55, 3.72, 2.96, 2.21, 1.52, 0.91, 0.44, 0.15,
    // 0.04, 0.005), conf.level = 0.95)
    {
      0.95,
      0.00010430247718383312,
      0.00011702697706596343,
      9.3209373389928929e-05,
      0.00014522784159138685
    },
    // ageadjust.direct(count = c(1, 5, 20, 3), pop = c(1000, 2000, 5000, 1500), stdpop = c(8.86,
    // 8.69, 8.6, 8.47), conf.level = 0.99)
    {
      0.99,
      0.0030526315789473684,
      0.0023664067013287118,
      0.0012359048043746534,
      0.0043627794662393299
    },
    // ageadjust.direct(count = c(0, 0, 0), pop = c(500, 800, 1200), stdpop = c(1, 2, 3), conf.level
    // = 0.99)
    {0.99, 0, 0, NAN_ALL_ZERO, 0.0022076322360616821},
    // ageadjust.direct(count = c(0, 2, 0), pop = c(500, 800, 1200), stdpop = c(30, 50, 20),
    // conf.level = 0.99)
    {0.99, 0.00080000000000000004, 0.00125, 6.4684091717556936e-05, 0.0057961200557847155},
    // ageadjust.direct(count = c(12, 40, 85, 60, 22), pop = c(150000, 180000, 160000, 90000,
    // 40000), stdpop = c(25, 25, 20, 18, 12), conf.level = 0.99)
    {
      0.99,
      0.00035322580645161288,
      0.00036780555555555557,
      0.00030405241996646077,
      0.00044197353851605626
    },
    // ageadjust.direct(count = c(3, 0, 7, 1, 0, 2, 9, 14, 20, 11, 6, 4, 3, 2, 1, 0, 1, 0, 0, 0, 0),
    // pop = c(90000, 85000, 80000, 75000, 70000, 65000, 60000, 50000, 45000, 40000, 35000, 30000,
    // 25000, 20000, 15000, 10000, 6000, 3000, 1000, 300, 50), stdpop = c(8.86, 8.69, 8.6, 8.47,
    // 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37, 4.55, 3.72, 2.96, 2.21, 1.52, 0.91, 0.44, 0.15,
    // 0.04, 0.005), conf.level = 0.99)
    {
      0.99,
      0.00010430247718383312,
      0.00011702697706596343,
      8.6585792986115939e-05,
      0.00015453071594657112
    }
  };

  @Test
  @DisplayName(
      "standardised rates and Fay-Feuer limits equal epitools::ageadjust.direct to 1e-9 relative")
  void equalsEpitools() {
    for (int row = 0; row < AGEADJUST_DIRECT.length; row++) {
      int k = row % COUNTS.length;
      double[] ref = AGEADJUST_DIRECT[row];
      DirectStandardisedRate r =
          DirectStandardisedRate.of(COUNTS[k], POPULATIONS[k], STANDARDS[k], ref[0], 1);
      String what = "case " + k + " at " + ref[0];
      assertRelative(what + " crude", r.crudeRate(), ref[1]);
      assertRelative(what + " adjusted", r.rate(), ref[2]);
      assertRelative(what + " lower", r.lower(), Double.isNaN(ref[3]) ? 0 : ref[3]);
      assertRelative(what + " upper", r.upper(), ref[4]);
    }
  }

  @Test
  @DisplayName("per 100,000 by default, and mismatched strata are refused")
  void defaultsAndErrors() {
    DirectStandardisedRate r = DirectStandardisedRate.of(COUNTS[0], POPULATIONS[0], STANDARDS[0]);
    assertThat(r.per()).isEqualTo(100_000);
    assertThat(r.count()).isEqualTo(29);
    assertThat(r.population()).isEqualTo(9500);
    // ageadjust.direct(count = c(1, 5, 20, 3), pop = c(1000, 2000, 5000, 1500), stdpop = c(8.86,
    // 8.69, 8.6, 8.47))
    assertRelative("adjusted per 100,000", r.rate(), 236.64067013287118);
    assertThatThrownBy(
            () ->
                DirectStandardisedRate.of(
                    new long[] {1, 2}, new double[] {10}, new double[] {1, 1}))
        .hasMessage(
            "counts (2 strata), populations (1) and standard (2) must have the same length");
    assertThatThrownBy(
            () -> DirectStandardisedRate.of(new long[] {1}, new double[] {0}, new double[] {1}))
        .hasMessage("population (0.0) of stratum 0 must be positive and finite");
  }

  private static void check(
      long[] counts,
      double[] populations,
      double m,
      double a,
      boolean truncated,
      double[] estimates) {
    SmoothedRates s = SmoothedRates.marshallGlobal(counts, populations, 1);
    assertRelative("global rate", s.globalRate(), m);
    assertRelative("between-area variance", s.betweenAreaVariance(), a);
    assertThat(s.varianceTruncated()).isEqualTo(truncated);
    for (int i = 0; i < estimates.length; i++) {
      assertRelative("smoothed rate " + i, s.smoothedRates().get(i), estimates[i]);
      assertRelative("raw rate " + i, s.rawRates().get(i), counts[i] / populations[i]);
    }
  }

  @Test
  @DisplayName(
      "Marshall's global empirical Bayes equals the formulas in R; a negative variance shrinks"
          + " every area to the global rate")
  void marshallGlobal() {
    // eb(c(50, 2, 120, 5, 40, 1), c(10000, 10000, 20000, 10000, 5000, 8000)) with eb as in the
    // class comment
    check(
        new long[] {50, 2, 120, 5, 40, 1},
        new double[] {10000, 10000, 20000, 10000, 5000, 8000},
        0.0034603174603174604,
        8.2208553791887134e-06,
        false,
        new double[] {
          0.0049378094948896358,
          0.00033168999741926743,
          0.0059476516402761194,
          0.00061957246601116508,
          0.0076475062101815173,
          0.00029171573933279129
        });
    // eb(c(3, 0, 90, 12, 1, 25, 0), c(400, 700, 15000, 30000, 350, 2600, 1200)) with eb as in the
    // class comment
    check(
        new long[] {3, 0, 90, 12, 1, 25, 0},
        new double[] {400, 700, 15000, 30000, 350, 2600, 1200},
        0.0026069651741293534,
        8.9707574967543791e-06,
        false,
        new double[] {
          0.0054410138462145608,
          0.00076478601478902931,
          0.0059355133668334385,
          0.00042117354694603398,
          0.0027436514501790903,
          0.0089107935296950762,
          0.00050825092523317178
        });
    // eb(c(5, 6, 5, 4), c(1000, 1100, 1000, 900)) with eb as in the class comment
    check(
        new long[] {5, 6, 5, 4},
        new double[] {1000, 1100, 1000, 900},
        0.0050000000000000001,
        0,
        true,
        new double[] {
          0.0050000000000000001, 0.0050000000000000001, 0.0050000000000000001, 0.0050000000000000001
        });
    // eb(c(0, 3, 250, 41, 9, 1, 0, 17), c(350, 2200, 410000, 88000, 15500, 1200, 900, 30000)) with
    // eb as in the class comment
    check(
        new long[] {0, 3, 250, 41, 9, 1, 0, 17},
        new double[] {350, 2200, 410000, 88000, 15500, 1200, 900, 30000},
        0.00058560612970902121,
        0,
        true,
        new double[] {
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121,
          0.00058560612970902121
        });
  }

  @Test
  @DisplayName("smaller areas are pulled harder towards the global rate")
  void smallAreasShrinkMore() {
    SmoothedRates s =
        SmoothedRates.marshallGlobal(
            new long[] {50, 2, 120, 5, 40, 1},
            new double[] {10000, 10000, 20000, 10000, 5000, 8000});
    assertThat(s.per()).isEqualTo(100_000);
    assertThat(s.shrinkage().get(2)).isGreaterThan(s.shrinkage().get(0));
    assertThat(s.shrinkage().get(4)).isLessThan(s.shrinkage().get(0));
    assertThatThrownBy(() -> SmoothedRates.marshallGlobal(new long[] {0, 0}, new double[] {1, 1}))
        .hasMessage("the counts must not all be 0: there is no rate to smooth towards");
  }
}
