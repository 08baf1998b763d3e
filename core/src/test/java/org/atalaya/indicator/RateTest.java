package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import org.apache.commons.statistics.distribution.GammaDistribution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rates and Poisson intervals against R 4.2 ({@code stats::poisson.test}, {@code qnorm}). */
class RateTest {

  /**
   * {count, T, confidence, estimate, lower, upper}: each row from the R call in the comment above
   * it ({@code $estimate} and {@code $conf.int}), printed with {@code formatC(v, digits = 17)}.
   */
  static final double[][] POISSON_TEST = {
    // poisson.test(0, 1, conf.level = 0.9)
    {0, 1, 0.9, 0, 0, 2.99573227355399},
    // poisson.test(0, 2.5, conf.level = 0.9)
    {0, 2.5, 0.9, 0, 0, 1.1982929094215959},
    // poisson.test(1, 1, conf.level = 0.9)
    {1, 1, 0.9, 1, 0.051293294387550523, 4.743864518390577},
    // poisson.test(2, 10, conf.level = 0.9)
    {2, 10, 0.9, 0.20000000000000001, 0.035536151069866198, 0.6295793621871989},
    // poisson.test(3, 0.5, conf.level = 0.9)
    {3, 0.5, 0.9, 6, 1.6353828943279065, 15.507313055865451},
    // poisson.test(5, 7.25, conf.level = 0.9)
    {5, 7.25, 0.9, 0.68965517241379315, 0.27174476800821101, 1.4500737805160733},
    // poisson.test(10, 1, conf.level = 0.9)
    {10, 1, 0.9, 10, 5.4254056970912918, 16.962219235721896},
    // poisson.test(37, 120.5, conf.level = 0.9)
    {37, 120.5, 0.9, 0.30705394190871371, 0.22900095884630162, 0.40394593518270944},
    // poisson.test(100, 1, conf.level = 0.9)
    {100, 1, 0.9, 100, 84.139277218314177, 118.07927278209708},
    // poisson.test(137, 24.19893, conf.level = 0.9)
    {137, 24.19893, 0.9, 5.6614073432172409, 4.8899900330698909, 6.5240178664870534},
    // poisson.test(1000, 3.5, conf.level = 0.9)
    {1000, 3.5, 0.9, 285.71428571428572, 271.01709982390031, 301.02946346665738},
    // poisson.test(12345, 98765, conf.level = 0.9)
    {12345, 98765, 0.9, 0.12499367184731433, 0.12314902839949646, 0.12686002770292776},
    // poisson.test(250000, 9500000, conf.level = 0.9)
    {250000, 9500000, 0.9, 0.026315789473684209, 0.026229278115085956, 0.026402525955816807},
    // poisson.test(0, 1, conf.level = 0.95)
    {0, 1, 0.95, 0, 0, 3.6888794541139354},
    // poisson.test(0, 2.5, conf.level = 0.95)
    {0, 2.5, 0.95, 0, 0, 1.4755517816455741},
    // poisson.test(1, 1, conf.level = 0.95)
    {1, 1, 0.95, 1, 0.025317807984289897, 5.5716433909388989},
    // poisson.test(2, 10, conf.level = 0.95)
    {2, 10, 0.95, 0.20000000000000001, 0.024220927854396501, 0.7224687667723958},
    // poisson.test(3, 0.5, conf.level = 0.95)
    {3, 0.5, 0.95, 6, 1.2373442457912032, 17.534546139484647},
    // poisson.test(5, 7.25, conf.level = 0.95)
    {5, 7.25, 0.95, 0.68965517241379315, 0.22392915725771323, 1.6094251143893334},
    // poisson.test(10, 1, conf.level = 0.95)
    {10, 1, 0.95, 10, 4.7953886961324343, 18.390356042017778},
    // poisson.test(37, 120.5, conf.level = 0.95)
    {37, 120.5, 0.95, 0.30705394190871371, 0.21619431176021603, 0.42323341196623093},
    // poisson.test(100, 1, conf.level = 0.95)
    {100, 1, 0.95, 100, 81.363991250923164, 121.62679379242637},
    // poisson.test(137, 24.19893, conf.level = 0.95)
    {137, 24.19893, 0.95, 5.6614073432172409, 4.7531248048487482, 6.6927093341760706},
    // poisson.test(1000, 3.5, conf.level = 0.95)
    {1000, 3.5, 0.95, 285.71428571428572, 268.27800525934151, 303.98632457608625},
    // poisson.test(12345, 98765, conf.level = 0.95)
    {12345, 98765, 0.95, 0.12499367184731433, 0.12279836893534227, 0.12721836892536154},
    // poisson.test(250000, 9500000, conf.level = 0.95)
    {250000, 9500000, 0.95, 0.026315789473684209, 0.026212733210981182, 0.026419150606418643},
    // poisson.test(0, 1, conf.level = 0.99)
    {0, 1, 0.99, 0, 0, 5.2983173665480354},
    // poisson.test(0, 2.5, conf.level = 0.99)
    {0, 2.5, 0.99, 0, 0, 2.1193269466192142},
    // poisson.test(1, 1, conf.level = 0.99)
    {1, 1, 0.99, 1, 0.0050125418235442863, 7.4301295002801222},
    // poisson.test(2, 10, conf.level = 0.99)
    {2, 10, 0.99, 0.20000000000000001, 0.010349454674809109, 0.92737920892555437},
    // poisson.test(3, 0.5, conf.level = 0.99)
    {3, 0.5, 0.99, 6, 0.67572677745546683, 21.95495499065953},
    // poisson.test(5, 7.25, conf.level = 0.99)
    {5, 7.25, 0.99, 0.68965517241379315, 0.14867975733135444, 1.9516909532445534},
    // poisson.test(10, 1, conf.level = 0.99)
    {10, 1, 0.99, 10, 3.716922131467117, 21.397827499654266},
    // poisson.test(37, 120.5, conf.level = 0.99)
    {37, 120.5, 0.99, 0.30705394190871371, 0.19260149411403657, 0.46263644313739766},
    // poisson.test(100, 1, conf.level = 0.99)
    {100, 1, 0.99, 100, 76.120495843689184, 128.76058012010245},
    // poisson.test(137, 24.19893, conf.level = 0.99)
    {137, 24.19893, 0.99, 5.6614073432172409, 4.4931608737434967, 7.0306343762511014},
    // poisson.test(1000, 3.5, conf.level = 0.99)
    {1000, 3.5, 0.99, 285.71428571428572, 262.97829890381689, 309.82081944696836},
    // poisson.test(12345, 98765, conf.level = 0.99)
    {12345, 98765, 0.99, 0.12499367184731433, 0.1221149509684589, 0.12792067052251699},
    // poisson.test(250000, 9500000, conf.level = 0.99)
    {250000, 9500000, 0.99, 0.026315789473684209, 0.026180417231424846, 0.026451662681412608}
  };

