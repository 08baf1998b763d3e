package org.atalaya.geo.hotspot;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs independent work items on a pool of the asked size (results must not depend on order). */
final class Parallel {
  private Parallel() {}

  static void forEach(int items, int threads, IntConsumer work) {
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
