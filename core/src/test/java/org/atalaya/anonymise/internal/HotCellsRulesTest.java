package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.junit.jupiter.api.Test;

/** The hot-cell overlap of the privacy report, and how areas are named in its messages. */
class HotCellsRulesTest {

  @Test
  void aCellIdIsTheHundredthOfADegreeRowTimesAMillionPlusTheColumn() {
    // 14.105 N lies in row 1410; 87.203 W in column floor(-8720.3) = -8721.
    assertThat(HotCells.cell(14.105, -87.203)).isEqualTo(1410L * 1_000_000L - 8721L);
    // Points in one 0.01-degree square share their cell; a square to the north does not.
    assertThat(HotCells.cell(14.101, -87.209)).isEqualTo(HotCells.cell(14.109, -87.201));
    assertThat(HotCells.cell(14.111, -87.203))
        .isEqualTo(HotCells.cell(14.105, -87.203) + 1_000_000L);
  }

  @Test
  void nothingBeforeMeansNothingWasLost() {
    assertThat(HotCells.overlap(new long[0], new long[] {5, 5, 6})).isEqualTo(1.0);
  }

  @Test
  void hotSpotsThatAllMovedAwayOverlapNotAtAll() {
    // Before: cell 7 is the only hot spot of ten cells; after: cell 3 is.
    long[] before = {7, 7, 7, 1, 2, 3, 4, 5, 6, 8, 9, 10};
    long[] after = {3, 3, 3, 1, 2, 4, 5, 6, 7, 8, 9, 10};
    assertThat(HotCells.overlap(before, after)).isEqualTo(0.0);
  }

  @Test
  void theTopDecileIsRankedByCountAndHalfOfItSurvives() {
    // Twenty cells: the top decile is two cells. Before, cells 1 (five points) and 2 (four); after,
    // cells 1 (five) and 7 (four): one of the two hot spots is still one. Given shuffled, as the
    // ranking must not depend on the order of the points.
    long[] before = shuffled(counts(1, 5, 2, 4));
    long[] after = shuffled(counts(1, 5, 7, 4));
    assertThat(HotCells.overlap(before, after)).isEqualTo(0.5);
  }

  @Test
  void amongEqualCountsTheSmallerCellIdRanksFirst() {
    // Twenty cells of one point each: the top decile is cells 1 and 2, before as after.
    long[] before = shuffled(counts(1, 1, 2, 1));
    long[] after = shuffled(counts(1, 1, 2, 1));
    assertThat(HotCells.overlap(before, after)).isEqualTo(1.0);
    // After, cells 1 and 3 are the hot spots (two points each): cell 2 is lost.
    long[] later = shuffled(counts(1, 2, 3, 2));
    assertThat(HotCells.overlap(shuffled(counts(1, 1, 2, 1)), later)).isEqualTo(0.5);
  }

  @Test
  void anAreaIsNamedByDepartmentAndMunicipality() {
    assertThat(Areas.name(Optional.empty())).isEqualTo("unknown area");
    assertThat(Areas.name(Optional.of(Location.at(14.1, -87.2)))).isEqualTo("unknown area");
    assertThat(Areas.name(area("08", "0801"))).isEqualTo("08/0801");
    assertThat(Areas.name(area("08", null))).isEqualTo("08/?");
    assertThat(Areas.name(area(null, "0801"))).isEqualTo("?/0801");
    assertThat(Areas.name(area(null, null))).isEqualTo("unknown area");
  }

  private static Optional<Location> area(String department, String municipality) {
    return Optional.of(
        Location.builder()
            .point(LatLon.of(14.1, -87.2))
            .admin(AdminArea.of(department, municipality, "Centro"))
            .build());
  }

  /**
   * Cells 1 to 20 with one point each, but cell {@code a} with {@code na} and {@code b} with nb.
   */
  private static long[] counts(long a, int na, long b, int nb) {
    long[] out = new long[18 + na + nb];
    int i = 0;
    for (long c = 1; c <= 20; c++) {
      int times = c == a ? na : c == b ? nb : 1;
      for (int t = 0; t < times; t++) {
        out[i++] = c;
      }
    }
    return out;
  }

  /** A fixed interleaving: the points of a cell are never next to each other. */
  private static long[] shuffled(long[] ids) {
    long[] out = new long[ids.length];
    int stride = 7; // coprime with every length used here
    while (ids.length % stride == 0) {
      stride += 2;
    }
    for (int i = 0; i < ids.length; i++) {
      out[i] = ids[(int) ((long) i * stride % ids.length)];
    }
    return out;
  }
}
