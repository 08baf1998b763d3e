package org.atalaya.anonymise.internal;

import org.apiguardian.api.API;

/**
 * The equivalence classes of a release's output: for each class, its size and the index of its
 * first member. Internal: use outside Atalaya is not supported.
 *
 * @param sizes the size of each class, by class number; never {@code null}
 * @param firstMember the index of each class's first member; never {@code null}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Classes(int[] sizes, int[] firstMember) {
  /**
   * Returns the classes of records numbered by {@link ClassNumbers}.
   *
   * @param numbers each record's class number, classes numbered from 0 in order of first members
   * @return the classes; never {@code null}
   */
  public static Classes of(int[] numbers) {
    int count = 0;
    for (int c : numbers) {
      count = Math.max(count, c + 1);
    }
    int[] sizes = new int[count];
    int[] first = new int[count];
    for (int r = 0; r < numbers.length; r++) {
      if (sizes[numbers[r]]++ == 0) {
        first[numbers[r]] = r;
      }
    }
    return new Classes(sizes, first);
  }

  /**
   * Returns the size of the smallest class.
   *
   * @return the size; 0 when there is no class
   */
  public long smallest() {
    long min = Long.MAX_VALUE;
    for (int size : sizes) {
      min = Math.min(min, size);
    }
    return sizes.length == 0 ? 0 : min;
  }
}