  /**
   * {count, confidence, lower, upper} of Byar's approximation for the count, computed in R from the
   * formula in the comment (R's {@code qnorm}; an implementation independent of this one).
   */
  static final double[][] BYAR = {
    // x = 0, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x =
    // 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {0, 0.9, 0, 2.9684349728654795},
    // x = 1, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x =
    // 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1, 0.9, 0.039513960151279268, 4.7280249693018721},
    // x = 2, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x =
    // 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {2, 0.9, 0.34514985296121925, 6.2843099086435874},
    // x = 5, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x =
    // 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {5, 0.9, 1.9657608870816548, 10.50644671371378},
    // x = 10, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {10, 0.9, 5.4235248009763293, 16.958166192476352},
    // x = 37, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {37, 0.9, 27.594456863929572, 48.673938800065422},
    // x = 100, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {100, 0.9, 84.139396083963391, 118.07851290157983},
    // x = 137, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {137, 0.9, 118.33266951944556, 157.87363949384485},
    // x = 1000, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1000, 0.9, 948.55995857519326, 1053.6029482088086},
    // x = 12345, conf = 0.9: z <- qnorm(1 - (1 - 0.9)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {12345, 0.9, 12162.813827607273, 12529.330593096838},
    // x = 0, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {0, 0.95, 0, 3.6680118321737507},
    // x = 1, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1, 0.95, 0.013072132901504351, 5.5637555824752605},
    // x = 2, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {2, 0.95, 0.22462521134998287, 7.2208690008577907},
    // x = 5, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {5, 0.95, 1.6113477157471938, 11.668164123398595},
    // x = 10, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {10, 0.95, 4.7874499139675644, 18.391458605756473},
    // x = 37, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {37, 0.95, 26.047964514406569, 51.001096593265061},
    // x = 100, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {100, 0.95, 81.362105490527881, 121.6279375792065},
    // x = 137, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {137, 0.95, 115.01896636754043, 161.95743030679904},
    // x = 1000, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0
    // when x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1000, 0.95, 938.97249871549025, 1063.9525812714862},
    // x = 12345, conf = 0.95: z <- qnorm(1 - (1 - 0.95)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0
    // when x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {12345, 0.95, 12128.180767458693, 12564.722341331742},
    // x = 0, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {0, 0.99, 0, 5.3364267409050576},
    // x = 1, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1, 0.99, 2.7760660321816694e-05, 7.4704511894388075},
    // x = 2, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {2, 0.99, 0.076760799407193644, 9.3111370390145609},
    // x = 5, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when x
    // = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {5, 0.99, 1.046842641375467, 14.179836176894639},
    // x = 10, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {10, 0.99, 3.6917682230338862, 21.42150827946115},
    // x = 37, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {37, 0.99, 23.194400442063706, 55.761245521468396},
    // x = 100, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {100, 0.99, 76.111829912760868, 128.76905477113169},
    // x = 137, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0 when
    // x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {137, 0.99, 108.72227175723268, 170.1411050704435},
    // x = 1000, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0
    // when x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {1000, 0.99, 920.42129914390955, 1084.3755976981688},
    // x = 12345, conf = 0.99: z <- qnorm(1 - (1 - 0.99)/2); x*(1 - 1/(9*x) - z/(3*sqrt(x)))^3 (0
    // when x = 0); (x+1)*(1 - 1/(9*(x+1)) + z/(3*sqrt(x+1)))^3
    {12345, 0.99, 12060.68235154266, 12634.085803675283}
  };

