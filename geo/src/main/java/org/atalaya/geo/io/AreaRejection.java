package org.atalaya.geo.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A feature that could not be used as an area, with where it was, why, and a detail. Immutable and
 * thread-safe.
 *
 * @param featureIndex the 1-based feature (GeoJSON) or line (WKT) number
 * @param id the feature's id as read; never {@code null}, empty when it had none
 * @param reason why it was rejected; never {@code null}
 * @param detail an English detail (the parser's message, the geometry type found); never {@code
 *     null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AreaRejection(long featureIndex, String id, Reason reason, String detail) {

  /** Validates the fields. */
  public AreaRejection {
    checkArgument(featureIndex >= 1, "featureIndex (%s) must be 1 or more", featureIndex);
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
  }

  /**
   * Why a feature was rejected.
   *
   * @since 0.1
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public enum Reason {
    /** The id property (or the feature's {@code id} member) is missing, null or blank. */
    NO_ID,
    /** The id was already used by an earlier accepted feature of the same input. */
    DUPLICATE_ID,
    /** The feature has no geometry ({@code "geometry": null} or missing). */
    NO_GEOMETRY,
    /** The geometry could not be parsed (bad JSON or WKT, too few coordinates). */
    UNPARSEABLE_GEOMETRY,
    /** The geometry is not a Polygon or MultiPolygon (a point, a line, a collection). */
    NOT_AREAL,
    /** The geometry is empty, or nothing areal is left after repair. */
    EMPTY,
    /** A coordinate is outside longitude [-180, 180] or latitude [-90, 90], or not finite. */
    OUT_OF_RANGE,
    /** The feature is not a JSON object of type Feature. */
    NOT_A_FEATURE
  }
}
