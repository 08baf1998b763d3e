package org.atalaya.geo.nearrepeat;

import java.util.Arrays;
import org.apiguardian.api.API;
import org.atalaya.geo.hotspot.Permutations;

/**
 * The Knox test of space-time interaction: X = the number of pairs of incidents close in space
 * (distance &lt; {@code closeMetres}) and close in time (days apart &lt; {@code closeDays}), tested
 * against the permutation null in which times are shuffled among incidents. It is the one-cell
 * near-repeat table [0, closeMetres) x [0, closeDays) of {@link NearRepeat}. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class KnoxTest {
  private KnoxTest() {}

  /**
   * The test's results.
   *
   * @param observed X, the pairs close in space and time
   * @param closeInSpace pairs with distance &lt; closeMetres
   * @param closeInTime pairs with days apart &lt; closeDays
   * @param pairs all pairs, n (n - 1) / 2
   * @param expectedAnalytic closeInSpace x closeInTime / pairs, Knox's expectation
   * @param expected the mean of X over the permutations (NaN without permutations)
   * @param ratio observed / expected (the Knox ratio; NaN when undefined)
   * @param pSim (#{simulated X &gt;= observed} + 1) / (N + 1), one-sided; NaN without permutations
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public record Result(
      long observed,
      long closeInSpace,
      long closeInTime,
      long pairs,
      double expectedAnalytic,
      double expected,
      double ratio,
      double pSim) {}

  /**
   * Runs the test.
   *
   * @param x eastings in metres; never {@code null}
   * @param y northings in metres; never {@code null}
   * @param days times in days; never {@code null}
   * @param closeMetres the spatial closeness limit, positive (excluded)
   * @param closeDays the temporal closeness limit, positive (excluded)
   * @param permutations the Monte Carlo settings; never {@code null}
   * @return the results; never {@code null}
   */
  public static Result test(
      double[] x,
      double[] y,
      double[] days,
      double closeMetres,
      double closeDays,
      Permutations permutations) {
    NearRepeatTable t =
        NearRepeat.builder()
            .distanceBands(0, closeMetres)
            .timeBands(0, closeDays)
            .permutations(permutations)
            .build()
            .run(x, y, days);
    NearRepeatCell cell = t.cells().get(0);
    long n = days.length;
    long pairs = n * (n - 1) / 2;
    long closeInTime = pairsCloserThan(days, closeDays);
    double analytic = pairs == 0 ? Double.NaN : (double) t.pairs() * closeInTime / pairs;
    return new Result(
        cell.observed(),
        t.pairs(),
        closeInTime,
        pairs,
        analytic,
        cell.expected(),
        cell.knoxRatio(),
        cell.pSim());
  }

  /** Counts pairs less than {@code limit} apart, with sorted times and a sliding window. */
  private static long pairsCloserThan(double[] days, double limit) {
    double[] t = days.clone();
    Arrays.sort(t);
    long count = 0;
    int lo = 0;
    for (int hi = 0; hi < t.length; hi++) {
      while (t[hi] - t[lo] >= limit) {
        lo++;
      }
      count += hi - lo;
    }
    return count;
  }
}
