package org.atalaya.geo.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * Runs independent work items on a pool of the asked size; callers make results independent of the
 * order items run in. <b>Internal:</b> use outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code work} for items 0 to {@code items - 1}, on the calling thread when {@code threads}
   * is 1, otherwise on a new pool of that many threads, and waits for all of them.
   *
   * @param items how many items
   * @param threads how many threads, at least 1
   * @param work the work for one item
   */
  public static void forEach(int items, int threads, IntConsumer work) {
    if (threads == 1) {
      for (int k = 0; k < items; k++) {
        work.accept(k);
      }
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, items).parallel().forEach(work)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while permuting", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("permutation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
