package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Kaplan-Meier estimate against R 4.2, {@code survival} 3.5-3: every step's time, numbers at
 * risk and events, survival, standard error and limits, and the median with its interval, to 1e-9
 * relative. NaN below stands for R's NA (absent in Atalaya).
 */
class KaplanMeierTest {

  private static void assertCurve(
      KaplanMeier km,
      double[] time,
      long[] atRisk,
      long[] events,
      double[] survival,
      double[] stdErr,
      double[] lower,
      double[] upper) {
    List<KaplanMeier.Step> steps = km.steps();
    assertThat(steps).hasSize(time.length);
    for (int i = 0; i < time.length; i++) {
      KaplanMeier.Step s = steps.get(i);
      assertThat(s.time()).as("time %s", i).isEqualTo(time[i]);
      assertThat(s.atRisk()).as("n.risk at %s", time[i]).isEqualTo(atRisk[i]);
      assertThat(s.events()).as("n.event at %s", time[i]).isEqualTo(events[i]);
      assertRelative("surv at " + time[i], s.survival(), survival[i]);
      assertRelative("std.err at " + time[i], s.standardError(), stdErr[i]);
      assertOptional("lower at " + time[i], s.lower(), lower[i]);
      assertOptional("upper at " + time[i], s.upper(), upper[i]);
    }
  }

  private static void assertMedian(KaplanMeier km, double median, double lower, double upper) {
    assertOptional("median", km.median(), median);
    assertOptional("median lower", km.medianLower(), lower);
    assertOptional("median upper", km.medianUpper(), upper);
  }

