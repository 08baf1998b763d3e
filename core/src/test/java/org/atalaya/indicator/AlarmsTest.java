package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Monthly series and alarm rules against the same rules evaluated in R 4.2 by loops written apart
 * from this code:
 *
 * <pre>
 * x &lt;- c(10,12,9,11,13,10,12,11,9,10,12,14, 11,10,12,9,13,11,10,12,11,10,13,12, 12,11,10,25,14,11,13,12,24,28,30,12)
 * z &lt;- sapply(25:36, function(i) { mu &lt;- (x[i-12] + x[i-24])/2; (x[i]-mu)/sqrt(mu) })
 * mu0 &lt;- 11; lambda &lt;- 0.2; L &lt;- 3; Z &lt;- mu0
 * for (t in seq_along(x)) { Z &lt;- lambda*x[t] + (1-lambda)*Z; ew[t] &lt;- Z; ucl[t] &lt;- mu0 + L*sqrt(lambda*mu0/(2-lambda)*(1-(1-lambda)^(2*t))) }
 * mu1 &lt;- 16.5; h &lt;- 5; k &lt;- (mu1-mu0)/(log(mu1)-log(mu0)); S &lt;- 0
 * for (t in seq_along(x)) { S &lt;- max(0, S + x[t] - k); cs[t] &lt;- S; if (S &gt; h) S &lt;- 0 }
 * </pre>
 */
class AlarmsTest {

  static final MonthlySeries SERIES =
      MonthlySeries.of(
          YearMonth.of(2022, 1),
          10,
          12,
          9,
          11,
          13,
          10,
          12,
          11,
          9,
          10,
          12,
          14,
          11,
          10,
          12,
          9,
          13,
          11,
          10,
          12,
          11,
          10,
          13,
          12,
          12,
          11,
          10,
          25,
          14,
          11,
          13,
          12,
          24,
          28,
          30,
          12);

  static final double[] Z = {
    0.46291004988627571,
    0,
    -0.15430334996209191,
    4.7434164902525691,
    0.27735009811261457,
    0.15430334996209191,
    0.60302268915552726,
    0.14744195615489714,
    4.4271887242357311,
    5.6920997883030822,
    4.9497474683058327,
    -0.27735009811261457
  };
  static final double[] EWMA = {
    10.800000000000001,
    11.040000000000001,
    10.632000000000001,
    10.7056,
    11.164480000000001,
    10.931584000000001,
    11.145267200000001,
    11.116213760000001,
    10.692971008000002,
    10.554376806400002,
    10.843501445120003,
    11.474801156096003,
    11.379840924876802,
    11.103872739901442,
    11.283098191921155,
    10.826478553536925,
    11.261182842829539,
    11.208946274263631,
    10.967157019410905,
    11.173725615528724,
    11.138980492422981,
    10.911184393938385,
    11.328947515150707,
    11.463158012120566,
    11.570526409696454,
    11.456421127757164,
    11.165136902205731,
    13.932109521764586,
    13.94568761741167,
    13.356550093929336,
    13.285240075143468,
    13.028192060114776,
    15.222553648091822,
    17.77804291847346,
    20.222434334778768,
    18.577947467823016
  };
  static final double[] UCL = {
    12.989974874213239,
    13.548411269791437,
    13.848932431631189,
    14.025641459261159,
    14.133509852162586,
    14.200638335692428,
    14.24287139488734,
    14.269614277803772,
    14.286615526099105,
    14.297450323279071,
    14.304365949176283,
    14.308784364187009,
    14.311609056027084,
    14.313415595058185,
    14.314571263311118,
    14.315310679577923,
    14.315783819454911,
    14.316086593548148,
    14.316280354460739,
    14.31640435550381,
    14.316483713738236,
    14.316534502011734,
    14.316567006098611,
    14.316587808547034,
    14.316601122045551,
    14.316609642656553,
    14.316615095836109,
    14.316618585866317,
    14.316620819483724,
    14.316622248998076,
    14.316623163886936,
    14.316623749415676,
    14.316624124154014,
    14.316624363986527,
    14.31662451747933,
    14.316624615714717
  };
  static final double K = 13.564669043070381;
  static final double[] CUSUM = {
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0.43533095692961865,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    11.435330956929619,
    0.43533095692961865,
    0,
    0,
    0,
    10.435330956929619,
    14.435330956929619,
    16.435330956929619,
    0
  };

