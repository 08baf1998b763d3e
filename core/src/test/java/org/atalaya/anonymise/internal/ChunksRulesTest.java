package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class ChunksRulesTest {

  @Test
  void recordsMakeAsManyChunksAsItTakesToHoldThemAll() {
    assertThat(Chunks.count(0)).isZero();
    assertThat(Chunks.count(1)).isEqualTo(1);
    assertThat(Chunks.count(Chunks.SIZE - 1)).isEqualTo(1);
    assertThat(Chunks.count(Chunks.SIZE)).isEqualTo(1);
    assertThat(Chunks.count(Chunks.SIZE + 1)).isEqualTo(2);
    assertThat(Chunks.count(3 * Chunks.SIZE)).isEqualTo(3);
  }

  @Test
  void everyChunkIsWorkedOnExactlyOnce() {
    for (int n : new int[] {0, 1, Chunks.SIZE - 1, Chunks.SIZE + 1, 3 * Chunks.SIZE}) {
      ConcurrentLinkedQueue<Integer> seen = new ConcurrentLinkedQueue<>();
      Chunks.forEach(n, seen::add);
      int expected = (int) Math.ceil(n / (double) Chunks.SIZE);
      assertThat(seen).hasSize(expected).doesNotHaveDuplicates();
      assertThat(seen).allMatch(c -> c >= 0 && c < expected);
    }
  }
}
