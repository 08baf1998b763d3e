package org.atalaya.geo.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.atalaya.anonymise.RecordEditor;
import org.atalaya.anonymise.RecordStep;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.SpatialGuarantee;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;

/**
 * Location generalisation at a fixed level: the centre of a metric grid cell, the centre of an H3
 * cell, the nearest anchor point that covers enough places (the data.police.uk method), or only the
 * administrative area a point falls in. Every step removes the colonia and the address, which are
 * finer than the generalised point. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LocationGeneralisation {
  private LocationGeneralisation() {}

  /**
   * An anchor point and how many places (addresses, buildings) it stands for.
   *
   * @param point where the anchor is; never {@code null}
   * @param places how many places snap to it, zero or more
   */
  public record Anchor(LatLon point, int places) {
    /**
     * Validates the anchor.
     *
     * @throws IllegalArgumentException if places is negative
     */
    public Anchor {
      Objects.requireNonNull(point, "point must not be null");
      checkArgument(places >= 0, "anchor places (%s) must be zero or more", places);
    }
  }

  /**
   * Returns the step that moves each point to the centre of its square cell of {@code metres} (UTM
   * 16N).
   *
   * @param metres the cell side, at least 10
   * @return the step
   */
  public static RecordStep grid(double metres) {
    return cellStep("grid", Cells.grid(metres, metres, Crs.UTM_16N));
  }

  /**
   * Returns the step that moves each point to the centre of its H3 cell.
   *
   * @param resolution 0 to 15
   * @return the step
   */
  public static RecordStep h3(int resolution) {
    return cellStep("h3", Cells.h3(resolution, resolution));
  }

  private static RecordStep cellStep(String name, Cells cells) {
    return point(
        name,
        p -> cells.centre(cells.cell(p, 0), 0),
        cells.radiusMetres(0),
        LocationPrecision.AREA,
        "points replaced by the centre of their "
            + name
            + " cell (within "
            + Math.round(cells.radiusMetres(0))
            + " m of it)");
  }

  /**
   * Returns the step that snaps each point to the nearest anchor covering at least {@code
   * minPlaces} places; anchors that cover fewer are ignored, so no released point stands for a
   * single house. Nearest is geodesic; with n anchors the search is O(n) per point, meant for a few
   * thousand anchors.
   *
   * @param anchors the anchors; never null, at least one covering minPlaces
   * @param minPlaces the fewest places an anchor must cover, at least 1
   * @return the step
   */
  public static RecordStep snapToAnchors(List<Anchor> anchors, int minPlaces) {
    checkArgument(minPlaces >= 1, "minPlaces (%s) must be at least 1", minPlaces);
    List<LatLon> usable = new ArrayList<>();
    for (Anchor a : anchors) {
      if (a.places() >= minPlaces) {
        usable.add(a.point());
      }
    }
    checkArgument(!usable.isEmpty(), "no anchor covers at least %s places", minPlaces);
    LatLon[] pts = usable.toArray(new LatLon[0]);
    return point(
        "snap-to-anchors",
        p -> nearest(pts, p),
        0,
        LocationPrecision.SNAPPED,
        "points replaced by the nearest of "
            + pts.length
            + " anchors with at least "
            + minPlaces
            + " places each");
  }

  private static LatLon nearest(LatLon[] anchors, LatLon p) {
    LatLon best = anchors[0];
    double bestD = Double.MAX_VALUE;
    double cos = Math.cos(Math.toRadians(p.latitude()));
    for (LatLon a : anchors) {
      // Equirectangular distance is enough to rank nearby anchors; exact distance is not needed.
      double dy = a.latitude() - p.latitude();
      double dx = (a.longitude() - p.longitude()) * cos;
      double d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
    return best;
  }

  /**
   * Returns the step that replaces each point by the administrative area it falls in: the id of the
   * first covering fence becomes the municipality code (or the colonia when {@code asColonia}), and
   * the point is removed. Points in no area lose the point and keep their codes.
   *
   * @param areas the areas; never null
   * @param asColonia whether the fence ids are colonias rather than municipalities
   * @return the step
   */
  public static RecordStep adminArea(FenceIndex areas, boolean asColonia) {
    Objects.requireNonNull(areas, "areas must not be null");
    return new RecordStep() {
      @Override
      public String name() {
        return "admin-area";
      }

      @Override
      public Optional<SpatialGuarantee> spatialGuarantee() {
        return Optional.of(
            new SpatialGuarantee(
                SpatialGuarantee.Kind.GENERALISATION,
                "points replaced by the code of the "
                    + (asColonia ? "colonia" : "municipality")
                    + " that covers them"));
      }

      @Override
      public boolean edit(RecordEditor record, ReleaseContext context) {
        if (record.location().isEmpty()) {
          return true;
        }
        Location l = record.location().get();
        AdminArea a = l.admin();
        if (l.point().isPresent()) {
          LatLon p = l.point().get();
          List<String> ids = areas.fencesContaining(p.latitude(), p.longitude());
          if (!ids.isEmpty()) {
            a =
                asColonia
                    ? new AdminArea(a.department(), a.municipality(), Optional.of(ids.get(0)))
                    : new AdminArea(a.department(), Optional.of(ids.get(0)), Optional.empty());
          }
        }
        Location.Builder b =
            Location.builder()
                .admin(
                    asColonia
                        ? a
                        : new AdminArea(a.department(), a.municipality(), Optional.empty()))
                .precision(LocationPrecision.AREA);
        record.location(Optional.ofNullable(GeoSteps.orNull(b)));
        return true;
      }
    };
  }

  private static RecordStep point(
      String name,
      UnaryOperator<LatLon> move,
      double accuracy,
      LocationPrecision precision,
      String promise) {
    return new RecordStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<SpatialGuarantee> spatialGuarantee() {
        return Optional.of(new SpatialGuarantee(SpatialGuarantee.Kind.GENERALISATION, promise));
      }

      @Override
      public boolean edit(RecordEditor record, ReleaseContext context) {
        Optional<Location> loc = record.location();
        if (loc.isEmpty() || loc.get().point().isEmpty()) {
          return true;
        }
        Location l = loc.get();
        LatLon p = l.point().get();
        LatLon q = move.apply(p);
        double acc =
            accuracy > 0
                ? accuracy
                : Geodesy.distanceMetres(p.latitude(), p.longitude(), q.latitude(), q.longitude());
        Location.Builder b =
            Location.builder()
                .point(q)
                .accuracyMetres(Math.round(acc))
                .precision(precision)
                .admin(
                    new AdminArea(
                        l.admin().department(), l.admin().municipality(), Optional.empty()));
        record.location(Optional.of(b.build()));
        return true;
      }
    };
  }
}
