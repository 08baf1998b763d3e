package org.atalaya.geo.aggregate;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.internal.Extent;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Incidents counted on square cells of a metric CRS: every cell of the points' extent, empty ones
 * included (a hot spot analysis needs the zeros). Cell (column, row) covers [originX + column x
 * cell, originX + (column + 1) x cell) by the same in y; a point on an inner cell edge counts in
 * the cell to its north-east. Cell index = row x columns + column, id {@code "column_row"}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GridCounts {
  private static final GeometryFactory GEOMETRIES = new GeometryFactory();

  private final double originX;
  private final double originY;
  private final double cell;
  private final int columns;
  private final int rows;
  private final int[] counts;

  private GridCounts(
      double originX, double originY, double cell, int columns, int rows, int[] counts) {
    this.originX = originX;
    this.originY = originY;
    this.cell = cell;
    this.columns = columns;
    this.rows = rows;
    this.counts = counts;
  }

  /**
   * Counts points per cell; the grid's lower-left corner is the points' minimum rounded down to a
   * multiple of {@code cellMetres}.
   *
   * @param x eastings in metres; never {@code null}
   * @param y northings in metres; never {@code null}
   * @param cellMetres the cell side, positive
   * @return the counts; never {@code null}
   * @throws IllegalArgumentException for no points, a non-finite coordinate (named by index), or
   *     more than 20 million cells
   */
  public static GridCounts count(double[] x, double[] y, double cellMetres) {
    Extent e = Extent.of(x, y);
    checkArgument(x.length > 0, "there are no points to count");
    checkArgument(
        cellMetres > 0 && Double.isFinite(cellMetres),
        "cell size (%s metres) must be positive",
        cellMetres);
    double x0 = e.minX();
    double y0 = e.minY();
    double x1 = e.maxX();
    double y1 = e.maxY();
    double ox = Math.floor(x0 / cellMetres) * cellMetres;
    double oy = Math.floor(y0 / cellMetres) * cellMetres;
    long columns = (long) Math.floor((x1 - ox) / cellMetres) + 1;
    long rows = (long) Math.floor((y1 - oy) / cellMetres) + 1;
    checkArgument(
        columns * rows <= 20_000_000L,
        "%s x %s cells are too many: use cells larger than %s metres",
        columns,
        rows,
        cellMetres);
    GridCounts g =
        new GridCounts(
            ox, oy, cellMetres, (int) columns, (int) rows, new int[(int) (columns * rows)]);
    for (int i = 0; i < x.length; i++) {
      g.counts[g.cellOf(x[i], y[i])]++;
    }
    return g;
  }

  /**
   * Returns the index of the cell holding a point of the grid's extent.
   *
   * @param x easting in metres
   * @param y northing in metres
   * @return the cell index, row x columns + column
   * @throws IllegalArgumentException if the point is outside the grid
   */
  public int cellOf(double x, double y) {
    long c = (long) Math.floor((x - originX) / cell);
    long r = (long) Math.floor((y - originY) / cell);
    // the maximum lands on the far edge of the last cell when it is a multiple of the cell size
    c = c == columns && x - originX <= columns * cell ? columns - 1 : c;
    r = r == rows && y - originY <= rows * cell ? rows - 1 : r;
    checkArgument(
        c >= 0 && c < columns && r >= 0 && r < rows, "point (%s, %s) is outside the grid", x, y);
    return (int) (r * columns + c);
  }

  /**
   * @return the number of columns
   */
  public int columns() {
    return columns;
  }

  /**
   * @return the number of rows
   */
  public int rows() {
    return rows;
  }

  /**
   * @return the number of cells, columns x rows
   */
  public int size() {
    return counts.length;
  }

  /**
   * @return the cell side in metres
   */
  public double cellMetres() {
    return cell;
  }

  /**
   * Returns the x of the grid's lower-left corner: the points' minimum x rounded down to a multiple
   * of the cell side, so grids of the same cell side over different points line up.
   *
   * @return metres
   * @since 0.1
   */
  public double originX() {
    return originX;
  }

  /**
   * Returns the y of the grid's lower-left corner, a multiple of the cell side.
   *
   * @return metres
   * @since 0.1
   */
  public double originY() {
    return originY;
  }

  /**
   * Returns the square of cell {@code index} in the target CRS of {@code transform}, typically
   * longitude/latitude for a transform from the grid's CRS to WGS 84. The four corners are
   * transformed exactly; the edges between them are straight in the target CRS (for cells of a few
   * kilometres or less they stay within millimetres of the grid lines). The exterior ring is
   * counterclockwise from the south-west corner, as RFC 7946 asks.
   *
   * @param index the cell index, row x columns + column
   * @param transform from the grid's CRS (the CRS of the counted points) to the output CRS; never
   *     {@code null}
   * @return a new polygon; never {@code null}
   * @throws IndexOutOfBoundsException if the index is not that of a cell
   * @since 0.1
   */
  public Polygon cellPolygon(int index, CrsTransform transform) {
    checkElementIndex(index, counts.length, "cell index");
    Objects.requireNonNull(transform, "transform must not be null");
    double x0 = originX + (index % columns) * cell;
    double y0 = originY + (index / columns) * cell;
    double[][] corners = {
      {x0, y0}, {x0 + cell, y0}, {x0 + cell, y0 + cell}, {x0, y0 + cell}, {x0, y0}
    };
    Coordinate[] ring = new Coordinate[corners.length];
    for (int k = 0; k < corners.length; k++) {
      double[] p = transform.transform(corners[k][0], corners[k][1]);
      ring[k] = new Coordinate(p[0], p[1]);
    }
    return GEOMETRIES.createPolygon(ring);
  }

  /**
   * Returns the count of cell {@code index} (row x columns + column).
   *
   * @param index the cell index
   * @return the number of points in it
   */
  public int count(int index) {
    checkElementIndex(index, counts.length, "cell index");
    return counts[index];
  }

  /**
   * Returns the counts as values for the statistics, in cell index order.
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
   * Returns the x of the centre of cell {@code index}.
   *
   * @param index the cell index
   * @return metres
   */
  public double centreX(int index) {
    return originX + (index % columns + 0.5) * cell;
  }

  /**
   * Returns the y of the centre of cell {@code index}.
   *
   * @param index the cell index
   * @return metres
   */
  public double centreY(int index) {
    return originY + (index / columns + 0.5) * cell;
  }

  /**
   * Returns the cell ids {@code "column_row"} in index order.
   *
   * @return a list view; never {@code null}
   */
  public List<String> ids() {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        checkElementIndex(index, counts.length, "cell index");
        return (index % columns) + "_" + (index / columns);
      }

      @Override
      public int size() {
        return counts.length;
      }
    };
  }

  /**
   * Returns the contiguity weights of the grid: rook (the 4 cells sharing an edge) or queen (the 8
   * sharing an edge or a corner), as spdep's {@code cell2nb}. Border cells have fewer neighbours; a
   * 1 x 1 grid has an island.
   *
   * @param queen true for queen, false for rook
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}
   * @return the weights in cell index order; never {@code null}
   */
  public SpatialWeights weights(boolean queen, Transform transform) {
    SpatialWeights.Builder b = SpatialWeights.builder(ids());
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        for (int dr = -1; dr <= 1; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            boolean self = dr == 0 && dc == 0;
            boolean diagonal = dr != 0 && dc != 0;
            int rr = r + dr;
            int cc = c + dc;
            if (self || (diagonal && !queen) || rr < 0 || rr >= rows || cc < 0 || cc >= columns) {
              continue;
            }
            b.link(r * columns + c, rr * columns + cc);
          }
        }
      }
    }
    return b.build(transform);
  }
}
