package org.atalaya.geo.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A named area: an id, an optional name and a valid, non-empty polygonal geometry (Polygon or
 * MultiPolygon, holes allowed) in WGS 84 longitude/latitude.
 *
 * <p>Immutable and thread-safe as long as nobody modifies the JTS geometry, which JTS cannot
 * prevent: treat it as read-only.
 *
 * @param id the area's identifier, unique within its source; never {@code null} or blank
 * @param name the display name; never {@code null}, empty when the source has none
 * @param geometry the polygonal geometry, x = longitude, y = latitude; never {@code null}, valid
 *     and non-empty
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Area(String id, Optional<String> name, Geometry geometry) {

  /**
   * Validates the area.
   *
   * @throws IllegalArgumentException if the id is blank or the geometry is not a valid non-empty
   *     Polygon or MultiPolygon
   */
  public Area {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(geometry, "geometry must not be null");
    checkArgument(!id.isBlank(), "id (%s) must not be blank", id);
    checkArgument(
        geometry instanceof Polygonal,
        "geometry of area %s (%s) must be a Polygon or MultiPolygon",
        id,
        geometry.getGeometryType());
    checkArgument(!geometry.isEmpty(), "geometry of area %s must not be empty", id);
    checkArgument(geometry.isValid(), "geometry of area %s must be valid: repair it first", id);
  }

  /**
   * Returns an area.
   *
   * @param id the identifier; never {@code null} or blank
   * @param name the display name, or {@code null} for none
   * @param geometry a valid, non-empty Polygon or MultiPolygon; never {@code null}
   * @return the area; never {@code null}
   */
  public static Area of(String id, String name, Geometry geometry) {
    return new Area(id, Optional.ofNullable(name).filter(n -> !n.isEmpty()), geometry);
  }
}
