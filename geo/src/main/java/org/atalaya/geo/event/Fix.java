package org.atalaya.geo.event;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A timestamped position of one subject (device, patrol, person), with its horizontal accuracy.
 * Immutable and thread-safe.
 *
 * @param subjectId the subject's id; never {@code null} or blank
 * @param time when the position was measured; never {@code null}
 * @param latitude degrees in [-90, 90]
 * @param longitude degrees in [-180, 180]
 * @param accuracyMetres radius in metres of the accuracy circle, zero when unknown; finite and not
 *     negative
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Fix(
    String subjectId, Instant time, double latitude, double longitude, double accuracyMetres) {

  /**
   * Validates the fix.
   *
   * @throws NullPointerException if {@code subjectId} or {@code time} is null
   * @throws IllegalArgumentException if an argument is out of range
   */
  public Fix {
    Objects.requireNonNull(subjectId, "subjectId must not be null");
    Objects.requireNonNull(time, "time must not be null");
    if (subjectId.isBlank()) {
      throw new IllegalArgumentException("subjectId must not be blank");
    }
    Events.checkLatLon(latitude, longitude);
    if (!(accuracyMetres >= 0) || Double.isInfinite(accuracyMetres)) {
      throw new IllegalArgumentException(
          "accuracyMetres (" + accuracyMetres + ") must be finite and not negative");
    }
  }

  /**
   * Returns a fix of unknown accuracy (zero).
   *
   * @param subjectId the subject's id; never {@code null} or blank
   * @param time when the position was measured; never {@code null}
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @return the fix; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Fix of(String subjectId, Instant time, double latitude, double longitude) {
    return new Fix(subjectId, time, latitude, longitude, 0);
  }
}
