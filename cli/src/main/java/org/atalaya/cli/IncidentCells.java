package org.atalaya.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.atalaya.geo.aggregate.AreaCounts;
import org.atalaya.geo.aggregate.GridCounts;
import org.atalaya.geo.aggregate.H3Counts;
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
 * Incidents counted per cell for {@code atalaya hotspots --incidents}: squares of a UTM grid
 * (every square of the incidents' extent, empty ones included), H3 cells (those with incidents and
 * the empty ring around them) or the areas of a GeoJSON file (all of them, empty ones included).
 * Keeps what the output needs: ids, counts, positions in metres, polygons in longitude/latitude,
 * neighbours, and how many incidents were left out and why.
 */
final class IncidentCells {
  /** What the incidents are counted in. */
  enum Kind {
    GRID,
    H3,
    AREAS
  }

  /** The parsed {@code --aggregate} option. */
  record Spec(Kind kind, double metres, int resolution) {
    /**
     * Parses {@code grid:METRES}, {@code h3:RES} or {@code areas}.
     *
     * @throws IllegalArgumentException with the message for the user
     */
    static Spec parse(String text, Texts t) {
      String s = text.strip().toLowerCase(Locale.ROOT);
      try {
        if (s.equals("areas")) {
          return new Spec(Kind.AREAS, Double.NaN, -1);
        }
        if (s.startsWith("grid:")) {
          double metres = Double.parseDouble(s.substring(5));
          if (metres > 0 && Double.isFinite(metres)) {
            return new Spec(Kind.GRID, metres, -1);
          }
        } else if (s.startsWith("h3:")) {
          int resolution = Integer.parseInt(s.substring(3));
          if (resolution >= 0 && resolution <= 15) {
            return new Spec(Kind.H3, Double.NaN, resolution);
          }
        }
      } catch (NumberFormatException e) {
        // the same message as any other malformed value, below
      }
      throw new IllegalArgumentException(t.get("hotspots.badAggregate", text));
    }
  }

  final Spec spec;
  final SpatialInput in;
  final List<String> ids;
  final double[] counts;
  /** Cell centres (area centroids) in metres of {@link #crs}, for distance and kNN weights. */
  final double[] x;
  final double[] y;
  final Crs crs;
  final long outside;
  private final GridCounts grid;
  private final H3Counts h3;
  private final List<Area> areas;
  private final CrsTransform toLonLat;

  private IncidentCells(Spec spec, SpatialInput in, GridCounts grid, H3Counts h3, List<Area> areas, AreaCounts areaCounts) {
    this.spec = spec;
    this.in = in;
    this.grid = grid;
    this.h3 = h3;
    this.areas = areas;
    switch (spec.kind()) {
      case GRID -> {
        crs = in.crs;
        ids = List.copyOf(grid.ids());
        counts = grid.values();
        x = new double[grid.size()];
        y = new double[grid.size()];
        for (int i = 0; i < grid.size(); i++) {
          x[i] = grid.centreX(i);
          y[i] = grid.centreY(i);
        }
        outside = 0; // the grid covers the extent of the incidents
      }
      case H3 -> {
        ids = h3.ids();
        counts = h3.values();
        double[][] xy = centroids(h3.size(), i -> h3.cellPolygon(i));
        crs = in.crs;
        double[][] m = SpatialInput.project(xy[0], xy[1], crs);
        x = m[0];
        y = m[1];
        outside = 0; // every incident's cell is among the cells
      }
      default -> {
        ids = areaCounts.ids();
        counts = areaCounts.values();
        double[][] xy = centroids(areas.size(), i -> areas.get(i).geometry());
        crs = SpatialInput.zoneFor(xy[1]);
        double[][] m = SpatialInput.project(xy[0], xy[1], crs);
        x = m[0];
        y = m[1];
        outside = areaCounts.unmatched();
      }
    }
    toLonLat = CrsTransform.of(in.crs, Crs.WGS84);
  }

