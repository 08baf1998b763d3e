package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.indicator.RelativeAssert.assertRelative;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gini, generalised Gini, Lorenz curve and PAI. R references computed with the formulas in R 4.2:
 * {@code g <- function(x) { x <- sort(x); N <- length(x); 2 * sum(seq_len(N) * x) / (N * sum(x)) -
 * (N + 1) / N }} and {@code gg <- function(x) max(1, length(x) / sum(x)) * (g(x) - 1) + 1}.
 */
class ConcentrationTest {

  @Test
  @DisplayName("Bernasco and Steenbeek: (10,8,2,0x7) gives G = G' = 0.78")
  void publishedManyIncidents() {
    Concentration c = Concentration.of(10, 8, 2, 0, 0, 0, 0, 0, 0, 0);
    // g(c(10,8,2,rep(0,7))) and gg(...): 0.7799999999999998
    assertRelative("G", c.gini(), 0.78);
    assertRelative("G'", c.generalisedGini(), 0.78);
  }

  @Test
  @DisplayName("Bernasco and Steenbeek: (5,2,1,0x7) gives G = 0.80 and G' = 0.75")
  void publishedFewIncidents() {
    Concentration c = Concentration.of(5, 2, 1, 0, 0, 0, 0, 0, 0, 0);
    // g(c(5,2,1,rep(0,7))) = 0.79999999999999982; gg(...) = 0.74999999999999978
    assertRelative("G", c.gini(), 0.8);
    assertRelative("G'", c.generalisedGini(), 0.75);
  }

  @Test
  @DisplayName("more vectors against the formulas in R")
  void moreVectors() {
    // g(c(1,1,1,1)) = 0
    assertThat(Concentration.of(1, 1, 1, 1).gini()).isCloseTo(0, Offset.offset(1e-15));
    // g(c(4,0,0,0)) = gg(...) = 0.75
    assertRelative("G one place", Concentration.of(4, 0, 0, 0).gini(), 0.75);
    // g(c(3,1,4,1,5,9,2,6,5,3,5)) = gg(...) = 0.30991735537190102
    Concentration pi = Concentration.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5);
    assertRelative("G pi", pi.gini(), 0.30991735537190102);
    assertRelative("G' pi", pi.generalisedGini(), 0.30991735537190102);
    // g(c(1,0,0,0,0,0,0,0,0,0,2,0)) = 0.86111111111111116; gg(...) = 0.44444444444444464
    Concentration sparse = Concentration.of(List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0));
    assertRelative("G sparse", sparse.gini(), 0.86111111111111116);
    assertRelative("G' sparse", sparse.generalisedGini(), 0.44444444444444464);
    assertThat(sparse.places()).isEqualTo(12);
    assertThat(sparse.incidents()).isEqualTo(3);
  }

  @Test
  @DisplayName("share in the top places interpolates within the last, partial place")
  void shareInTop() {
    Concentration c = Concentration.of(10, 8, 2, 0, 0, 0, 0, 0, 0, 0);
    assertThat(c.shareInTop(0.1)).isEqualTo(0.5);
    assertThat(c.shareInTop(0.2)).isEqualTo(0.9);
    assertThat(c.shareInTop(0.15)).isEqualTo(0.7);
    assertThat(c.shareInTop(0)).isZero();
    assertThat(c.shareInTop(1)).isEqualTo(1);
    assertThat(c.placeShareFor(0.5)).isEqualTo(0.1);
    assertThat(c.placeShareFor(0.7)).isEqualTo(0.15);
    assertThat(c.placeShareFor(1)).isEqualTo(0.3);
  }

  @Test
  @DisplayName("the Lorenz curve runs from (0,0) to (1,1) with places in increasing order of count")
  void lorenz() {
    assertThat(Concentration.of(4, 0, 0, 0).lorenzCurve())
        .containsExactly(
            new LorenzPoint(0, 0),
            new LorenzPoint(0.25, 0),
            new LorenzPoint(0.5, 0),
            new LorenzPoint(0.75, 0),
            new LorenzPoint(1, 1));
  }

  @Test
  @DisplayName(
      "property: G' <= G, both within [0, 1), and the Lorenz curve never rises above the diagonal")
  void properties() {
    qt().forAll(lists().of(integers().between(0, 50)).ofSizeBetween(1, 60))
        .assuming(xs -> xs.stream().mapToInt(Integer::intValue).sum() > 0)
        .checkAssert(
            xs -> {
              Concentration c = Concentration.of(xs);
              assertThat(c.gini()).isBetween(-1e-12, 1 - 1.0 / xs.size() + 1e-12);
              assertThat(c.generalisedGini()).isLessThanOrEqualTo(c.gini() + 1e-12);
              for (LorenzPoint p : c.lorenzCurve()) {
                assertThat(p.incidentShare()).isLessThanOrEqualTo(p.placeShare() + 1e-12);
              }
            });
  }

  @Test
  @DisplayName("places with no incident at all are refused: there is nothing to measure")
  void badInput() {
    assertThatThrownBy(() -> Concentration.of(0, 0))
        .hasMessage("the counts must not all be 0: with no incident there is no concentration");
    assertThatThrownBy(() -> Concentration.of(1, -2))
        .hasMessage("count (-2) of place 1 must not be negative");
    assertThatThrownBy(() -> Concentration.of(new long[0]))
        .hasMessage("counts must have at least one place");
  }

  @Test
  @DisplayName("PAI is the share of incidents captured over the share of area flagged")
  void pai() {
    assertThat(PredictiveAccuracyIndex.of(30, 100, 5, 100).value())
        .isCloseTo(6, Offset.offset(1e-12));
    PredictiveAccuracyIndex cells =
        PredictiveAccuracyIndex.ofCells(new long[] {10, 8, 2, 0, 0, 0, 0, 0, 0, 0}, Set.of(0, 1));
    assertThat(cells.hits()).isEqualTo(18);
    assertThat(cells.value()).isCloseTo(4.5, Offset.offset(1e-12));
    assertThatThrownBy(() -> PredictiveAccuracyIndex.of(5, 4, 1, 2))
        .hasMessage("hits (5) must be from 0 to incidents (4)");
    assertThatThrownBy(() -> PredictiveAccuracyIndex.ofCells(new long[] {1}, Set.of(3)))
        .hasMessage("hot cell (3) must be from 0 to 0");
  }

  @Test
  void sharesAskedForLieFromZeroToOneAndNoIncidentsNeedNoPlaces() {
    Concentration c = Concentration.of(10, 8, 2, 0, 0);
    assertThat(c.placeShareFor(0)).isZero();
    for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
      assertThatThrownBy(() -> c.placeShareFor(bad))
          .hasMessage("incidentShare (" + bad + ") must be from 0 to 1");
      assertThatThrownBy(() -> c.shareInTop(bad))
          .hasMessage("placeShare (" + bad + ") must be from 0 to 1");
    }
  }
}
