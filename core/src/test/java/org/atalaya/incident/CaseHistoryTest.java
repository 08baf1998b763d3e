package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {
  static final LocalDate JAN = LocalDate.of(2024, 1, 3);
  static final LocalDate MAY = LocalDate.of(2024, 5, 10);

  @Test
  void aStepThatIsNotAnAllowedMoveIsRefusedWithItsPosition() {
    assertThatThrownBy(
            () ->
                CaseHistory.of(
                    CaseEvent.of(CaseStatus.REPORTED, JAN),
                    CaseEvent.of(CaseStatus.CHARGED, JAN),
                    CaseEvent.of(CaseStatus.ARCHIVED, MAY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from CHARGED to ARCHIVED (step 3)")
        .hasMessageContaining("CONVICTED");
    assertThatThrownBy(
            () -> CaseHistory.EMPTY.then(CaseStatus.CONVICTED, JAN).then(CaseStatus.REPORTED, MAY))
        .hasMessageContaining("from CONVICTED to REPORTED (step 2)");
  }

  @Test
  void aStepDatedBeforeTheOneItFollowsIsRefusedWithItsPosition() {
    assertThatThrownBy(
            () -> CaseHistory.EMPTY.then(CaseStatus.REPORTED, MAY).then(CaseStatus.CHARGED, JAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case step 2 (CHARGED@2024-01-03)")
        .hasMessageContaining("REPORTED@2024-05-10");
    assertThat(
            CaseHistory.EMPTY
                .then(CaseStatus.REPORTED, JAN)
                .then(CaseStatus.CHARGED, JAN)
                .current())
        .contains(CaseStatus.CHARGED);
  }

  @Test
  void onlyTheDocumentedMovesAreAllowed() {
    var forward =
        EnumSet.of(
            CaseStatus.REPORTED,
            CaseStatus.UNDER_INVESTIGATION,
            CaseStatus.SUSPECT_IDENTIFIED,
            CaseStatus.CHARGED);
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        boolean allowed =
            (forward.contains(from) && forward.contains(to) && to.ordinal() > from.ordinal())
                || (from == CaseStatus.CHARGED
                    && EnumSet.of(CaseStatus.CONVICTED, CaseStatus.ACQUITTED, CaseStatus.DISMISSED)
                        .contains(to))
                || (to == CaseStatus.ARCHIVED
                    && forward.contains(from)
                    && from != CaseStatus.CHARGED)
                || (from == CaseStatus.ARCHIVED && to == CaseStatus.UNDER_INVESTIGATION);
        assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
      }
    }
  }

  @Test
  void textStepsAreSeparatedBySingleSpacesAndRoundTrip() {
    CaseHistory h = CaseHistory.EMPTY.then(CaseStatus.REPORTED, JAN).then(CaseStatus.CHARGED, MAY);
    assertThat(h.toText()).isEqualTo("REPORTED@2024-01-03 CHARGED@2024-05-10");
    assertThat(CaseHistory.EMPTY.toText()).isEmpty();
    assertThat(CaseHistory.parse(" ;REPORTED@2024-01-03,\tCHARGED@2024-05-10\n")).isEqualTo(h);
  }

  @Test
  void aMalformedStepIsRefusedWithTheStepText() {
    for (String bad : new String[] {"REPORTED", "@2024-01-03", "REPORTED 2024@"}) {
      assertThatThrownBy(() -> CaseHistory.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("must look like CHARGED@2024-05-10");
    }
    assertThatThrownBy(() -> CaseHistory.parse("REPORTED@2024-01-03 SOLVED@2024-05-10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case status (SOLVED)");
    assertThatThrownBy(() -> CaseHistory.parse("REPORTED@2024-13-03"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("case step date (2024-13-03) must be yyyy-mm-dd");
  }
}