  /** Returns {latitudes, longitudes} of the centroids. */
  private static double[][] centroids(int n, java.util.function.IntFunction<Geometry> polygon) {
    double[][] latLon = new double[2][n];
    for (int i = 0; i < n; i++) {
      Point c = polygon.apply(i).getCentroid();
      latLon[0][i] = c.getY();
      latLon[1][i] = c.getX();
    }
    return latLon;
  }

  /**
   * Counts the incidents on a grid or in H3 cells.
   *
   * @throws IllegalArgumentException if the grid would be too large (the message says what to do)
   */
  static IncidentCells of(Spec spec, SpatialInput in) {
    return spec.kind() == Kind.GRID
        ? new IncidentCells(spec, in, GridCounts.count(in.x, in.y, spec.metres()), null, null, null)
        : new IncidentCells(spec, in, null, H3Counts.count(spec.resolution(), in.lat, in.lon), null, null);
  }

  /** Counts the incidents in the areas; a point on a shared border counts in the first area. */
  static IncidentCells of(Spec spec, SpatialInput in, List<Area> areas) {
    AreaCounts counts = AreaCounts.count(FenceIndex.of(areas), in.lat, in.lon);
    return new IncidentCells(spec, in, null, null, List.copyOf(areas), counts);
  }

  /** Incidents counted in some cell. */
  long aggregated() {
    return in.used() - outside;
  }

  /** Whether incidents were left out for a reason other than the category asked for. */
  boolean lostAny() {
    return in.rejected > 0 || in.noPoint > 0 || outside > 0;
  }

  int size() {
    return ids.size();
  }

  /** The cell's polygon in longitude/latitude. */
  Geometry polygon(int i) {
    return switch (spec.kind()) {
      case GRID -> grid.cellPolygon(i, toLonLat);
      case H3 -> h3.cellPolygon(i);
      default -> areas.get(i).geometry();
    };
  }

  /**
   * Returns binary contiguity weights: queen or rook squares, H3 cells sharing an edge (the same
   * for queen and rook: hexagons that touch share an edge), or queen or rook areas.
   */
  SpatialWeights contiguity(boolean queen, double snap) {
    return switch (spec.kind()) {
      case GRID -> grid.weights(queen, Transform.BINARY);
      case H3 -> h3.weights(Transform.BINARY);
      default -> queen ? Contiguity.queen(areas, snap, Transform.BINARY) : Contiguity.rook(areas, snap, Transform.BINARY);
    };
  }

  /** Prints where the incidents went and what the cells are. */
  void describe(java.io.PrintWriter o, String file, Texts t) {
    o.println(t.get("hotspots.incidents", file, in.read, aggregated(), size(), in.rejected, in.otherCategory, in.noPoint, outside));
    switch (spec.kind()) {
      case GRID -> o.println(t.get("hotspots.gridCells", number(spec.metres()), crs.name(), Integer.toString(crs.epsg()),
          number(grid.originX()), number(grid.originY()), grid.columns(), grid.rows()));
      case H3 -> o.println(t.get("hotspots.h3Cells", spec.resolution()));
      default -> o.println(t.get("hotspots.areaCells", size()));
    }
  }

  /** Adds {@code aggregate} and {@code incidents} objects to the JSON output. */
  void describe(ObjectNode n) {
    ObjectNode a = n.putObject("aggregate");
    a.put("kind", spec.kind().name().toLowerCase(Locale.ROOT));
    a.put("cells", size());
    switch (spec.kind()) {
      case GRID -> {
        a.put("cellMetres", spec.metres());
        a.put("crs", "EPSG:" + crs.epsg());
        a.put("originX", grid.originX());
        a.put("originY", grid.originY());
        a.put("columns", grid.columns());
        a.put("rows", grid.rows());
      }
      case H3 -> a.put("resolution", spec.resolution());
      default -> { }
    }
    ObjectNode c = n.putObject("incidents");
    c.put("read", in.read);
    c.put("rejected", in.rejected);
    c.put("otherCategory", in.otherCategory);
    c.put("withoutLocation", in.noPoint);
    c.put("outside", outside);
    c.put("aggregated", aggregated());
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