  @Test
  @DisplayName(
      "exact rates equal R poisson.test to 1e-9 relative, x = 0 to 250,000, confidence 0.9 to 0.99")
  void exactRatesEqualPoissonTest() {
    for (double[] row : POISSON_TEST) {
      Rate r =
          Rate.builder().count((long) row[0]).population(row[1]).per(1).confidence(row[2]).build();
      String what =
          "poisson.test(" + (long) row[0] + ", " + row[1] + ", conf.level = " + row[2] + ")";
      assertRelative(what + " rate", r.rate(), row[3]);
      assertRelative(what + " lower", r.lower(), row[4]);
      assertRelative(what + " upper", r.upper(), row[5]);
    }
  }

  @Test
  @DisplayName("the published Garwood 95% count intervals of DESIGN.md hold")
  void publishedGarwoodVectors() {
    assertPublished(0, 0, 3.688879);
    assertPublished(10, 4.795389, 18.390356);
    assertPublished(100, 81.363991, 121.626794);
  }

  private static void assertPublished(long x, double lower, double upper) {
    ConfidenceInterval ci = PoissonIntervals.exact(x, 0.95);
    assertThat(ci.lower()).isCloseTo(lower, offset(5e-7));
    assertThat(ci.upper()).isCloseTo(upper, offset(5e-7));
  }

  @Test
  @DisplayName(
      "poisson.test(137, 24.19893) gives rate 5.661407 and CI (4.753125, 6.692709), as published")
  void publishedPoissonTest() {
    Rate r = Rate.builder().count(137).population(24.19893).per(1).build();
    // R 4.2: options(digits = 17); poisson.test(137, 24.19893)
    assertRelative("rate", r.rate(), 5.6614073432172409);
    assertRelative("lower", r.lower(), 4.7531248048487482);
    assertRelative("upper", r.upper(), 6.6927093341760706);
    assertThat(r.rate()).isCloseTo(5.661407, offset(5e-7));
    assertThat(r.lower()).isCloseTo(4.753125, offset(5e-7));
    assertThat(r.upper()).isCloseTo(6.692709, offset(5e-7));
  }

  @Test
  @DisplayName("Byar's limits equal the formula evaluated in R to 1e-9 relative")
  void byarEqualsFormulaInR() {
    for (double[] row : BYAR) {
      ConfidenceInterval ci = PoissonIntervals.byar((long) row[0], row[1]);
      assertRelative("byar lower x=" + row[0] + " conf=" + row[1], ci.lower(), row[2]);
      assertRelative("byar upper x=" + row[0] + " conf=" + row[1], ci.upper(), row[3]);
    }
  }

