package org.atalaya.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.atalaya.geo.aggregate.Aggregation;
import org.atalaya.geo.aggregate.CellCounts;
import org.atalaya.geo.aggregate.GridCounts;
import org.atalaya.geo.io.Area;

/**
 * Incidents counted per cell for {@code atalaya hotspots --incidents} (the counting is
 * atalaya-geo's {@link CellCounts}), with what the output says about them: how many incidents were
 * read, left out and why, and what the cells are.
 */
final class IncidentCells {
  final CellCounts cells;
  final SpatialInput in;

  private IncidentCells(CellCounts cells, SpatialInput in) {
    this.cells = cells;
    this.in = in;
  }

  /**
   * Parses {@code grid:METRES}, {@code h3:RES} or {@code areas}.
   *
   * @throws IllegalArgumentException with the message for the user
   */
  static Aggregation parse(String text, Texts t) {
    try {
      return Aggregation.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(t.get("hotspots.badAggregate", text), e);
    }
  }

  /**
   * Counts the incidents on a grid or in H3 cells.
   *
   * @throws IllegalArgumentException if the grid would be too large (the message says what to do)
   */
  static IncidentCells of(Aggregation aggregation, SpatialInput in) {
    return new IncidentCells(CellCounts.count(aggregation, in.lat, in.lon), in);
  }

  /** Counts the incidents in the areas; a point on a shared border counts in the first area. */
  static IncidentCells of(Aggregation aggregation, SpatialInput in, List<Area> areas) {
    return new IncidentCells(CellCounts.count(aggregation, areas, in.lat, in.lon), in);
  }

  /** Incidents counted in some cell. */
  long aggregated() {
    return in.used() - cells.outside();
  }

  /** Whether incidents were left out for a reason other than the category asked for. */
  boolean lostAny() {
    return in.rejected > 0 || in.noPoint > 0 || cells.outside() > 0;
  }

  /** Prints where the incidents went and what the cells are. */
  void describe(PrintWriter o, String file, Texts t) {
    o.println(
        t.get(
            "hotspots.incidents",
            file,
            in.read,
            aggregated(),
            cells.size(),
            in.rejected,
            in.otherCategory,
            in.noPoint,
            cells.outside()));
    Aggregation a = cells.aggregation();
    switch (a.kind()) {
      case GRID -> {
        GridCounts grid = cells.grid().orElseThrow();
        o.println(
            t.get(
                "hotspots.gridCells",
                number(a.cellMetres()),
                cells.crs().name(),
                Integer.toString(cells.crs().epsg()),
                number(grid.originX()),
                number(grid.originY()),
                grid.columns(),
                grid.rows()));
      }
      case H3 -> o.println(t.get("hotspots.h3Cells", a.resolution()));
      default -> o.println(t.get("hotspots.areaCells", cells.size()));
    }
  }

  /** Adds {@code aggregate} and {@code incidents} objects to the JSON output. */
  void describe(ObjectNode n) {
    Aggregation agg = cells.aggregation();
    ObjectNode a = n.putObject("aggregate");
    a.put("kind", agg.kind().name().toLowerCase(Locale.ROOT));
    a.put("cells", cells.size());
    switch (agg.kind()) {
      case GRID -> {
        GridCounts grid = cells.grid().orElseThrow();
        a.put("cellMetres", agg.cellMetres());
        a.put("crs", "EPSG:" + cells.crs().epsg());
        a.put("originX", grid.originX());
        a.put("originY", grid.originY());
        a.put("columns", grid.columns());
        a.put("rows", grid.rows());
      }
      case H3 -> a.put("resolution", agg.resolution());
      default -> {}
    }
    ObjectNode c = n.putObject("incidents");
    c.put("read", in.read);
    c.put("rejected", in.rejected);
    c.put("otherCategory", in.otherCategory);
    c.put("withoutLocation", in.noPoint);
    c.put("outside", cells.outside());
    c.put("aggregated", aggregated());
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.3f", v);
  }
}
