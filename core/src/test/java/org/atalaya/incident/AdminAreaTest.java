package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAreaTest {
  static final Optional<String> BLANK = Optional.of(" ");
  static final Optional<String> NONE = Optional.empty();

  @Test
  void aPresentCodeThatIsBlankIsRefusedByItsName() {
    assertThatThrownBy(() -> new AdminArea(BLANK, NONE, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("department must not be blank");
    assertThatThrownBy(() -> new AdminArea(NONE, BLANK, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("municipality must not be blank");
    assertThatThrownBy(() -> new AdminArea(NONE, NONE, BLANK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("colonia must not be blank");
  }

  @Test
  void theLenientFactoryTakesNullOrBlankAsAbsentAndKeepsLeadingZeros() {
    assertThat(AdminArea.of(null, " ", "")).isEqualTo(AdminArea.NONE);
    assertThat(AdminArea.NONE.isEmpty()).isTrue();
    AdminArea a = AdminArea.of("08", "0801", null);
    assertThat(a.department()).contains("08");
    assertThat(a.municipality()).contains("0801");
    assertThat(a.isEmpty()).isFalse();
    assertThat(AdminArea.of(null, null, "Kennedy").isEmpty()).isFalse();
  }
}
