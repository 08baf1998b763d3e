package org.atalaya.anonymise;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a step promises about published locations, as the privacy report lists it: masking moves a
 * point a bounded distance (which is not k-anonymity on its own); generalisation publishes an area
 * or cell instead of a point; k-anonymity publishes cells each shared by at least k records of one
 * class; removal publishes no point at all for the records it covers.
 *
 * @param kind the kind of promise; never null
 * @param detail the promise with the step's figures, for example {@code "points moved 100 to 400
 *     m"}; never null
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SpatialGuarantee(Kind kind, String detail) {
  /** The kinds of spatial promise. */
  public enum Kind {
    /**
     * Points moved by a bounded random distance: an attacker who knows the true point still finds
     * it nearby.
     */
    MASKING,
    /** Points replaced by an area, a cell or an anchor shared with other records. */
    GENERALISATION,
    /** Points replaced by cells that each hold at least k records of the same class. */
    K_ANONYMITY,
    /** Points removed. */
    REMOVAL
  }

  /**
   * Validates the promise.
   *
   * @throws NullPointerException if a component is null
   */
  public SpatialGuarantee {
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
  }
}
