package org.atalaya.geo.density;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.crs.CrsTransform;

/**
 * A raster of densities (incidents per square kilometre) on square cells of a metric CRS. Cell
 * (column, row) covers [originX + column x cell, originX + (column + 1) x cell) by the same in y;
 * row 0 is the southernmost. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DensityGrid {
  private final double originX;
  private final double originY;
  private final double cell;
  private final int columns;
  private final int rows;
  private final double[] values;

  DensityGrid(double originX, double originY, double cell, int columns, int rows, double[] values) {
    this.originX = originX;
    this.originY = originY;
    this.cell = cell;
    this.columns = columns;
    this.rows = rows;
    this.values = values;
  }

  /**
   * @return the x of the grid's lower-left corner, metres
   */
  public double originX() {
    return originX;
  }

  /**
   * @return the y of the grid's lower-left corner, metres
   */
  public double originY() {
    return originY;
  }

  /**
   * @return the cell side, metres
   */
  public double cellMetres() {
    return cell;
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
   * Returns the density of one cell.
   *
   * @param column zero inclusive to {@link #columns()} exclusive
   * @param row zero (south) inclusive to {@link #rows()} exclusive
   * @return incidents per square kilometre at the cell centre
   */
  public double value(int column, int row) {
    checkElementIndex(column, columns, "column");
    checkElementIndex(row, rows, "row");
    return values[row * columns + column];
  }

  /**
   * Returns the largest density.
   *
   * @return the maximum, 0 for an empty grid
   */
  public double max() {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * Returns the density integrated over the grid: &Sigma; value x cell area, about the number of
   * incidents (less what the kernels put beyond the grid).
   *
   * @return the total
   */
  public double total() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s * cell * cell / 1e6;
  }

  /**
   * Writes the grid as an ESRI ASCII raster ({@code .asc}), north row first, as GIS tools read it.
   *
   * @param out where to write; never {@code null}, not closed
   * @throws IOException if writing fails
   */
  public void writeAsciiGrid(Writer out) throws IOException {
    out.write(
        String.format(
            Locale.ROOT,
            "ncols %d%nnrows %d%nxllcorner %s%nyllcorner %s%ncellsize %s%nNODATA_value -9999%n",
            columns,
            rows,
            originX,
            originY,
            cell));
    StringBuilder sb = new StringBuilder();
    for (int r = rows - 1; r >= 0; r--) {
      sb.setLength(0);
      for (int c = 0; c < columns; c++) {
        sb.append(c == 0 ? "" : " ").append((float) values[r * columns + c]);
      }
      out.write(sb.append('\n').toString());
    }
    out.flush();
  }

  /**
   * Writes the cells whose density exceeds {@code minimum} as an RFC 7946 GeoJSON FeatureCollection
   * of square polygons in longitude/latitude, each with properties {@code column}, {@code row} and
   * {@code density} (per square kilometre).
   *
   * @param toLonLat the transform from the grid's CRS to WGS 84; never {@code null}
   * @param minimum cells at or below it are left out (use 0 to skip empty cells)
   * @param out where to write; never {@code null}, not closed
   * @return the number of cells written
   * @throws IOException if writing fails
   */
  public int writeGeoJson(CrsTransform toLonLat, double minimum, Writer out) throws IOException {
    Objects.requireNonNull(toLonLat, "toLonLat must not be null");
    checkArgument(minimum >= 0, "minimum (%s) must not be negative", minimum);
    int written = 0;
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          double v = values[r * columns + c];
          if (v <= minimum) {
            continue;
          }
          g.writeStartObject();
          g.writeStringField("type", "Feature");
          g.writeObjectFieldStart("properties");
          g.writeNumberField("column", c);
          g.writeNumberField("row", r);
          g.writeNumberField("density", v);
          g.writeEndObject();
          g.writeObjectFieldStart("geometry");
          g.writeStringField("type", "Polygon");
          g.writeArrayFieldStart("coordinates");
          g.writeStartArray();
          // counterclockwise: SW, SE, NE, NW, SW (the right-hand rule of RFC 7946)
          double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
          for (double[] k : corners) {
            double[] ll =
                toLonLat.transform(originX + (c + k[0]) * cell, originY + (r + k[1]) * cell);
            g.writeStartArray();
            g.writeNumber(Math.round(ll[0] * 1e7) / 1e7);
            g.writeNumber(Math.round(ll[1] * 1e7) / 1e7);
            g.writeEndArray();
          }
          g.writeEndArray();
          g.writeEndArray();
          g.writeEndObject();
          g.writeEndObject();
          written++;
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
    return written;
  }
}