  @Test
  @DisplayName("rates are per 100,000 with an exact 95% interval by default, and scale with per")
  void defaultsAndScaling() {
    Rate r = Rate.of(137, 2_419_893);
    assertThat(r.per()).isEqualTo(100_000);
    assertThat(r.confidence()).isEqualTo(0.95);
    assertThat(r.method()).isEqualTo(IntervalMethod.EXACT);
    // poisson.test(137, 24.19893): the same rate, per 100,000 of a population of 2,419,893
    assertRelative("rate per 100,000", r.rate(), 5.6614073432172409);
    assertRelative("lower per 100,000", r.lower(), 4.7531248048487482);
    assertRelative("upper per 100,000", r.upper(), 6.6927093341760706);
    assertThat(r.interval().contains(r.rate())).isTrue();
    Rate byar =
        Rate.builder().count(10).population(1000).per(1000).method(IntervalMethod.BYAR).build();
    assertThat(byar.rate()).isEqualTo(10);
    assertThat(byar.method()).isEqualTo(IntervalMethod.BYAR);
    // x = 10, conf = 0.95 row of BYAR: the count limits, per 1,000 of 1,000
    assertRelative("byar lower", byar.lower(), PoissonIntervals.byar(10, 0.95).lower());
  }

  @Test
  @DisplayName("Byar's lower limit is never negative")
  void byarLowerNeverNegative() {
    assertThat(PoissonIntervals.byar(1, 0.999).lower()).isZero();
    assertThat(PoissonIntervals.byar(0, 0.95).lower()).isZero();
  }

  @Test
  @DisplayName(
      "bad arguments are refused with a message naming the argument, its value and the rule")
  void badArguments() {
    assertThatThrownBy(() -> Rate.of(-1, 100))
        .hasMessage("count (-1) must be set and not negative");
    assertThatThrownBy(() -> Rate.of(1, 0))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> Rate.builder().count(1).population(10).confidence(1).build())
        .hasMessage("confidence (1.0) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> Rate.builder().count(1).population(10).per(-5).build())
        .hasMessage("per (-5.0) must be positive and finite");
    assertThatThrownBy(() -> PoissonIntervals.exact(-3, 0.95))
        .hasMessage("count (-3) must not be negative");
    assertThatThrownBy(() -> Rate.builder().population(10).build())
        .hasMessage("count (-1) must be set and not negative");
    assertThatThrownBy(() -> Rate.builder().count(3).build())
        .hasMessage("population (NaN) must be positive and finite");
  }

  @Test
  @DisplayName(
      "property: the Newton quantiles equal Commons Statistics' own gamma inverse to 1e-12"
          + " relative")
  void newtonEqualsLibraryInverse() {
    qt().forAll(longs().between(0, 5_000_000), doubles().between(0.5, 0.9999))
        .checkAssert(
            (x, c) -> {
              double tail = (1 - c) / 2;
              ConfidenceInterval ci = PoissonIntervals.exact(x, c);
              GammaDistribution upper = GammaDistribution.of(x + 1.0, 1);
              assertThat(Math.abs(ci.upper() / upper.inverseSurvivalProbability(tail) - 1))
                  .as("upper x=%s conf=%s", x, c)
                  .isLessThanOrEqualTo(1e-12);
              if (x > 0) {
                double lower = GammaDistribution.of(x, 1).inverseCumulativeProbability(tail);
                assertThat(Math.abs(ci.lower() / lower - 1))
                    .as("lower x=%s conf=%s", x, c)
                    .isLessThanOrEqualTo(1e-12);
              }
            });
  }

  @Test
  @DisplayName("property: every interval contains its estimate")
  void intervalContainsEstimate() {
    qt().forAll(longs().between(0, 2_000_000), doubles().between(0.5, 0.999))
        .checkAssert(
            (x, c) -> {
              for (IntervalMethod m : IntervalMethod.values()) {
                ConfidenceInterval ci = PoissonIntervals.of(x, c, m);
                assertThat(ci.contains(x)).as("%s x=%s conf=%s %s", m, x, c, ci).isTrue();
              }
            });
  }

  @Test
  @DisplayName("property: a higher confidence gives a wider interval")
  void widerAtHigherConfidence() {
    qt().forAll(
            longs().between(0, 100_000),
            doubles().between(0.5, 0.98),
            doubles().between(0.001, 0.019))
        .checkAssert(
            (x, c, step) -> {
              for (IntervalMethod m : IntervalMethod.values()) {
                ConfidenceInterval narrow = PoissonIntervals.of(x, c, m);
                ConfidenceInterval wide = PoissonIntervals.of(x, c + step, m);
                assertThat(wide.lower())
                    .as("%s lower x=%s", m, x)
                    .isLessThanOrEqualTo(narrow.lower());
                assertThat(wide.upper()).as("%s upper x=%s", m, x).isGreaterThan(narrow.upper());
              }
            });
  }

