package org.atalaya.geo.fence;

import org.apiguardian.api.API;

/**
 * Figures describing a built {@link FenceIndex}: its grid, how many cells answer by lookup alone,
 * how long it took to build and roughly how much memory it holds. Immutable and thread-safe.
 *
 * @param fences the number of fences
 * @param vertices the total number of vertices of all fences
 * @param columns grid columns
 * @param rows grid rows
 * @param interiorCells cells touched by no fence boundary that lie inside at least one fence:
 *     lookups there are answered from the grid alone
 * @param boundaryCells cells crossed by at least one fence boundary: lookups there test the
 *     candidate fences exactly
 * @param entries (cell, fence) pairs stored in the grid
 * @param buildNanos wall-clock build time in nanoseconds
 * @param approximateBytes an estimate of the heap held by the index: grid arrays exactly, plus 16
 *     bytes per vertex for the coordinates and 64 bytes per edge for JTS's point-in-area indexes
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record FenceIndexStats(
    int fences,
    long vertices,
    int columns,
    int rows,
    long interiorCells,
    long boundaryCells,
    long entries,
    long buildNanos,
    long approximateBytes) {

  /**
   * Returns the number of grid cells.
   *
   * @return {@code columns * rows}
   */
  public long cells() {
    return (long) columns * rows;
  }
}
