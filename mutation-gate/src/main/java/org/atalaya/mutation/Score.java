package org.atalaya.mutation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The mutation score of a class, or of several classes together: detected mutants over the mutants
 * that count, where neither non-viable mutants nor reviewed equivalent ones count.
 *
 * @param name the class, or the rule's pattern for a group
 * @param counted viable mutants that are not reviewed equivalents
 * @param detected of those, the ones a test detected
 * @param equivalent reviewed equivalent mutants, left out of {@code counted}
 * @param undetected the counted mutants no test detected (survived or not covered)
 */
record Score(String name, int counted, int detected, int equivalent, List<Mutant> undetected) {

  Score {
    undetected = List.copyOf(undetected);
  }

  /**
   * The score in percent with one decimal, rounded down so a gate is never passed by rounding; 100
   * when nothing counts.
   */
  BigDecimal percent() {
    if (counted == 0) {
      return BigDecimal.valueOf(100);
    }
    return BigDecimal.valueOf(detected * 100L)
        .divide(BigDecimal.valueOf(counted), 1, RoundingMode.FLOOR);
  }

  boolean reaches(BigDecimal minimum) {
    // Exact comparison (detected / counted >= minimum / 100), not the rounded percentage.
    return BigDecimal.valueOf(detected * 100L)
            .compareTo(minimum.multiply(BigDecimal.valueOf(counted)))
        >= 0;
  }

  static Score sum(String name, List<Score> parts) {
    return new Score(
        name,
        parts.stream().mapToInt(Score::counted).sum(),
        parts.stream().mapToInt(Score::detected).sum(),
        parts.stream().mapToInt(Score::equivalent).sum(),
        parts.stream().flatMap(p -> p.undetected().stream()).toList());
  }
}
