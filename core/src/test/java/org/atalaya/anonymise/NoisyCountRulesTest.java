package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoisyCountRulesTest {

  @Test
  void aNoisyCountsIntervalIsValidatedAsDocumented() {
    assertThatThrownBy(() -> new NoisyCount(3, -1, 5, 0.95, 0.96))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new NoisyCount(3, 6, 5, 0.95, 0.96))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above upper");
    assertThatThrownBy(() -> new NoisyCount(3, 1, 5, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoisyCount(3, 1, 5, 0.95, 0.94))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coverage");
    assertThatThrownBy(() -> new NoisyCount(3, 1, 5, 0.95, 1.0001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coverage");
    // A zero lower limit, equal limits, coverage from exactly the confidence to exactly 1 are fine.
    assertThat(new NoisyCount(0, 0, 0, 0.95, 0.95).contains(0)).isTrue();
    assertThat(new NoisyCount(3, 1, 5, 0.95, 1.0).coverage()).isEqualTo(1.0);
    // The tolerance: a coverage computed as 1 - (1 - confidence) may fall a hair below it.
    double c = 0.95;
    assertThat(new NoisyCount(3, 1, 5, c, c - 1e-12).confidence()).isEqualTo(c);
  }

  @Test
  void aContributionBoundBelowOneIsRefused() {
    assertThatThrownBy(() -> NoisyCounts.boundContributions(List.of("a"), s -> s, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxPerPerson");
  }

  @Test
  void eachGroupsCountIsItsBoundedExactCountPlusTheMechanismsNoise() {
    // person, group: p1 twice in 05 (bound 1 keeps one), p2 in 05, p3 in 08, p4 in an unlisted
    // group.
    List<String[]> rows =
        List.of(
            new String[] {"p1", "05"},
            new String[] {"p1", "05"},
            new String[] {"p2", "05"},
            new String[] {"p3", "08"},
            new String[] {"p4", "99"});
    Map<String, Long> exact = new LinkedHashMap<>();
    exact.put("05", 2L);
    exact.put("08", 1L);
    exact.put("01", 0L);
    DiscreteLaplace same = DiscreteLaplace.forTesting(0.5, 1, new SplittableRandom(11));
    Map<String, Long> expected = new LinkedHashMap<>();
    exact.forEach((g, n) -> expected.put(g, same.addNoise(n)));
    Map<String, Long> noisy =
        NoisyCounts.count(
            rows,
            r -> r[0],
            r -> r[1],
            List.of("05", "08", "01"),
            1,
            0.5,
            EpsilonLedger.of(1),
            (e, s) -> DiscreteLaplace.forTesting(e, s, new SplittableRandom(11)));
    assertThat(noisy).containsExactlyEntriesOf(expected);
  }
}
