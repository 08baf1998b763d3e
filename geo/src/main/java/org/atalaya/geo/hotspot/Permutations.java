package org.atalaya.geo.hotspot;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * How many random permutations to draw, from which seed, on how many threads.
 *
 * <p><b>Determinism.</b> Each unit of work (an area for conditional permutations, a permutation for
 * global ones) draws from its own {@link SplittableRandom} whose seed is derived from the seed and
 * the unit's index ({@link #stream(long, long)}), so results are identical whatever the number of
 * threads and the order the work is done in.
 *
 * <p><b>Pseudo p-value.</b> With N permutations, {@code ge} simulated statistics at least as large
 * as the observed one and {@code le} at most as large, the folded pseudo p-value is {@code (min(ge,
 * le) + 1) / (N + 1)}: the chance, under the permutation null, of a result at least as extreme in
 * the observed direction. It lies in (0, 1]; without ties it equals PySAL's {@code p_sim}, and when
 * every simulation ties the observed value (no neighbours to permute) it is 1. Only counts are
 * kept, never the simulated values, so memory does not grow with N.
 *
 * @param count the number of permutations, 0 for none (then no pseudo p-value is given)
 * @param seed the seed
 * @param threads how many threads to use, at least 1
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Permutations(int count, long seed, int threads) {

  /** Validates the settings. */
  public Permutations {
    checkArgument(count >= 0, "permutations (%s) must not be negative", count);
    checkArgument(threads >= 1, "threads (%s) must be at least 1", threads);
  }

  /**
   * Returns {@code count} permutations from {@code seed}, on every available processor.
   *
   * @param count the number of permutations, for example 999
   * @param seed the seed
   * @return the settings; never {@code null}
   */
  public static Permutations of(int count, long seed) {
    return new Permutations(count, seed, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Returns no permutations: only analytical z-values are computed.
   *
   * @return the settings; never {@code null}
   */
  public static Permutations none() {
    return new Permutations(0, 0, 1);
  }

  /**
   * Returns the same permutations on the given number of threads (results do not change).
   *
   * @param threads at least 1
   * @return the settings; never {@code null}
   */
  public Permutations withThreads(int threads) {
    return new Permutations(count, seed, threads);
  }

  /**
   * Returns the random stream of work unit {@code index}: a {@link SplittableRandom} seeded with a
   * SplitMix64 hash of the seed and the index, so neighbouring indices get unrelated streams.
   *
   * @param seed the run's seed
   * @param index the area or permutation index
   * @return a new generator; never {@code null}
   */
  public static SplittableRandom stream(long seed, long index) {
    return new SplittableRandom(streamSeed(seed, index));
  }

  /** The increment of {@link SplittableRandom}'s state (its golden-ratio gamma). */
  static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** Returns the seed of {@link #stream}: a SplitMix64 hash of the seed and the index. */
  static long streamSeed(long seed, long index) {
    return mix(seed + GOLDEN_GAMMA * (index + 1));
  }

  /**
   * Returns the folded pseudo p-value {@code (min(ge, le) + 1) / (count + 1)}.
   *
   * @param ge simulations at least as large as the observed statistic
   * @param le simulations at most as large
   * @param count the number of simulations
   * @return the p-value, in (0, 1]
   */
  public static double foldedP(long ge, long le, long count) {
    return (Math.min(ge, le) + 1.0) / (count + 1.0);
  }

  /**
   * SplitMix64's finaliser (Stafford's variant 13), the one {@link SplittableRandom} applies to
   * each word.
   */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
