package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** A monthly series: at least one month, windows and baselines of at least one period. */
class MonthlySeriesTest {

  private static final MonthlySeries Q1 = MonthlySeries.of(YearMonth.of(2024, 1), 4, 0, 7);

  @Test
  void aSeriesHasAtLeastOneMonthAndItsLineageNamesTheFirstAndLast() {
    assertThatThrownBy(() -> MonthlySeries.of(YearMonth.of(2024, 1)))
        .hasMessage("counts must have at least one month");
    assertThat(Q1.lineage().indicator()).isEqualTo("monthly counts 2024-01 to 2024-03");
    assertThat(Q1.lineage().used()).isEqualTo(11);
    assertThat(MonthlySeries.of(YearMonth.of(2024, 12), 5).lineage().indicator())
        .isEqualTo("monthly counts 2024-12 to 2024-12");
  }

  @Test
  void aMovingSumCoversAtLeastOneMonth() {
    assertThat(Q1.movingSum(YearMonth.of(2024, 3), 1)).hasValue(7);
    assertThatThrownBy(() -> Q1.movingSum(YearMonth.of(2024, 3), 0))
        .hasMessage("window (0) must be positive");
  }

  @Test
  void aSeasonalBaselineAveragesAtLeastOneEarlierYear() {
    MonthlySeries s =
        MonthlySeries.of(YearMonth.of(2023, 1), 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9);
    assertThat(s.seasonalBaseline(YearMonth.of(2024, 1), 1)).hasValue(6);
    assertThatThrownBy(() -> s.seasonalBaseline(YearMonth.of(2024, 1), 0))
        .hasMessage("years (0) must be positive");
  }
}