  @Test
  @DisplayName("moving sums, year to date and seasonal baselines")
  void seriesArithmetic() {
    assertThat(SERIES.end()).isEqualTo(YearMonth.of(2024, 12));
    assertThat(SERIES.count(YearMonth.of(2024, 4))).isEqualTo(25);
    assertThat(SERIES.movingSum(YearMonth.of(2022, 3), 3)).hasValue(31);
    assertThat(SERIES.movingSum(YearMonth.of(2022, 2), 3)).isEmpty();
    assertThat(SERIES.movingSum(YearMonth.of(2022, 12), 12)).hasValue(133);
    assertThat(SERIES.yearToDate(YearMonth.of(2024, 4))).hasValue(58);
    assertThat(SERIES.seasonalBaseline(YearMonth.of(2024, 4), 2)).hasValue(10);
    assertThat(SERIES.seasonalBaseline(YearMonth.of(2023, 4), 2)).isEmpty();
    assertThatThrownBy(() -> SERIES.count(YearMonth.of(2025, 1)))
        .hasMessage("month (2025-01) must be from 2022-01 to 2024-12");
    assertThatThrownBy(() -> MonthlySeries.of(YearMonth.of(2024, 1), 3, -1))
        .hasMessage("count (-1) of 2024-02 must not be negative");
  }

  @Test
  @DisplayName(
      "Poisson Z against the seasonal baseline equals R; April, September to November 2024 raise"
          + " the alarm")
  void poissonZ() {
    List<Alarm> z = Alarms.poissonZ(SERIES, 2, 2);
    assertThat(z).hasSize(12);
    assertThat(z.get(0).month()).isEqualTo(YearMonth.of(2024, 1));
    for (int i = 0; i < Z.length; i++) {
      assertRelative("z " + i, z.get(i).statistic(), Z[i]);
    }
    assertThat(z.stream().filter(Alarm::alarm).map(Alarm::month))
        .containsExactly(
            YearMonth.of(2024, 4),
            YearMonth.of(2024, 9),
            YearMonth.of(2024, 10),
            YearMonth.of(2024, 11));
  }

  @Test
  @DisplayName("Poisson EWMA equals R; months 33 to 36 raise the alarm")
  void ewma() {
    List<Alarm> e = Alarms.ewma(SERIES, 11, 0.2, 3);
    for (int i = 0; i < EWMA.length; i++) {
      assertRelative("ewma " + i, e.get(i).statistic(), EWMA[i]);
      assertRelative("limit " + i, e.get(i).threshold(), UCL[i]);
    }
    // R: which(ew > ucl) is 33 34 35 36
    assertThat(e.stream().filter(Alarm::alarm).map(Alarm::month))
        .containsExactly(
            YearMonth.of(2024, 9),
            YearMonth.of(2024, 10),
            YearMonth.of(2024, 11),
            YearMonth.of(2024, 12));
  }

  @Test
  @DisplayName(
      "Poisson CUSUM equals R and restarts after each alarm; months 28, 33, 34 and 35 raise it")
  void cusum() {
    assertRelative("k", Alarms.cusumReference(11, 16.5), K);
    List<Alarm> c = Alarms.cusum(SERIES, 11, 16.5, 5);
    for (int i = 0; i < CUSUM.length; i++) {
      assertRelative("cusum " + i, c.get(i).statistic(), CUSUM[i]);
    }
    assertThat(c.stream().filter(Alarm::alarm).map(Alarm::month))
        .containsExactly(
            YearMonth.of(2024, 4),
            YearMonth.of(2024, 9),
            YearMonth.of(2024, 10),
            YearMonth.of(2024, 11));
  }

  @Test
  @DisplayName("bad parameters are refused with the value and the rule")
  void badParameters() {
    assertThatThrownBy(() -> Alarms.ewma(SERIES, 11, 1, 3))
        .hasMessage("lambda (1.0) must be strictly between 0 and 1");
    assertThatThrownBy(() -> Alarms.cusum(SERIES, 11, 10, 5))
        .hasMessage("mu1 (10.0) must be above mu0 (11.0)");
    assertThatThrownBy(() -> Alarms.poissonZ(SERIES, 0, 2))
        .hasMessage("years (0) must be positive");
  }

  private static long[] months(int n, long... tail) {
    long[] x = new long[n + tail.length];
    System.arraycopy(tail, 0, x, n, tail.length);
    return x;
  }