  private static void assertOptional(String what, OptionalDouble actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(what).isEmpty();
    } else {
      assertThat(actual).as(what).isPresent();
      assertRelative(what, actual.getAsDouble(), expected);
    }
  }

  @Test
  @DisplayName(
      "a censoring tied with an event stays at risk for it; the curve ending at 0 has no limits"
          + " there")
  void tiesAndCensoring() {
    // f <- survfit(Surv(c(1,2,2,3,4,5,5,6), c(1,1,0,1,1,0,1,1)) ~ 1); quantile(f, 0.5)
    KaplanMeier km =
        KaplanMeier.of(
            new double[] {1, 2, 2, 3, 4, 5, 5, 6},
            new boolean[] {true, true, false, true, true, false, true, true},
            0.95);
    assertCurve(
        km,
        new double[] {1, 2, 3, 4, 5, 6},
        new long[] {8, 7, 5, 4, 3, 1},
        new long[] {1, 1, 1, 1, 1, 1},
        new double[] {
          0.875, 0.75, 0.60000000000000009, 0.45000000000000007, 0.30000000000000004, 0
        },
        new double[] {
          0.1336306209562122,
          0.20412414523193151,
          0.30276503540974919,
          0.41833001326703778,
          0.5845225972250061,
          Double.POSITIVE_INFINITY
        },
        new double[] {
          0.67338193650595535,
          0.50270184129404694,
          0.33146462434329693,
          0.1982117340277319,
          0.095405786900162076,
          Double.NaN
        },
        new double[] {1, 1, 1, 1, 0.94333900410235094, Double.NaN});
    assertMedian(km, 4, 3, Double.NaN);
  }

  @Test
  @DisplayName("a curve exactly at 0.5 over a stretch gives the midpoint of the stretch, as R")
  void plateauAtHalf() {
    // f <- survfit(Surv(c(1,2,3,4), c(1,1,1,1)) ~ 1): the curve is exactly 0.5 from 2 to 3, so the
    // median is 2.5
    KaplanMeier km =
        KaplanMeier.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true}, 0.95);
    assertCurve(
        km,
        new double[] {1, 2, 3, 4},
        new long[] {4, 3, 2, 1},
        new long[] {1, 1, 1, 1},
        new double[] {0.75, 0.5, 0.25, 0},
        new double[] {0.28867513459481287, 0.5, 0.8660254037844386, Double.POSITIVE_INFINITY},
        new double[] {0.42593226849798205, 0.18765892870658832, 0.045790759666018192, Double.NaN},
        new double[] {1, 1, 1, Double.NaN});
    assertMedian(km, 2.5, 1, Double.NaN);
  }

  @Test
  @DisplayName(
      "a curve that ends exactly at 0.5 gives the midpoint up to the last time observed, as R")
  void lastValueAtHalf() {
    // f <- survfit(Surv(c(1,2,3,4), c(1,1,0,0)) ~ 1): 0.5 from 2 to the last time, 4, so the median
    // is 3
    KaplanMeier km =
        KaplanMeier.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}, 0.95);
    assertCurve(
        km,
        new double[] {1, 2, 3, 4},
        new long[] {4, 3, 2, 1},
        new long[] {1, 1, 0, 0},
        new double[] {0.75, 0.5, 0.5, 0.5},
        new double[] {0.28867513459481287, 0.5, 0.5, 0.5},
        new double[] {
          0.42593226849798205, 0.18765892870658832, 0.18765892870658832, 0.18765892870658832
        },
        new double[] {1, 1, 1, 1});
    assertMedian(km, 3, 1, Double.NaN);
  }

  @Test
  @DisplayName(
      "a curve that never falls to 0.5 has no median: \"not reached\", never a made-up number")
  void notReached() {
    // f <- survfit(Surv(c(10,20,30,40,50,60), c(1,0,0,1,0,0)) ~ 1): the curve stops at 0.556
    KaplanMeier km =
        KaplanMeier.of(
            new double[] {10, 20, 30, 40, 50, 60},
            new boolean[] {true, false, false, true, false, false},
            0.95);
    assertCurve(
        km,
        new double[] {10, 20, 30, 40, 50, 60},
        new long[] {6, 5, 4, 3, 2, 1},
        new long[] {1, 0, 0, 1, 0, 0},
        new double[] {
          0.83333333333333337,
          0.83333333333333337,
          0.83333333333333337,
          0.55555555555555558,
          0.55555555555555558,
          0.55555555555555558
        },
        new double[] {
          0.18257418583505536,
          0.18257418583505536,
          0.18257418583505536,
          0.44721359549995793,
          0.44721359549995793,
          0.44721359549995793
        },
        new double[] {
          0.58265479547713961,
          0.58265479547713961,
          0.58265479547713961,
          0.2312376740354038,
          0.2312376740354038,
          0.2312376740354038
        },
        new double[] {1, 1, 1, 1, 1, 1});
    assertMedian(km, Double.NaN, 40, Double.NaN);
  }

  @Test
  @DisplayName("sixty subjects with ties and censoring, 90% limits, equal R survfit")
  void sixtySubjects90() {
    // set.seed(6); t <- round(rexp(60, 1/200)); s <- rbinom(60, 1, 0.7)
    // f <- survfit(Surv(t, s) ~ 1, conf.int = 0.9); quantile(f, 0.5)
    KaplanMeier km =
        KaplanMeier.of(
            new double[] {
              43, 37, 123, 71, 422, 57, 13, 108, 143, 7, 71, 313, 80, 17, 321, 224, 38, 9, 279, 19,
              8, 97, 472, 115, 474, 17, 129, 61, 169, 312, 76, 47, 436, 11, 17, 94, 274, 11, 7, 378,
              529, 205, 114, 208, 199, 96, 294, 199, 2, 67, 30, 300, 233, 393, 159, 25, 17, 98, 9,
              226
            },
            new boolean[] {
              true, false, true, true, true, true, true, true, false, true, true, true, true, true,
              true, false, true, true, true, true, true, true, true, false, false, true, true, true,
              true, false, true, true, true, true, true, false, true, true, true, false, false,
              false, false, false, false, true, false, false, true, false, false, false, true, true,
              true, false, true, false, false, true
            },
            0.90);
    assertCurve(
        km,
        new double[] {
          2, 7, 8, 9, 11, 13, 17, 19, 25, 30, 37, 38, 43, 47, 57, 61, 67, 71, 76, 80, 94, 96, 97,
          98, 108, 114, 115, 123, 129, 143, 159, 169, 199, 205, 208, 224, 226, 233, 274, 279, 294,
          300, 312, 313, 321, 378, 393, 422, 436, 472, 474, 529
        },
        new long[] {
          60, 59, 57, 56, 54, 52, 51, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 35, 34, 33, 32,
          31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8,
          7, 6, 5, 4, 3, 2, 1
        },
        new long[] {
          1, 2, 1, 1, 2, 1, 4, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 2, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0,
          1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0
        },
        new double[] {
          0.98333333333333328, 0.94999999999999996, 0.93333333333333324, 0.91666666666666652,
          0.88271604938271586, 0.86574074074074048, 0.79783950617283916, 0.78086419753086389,
          0.78086419753086389, 0.78086419753086389, 0.78086419753086389, 0.76270456503014605,
          0.74454493252942822, 0.72638530002871049, 0.70822566752799276, 0.69006603502727504,
          0.69006603502727504, 0.65276516826904396, 0.63411473488992842, 0.61546430151081288,
          0.61546430151081288, 0.59623104208860001, 0.57699778266638713, 0.57699778266638713,
          0.55710130740202901, 0.55710130740202901, 0.55710130740202901, 0.53567433404041254,
          0.51424736067879606, 0.51424736067879606, 0.49188877977971801, 0.46953019888063996,
          0.46953019888063996, 0.46953019888063996, 0.46953019888063996, 0.46953019888063996,
          0.44018456145059998, 0.41083892402055999, 0.38149328659052001, 0.35214764916048003,
          0.35214764916048003, 0.35214764916048003, 0.35214764916048003, 0.31302013258709332,
          0.27389261601370668, 0.27389261601370668, 0.22824384667808892, 0.18259507734247116,
          0.13694630800685337, 0.091297538671235579, 0.091297538671235579, 0.091297538671235579
        },
        new double[] {
          0.016807316136320357, 0.029617443887954616, 0.034503277967117711, 0.038924947208076148,
          0.047195362350576642, 0.05103406836504315, 0.06536993759606817, 0.06881688333116813,
          0.06881688333116813, 0.06881688333116813, 0.06881688333116813, 0.072728765199548406,
          0.076617187238675485, 0.080498133381633336, 0.084385870375038932, 0.088293481931632098,
          0.088293481931632098, 0.09664440230045912, 0.10089834800662878, 0.10522234661712654,
          0.10522234661712654, 0.10990817414434539, 0.11469557777415855, 0.11469557777415855,
          0.11994416473736483, 0.11994416473736483, 0.11994416473736483, 0.12619454898293211,
          0.13263382245744229, 0.13263382245744229, 0.13988572280491157, 0.14741952926649413,
          0.14741952926649413, 0.14741952926649413, 0.14741952926649413, 0.14741952926649413,
          0.16093223504264578, 0.17510308117713447, 0.19014624511736128, 0.2063149314579244,
          0.2063149314579244, 0.2063149314579244, 0.2063149314579244, 0.23760206192576894,
          0.27260205921547948, 0.27260205921547948, 0.32809330383574292, 0.3970456094982705,
          0.49089566035481147, 0.63847099857538803, 0.63847099857538803, 0.63847099857538803
        },
        new double[] {
          0.95652084894227218, 0.90482868242690306, 0.8818390581373553, 0.85981569780098788,
          0.8167835369260914, 0.79603401369513149, 0.71650374796511507, 0.69729429439928048,
          0.69729429439928048, 0.69729429439928048, 0.69729429439928048, 0.6767098379677644,
          0.65638607488149947, 0.63630177747048744, 0.6164396197407167, 0.59678531476436691,
          0.59678531476436691, 0.55682530163737631, 0.53714436486272465, 0.51765116372548947,
          0.51765116372548947, 0.4976243064428077, 0.47779462556668906, 0.47779462556668906,
          0.45735345178040993, 0.45735345178040993, 0.45735345178040993, 0.43526490775317206,
          0.41345189528241799, 0.41345189528241799, 0.39078639058640346, 0.36842938702746597,
          0.36842938702746597, 0.36842938702746597, 0.36842938702746597, 0.36842938702746597,
          0.33781017534111218, 0.30802541233623593, 0.2790331277516, 0.25080924802698323,
          0.25080924802698323, 0.25080924802698323, 0.25080924802698323, 0.21175858938399655,
          0.17492295702168387, 0.17492295702168387, 0.13305320683652205, 0.095029664262628835,
          0.06107712618714678, 0.0319423428225276, 0.0319423428225276, 0.0319423428225276
        },
        new double[] {
          1,
          0.99742638305777709,
          0.98783457488387472,
          0.97727661861352455,
          0.95397077513370088,
          0.94155151323141251,
          0.88840830130746495,
          0.87444985551017473,
          0.87444985551017473,
          0.87444985551017473,
          0.87444985551017473,
          0.8596273038748623,
          0.84454435852456167,
          0.82922226965218915,
          0.813678388090052,
          0.79792702822501993,
          0.79792702822501993,
          0.76523527873524277,
          0.74859111126910427,
          0.73175978917545437,
          0.73175978917545437,
          0.7143771936930392,
          0.69679821284523535,
          0.69679821284523535,
          0.67860396702125414,
          0.67860396702125414,
          0.67860396702125414,
          0.6592467875043122,
          0.63961575937260795,
          0.63961575937260795,
          0.6191478963996403,
          0.59837411298697085,
          0.59837411298697085,
          0.59837411298697085,
          0.59837411298697085,
          0.59837411298697085,
          0.57358381210335241,
          0.54796979317448102,
          0.52157651991485487,
          0.49443139670795216,
          0.49443139670795216,
          0.49443139670795216,
          0.49443139670795216,
          0.46270426946963011,
          0.42885831787952483,
          0.42885831787952483,
          0.39153700076104603,
          0.3508479434122827,
          0.30705916351144003,
          0.26094643757774888,
          0.26094643757774888,
          0.26094643757774888
        });
    assertMedian(km, 159, 96, 279);
  }

  @Test
  @DisplayName("sixty subjects with ties and censoring, 95% limits, equal R survfit")
  void sixtySubjects95() {
    // the same data, f <- survfit(Surv(t, s) ~ 1); quantile(f, 0.5)
    KaplanMeier km =
        KaplanMeier.of(
            new double[] {
              43, 37, 123, 71, 422, 57, 13, 108, 143, 7, 71, 313, 80, 17, 321, 224, 38, 9, 279, 19,
              8, 97, 472, 115, 474, 17, 129, 61, 169, 312, 76, 47, 436, 11, 17, 94, 274, 11, 7, 378,
              529, 205, 114, 208, 199, 96, 294, 199, 2, 67, 30, 300, 233, 393, 159, 25, 17, 98, 9,
              226
            },
            new boolean[] {
              true, false, true, true, true, true, true, true, false, true, true, true, true, true,
              true, false, true, true, true, true, true, true, true, false, false, true, true, true,
              true, false, true, true, true, true, true, false, true, true, true, false, false,
              false, false, false, false, true, false, false, true, false, false, false, true, true,
              true, false, true, false, false, true
            },
            0.95);
    assertCurve(
        km,
        new double[] {
          2, 7, 8, 9, 11, 13, 17, 19, 25, 30, 37, 38, 43, 47, 57, 61, 67, 71, 76, 80, 94, 96, 97,
          98, 108, 114, 115, 123, 129, 143, 159, 169, 199, 205, 208, 224, 226, 233, 274, 279, 294,
          300, 312, 313, 321, 378, 393, 422, 436, 472, 474, 529
        },
        new long[] {
          60, 59, 57, 56, 54, 52, 51, 47, 46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 35, 34, 33, 32,
          31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8,
          7, 6, 5, 4, 3, 2, 1
        },
        new long[] {
          1, 2, 1, 1, 2, 1, 4, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0, 2, 1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0,
          1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0
        },
        new double[] {
          0.98333333333333328, 0.94999999999999996, 0.93333333333333324, 0.91666666666666652,
          0.88271604938271586, 0.86574074074074048, 0.79783950617283916, 0.78086419753086389,
          0.78086419753086389, 0.78086419753086389, 0.78086419753086389, 0.76270456503014605,
          0.74454493252942822, 0.72638530002871049, 0.70822566752799276, 0.69006603502727504,
          0.69006603502727504, 0.65276516826904396, 0.63411473488992842, 0.61546430151081288,
          0.61546430151081288, 0.59623104208860001, 0.57699778266638713, 0.57699778266638713,
          0.55710130740202901, 0.55710130740202901, 0.55710130740202901, 0.53567433404041254,
          0.51424736067879606, 0.51424736067879606, 0.49188877977971801, 0.46953019888063996,
          0.46953019888063996, 0.46953019888063996, 0.46953019888063996, 0.46953019888063996,
          0.44018456145059998, 0.41083892402055999, 0.38149328659052001, 0.35214764916048003,
          0.35214764916048003, 0.35214764916048003, 0.35214764916048003, 0.31302013258709332,
          0.27389261601370668, 0.27389261601370668, 0.22824384667808892, 0.18259507734247116,
          0.13694630800685337, 0.091297538671235579, 0.091297538671235579, 0.091297538671235579
        },
        new double[] {
          0.016807316136320357, 0.029617443887954616, 0.034503277967117711, 0.038924947208076148,
          0.047195362350576642, 0.05103406836504315, 0.06536993759606817, 0.06881688333116813,
          0.06881688333116813, 0.06881688333116813, 0.06881688333116813, 0.072728765199548406,
          0.076617187238675485, 0.080498133381633336, 0.084385870375038932, 0.088293481931632098,
          0.088293481931632098, 0.09664440230045912, 0.10089834800662878, 0.10522234661712654,
          0.10522234661712654, 0.10990817414434539, 0.11469557777415855, 0.11469557777415855,
          0.11994416473736483, 0.11994416473736483, 0.11994416473736483, 0.12619454898293211,
          0.13263382245744229, 0.13263382245744229, 0.13988572280491157, 0.14741952926649413,
          0.14741952926649413, 0.14741952926649413, 0.14741952926649413, 0.14741952926649413,
          0.16093223504264578, 0.17510308117713447, 0.19014624511736128, 0.2063149314579244,
          0.2063149314579244, 0.2063149314579244, 0.2063149314579244, 0.23760206192576894,
          0.27260205921547948, 0.27260205921547948, 0.32809330383574292, 0.3970456094982705,
          0.49089566035481147, 0.63847099857538803, 0.63847099857538803, 0.63847099857538803
        },
        new double[] {
          0.95146835328003776, 0.89642341367613243, 0.87230333558727102, 0.84933391032015471,
          0.80472641584820814, 0.78333508306885291, 0.70189564124400727, 0.6823362960766538,
          0.6823362960766538, 0.6823362960766538, 0.6823362960766538, 0.6613776407775338,
          0.6407287979969315, 0.6203644625110355, 0.60026397429053613, 0.5804102907483415,
          0.5804102907483415, 0.54012354313735489, 0.52033497128394124, 0.50076900907522115,
          0.50076900907522115, 0.48068500654152468, 0.46083461319973551, 0.46083461319973551,
          0.44039007170527539, 0.44039007170527539, 0.44039007170527539, 0.41829612704946978,
          0.39652808902582121, 0.39652808902582121, 0.37393487638142464, 0.35170601780877297,
          0.35170601780877297, 0.35170601780877297, 0.35170601780877297, 0.35170601780877297,
          0.32110645773148522, 0.2914899395874857, 0.26280530186741774, 0.23502237217608199,
          0.23502237217608199, 0.23502237217608199, 0.23502237217608199, 0.19648302205272705,
          0.16052439086620193, 0.16052439086620193, 0.11998461201256627, 0.083853892910286776,
          0.052323788892092736, 0.026121106512456221, 0.026121106512456221, 0.026121106512456221
        },
        new double[] {
          1,
          1,
          0.99863324553796706,
          0.9893373708121892,
          0.96826400686317704,
          0.95681534809088398,
          0.90689817717336441,
          0.89361931717761167,
          0.89361931717761167,
          0.89361931717761167,
          0.89361931717761167,
          0.87955536693671743,
          0.86518220858539541,
          0.85052519282310401,
          0.83560502983425333,
          0.82043881765827398,
          0.82043881765827398,
          0.78889796662122968,
          0.77277430731270547,
          0.75642921101232385,
          0.75642921101232385,
          0.73955178695457868,
          0.72244235060882878,
          0.72244235060882878,
          0.70474310537308205,
          0.70474310537308205,
          0.70474310537308205,
          0.68599007639318577,
          0.66691453968570502,
          0.66691453968570502,
          0.64705002650348964,
          0.62682637344226355,
          0.62682637344226355,
          0.62682637344226355,
          0.62682637344226355,
          0.62682637344226355,
          0.60342121272903382,
          0.57905470675674031,
          0.55378307317048903,
          0.52764324375189275,
          0.52764324375189275,
          0.52764324375189275,
          0.52764324375189275,
          0.4986772006109908,
          0.46732564878167965,
          0.46732564878167965,
          0.43418278954767053,
          0.39760780462957995,
          0.35842762295721553,
          0.3190998269330963,
          0.3190998269330963,
          0.3190998269330963
        });
    assertMedian(km, 159, 96, 313);
  }

  @Test
  @DisplayName(
      "with no censoring the curve is the share of times beyond t, and the median lies within the"
          + " times")
  void noCensoringProperty() {
    qt().forAll(lists().of(integers().between(0, 400)).ofSizeBetween(1, 40))
        .checkAssert(
            list -> {
              double[] t = list.stream().mapToDouble(Integer::doubleValue).toArray();
              boolean[] e = new boolean[t.length];
              Arrays.fill(e, true);
              KaplanMeier km = KaplanMeier.of(t, e);
              for (KaplanMeier.Step s : km.steps()) {
                long beyond = list.stream().filter(x -> x > s.time()).count();
                assertThat(s.survival())
                    .isCloseTo((double) beyond / t.length, Offset.offset(1e-12));
              }
              double min = list.stream().mapToInt(Integer::intValue).min().orElseThrow();
              double max = list.stream().mapToInt(Integer::intValue).max().orElseThrow();
              assertThat(km.median()).isPresent();
              assertThat(km.median().getAsDouble()).isBetween(min, max);
              assertThat(km.events()).isEqualTo(t.length);
            });
  }

  @Test
  @DisplayName("the curve never rises and its limits contain it")
  void monotoneProperty() {
    qt().forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 40))
        .checkAssert(
            list -> {
              // a negative value is a censoring at its absolute value
              double[] t = list.stream().mapToDouble(x -> Math.abs((double) x)).toArray();
              boolean[] e = new boolean[t.length];
              for (int i = 0; i < t.length; i++) {
                e[i] = list.get(i) >= 0;
              }
              KaplanMeier km = KaplanMeier.of(t, e, 0.9);
              double previous = 1;
              for (KaplanMeier.Step s : km.steps()) {
                assertThat(s.survival()).isLessThanOrEqualTo(previous);
                previous = s.survival();
                s.lower().ifPresent(l -> assertThat(l).isLessThanOrEqualTo(s.survival()));
                s.upper()
                    .ifPresent(
                        u ->
                            assertThat(u)
                                .isGreaterThanOrEqualTo(s.survival())
                                .isLessThanOrEqualTo(1));
              }
              assertThat(km.events() + km.censored()).isEqualTo(t.length);
            });
  }

  @Test
  @DisplayName("no subject gives an empty curve and no median; bad input is refused")
  void edges() {
    KaplanMeier empty = KaplanMeier.of(new double[0], new boolean[0]);
    assertThat(empty.steps()).isEmpty();
    assertThat(empty.median()).isEmpty();
    assertThat(empty.survival(10)).isEqualTo(1);
    assertThatThrownBy(() -> KaplanMeier.of(new double[] {1}, new boolean[0]))
        .hasMessage("times (1 subjects) and event (0) must have the same length");
    assertThatThrownBy(() -> KaplanMeier.of(new double[] {-1}, new boolean[] {true}))
        .hasMessage("time (-1.0) of subject 0 must not be negative and must be finite");
  }

  /** Five subjects by hand: events at 1, 2 and 3, censorings at 2 (with the event) and at 4. */
  private static KaplanMeier byHand() {
    return KaplanMeier.of(
        new double[] {1, 2, 2, 3, 4}, new boolean[] {true, true, false, true, false}, 0.9);
  }

  @Test
  void theCurveAtATimeIsTheStepAtOrBeforeItAndOneBeforeTheFirstEvent() {
    // S = 4/5 after 1, 4/5 * 3/4 = 0.6 after 2, 0.6 * 1/2 = 0.3 after 3; the censoring at 4
    // leaves it there
    Offset<Double> exact = Offset.offset(1e-15);
    assertThat(byHand().survival(0.5)).isEqualTo(1);
    assertThat(byHand().survival(1)).isCloseTo(0.8, exact);
    assertThat(byHand().survival(1.999)).isCloseTo(0.8, exact);
    assertThat(byHand().survival(2)).isCloseTo(0.6, exact);
    assertThat(byHand().survival(3)).isCloseTo(0.3, exact);
    assertThat(byHand().survival(100)).isCloseTo(0.3, exact);
  }

  @Test
  void eachStepCountsItsCensoringsAndTheEstimateKeepsItsLevel() {
    assertThat(byHand().steps())
        .extracting(KaplanMeier.Step::censored)
        .containsExactly(0L, 1L, 0L, 1L);
    assertThat(byHand().steps())
        .extracting(KaplanMeier.Step::atRisk)
        .containsExactly(5L, 4L, 2L, 1L);
    assertThat(byHand().events()).isEqualTo(3);
    assertThat(byHand().censored()).isEqualTo(2);
    assertThat(byHand().confidence()).isEqualTo(0.9);
    assertThatThrownBy(() -> KaplanMeier.of(new double[] {1}, new boolean[] {true}, 1.5))
        .hasMessage("confidence (1.5) must be strictly between 0 and 1, for example 0.95");
  }

  @Test
  void theTextGivesSubjectsEventsAndTheMedianOrSaysItWasNotReached() {
    // the curve first falls to 0.5 or below at 3
    assertThat(byHand().toString()).isEqualTo("KaplanMeier[subjects=5, events=3, median=3.0]");
    KaplanMeier few = KaplanMeier.of(new double[] {1, 2, 3}, new boolean[] {true, false, false});
    assertThat(few.toString()).isEqualTo("KaplanMeier[subjects=3, events=1, median=not reached]");
  }
}
