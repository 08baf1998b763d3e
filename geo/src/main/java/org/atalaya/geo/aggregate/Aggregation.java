package org.atalaya.geo.aggregate;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What incidents are counted in for {@link CellCounts}: squares of a UTM grid, H3 cells of one
 * resolution, or given areas. Written {@code grid:METRES}, {@code h3:RES} or {@code areas}, as
 * {@code atalaya hotspots --aggregate} takes it. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Aggregation {
  /** The kind of cell. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public enum Kind {
    /** Squares of a UTM grid over the points' extent, empty ones included. */
    GRID,
    /** H3 cells holding a point and the empty ring around them. */
    H3,
    /** The areas given, empty ones included. */
    AREAS
  }

  private static final Aggregation AREAS = new Aggregation(Kind.AREAS, Double.NaN, -1);

  private final Kind kind;
  private final double cellMetres;
  private final int resolution;

  private Aggregation(Kind kind, double cellMetres, int resolution) {
    this.kind = kind;
    this.cellMetres = cellMetres;
    this.resolution = resolution;
  }

  /**
   * Returns squares of {@code cellMetres} on a side, in the UTM zone of the points.
   *
   * @param cellMetres the side; positive and finite
   * @return the aggregation; never {@code null}
   * @throws IllegalArgumentException if the side is not positive and finite
   */
  public static Aggregation grid(double cellMetres) {
    checkArgument(
        cellMetres > 0 && Double.isFinite(cellMetres),
        "cellMetres (%s) must be positive and finite",
        cellMetres);
    return new Aggregation(Kind.GRID, cellMetres, -1);
  }

  /**
   * Returns H3 cells of one resolution.
   *
   * @param resolution 0 (coarsest) to 15 (finest)
   * @return the aggregation; never {@code null}
   * @throws IllegalArgumentException if the resolution is out of range
   */
  public static Aggregation h3(int resolution) {
    checkArgument(
        resolution >= 0 && resolution <= 15, "resolution (%s) must be from 0 to 15", resolution);
    return new Aggregation(Kind.H3, Double.NaN, resolution);
  }

  /**
   * Returns the areas given to {@link CellCounts#count(Aggregation, java.util.List, double[],
   * double[])}.
   *
   * @return the aggregation; never {@code null}
   */
  public static Aggregation areas() {
    return AREAS;
  }

  /**
   * Reads {@code grid:METRES}, {@code h3:RES} or {@code areas}, in any case.
   *
   * @param text the aggregation; never {@code null}
   * @return the aggregation; never {@code null}
   * @throws IllegalArgumentException if the text is none of these, or a number is out of range
   */
  public static Aggregation parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("areas")) {
        return AREAS;
      }
      if (s.startsWith("grid:")) {
        return grid(Double.parseDouble(s.substring(5)));
      }
      if (s.startsWith("h3:")) {
        return h3(Integer.parseInt(s.substring(3)));
      }
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new IllegalArgumentException(
          "aggregation (" + text + ") must be grid:METRES (positive), h3:RES (0-15) or areas", e);
    }
    throw new IllegalArgumentException(
        "aggregation (" + text + ") must be grid:METRES (positive), h3:RES (0-15) or areas");
  }

  /**
   * @return the kind of cell; never {@code null}
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @return the side of a grid square in metres; NaN unless the kind is {@link Kind#GRID}
   */
  public double cellMetres() {
    return cellMetres;
  }

  /**
   * @return the H3 resolution; -1 unless the kind is {@link Kind#H3}
   */
  public int resolution() {
    return resolution;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Aggregation a
        && kind == a.kind
        && Double.compare(cellMetres, a.cellMetres) == 0
        && resolution == a.resolution;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, cellMetres, resolution);
  }

  /**
   * @return the written form: {@code grid:500.0}, {@code h3:8} or {@code areas}
   */
  @Override
  public String toString() {
    return switch (kind) {
      case GRID -> "grid:" + cellMetres;
      case H3 -> "h3:" + resolution;
      case AREAS -> "areas";
    };
  }
}