  @Test
  void aPoissonZAlarmNeedsAZAboveTheThresholdNotEqualToIt() {
    // baseline 4 (January 2023), count 8 in January 2024: z = (8 - 4) / sqrt(4) = 2 exactly
    long[] x = new long[14];
    x[0] = 4;
    x[1] = 4;
    x[12] = 8;
    x[13] = 9;
    List<Alarm> z = Alarms.poissonZ(MonthlySeries.of(YearMonth.of(2023, 1), x), 1, 2);
    assertThat(z.get(0).statistic()).isEqualTo(2);
    assertThat(z.get(0).alarm()).isFalse();
    assertThat(z.get(1).statistic()).isEqualTo(2.5);
    assertThat(z.get(1).alarm()).isTrue();
  }

  @Test
  void againstABaselineOfZeroNoCasesIsNoAlarmAndAnyCaseIsOne() {
    List<Alarm> z =
        Alarms.poissonZ(MonthlySeries.of(YearMonth.of(2023, 1), months(12, 0, 3)), 1, 2);
    assertThat(z.get(0).expected()).isZero();
    assertThat(z.get(0).statistic()).isZero();
    assertThat(z.get(0).alarm()).isFalse();
    assertThat(z.get(1).statistic()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(z.get(1).alarm()).isTrue();
  }

  @Test
  void anEwmaAlarmNeedsTheAverageAboveItsLimitNotEqualToIt() {
    // mu0 = 36, lambda = 0.5, L = 1: the first limit is 36 + sqrt(0.5 * 36 / 1.5 * 0.75) = 39,
    // and a first count of 42 gives Z = 0.5 * 42 + 0.5 * 36 = 39; a count of 43 gives 39.5
    List<Alarm> at = Alarms.ewma(MonthlySeries.of(YearMonth.of(2024, 1), 42), 36, 0.5, 1);
    assertThat(at.get(0).statistic()).isEqualTo(39);
    assertThat(at.get(0).threshold()).isEqualTo(39);
    assertThat(at.get(0).alarm()).isFalse();
    assertThat(Alarms.ewma(MonthlySeries.of(YearMonth.of(2024, 1), 43), 36, 0.5, 1).get(0).alarm())
        .isTrue();
  }

  @Test
  void aCusumAlarmNeedsTheSumAboveHNotEqualToIt() {
    double k = Alarms.cusumReference(11, 16.5);
    // one month of 20: S = 20 - k; with h = 20 - k the sum reaches h but does not pass it
    List<Alarm> c = Alarms.cusum(MonthlySeries.of(YearMonth.of(2024, 1), 20), 11, 16.5, 20 - k);
    assertThat(c.get(0).statistic()).isEqualTo(c.get(0).threshold());
    assertThat(c.get(0).alarm()).isFalse();
    assertThat(Alarms.cusum(MonthlySeries.of(YearMonth.of(2024, 1), 21), 11, 16.5, 20 - k))
        .extracting(Alarm::alarm)
        .containsExactly(true);
  }

  @Test
  void everyAlarmParameterOutOfRangeIsRefusedNamingIt() {
    assertThatThrownBy(() -> Alarms.poissonZ(SERIES, 0, Double.NaN))
        .hasMessage("years (0) must be positive");
    assertThatThrownBy(() -> Alarms.poissonZ(SERIES, 1, Double.NaN))
        .hasMessage("threshold must be a number");
    assertThatThrownBy(() -> Alarms.ewma(SERIES, 0, 0.2, 3))
        .hasMessage("mu0 (0.0) must be positive and finite");
    assertThatThrownBy(() -> Alarms.ewma(SERIES, 11, 0, 3))
        .hasMessage("lambda (0.0) must be strictly between 0 and 1");
    assertThatThrownBy(() -> Alarms.ewma(SERIES, 11, 0.2, 0))
        .hasMessage("width (0.0) must be positive and finite");
    assertThatThrownBy(() -> Alarms.cusum(SERIES, 0, 16.5, 5))
        .hasMessage("mu0 (0.0) must be positive and finite");
    assertThatThrownBy(() -> Alarms.cusum(SERIES, 11, 11, 5))
        .hasMessage("mu1 (11.0) must be above mu0 (11.0)");
    assertThatThrownBy(() -> Alarms.cusum(SERIES, 11, 16.5, 0))
        .hasMessage("h (0.0) must be positive and finite");
    assertThatThrownBy(() -> Alarms.cusumReference(-1, 16.5))
        .hasMessage("mu0 (-1.0) must be positive and finite");
    assertThatThrownBy(() -> Alarms.cusumReference(11, 11))
        .hasMessage("mu1 (11.0) must be above mu0 (11.0)");
  }
}
