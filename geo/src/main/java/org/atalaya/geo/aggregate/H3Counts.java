package org.atalaya.geo.aggregate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Incidents counted per H3 cell at one resolution, with the cells' k-ring 1 neighbours as spatial
 * weights, so that hot spots can run on hexagons.
 *
 * <p><b>Cells</b>: every cell holding at least one incident, plus the cells around them (their
 * k-ring 1) with count 0. The rim matters: without it a lone incident's cell would be an island and
 * the empty cells next to a cluster, which make it a hot spot, would be missing. Cells are in
 * ascending H3 index order; ids are the H3 addresses ({@code 8a1f...}).
 *
 * <p><b>Boundary</b>: each point is in exactly the one cell H3's {@code latLngToCell} gives; H3
 * assigns a point on a cell edge to one cell, so no point is counted twice. Incidents without a
 * point (either coordinate NaN) are counted in {@link #withoutPoint()}, never dropped silently.
 *
 * <p><b>Weights</b>: i and j are neighbours when they share an edge (k-ring 1, six per hexagon,
 * five per pentagon), restricted to the cells above; the relation is symmetric. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class H3Counts {
  private final int resolution;
  private final long[] cells;
  private final int[] counts;
  private final int[][] neighbours;
  private final long withoutPoint;
  private final List<String> ids;

  private H3Counts(
      int resolution,
      long[] cells,
      int[] counts,
      int[][] neighbours,
      long withoutPoint,
      List<String> ids) {
    this.resolution = resolution;
    this.cells = cells;
    this.counts = counts;
    this.neighbours = neighbours;
    this.withoutPoint = withoutPoint;
    this.ids = ids;
  }

  /**
   * Counts incidents per H3 cell.
   *
   * @param resolution the H3 resolution, 0 (coarsest) to 15 (finest); 8 has cells of about 0.7 km²
   * @param latitudes WGS 84 degrees, one per incident, NaN for an incident without a point; never
   *     {@code null}
   * @param longitudes WGS 84 degrees, NaN for an incident without a point; never {@code null}
   * @return the counts; never {@code null}
   * @throws IllegalArgumentException if the resolution is out of range, the arrays differ in
   *     length, or a coordinate is infinite or out of range (the message names the incident index)
   */
  public static H3Counts count(int resolution, double[] latitudes, double[] longitudes) {
    checkArgument(
        resolution >= 0 && resolution <= 15, "resolution (%s) must be from 0 to 15", resolution);
    Objects.requireNonNull(latitudes, "latitudes must not be null");
    Objects.requireNonNull(longitudes, "longitudes must not be null");
    checkArgument(
        latitudes.length == longitudes.length,
        "latitudes (%s) and longitudes (%s) must have the same length",
        latitudes.length,
        longitudes.length);
    H3Core h3 = Native.H3;
    long[] cellOf = new long[latitudes.length];
    int located = 0;
    long withoutPoint = 0;
    for (int i = 0; i < latitudes.length; i++) {
      double lat = latitudes[i];
      double lon = longitudes[i];
      if (Double.isNaN(lat) || Double.isNaN(lon)) {
        withoutPoint++;
        continue;
      }
      checkArgument(
          lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180,
          "incident %s: (%s, %s) is not a latitude and longitude in degrees",
          i,
          lat,
          lon);
      cellOf[located++] = h3.latLngToCell(lat, lon, resolution);
    }
    long[] occupied = Arrays.copyOf(cellOf, located);
    Arrays.sort(occupied);
    // the occupied cells and their rim, sorted and without repeats
    long[] all = new long[located * 7];
    int size = 0;
    for (int k = 0; k < located; k++) {
      if (k > 0 && occupied[k] == occupied[k - 1]) {
        continue;
      }
      for (Long c : h3.gridDisk(occupied[k], 1)) {
        all[size++] = c;
      }
    }
    long[] cells = distinct(all, size);
    int[] counts = new int[cells.length];
    for (int k = 0; k < located; k++) {
      counts[Arrays.binarySearch(cells, occupied[k])]++;
    }
    int[][] neighbours = new int[cells.length][];
    List<String> ids = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      ids.add(h3.h3ToString(cells[i]));
      int[] found = new int[6];
      int n = 0;
      for (Long c : h3.gridDisk(cells[i], 1)) {
        int j = Arrays.binarySearch(cells, c);
        if (c != cells[i] && j >= 0) {
          found[n++] = j;
        }
      }
      Arrays.sort(found, 0, n);
      neighbours[i] = Arrays.copyOf(found, n);
    }
    return new H3Counts(resolution, cells, counts, neighbours, withoutPoint, List.copyOf(ids));
  }

  private static long[] distinct(long[] a, int size) {
    Arrays.sort(a, 0, size);
    int m = 0;
    for (int k = 0; k < size; k++) {
      if (m == 0 || a[k] != a[m - 1]) {
        a[m++] = a[k];
      }
    }
    return Arrays.copyOf(a, m);
  }

  /** The H3 library, loaded on first use; H3Core is thread-safe and meant to be shared. */
  private static final class Native {
    static final H3Core H3 = load();
    static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private static H3Core load() {
      try {
        return H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the H3 native library", e);
      }
    }
  }

  /**
   * @return the H3 resolution
   */
  public int resolution() {
    return resolution;
  }

  /**
   * @return the number of cells, the rim included
   */
  public int size() {
    return cells.length;
  }

  /**
   * Returns the H3 index of a cell.
   *
   * @param index from 0 to {@link #size()}, exclusive
   * @return the H3 index
   */
  public long cell(int index) {
    checkElementIndex(index, cells.length, "cell index");
    return cells[index];
  }

  /**
   * Returns the number of incidents in a cell.
   *
   * @param index from 0 to {@link #size()}, exclusive
   * @return the count, 0 for a rim cell
   */
  public int count(int index) {
    checkElementIndex(index, cells.length, "cell index");
    return counts[index];
  }

  /**
   * Returns the boundary of a cell in longitude/latitude (WGS 84 degrees), as H3's {@code
   * cellToBoundary} gives it: six vertices for a hexagon, five for a pentagon, and more where a
   * cell edge crosses an icosahedron face. The exterior ring is counterclockwise, as RFC 7946 asks;
   * a cell crossing the antimeridian is not split.
   *
   * @param index from 0 to {@link #size()}, exclusive
   * @return a new polygon; never {@code null}
   * @throws IndexOutOfBoundsException if the index is not that of a cell
   * @since 0.1
   */
  public Polygon cellPolygon(int index) {
    checkElementIndex(index, cells.length, "cell index");
    List<LatLng> boundary = Native.H3.cellToBoundary(cells[index]);
    Coordinate[] ring = new Coordinate[boundary.size() + 1];
    for (int k = 0; k < boundary.size(); k++) {
      ring[k] = new Coordinate(boundary.get(k).lng, boundary.get(k).lat);
    }
    ring[boundary.size()] = ring[0].copy();
    return Native.GEOMETRIES.createPolygon(ring);
  }

  /**
   * @return the H3 addresses of the cells in index order; never {@code null}
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns the counts as values for the statistics, in cell order.
   *
   * @return a new array; never {@code null}
   */
  public double[] values() {
    double[] v = new double[counts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = counts[i];
    }
    return v;
  }

  /**
   * @return the number of incidents without a point (a NaN coordinate), not in any cell
   */
  public long withoutPoint() {
    return withoutPoint;
  }

  /**
   * Returns the k-ring 1 weights of the cells (cells sharing an edge).
   *
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}; never {@code null}
   * @return the weights in cell order; never {@code null}
   */
  public SpatialWeights weights(Transform transform) {
    Objects.requireNonNull(transform, "transform must not be null");
    SpatialWeights.Builder b = SpatialWeights.builder(ids);
    for (int i = 0; i < cells.length; i++) {
      for (int j : neighbours[i]) {
        b.link(i, j);
      }
    }
    return b.build(transform);
  }
}
