package org.atalaya.geo.weights;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.geo.io.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds contiguity weights from polygons the way spdep's {@code poly2nb} does: two areas are
 * compared through their boundary vertices, and a pair of vertices (one from each area) whose
 * distance is at most the snap tolerance counts as a shared point.
 *
 * <ul>
 *   <li><b>Queen</b>: neighbours when they share at least one point.
 *   <li><b>Rook</b>: neighbours when they share at least two points, which for areas digitised with
 *       common vertices means a shared edge of positive length (a single touching corner is not
 *       enough).
 * </ul>
 *
 * <p>Like {@code poly2nb}, only vertices are compared: an area whose vertex lies in the middle of a
 * neighbour's edge, with no vertex there, is not found. Ring closing points are not counted twice.
 * The snap tolerance is in the areas' coordinate units (degrees for WGS 84 areas; spdep's default
 * is {@code sqrt(.Machine$double.eps)}, about 1.5e-8, which {@link #DEFAULT_SNAP} copies). The
 * relation is symmetric. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Contiguity {
  /** spdep's default snap, {@code sqrt(.Machine$double.eps)}. */
  public static final double DEFAULT_SNAP = Math.sqrt(Math.ulp(1.0));

  private Contiguity() {}

  /**
   * Queen contiguity (at least one shared point).
   *
   * @param areas the areas, ids unique; never {@code null}
   * @param snap the snap tolerance, non-negative, in the areas' units
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}
   * @return the weights in the areas' order; never {@code null}
   */
  public static SpatialWeights queen(List<Area> areas, double snap, Transform transform) {
    return build(areas, snap, 1, transform);
  }

  /**
   * Rook contiguity (at least two shared points: a shared edge).
   *
   * @param areas the areas, ids unique; never {@code null}
   * @param snap the snap tolerance, non-negative, in the areas' units
   * @param transform {@link Transform#BINARY} or {@link Transform#ROW}
   * @return the weights in the areas' order; never {@code null}
   */
  public static SpatialWeights rook(List<Area> areas, double snap, Transform transform) {
    return build(areas, snap, 2, transform);
  }

  private static SpatialWeights build(
      List<Area> areas, double snap, int needed, Transform transform) {
    Objects.requireNonNull(areas, "areas must not be null");
    checkArgument(
        snap >= 0 && Double.isFinite(snap), "snap (%s) must be non-negative and finite", snap);
    List<String> ids = new ArrayList<>(areas.size());
    List<double[]> vertices = new ArrayList<>(); // {x, y, area}
    for (int a = 0; a < areas.size(); a++) {
      Area area = Objects.requireNonNull(areas.get(a), "area must not be null");
      ids.add(area.id());
      addVertices(area.geometry(), a, vertices);
    }
    // sweep along x: only vertices within snap in x can be within snap in distance
    double[][] v = vertices.toArray(new double[0][]);
    Arrays.sort(v, (p, q) -> Double.compare(p[0], q[0]));
    double snap2 = snap * snap;
    Map<Long, Integer> shared = new HashMap<>();
    long n = areas.size();
    for (int i = 0; i < v.length; i++) {
      for (int j = i + 1; j < v.length && v[j][0] - v[i][0] <= snap; j++) {
        int a = (int) v[i][2];
        int b = (int) v[j][2];
        if (a == b) {
          continue;
        }
        double dx = v[j][0] - v[i][0];
        double dy = v[j][1] - v[i][1];
        if (dx * dx + dy * dy <= snap2) {
          shared.merge(Math.min(a, b) * n + Math.max(a, b), 1, Integer::sum);
        }
      }
    }
    SpatialWeights.Builder builder = SpatialWeights.builder(ids);
    for (Map.Entry<Long, Integer> e : shared.entrySet()) {
      if (e.getValue() >= needed) {
        int a = (int) (e.getKey() / n);
        int b = (int) (e.getKey() % n);
        builder.link(a, b).link(b, a);
      }
    }
    return builder.build(transform);
  }

  private static void addVertices(Geometry g, int area, List<double[]> out) {
    for (int p = 0; p < g.getNumGeometries(); p++) {
      Polygon polygon = (Polygon) g.getGeometryN(p);
      addRing(polygon.getExteriorRing().getCoordinates(), area, out);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        addRing(polygon.getInteriorRingN(h).getCoordinates(), area, out);
      }
    }
  }

  private static void addRing(Coordinate[] ring, int area, List<double[]> out) {
    // the closing point repeats the first: count it once
    for (int i = 0; i < ring.length - 1; i++) {
      out.add(new double[] {ring[i].x, ring[i].y, area});
    }
  }
}
