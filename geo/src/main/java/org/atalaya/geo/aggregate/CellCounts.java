package org.atalaya.geo.aggregate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apiguardian.api.API;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.weights.Contiguity;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Points counted per cell of one {@link Aggregation}, in one shape whatever the cell: ids, counts,
 * centres in metres of a UTM zone (for distance and k-nearest-neighbour weights), polygons in
 * longitude/latitude, contiguity weights, and how many points fell in no cell. The input of the hot
 * spot statistics for incidents.
 *
 * <ul>
 *   <li>{@link Aggregation.Kind#GRID}: every square of the points' extent, empty ones included (see
 *       {@link GridCounts}; a point on an inner edge counts in the square to its north-east), in
 *       the UTM zone of the points ({@link #utmZone(double[])}); no point is outside.
 *   <li>{@link Aggregation.Kind#H3}: the cells holding a point and the empty ring around them (see
 *       {@link H3Counts}); no point is outside; centres in the UTM zone of the points.
 *   <li>{@link Aggregation.Kind#AREAS}: every area, empty ones included (see {@link AreaCounts}; a
 *       point on a shared border counts once, in the first area); points in no area are {@link
 *       #outside()}; centres are area centroids in the UTM zone of the areas.
 * </ul>
 *
 * <p>So the counts plus {@link #outside()} always equal the number of points. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CellCounts {
  private final Aggregation aggregation;
  private final List<String> ids;
  private final int[] counts;
  private final double[] x;
  private final double[] y;
  private final Crs crs;
  private final long outside;
  private final GridCounts grid;
  private final H3Counts h3;
  private final List<Area> areas;
  private final CrsTransform toLonLat;

  private CellCounts(
      Aggregation aggregation,
      Crs pointCrs,
      GridCounts grid,
      H3Counts h3,
      List<Area> areas,
      AreaCounts areaCounts) {
    this.aggregation = aggregation;
    this.grid = grid;
    this.h3 = h3;
    this.areas = areas;
    this.toLonLat = CrsTransform.of(pointCrs, Crs.WGS84);
    switch (aggregation.kind()) {
      case GRID -> {
        crs = pointCrs;
        ids = List.copyOf(grid.ids());
        counts = new int[grid.size()];
        x = new double[grid.size()];
        y = new double[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
          counts[i] = grid.count(i);
          x[i] = grid.centreX(i);
          y[i] = grid.centreY(i);
        }
        outside = 0; // the grid covers the extent of the points
      }
      case H3 -> {
        crs = pointCrs;
        ids = h3.ids();
        counts = new int[h3.size()];
        for (int i = 0; i < h3.size(); i++) {
          counts[i] = h3.count(i);
        }
        double[][] m = centres(h3.size(), h3::cellPolygon, crs);
        x = m[0];
        y = m[1];
        outside = 0; // every point's cell is among the cells
      }
      default -> {
        double[] lon = new double[areas.size()];
        for (int i = 0; i < lon.length; i++) {
          lon[i] = areas.get(i).geometry().getCentroid().getX();
        }
        crs = utmZone(lon);
        ids = areaCounts.ids();
        double[] values = areaCounts.values();
        counts = new int[values.length];
        for (int i = 0; i < values.length; i++) {
          counts[i] = (int) values[i];
        }
        double[][] m = centres(areas.size(), i -> areas.get(i).geometry(), crs);
        x = m[0];
        y = m[1];
        outside = areaCounts.unmatched();
      }
    }
  }

  /**
   * Counts points on a grid or in H3 cells.
   *
   * @param aggregation a grid or H3 aggregation; never {@code null}
   * @param latitudes WGS 84 degrees, one per point; never {@code null}
   * @param longitudes WGS 84 degrees, one per point; never {@code null}
   * @return the counts; never {@code null}
   * @throws IllegalArgumentException if the aggregation is {@link Aggregation.Kind#AREAS} (use the
   *     overload with areas), the arrays differ in length, a coordinate is not finite or out of
   *     range, a grid has no point, or a grid would be too large (the message says to use larger
   *     squares)
   */
  public static CellCounts count(Aggregation aggregation, double[] latitudes, double[] longitudes) {
    Objects.requireNonNull(aggregation, "aggregation must not be null");
    checkArgument(
        aggregation.kind() != Aggregation.Kind.AREAS,
        "aggregation (areas) needs the areas: use count(aggregation, areas, ...)");
    checkPoints(latitudes, longitudes);
    Crs zone = utmZone(longitudes);
    if (aggregation.kind() == Aggregation.Kind.GRID) {
      double[][] xy = project(latitudes, longitudes, zone);
      return new CellCounts(
          aggregation,
          zone,
          GridCounts.count(xy[0], xy[1], aggregation.cellMetres()),
          null,
          null,
          null);
    }
    return new CellCounts(
        aggregation,
        zone,
        null,
        H3Counts.count(aggregation.resolution(), latitudes, longitudes),
        null,
        null);
  }

  /**
   * Counts points in areas; with a grid or H3 aggregation the areas are not used.
   *
   * @param aggregation the aggregation; never {@code null}
   * @param areas the areas, in the order of the cells; never {@code null}, no null element
   * @param latitudes WGS 84 degrees, one per point; never {@code null}
   * @param longitudes WGS 84 degrees, one per point; never {@code null}
   * @return the counts; never {@code null}
   * @throws IllegalArgumentException as {@link #count(Aggregation, double[], double[])} does
   */
  public static CellCounts count(
      Aggregation aggregation, List<Area> areas, double[] latitudes, double[] longitudes) {
    Objects.requireNonNull(aggregation, "aggregation must not be null");
    Objects.requireNonNull(areas, "areas must not be null");
    if (aggregation.kind() != Aggregation.Kind.AREAS) {
      return count(aggregation, latitudes, longitudes);
    }
    checkPoints(latitudes, longitudes);
    List<Area> copy = List.copyOf(areas);
    AreaCounts counts = AreaCounts.count(FenceIndex.of(copy), latitudes, longitudes);
    return new CellCounts(aggregation, utmZone(longitudes), null, null, copy, counts);
  }

  private static void checkPoints(double[] latitudes, double[] longitudes) {
    Objects.requireNonNull(latitudes, "latitudes must not be null");
    Objects.requireNonNull(longitudes, "longitudes must not be null");
    checkArgument(
        latitudes.length == longitudes.length,
        "latitudes (%s) and longitudes (%s) must have the same length",
        latitudes.length,
        longitudes.length);
    for (int i = 0; i < latitudes.length; i++) {
      checkArgument(
          latitudes[i] >= -90
              && latitudes[i] <= 90
              && longitudes[i] >= -180
              && longitudes[i] <= 180,
          "point %s: (%s, %s) is not a latitude and longitude in degrees",
          i,
          latitudes[i],
          longitudes[i]);
    }
  }

  /**
   * Returns the UTM zone these counts use for metres: 16N (90-84 W, most of Honduras) when the mean
   * longitude is west of 84 W, otherwise 17N (84-78 W). Only these two zones: the toolkit's data
   * lie in Central America.
   *
   * @param longitudes WGS 84 degrees; never {@code null}
   * @return {@link Crs#UTM_16N} or {@link Crs#UTM_17N}; never {@code null}
   */
  public static Crs utmZone(double[] longitudes) {
    double mean = 0;
    for (double v : longitudes) {
      mean += v / Math.max(1, longitudes.length);
    }
    return mean < -84 ? Crs.UTM_16N : Crs.UTM_17N;
  }

  /** Returns {x, y} in metres of {@code crs}. */
  private static double[][] project(double[] lat, double[] lon, Crs crs) {
    return CrsTransform.of(Crs.WGS84, crs).transform(lon, lat);
  }

  private static double[][] centres(int n, IntFunction<Geometry> polygon, Crs crs) {
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      Point c = polygon.apply(i).getCentroid();
      lat[i] = c.getY();
      lon[i] = c.getX();
    }
    return project(lat, lon, crs);
  }

  /**
   * @return the aggregation counted in; never {@code null}
   */
  public Aggregation aggregation() {
    return aggregation;
  }

  /**
   * @return the number of cells
   */
  public int size() {
    return counts.length;
  }

  /**
   * @return the cell ids in cell order (grid {@code "column_row"}, H3 addresses, area ids); never
   *     {@code null}, immutable
   */
  public List<String> ids() {
    return ids;
  }

  /**
   * Returns the points in a cell.
   *
   * @param index from 0 to {@link #size()}, exclusive
   * @return the count, not negative
   * @throws IndexOutOfBoundsException if the index is not that of a cell
   */
  public int count(int index) {
    checkElementIndex(index, counts.length, "cell index");
    return counts[index];
  }

  /**
   * Returns the counts as values for the statistics, in cell order.
   *
   * @return a new array; never {@code null}
   */
  public double[] values() {
    return Arrays.stream(counts).asDoubleStream().toArray();
  }

  /**
   * @return the points counted in some cell: the number of points minus {@link #outside()}
   */
  public long counted() {
    long n = 0;
    for (int c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * @return the points in no cell (only areas leave points out); not negative
   */
  public long outside() {
    return outside;
  }

  /**
   * @return the CRS of the centres, a UTM zone in metres; never {@code null}
   */
  public Crs crs() {
    return crs;
  }

  /**
   * Returns the x of the cells' centres (areas: centroids) in metres of {@link #crs()}.
   *
   * @return a new array, in cell order; never {@code null}
   */
  public double[] centresX() {
    return x.clone();
  }

  /**
   * Returns the y of the cells' centres (areas: centroids) in metres of {@link #crs()}.
   *
   * @return a new array, in cell order; never {@code null}
   */
  public double[] centresY() {
    return y.clone();
  }

  /**
   * Returns a cell's polygon in longitude/latitude (WGS 84 degrees).
   *
   * @param index from 0 to {@link #size()}, exclusive
   * @return the polygon; never {@code null}
   * @throws IndexOutOfBoundsException if the index is not that of a cell
   */
  public Geometry polygon(int index) {
    checkElementIndex(index, counts.length, "cell index");
    return switch (aggregation.kind()) {
      case GRID -> grid.cellPolygon(index, toLonLat);
      case H3 -> h3.cellPolygon(index);
      case AREAS -> areas.get(index).geometry();
    };
  }

  /**
   * Returns binary contiguity weights: queen or rook squares, H3 cells sharing an edge (the same
   * for queen and rook: hexagons that touch share an edge), or queen or rook areas.
   *
   * @param queen true for queen, false for rook
   * @param snap the snap tolerance for areas, in degrees (see {@link Contiguity}); not used for
   *     squares or H3 cells
   * @return the weights in cell order; never {@code null}
   */
  public SpatialWeights contiguity(boolean queen, double snap) {
    return switch (aggregation.kind()) {
      case GRID -> grid.weights(queen, Transform.BINARY);
      case H3 -> h3.weights(Transform.BINARY);
      case AREAS ->
          queen
              ? Contiguity.queen(areas, snap, Transform.BINARY)
              : Contiguity.rook(areas, snap, Transform.BINARY);
    };
  }

  /**
   * @return the grid, for a grid aggregation (origin, columns, rows); otherwise empty
   */
  public Optional<GridCounts> grid() {
    return Optional.ofNullable(grid);
  }

  /**
   * @return the H3 cells, for an H3 aggregation; otherwise empty
   */
  public Optional<H3Counts> h3() {
    return Optional.ofNullable(h3);
  }
}
