package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeWindowTest {
  static final OffsetDateTime T = OffsetDateTime.parse("2024-03-15T21:30:00-06:00");

  @Test
  void aWindowMayNotEndBeforeItStarts() {
    OffsetDateTime before = T.minusNanos(1);
    assertThatThrownBy(() -> TimeWindow.between(T, before, TimePrecision.DAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("occurred-to (" + before + ")")
        .hasMessageContaining("occurred-from (" + T + ")");
    assertThat(TimeWindow.between(T, T, TimePrecision.UNKNOWN).isInstant()).isTrue();
  }

  @Test
  void anInstantWindowIsEmptyAndOnlyAnInstantWindowNeedsToBe() {
    assertThatThrownBy(() -> TimeWindow.between(T, T.plusNanos(1), TimePrecision.INSTANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("INSTANT window must have from");
    // The same instant written in another offset is still an instant.
    OffsetDateTime utc = T.withOffsetSameInstant(ZoneOffset.UTC);
    TimeWindow w = TimeWindow.between(T, utc, TimePrecision.INSTANT);
    assertThat(w.isInstant()).isTrue();
    assertThat(w.to().getOffset()).isEqualTo(ZoneOffset.UTC);
    assertThat(TimeWindow.instant(T).isInstant()).isTrue();
    assertThat(TimeWindow.day(LocalDate.of(2024, 3, 15), TimeWindow.HONDURAS).isInstant())
        .isFalse();
  }
}
