package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The privacy budget: epsilons add up, and a query that would overspend is refused whole. */
class EpsilonLedgerTest {

  @Test
  void spendingExactlyWhatRemainsIsAllowedAndNothingMoreIs() {
    EpsilonLedger whole = EpsilonLedger.of(1.0);
    whole.spend("the whole budget in one table", 1.0);
    assertThat(whole.spent()).isEqualTo(1.0);

    EpsilonLedger ledger = EpsilonLedger.of(0.75);
    ledger.spend("by municipality", 0.25);
    ledger.spend("by month", 0.5); // exactly the 0.5 that remains
    assertThat(ledger.spent()).isEqualTo(0.75);
    assertThatThrownBy(() -> ledger.spend("one more", 0.001))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("ATL-ANON-006");

    // The tolerance only absorbs rounding: one part in a million over the budget is refused.
    EpsilonLedger three = EpsilonLedger.of(3.0);
    assertThatThrownBy(() -> three.spend("slightly too much", 3.000003))
        .hasMessageContaining("ATL-ANON-006");
    three.spend("exactly three", 3.0);
    assertThat(three.spent()).isEqualTo(3.0);
  }

  @Test
  void aRefusedQuerySpendsNothingAndAnAffordableOneStillFits() {
    EpsilonLedger ledger = EpsilonLedger.of(1.0);
    ledger.spend("by department", 0.5);
    assertThatThrownBy(() -> ledger.spend("by municipality and month", 0.75))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.EPSILON_OVERSPENT));
    assertThat(ledger.spent()).isEqualTo(0.5);
    assertThat(ledger.entries()).containsExactly(new EpsilonLedger.Entry("by department", 0.5));
    ledger.spend("by month", 0.5);
    assertThat(ledger.spent()).isEqualTo(1.0);
  }

  @Test
  void theRefusalSaysWhatTheQueryNeedsAndHowMuchOfTheBudgetRemains() {
    EpsilonLedger ledger = EpsilonLedger.of(1.0);
    ledger.spend("by department", 0.25);
    assertThatThrownBy(() -> ledger.spend("by municipality", 0.875))
        .hasMessageContaining("ATL-ANON-006")
        .hasMessageContaining("by municipality needs 0.875 but only 0.75 of 1.0 remains");
  }

  @Test
  void aZeroBudgetRefusesEveryQuery() {
    EpsilonLedger ledger = EpsilonLedger.of(0);
    assertThat(ledger.budget()).isZero();
    assertThatThrownBy(() -> ledger.spend("anything", 1e-6)).hasMessageContaining("ATL-ANON-006");
    assertThat(ledger.spent()).isZero();
    assertThat(ledger.entries()).isEmpty();
  }

  @Test
  void theEntriesListEverySpendingInOrderAndAddUpToWhatWasSpent() {
    EpsilonLedger ledger = EpsilonLedger.of(2.0);
    assertThat(ledger.budget()).isEqualTo(2.0);
    ledger.spend("by department", 0.5);
    ledger.spend("by month", 0.25);
    List<EpsilonLedger.Entry> before = ledger.entries();
    ledger.spend("by age group", 1.0);
    assertThat(ledger.entries())
        .containsExactly(
            new EpsilonLedger.Entry("by department", 0.5),
            new EpsilonLedger.Entry("by month", 0.25),
            new EpsilonLedger.Entry("by age group", 1.0));
    assertThat(ledger.spent()).isEqualTo(1.75);
    // A copy: what a caller holds does not change, and cannot be changed.
    assertThat(before).hasSize(2);
    assertThatThrownBy(() -> before.add(new EpsilonLedger.Entry("forged", 0.1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void propertyWhatIsSpentNeverExceedsTheBudgetAndEqualsTheAcceptedQueries() {
    // Budgets and epsilons in sixteenths, so that sums are exact and the rule can be checked
    // without tolerance.
    qt().forAll(
            integers().between(0, 64), lists().of(integers().between(1, 40)).ofSizeBetween(0, 12))
        .checkAssert(
            (budget16, spends16) -> {
              EpsilonLedger ledger = EpsilonLedger.of(budget16 / 16.0);
              List<EpsilonLedger.Entry> accepted = new ArrayList<>();
              int spent16 = 0;
              for (int i = 0; i < spends16.size(); i++) {
                int e16 = spends16.get(i);
                EpsilonLedger.Entry entry = new EpsilonLedger.Entry("q" + i, e16 / 16.0);
                if (spent16 + e16 <= budget16) {
                  ledger.spend(entry.purpose(), entry.epsilon());
                  accepted.add(entry);
                  spent16 += e16;
                } else {
                  assertThatThrownBy(() -> ledger.spend(entry.purpose(), entry.epsilon()))
                      .hasMessageContaining("ATL-ANON-006");
                }
              }
              assertThat(ledger.spent()).isEqualTo(spent16 / 16.0);
              assertThat(ledger.entries()).isEqualTo(accepted);
            });
  }

  @Test
  void badBudgetsAndEpsilonsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> EpsilonLedger.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon budget (-1.0) must be a number, zero or more");
    assertThatThrownBy(() -> EpsilonLedger.of(Double.NaN))
        .hasMessage("epsilon budget (NaN) must be a number, zero or more");
    assertThatThrownBy(() -> EpsilonLedger.of(Double.POSITIVE_INFINITY))
        .hasMessage("epsilon budget (Infinity) must be a number, zero or more");
    EpsilonLedger ledger = EpsilonLedger.of(1);
    assertThatThrownBy(() -> ledger.spend("nothing", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epsilon (0.0) must be a positive number");
    assertThatThrownBy(() -> ledger.spend("a refund", -0.5))
        .hasMessage("epsilon (-0.5) must be a positive number");
    assertThatThrownBy(() -> ledger.spend("unknown", Double.NaN))
        .hasMessage("epsilon (NaN) must be a positive number");
    assertThatThrownBy(() -> ledger.spend(null, 0.1)).hasMessage("purpose must not be null");
    assertThat(ledger.spent()).isZero();
    assertThat(ledger.entries()).isEmpty();
  }
}
