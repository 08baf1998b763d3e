package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Differentially private counts by group: each person's contributions are first bounded (at most
 * {@code maxPerPerson} records, the earliest kept), so that one person changes the counts by at
 * most that much in total; then every group's count gets discrete Laplace noise with that
 * sensitivity, and the epsilon is spent from the ledger before any noise is drawn.
 *
 * <p>The groups must be declared in advance (all departments, all months): publishing only the
 * groups that happen to have data would reveal which are empty. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class NoisyCounts {
  private NoisyCounts() {}

  /**
   * Returns the records with at most {@code maxPerPerson} per person, in input order.
   *
   * @param <T> the record type
   * @param records the records; never null
   * @param person who a record is about (a pseudonym); never null
   * @param maxPerPerson at least 1
   * @return the bounded records
   */
  public static <T> List<T> boundContributions(
      List<T> records, Function<T, String> person, int maxPerPerson) {
    checkArgument(maxPerPerson >= 1, "maxPerPerson (%s) must be at least 1", maxPerPerson);
    Map<String, Integer> seen = new HashMap<>();
    List<T> out = new ArrayList<>();
    for (T r : records) {
      if (seen.merge(person.apply(r), 1, Integer::sum) <= maxPerPerson) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Returns noisy counts of the records by group.
   *
   * @param <T> the record type
   * @param records the records; never null
   * @param person who a record is about; never null
   * @param group the group of a record; never null
   * @param groups every group to publish, in order, including empty ones; a record in another group
   *     is not counted
   * @param maxPerPerson the contribution bound, at least 1
   * @param epsilon the epsilon to spend
   * @param ledger the ledger to spend it from; never null
   * @param mechanismFactory makes the mechanism for (epsilon, sensitivity); use {@code
   *     DiscreteLaplace::of} in production
   * @return integer counts by group, in the order of {@code groups}
   * @throws AnonymisationException ({@link AnonymiseCode#EPSILON_OVERSPENT}) if over budget
   */
  public static <T> Map<String, Long> count(
      List<T> records,
      Function<T, String> person,
      Function<T, String> group,
      List<String> groups,
      int maxPerPerson,
      double epsilon,
      EpsilonLedger ledger,
      BiFunction<Double, Integer, DiscreteLaplace> mechanismFactory) {
    Objects.requireNonNull(ledger, "ledger must not be null");
    DiscreteLaplace mechanism = mechanismFactory.apply(epsilon, maxPerPerson);
    ledger.spend("counts by group", epsilon);
    Map<String, Long> exact = new LinkedHashMap<>();
    groups.forEach(g -> exact.put(g, 0L));
    for (T r : boundContributions(records, person, maxPerPerson)) {
      exact.computeIfPresent(group.apply(r), (g, c) -> c + 1);
    }
    Map<String, Long> out = new LinkedHashMap<>();
    exact.forEach((g, c) -> out.put(g, mechanism.addNoise(c)));
    return out;
  }
}