  @Test
  @DisplayName("property: both limits increase with the count")
  void monotoneInCount() {
    qt().forAll(longs().between(0, 1_000_000), doubles().between(0.5, 0.999))
        .checkAssert(
            (x, c) -> {
              for (IntervalMethod m : IntervalMethod.values()) {
                ConfidenceInterval here = PoissonIntervals.of(x, c, m);
                ConfidenceInterval next = PoissonIntervals.of(x + 1, c, m);
                assertThat(next.lower())
                    .as("%s lower x=%s", m, x)
                    .isGreaterThanOrEqualTo(here.lower());
                assertThat(next.upper()).as("%s upper x=%s", m, x).isGreaterThan(here.upper());
              }
            });
  }

  @Test
  void aRateValueRefusesAnArgumentOutOfRangeAndARateOutsideItsLimits() {
    Lineage l = Lineage.builder("rate per 1").build();
    IntervalMethod exact = IntervalMethod.EXACT;
    assertThatThrownBy(() -> new Rate(-1, 10, 1, 0, 0, 1, 0.95, exact, l))
        .hasMessage("count (-1) must not be negative");
    assertThatThrownBy(() -> new Rate(1, 0, 1, 0.1, 0, 1, 0.95, exact, l))
        .hasMessage("population (0.0) must be positive and finite");
    assertThatThrownBy(() -> new Rate(1, 10, -1, 0.1, 0, 1, 0.95, exact, l))
        .hasMessage("per (-1.0) must be positive and finite");
    assertThatThrownBy(() -> new Rate(1, 10, 1, 0.1, 0, 1, 1, exact, l))
        .hasMessage("confidence (1.0) must be strictly between 0 and 1, for example 0.95");
    assertThatThrownBy(() -> new Rate(1, 10, 1, 0.1, 0.2, 1, 0.95, exact, l))
        .hasMessage("rate (0.1) must lie within its limits (0.2, 1.0)");
    assertThatThrownBy(() -> new Rate(1, 10, 1, 0.1, 0, 0.05, 0.95, exact, l))
        .hasMessage("rate (0.1) must lie within its limits (0.0, 0.05)");
    // a zero count's rate sits on its lower limit, 0; a rate may also sit on its upper limit
    assertThat(new Rate(0, 10, 1, 0, 0, 0.3688879, 0.95, exact, l).rate()).isZero();
    assertThat(new Rate(1, 10, 1, 0.1, 0, 0.1, 0.95, exact, l).upper()).isEqualTo(0.1);
  }

  @Test
  void aRateWithAnInfiniteOrUndefinedBaseIsRefusedNamingTheBase() {
    // The lineage spells the base out in decimals; NaN and infinity have no decimal form, so the
    // base must be checked first, with the message every other entry point gives.
    for (double per : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
      assertThatThrownBy(() -> new Rate(1, 10, per, 0.1, 0, 1, 0.95, IntervalMethod.EXACT))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessage("per (" + per + ") must be positive and finite");
    }
    assertThat(
            new Rate(1, 10, 1000, 100, 2.5, 557, 0.95, IntervalMethod.EXACT).lineage().indicator())
        .isEqualTo("rate per 1000");
  }

  @Test
  void aBuilderNamesAMissingOrBadPopulationOrBaseBeforeALevelOutOfRange() {
    // without a population or a base there is no rate at all, whatever the level asked for
    assertThatThrownBy(() -> Rate.builder().count(1).confidence(1).build())
        .hasMessage("population (NaN) must be positive and finite");
    assertThatThrownBy(() -> Rate.builder().count(1).population(10).per(0).confidence(1).build())
        .hasMessage("per (0.0) must be positive and finite");
  }

  @Test
  void aRateNamesItsFirstBadArgumentInParameterOrderTheLevelBeforeTheMethod() {
    assertThatThrownBy(() -> new Rate(1, 10, 1, 0.1, 0, 1, 1.5, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence (1.5) must be strictly between 0 and 1, for example 0.95");
  }
}
