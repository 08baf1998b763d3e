package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The privacy budget of a release: every differentially private query spends epsilon from it
 * (sequential composition: the epsilons add up), and a query that would overspend is refused before
 * any noise is drawn. Thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class EpsilonLedger {
  /** One spending: what for and how much. */
  public record Entry(String purpose, double epsilon) {}

  private final double budget;
  private final List<Entry> entries = new ArrayList<>();
  private double spent;

  private EpsilonLedger(double budget) {
    checkArgument(
        Double.isFinite(budget) && budget >= 0,
        "epsilon budget (%s) must be a number, zero or more",
        budget);
    this.budget = budget;
  }

  /**
   * Returns a ledger with {@code budget} to spend.
   *
   * @param budget the total epsilon, zero or more
   * @return the ledger
   */
  public static EpsilonLedger of(double budget) {
    return new EpsilonLedger(budget);
  }

  /**
   * Spends {@code epsilon} for {@code purpose}.
   *
   * @param purpose what the query is; never null
   * @param epsilon more than 0
   * @throws AnonymisationException ({@link AnonymiseCode#EPSILON_OVERSPENT}) if the budget would be
   *     exceeded; nothing is spent then
   */
  public synchronized void spend(String purpose, double epsilon) {
    Objects.requireNonNull(purpose, "purpose must not be null");
    checkArgument(
        Double.isFinite(epsilon) && epsilon > 0, "epsilon (%s) must be a positive number", epsilon);
    // A tiny tolerance so that ten spends of 0.1 fit a budget of 1.0 despite rounding.
    if (spent + epsilon > budget * (1 + 1e-9)) {
      throw new AnonymisationException(
          AnonymiseCode.EPSILON_OVERSPENT,
          purpose
              + " needs "
              + epsilon
              + " but only "
              + (budget - spent)
              + " of "
              + budget
              + " remains");
    }
    spent += epsilon;
    entries.add(new Entry(purpose, epsilon));
  }

  /**
   * Returns the epsilon spent so far.
   *
   * @return the sum of the spendings
   */
  public synchronized double spent() {
    return spent;
  }

  /**
   * Returns the budget.
   *
   * @return the total epsilon
   */
  public double budget() {
    return budget;
  }

  /**
   * Returns the spendings in order.
   *
   * @return an immutable copy
   */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }
}
