package org.atalaya.geo.fence;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apiguardian.api.API;
import org.atalaya.geo.io.Area;
import org.locationtech.jts.algorithm.CGAlgorithmsDD;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immutable index of polygonal fences that answers "which fences cover this point", exactly and
 * fast.
 *
 * <p><b>Boundary policy: covers.</b> A fence contains a point when JTS {@code covers} would say so:
 * the point is in the fence's interior <em>or on its boundary</em> (an edge, a vertex, the edge of
 * a hole). A point on a border shared by two fences belongs to both; a point inside a hole belongs
 * to neither. Fences may overlap; every fence covering the point is returned, in ascending ordinal
 * (insertion) order.
 *
 * <p><b>How.</b> A uniform grid is laid over the fences' joint extent. Each cell records, per
 * fence, whether the cell lies wholly inside the fence (an interior cell, answered by lookup) or is
 * touched by its boundary (tested exactly with JTS {@link IndexedPointInAreaLocator}). Cells are
 * classified conservatively with a small margin, so the answer always equals brute-force {@code
 * covers}.
 *
 * <p><b>Thread-safety.</b> Immutable and thread-safe: build once, then query from any number of
 * threads concurrently. To reload fences, build a new index and swap the reference (for example an
 * {@code AtomicReference} or a {@code volatile} field); queries in flight finish on the old one.
 *
 * <p><b>Allocation.</b> Lookups that land in an interior or empty cell allocate nothing; in a
 * boundary cell, the exact JTS test allocates a few short-lived objects. Use {@link
 * #forEachContaining} or {@link #containing(double, double, int[])} on hot paths; {@link
 * #fencesContaining} returns a new list.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FenceIndex {

  private static final Logger LOG = LoggerFactory.getLogger(FenceIndex.class);

  /** The default target number of grid cells per vertex. */
  static final int CELLS_PER_VERTEX = 32;

  private final String[] ids;
  private final Geometry[] geometries;
  private final IndexedPointInAreaLocator[] locators;
  private final double minX;
  private final double minY;
  private final double maxX;
  private final double maxY;
  private final int columns;
  private final int rows;
  private final double invW;
  private final double invH;
  private final int[] cellStart;
  private final int[] entries;
  // For each entry of a boundary cell: the fence's edges that reach the cell (as x1 y1 x2 y2 in
  // edgeXY, from edgeFrom to edgeTo) and whether the cell's centre is inside the fence (1), outside
  // (0), or on its boundary (2: ask the locator). See coveredInCell.
  private final int[] edgeFrom;
  private final int[] edgeTo;
  private final byte[] centreState;
  private final double[] edgeXY;
  private final double cellW;
  private final double cellH;
  private final FenceIndexStats stats;

  private FenceIndex(List<String> idList, List<Geometry> geometryList, int targetCells) {
    long start = System.nanoTime();
    int n = idList.size();
    ids = idList.toArray(new String[0]);
    geometries = geometryList.toArray(new Geometry[0]);
    locators = new IndexedPointInAreaLocator[n];
    Envelope all = new Envelope();
    long vertices = 0;
    for (int f = 0; f < n; f++) {
      all.expandToInclude(geometries[f].getEnvelopeInternal());
      vertices += geometries[f].getNumPoints();
      locators[f] = new IndexedPointInAreaLocator(geometries[f]);
      // Build JTS's lazy index now, so that queries never race to build it.
      locators[f].locate(geometries[f].getCoordinate());
    }
    if (n == 0) {
      minX = minY = 1;
      maxX = maxY = 0; // empty extent: every lookup returns nothing
      columns = rows = 1;
      invW = invH = 1;
      cellStart = new int[2];
      entries = new int[0];
      edgeFrom = edgeTo = new int[0];
      centreState = new byte[0];
      edgeXY = new double[0];
      cellW = cellH = 1;
      stats = new FenceIndexStats(0, 0, 1, 1, 0, 0, 0, System.nanoTime() - start, 8);
      return;
    }
    minX = all.getMinX();
    minY = all.getMinY();
    maxX = all.getMaxX();
    maxY = all.getMaxY();
    double width = maxX - minX;
    double height = maxY - minY;
    long target =
        targetCells > 0
            ? targetCells
            : Math.max(4096, Math.min(1 << 22, CELLS_PER_VERTEX * vertices));
    double side = Math.sqrt(width * height / target);
    columns = (int) Math.max(1, Math.min(1 << 15, Math.ceil(width / side)));
    rows = (int) Math.max(1, Math.min(1 << 15, Math.ceil(height / side)));
    cellW = width / columns;
    cellH = height / rows;
    invW = 1 / cellW;
    invH = 1 / cellH;

    Rasteriser grid = new Rasteriser(cellW, cellH);
    for (int f = 0; f < n; f++) {
      grid.addFence(f);
    }
    int cells = columns * rows;
    cellStart = new int[cells + 1];
    for (int k = 0; k < grid.size; k++) {
      cellStart[grid.cell[k] + 1]++;
    }
    for (int c = 0; c < cells; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    entries = new int[grid.size];
    edgeFrom = new int[grid.size];
    edgeTo = new int[grid.size];
    centreState = new byte[grid.size];
    int[] fill = Arrays.copyOf(cellStart, cells);
    for (int k = 0; k < grid.size; k++) {
      int at = fill[grid.cell[k]]++;
      entries[at] = grid.value[k];
      edgeFrom[at] = grid.edgeFrom[k];
      edgeTo[at] = grid.edgeTo[k];
      centreState[at] = grid.state[k];
    }
    edgeXY = Arrays.copyOf(grid.xy, grid.xySize);
    long interiorCells = 0;
    long boundaryCells = 0;
    for (int c = 0; c < cells; c++) {
      boolean boundary = false;
      for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
        boundary |= (entries[k] & 1) != 0;
      }
      if (boundary) {
        boundaryCells++;
      } else if (cellStart[c + 1] > cellStart[c]) {
        interiorCells++;
      }
    }
    long bytes =
        4L * (cells + 1)
            + 13L * entries.length
            + 8L * edgeXY.length
            + 16 * vertices
            + 64 * vertices;
    stats =
        new FenceIndexStats(
            n,
            vertices,
            columns,
            rows,
            interiorCells,
            boundaryCells,
            entries.length,
            System.nanoTime() - start,
            bytes);
    LOG.debug("fence index built: {}", stats);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an index of the areas, their ordinals being their positions in {@code areas}.
   *
   * @param areas the areas, with distinct ids; never {@code null}
   * @return the index; never {@code null}
   * @throws IllegalArgumentException if two areas share an id
   */
  public static FenceIndex of(Iterable<Area> areas) {
    Objects.requireNonNull(areas, "areas must not be null");
    Builder b = builder();
    for (Area a : areas) {
      b.add(a);
    }
    return b.build();
  }

  /**
   * Calls {@code action} with the ordinal of every fence covering the point (interior or boundary),
   * in ascending order. Allocates nothing when the point falls in an interior or empty cell.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @param action receives each ordinal; never {@code null}
   * @throws IllegalArgumentException if a coordinate is out of range or not a number
   */
  public void forEachContaining(double latitude, double longitude, IntConsumer action) {
    check(latitude, longitude);
    if (longitude < minX || longitude > maxX || latitude < minY || latitude > maxY) {
      return;
    }
    int c = cell(latitude, longitude);
    for (int k = cellStart[c], end = cellStart[c + 1]; k < end; k++) {
      int v = entries[k];
      if ((v & 1) == 0 || coveredInCell(k, c, longitude, latitude)) {
        action.accept(v >>> 1);
      }
    }
  }

  /**
   * Writes the ordinals of the fences covering the point into {@code into}, in ascending order, and
   * returns how many there are. If there are more than {@code into.length}, only the first {@code
   * into.length} are written, and the return value tells the caller to retry with a larger array.
   * Allocates nothing when the point falls in an interior or empty cell.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @param into receives the ordinals; never {@code null}
   * @return the number of fences covering the point, zero if none
   * @throws IllegalArgumentException if a coordinate is out of range or not a number
   */
  public int containing(double latitude, double longitude, int[] into) {
    check(latitude, longitude);
    if (longitude < minX || longitude > maxX || latitude < minY || latitude > maxY) {
      return 0;
    }
    int c = cell(latitude, longitude);
    int count = 0;
    for (int k = cellStart[c], end = cellStart[c + 1]; k < end; k++) {
      int v = entries[k];
      if ((v & 1) == 0 || coveredInCell(k, c, longitude, latitude)) {
        if (count < into.length) {
          into[count] = v >>> 1;
        }
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the ids of the fences covering the point (interior or boundary: a point on a shared
   * border gets both fences), in ascending ordinal order.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @return a new immutable list; never {@code null} but potentially empty
   * @throws IllegalArgumentException if a coordinate is out of range or not a number
   */
  public List<String> fencesContaining(double latitude, double longitude) {
    ImmutableList.Builder<String> out = ImmutableList.builder();
    forEachContaining(latitude, longitude, f -> out.add(ids[f]));
    return out.build();
  }

  /**
   * Returns the fence nearest to the point within {@code maxMetres}: a covering fence (distance
   * zero, the lowest ordinal if several) if there is one, otherwise the fence whose boundary is
   * closest.
   *
   * <p><b>Accuracy.</b> The boundary point is chosen in a local equirectangular frame centred on
   * the query (longitude scaled by the cosine of the latitude), then its distance is measured
   * geodesically (Vincenty, WGS 84). The result is therefore a true geodesic distance to a point of
   * the boundary, at most a little more than the exact minimum (the difference grows with the
   * square of the distance and is negligible at the scale of a city); fences are not wrapped across
   * the antimeridian. This scans the candidate fences' edges: it is meant for occasional queries,
   * not for the hot path.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @param maxMetres the search radius in metres, greater than 0 and at most 1,000,000
   * @return the nearest fence, or empty if none lies within {@code maxMetres}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public Optional<FenceDistance> nearest(double latitude, double longitude, double maxMetres) {
    List<FenceDistance> near = withinDistance(latitude, longitude, maxMetres);
    return near.isEmpty() ? Optional.empty() : Optional.of(near.get(0));
  }

  /**
   * Returns every fence within {@code metres} of the point: the covering fences (distance zero) and
   * those whose boundary is at most {@code metres} away, nearest first (ties by ordinal). The
   * distance and its accuracy are as for {@link #nearest}.
   *
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @param metres the radius in metres, greater than 0 and at most 1,000,000
   * @return a new immutable list; never {@code null} but potentially empty
   * @throws IllegalArgumentException if an argument is out of range
   */
  public List<FenceDistance> withinDistance(double latitude, double longitude, double metres) {
    check(latitude, longitude);
    if (!(metres > 0 && metres <= 1_000_000)) {
      throw new IllegalArgumentException(
          "metres (" + metres + ") must be greater than 0 and at most 1000000");
    }
    boolean[] covering = new boolean[ids.length];
    forEachContaining(latitude, longitude, f -> covering[f] = true);
    List<FenceDistance> out = new ArrayList<>();
    for (int f = 0; f < ids.length; f++) {
      if (covering[f]) {
        out.add(new FenceDistance(f, ids[f], 0));
      } else if (Proximity.envelopeWithin(
          geometries[f].getEnvelopeInternal(), latitude, longitude, metres)) {
        double d = Proximity.boundaryDistance(geometries[f], latitude, longitude);
        if (d <= metres) {
          out.add(new FenceDistance(f, ids[f], d));
        }
      }
    }
    out.sort(
        Comparator.comparingDouble(FenceDistance::metres).thenComparingInt(FenceDistance::ordinal));
    return ImmutableList.copyOf(out);
  }

  /**
   * Returns the number of fences.
   *
   * @return the number of fences, zero or more
   */
  public int size() {
    return ids.length;
  }

  /**
   * Returns a fence's id.
   *
   * @param ordinal zero, inclusive, to {@link #size()}, exclusive
   * @return the id; never {@code null}
   * @throws IndexOutOfBoundsException if the ordinal is out of range
   */
  public String id(int ordinal) {
    return ids[Objects.checkIndex(ordinal, ids.length)];
  }

  /**
   * Returns a fence's geometry (x = longitude, y = latitude); do not modify it.
   *
   * @param ordinal zero, inclusive, to {@link #size()}, exclusive
   * @return the geometry; never {@code null}
   * @throws IndexOutOfBoundsException if the ordinal is out of range
   */
  public Geometry geometry(int ordinal) {
    return geometries[Objects.checkIndex(ordinal, geometries.length)];
  }

  /**
   * Returns the grid's figures, build time and approximate memory.
   *
   * @return the figures; never {@code null}
   */
  public FenceIndexStats stats() {
    return stats;
  }

  @Override
  public String toString() {
    return "FenceIndex[" + stats + "]";
  }

  private static void check(double latitude, double longitude) {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException("latitude (" + latitude + ") must be in [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("longitude (" + longitude + ") must be in [-180, 180]");
    }
  }

  /**
   * Whether the fence of boundary entry {@code k} covers the point (x, y) of cell {@code c}. The
   * cell's centre has a known status; walking from the point to the centre, the status flips at
   * each proper crossing of the fence's boundary, and only the fence's edges that reach the cell
   * can be crossed (the walk stays in the cell, which is convex). A point on an edge is covered.
   * Any touching that is not a proper crossing (the walk through a vertex, along an edge) is left
   * to JTS's locator, so the answer is exact; orientation tests are JTS's robust ones.
   */
  private boolean coveredInCell(int k, int c, double x, double y) {
    int state = centreState[k];
    if (state == 2) {
      return locators[entries[k] >>> 1].locate(new Coordinate(x, y)) != Location.EXTERIOR;
    }
    double cx = centreX(c % columns);
    double cy = centreY(c / columns);
    int crossings = 0;
    for (int e = edgeFrom[k] * 4, end = edgeTo[k] * 4; e < end; e += 4) {
      double ax = edgeXY[e];
      double ay = edgeXY[e + 1];
      double bx = edgeXY[e + 2];
      double by = edgeXY[e + 3];
      int o1 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, x, y);
      if (o1 == 0 && within(x, y, ax, ay, bx, by)) {
        return true; // on the boundary: covered
      }
      int o2 = CGAlgorithmsDD.orientationIndex(ax, ay, bx, by, cx, cy);
      if (o1 * o2 > 0) {
        continue; // point and centre on the same side of the edge's line
      }
      int o3 = CGAlgorithmsDD.orientationIndex(x, y, cx, cy, ax, ay);
      int o4 = CGAlgorithmsDD.orientationIndex(x, y, cx, cy, bx, by);
      if (o1 * o2 < 0 && o3 * o4 < 0) {
        crossings++;
      } else if (o3 * o4 <= 0 && (o1 != 0 || o2 != 0 || overlaps(x, y, cx, cy, ax, ay, bx, by))) {
        // The walk touches the edge without crossing it properly: let the locator decide.
        return locators[entries[k] >>> 1].locate(new Coordinate(x, y)) != Location.EXTERIOR;
      }
    }
    return ((state + crossings) & 1) == 1;
  }

  private static boolean within(double x, double y, double ax, double ay, double bx, double by) {
    return x >= Math.min(ax, bx)
        && x <= Math.max(ax, bx)
        && y >= Math.min(ay, by)
        && y <= Math.max(ay, by);
  }

  // Collinear segments PQ and AB: do their bounding boxes meet?
  private static boolean overlaps(
      double px, double py, double qx, double qy, double ax, double ay, double bx, double by) {
    return Math.max(px, qx) >= Math.min(ax, bx)
        && Math.max(ax, bx) >= Math.min(px, qx)
        && Math.max(py, qy) >= Math.min(ay, by)
        && Math.max(ay, by) >= Math.min(py, qy);
  }

  private double centreX(int col) {
    return minX + (col + 0.5) * cellW;
  }

  private double centreY(int row) {
    return minY + (row + 0.5) * cellH;
  }

  private int cell(double latitude, double longitude) {
    int col = Math.min(columns - 1, (int) ((longitude - minX) * invW));
    int row = Math.min(rows - 1, (int) ((latitude - minY) * invH));
    return row * columns + col;
  }

  /** Rasterises fences into (cell, value) pairs; used only while building. */
  private final class Rasteriser {
    final double cellW;
    final double cellH;
    final double epsX;
    final double epsY;
    int[] cell = new int[1024];
    int[] value = new int[1024];
    int[] edgeFrom = new int[1024];
    int[] edgeTo = new int[1024];
    byte[] state = new byte[1024];
    int size;
    double[] xy = new double[4096];
    int xySize;
    // the current fence's segments, and which window cell each one reaches
    double[] seg = new double[1024];
    int segCount;
    int[] hitCell = new int[1024];
    int[] hitSeg = new int[1024];
    int hits;
    // the current fence's window of cells
    int c0;
    int c1;
    int r0;
    int r1;
    int w;
    boolean[] boundary;

    Rasteriser(double cellW, double cellH) {
      this.cellW = cellW;
      this.cellH = cellH;
      // A margin far above floating-point rounding and far below a cell: a cell is "boundary"
      // when the boundary passes within this margin of it.
      this.epsX = Math.max(cellW * 1e-6, 1e-12);
      this.epsY = Math.max(cellH * 1e-6, 1e-12);
    }

    int col(double x) {
      return Math.max(0, Math.min(columns - 1, (int) Math.floor((x - minX) / cellW)));
    }

    int row(double y) {
      return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cellH)));
    }

    void addFence(int f) {
      Geometry g = geometries[f];
      Envelope e = g.getEnvelopeInternal();
      c0 = col(e.getMinX() - 2 * epsX);
      c1 = col(e.getMaxX() + 2 * epsX);
      r0 = row(e.getMinY() - 2 * epsY);
      r1 = row(e.getMaxY() + 2 * epsY);
      w = c1 - c0 + 1;
      boundary = new boolean[w * (r1 - r0 + 1)];
      segCount = 0;
      hits = 0;
      for (int p = 0; p < g.getNumGeometries(); p++) {
        Polygon polygon = (Polygon) g.getGeometryN(p);
        ring(polygon.getExteriorRing().getCoordinateSequence());
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          ring(polygon.getInteriorRingN(h).getCoordinateSequence());
        }
      }
      // Group the (window cell, segment) hits by cell: a counting sort.
      int[] start = new int[boundary.length + 1];
      for (int h = 0; h < hits; h++) {
        start[hitCell[h] + 1]++;
      }
      for (int i = 0; i < boundary.length; i++) {
        start[i + 1] += start[i];
      }
      int[] bySeg = new int[hits];
      int[] put = Arrays.copyOf(start, boundary.length);
      for (int h = 0; h < hits; h++) {
        bySeg[put[hitCell[h]]++] = hitSeg[h];
      }
      Coordinate centre = new Coordinate();
      for (int r = r0; r <= r1; r++) {
        int state = -1; // unknown; 0 outside, 1 inside
        for (int c = c0; c <= c1; c++) {
          int wc = (r - r0) * w + (c - c0);
          if (boundary[wc]) {
            int from = xySize / 4;
            for (int i = start[wc]; i < start[wc + 1]; i++) {
              int sIdx = bySeg[i] * 4;
              pushEdge(seg[sIdx], seg[sIdx + 1], seg[sIdx + 2], seg[sIdx + 3]);
            }
            centre.x = centreX(c);
            centre.y = centreY(r);
            int where = locators[f].locate(centre);
            byte centreIs =
                (byte) (where == Location.INTERIOR ? 1 : where == Location.EXTERIOR ? 0 : 2);
            add(r * columns + c, (f << 1) | 1, from, xySize / 4, centreIs);
            state = -1;
            continue;
          }
          if (state < 0) {
            centre.x = centreX(c);
            centre.y = centreY(r);
            state = locators[f].locate(centre) == Location.EXTERIOR ? 0 : 1;
          }
          if (state == 1) {
            add(r * columns + c, f << 1, 0, 0, (byte) 1);
          }
        }
      }
    }

    void ring(CoordinateSequence seq) {
      for (int i = 0; i + 1 < seq.size(); i++) {
        if (segCount * 4 + 4 > seg.length) {
          seg = Arrays.copyOf(seg, seg.length * 2);
        }
        int at = segCount * 4;
        seg[at] = seq.getX(i);
        seg[at + 1] = seq.getY(i);
        seg[at + 2] = seq.getX(i + 1);
        seg[at + 3] = seq.getY(i + 1);
        segment(seq.getX(i), seq.getY(i), seq.getX(i + 1), seq.getY(i + 1));
        segCount++;
      }
    }

    void pushEdge(double ax, double ay, double bx, double by) {
      if (xySize + 4 > xy.length) {
        xy = Arrays.copyOf(xy, xy.length * 2);
      }
      xy[xySize++] = ax;
      xy[xySize++] = ay;
      xy[xySize++] = bx;
      xy[xySize++] = by;
    }

    void hit(int windowCell) {
      if (hits == hitCell.length) {
        hitCell = Arrays.copyOf(hitCell, hits * 2);
        hitSeg = Arrays.copyOf(hitSeg, hits * 2);
      }
      hitCell[hits] = windowCell;
      hitSeg[hits] = segCount;
      hits++;
    }

    void segment(double x1, double y1, double x2, double y2) {
      int ca = Math.max(c0, col(Math.min(x1, x2) - epsX));
      int cb = Math.min(c1, col(Math.max(x1, x2) + epsX));
      for (int c = ca; c <= cb; c++) {
        double ylo;
        double yhi;
        if (ca == cb || x1 == x2) {
          ylo = Math.min(y1, y2);
          yhi = Math.max(y1, y2);
        } else {
          // The part of the segment over this column (widened by the margin).
          double lo = Math.max(Math.min(x1, x2), minX + c * cellW - epsX);
          double hi = Math.min(Math.max(x1, x2), minX + (c + 1) * cellW + epsX);
          double slope = (y2 - y1) / (x2 - x1);
          double ya = y1 + (lo - x1) * slope;
          double yb = y1 + (hi - x1) * slope;
          ylo = Math.max(Math.min(ya, yb), Math.min(y1, y2));
          yhi = Math.min(Math.max(ya, yb), Math.max(y1, y2));
          double slack = Math.abs(slope) * epsX;
          ylo -= slack;
          yhi += slack;
        }
        int ra = Math.max(r0, row(ylo - epsY));
        int rb = Math.min(r1, row(yhi + epsY));
        for (int r = ra; r <= rb; r++) {
          boundary[(r - r0) * w + (c - c0)] = true;
          hit((r - r0) * w + (c - c0));
        }
      }
    }

    void add(int c, int v, int from, int to, byte centreIs) {
      if (size == cell.length) {
        cell = Arrays.copyOf(cell, size * 2);
        value = Arrays.copyOf(value, size * 2);
        edgeFrom = Arrays.copyOf(edgeFrom, size * 2);
        edgeTo = Arrays.copyOf(edgeTo, size * 2);
        state = Arrays.copyOf(state, size * 2);
      }
      cell[size] = c;
      value[size] = v;
      edgeFrom[size] = from;
      edgeTo[size] = to;
      state[size] = centreIs;
      size++;
    }
  }

  /**
   * Collects fences for a {@link FenceIndex}. Not thread-safe; the index it builds is.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private final List<String> ids = new ArrayList<>();
    private final List<Geometry> geometries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int targetCells;

    private Builder() {}

    /**
     * Adds a fence; its ordinal is the number of fences added before it.
     *
     * @param id the fence's id, unique in this index; never {@code null}
     * @param geometry a valid, non-empty Polygon or MultiPolygon in longitude/latitude; never
     *     {@code null}
     * @return this builder
     * @throws IllegalArgumentException if the id is already used or the geometry is not a valid,
     *     non-empty Polygon or MultiPolygon
     */
    public Builder add(String id, Geometry geometry) {
      Objects.requireNonNull(id, "id must not be null");
      Objects.requireNonNull(geometry, "geometry must not be null");
      checkArgument(seen.add(id), "id (%s) must be unique in the index", id);
      checkArgument(
          geometry instanceof Polygonal && !geometry.isEmpty(),
          "geometry of fence %s (%s) must be a non-empty Polygon or MultiPolygon",
          id,
          geometry.getGeometryType());
      checkArgument(
          geometry.isValid(),
          "geometry of fence %s must be valid: repair it with AreaReader or GeometryFixer",
          id);
      ids.add(id);
      geometries.add(geometry);
      return this;
    }

    /**
     * Adds an area as a fence, with the area's id.
     *
     * @param area the area; never {@code null}
     * @return this builder
     * @throws IllegalArgumentException if the id is already used
     */
    public Builder add(Area area) {
      Objects.requireNonNull(area, "area must not be null");
      checkArgument(seen.add(area.id()), "id (%s) must be unique in the index", area.id());
      ids.add(area.id());
      geometries.add(area.geometry());
      return this;
    }

    /**
     * Sets roughly how many grid cells to use; more cells mean more lookups answered without an
     * exact test, and more memory (4 bytes per cell plus 4 per stored pair).
     *
     * @param cells the target, 1 to 16,777,216, or 0 for the default (32 per vertex, at least 4,096
     *     and at most 4,194,304)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder targetCells(int cells) {
      checkArgument(cells >= 0 && cells <= 1 << 24, "cells (%s) must be in [0, 16777216]", cells);
      this.targetCells = cells;
      return this;
    }

    /**
     * Builds the index.
     *
     * @return the index; never {@code null}
     */
    public FenceIndex build() {
      return new FenceIndex(ids, geometries, targetCells);
    }
  }
}
