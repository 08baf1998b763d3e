package org.atalaya.geo.event;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A change (or, on request, a report) of a subject's relation to one fence, in the vocabulary of
 * Tile38's geofences. Immutable and thread-safe.
 *
 * @param subjectId the subject's id; never {@code null} or blank
 * @param fenceId the fence's id; never {@code null}
 * @param kind what happened; never {@code null}
 * @param time when it happened: the fix's time, or the fence's expiry or removal time for an {@link
 *     Kind#EXIT} owed by an expired or removed fence; never {@code null}
 * @param latitude the subject's position, degrees in [-90, 90] (the last known one for an owed
 *     EXIT)
 * @param longitude the subject's position, degrees in [-180, 180]
 * @param exitReason why the subject left; present for {@link Kind#EXIT} and only for it
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GeofenceEvent(
    String subjectId,
    String fenceId,
    Kind kind,
    Instant time,
    double latitude,
    double longitude,
    Optional<ExitReason> exitReason) {

  /** What happened. */
  public enum Kind {
    /** The subject's entry into the fence was confirmed (after the configured hysteresis). */
    ENTER,
    /** The subject left the fence, or the fence went away; see {@link ExitReason}. */
    EXIT,
    /** The subject has been inside the fence for the dwell time; at most once per stay. */
    DWELL,
    /** On request: the subject is (still) inside the fence at this fix. */
    INSIDE,
    /** On request: the subject is (still) outside the fence at this fix. */
    OUTSIDE
  }

  /** Why an {@link Kind#EXIT} happened. */
  public enum ExitReason {
    /** The subject moved out of the fence (confirmed after the configured hysteresis). */
    LEFT,
    /** The fence was removed or its geometry changed while the subject was inside. */
    FENCE_REMOVED,
    /** The fence reached its expiry while the subject was inside. */
    FENCE_EXPIRED
  }

  /**
   * Validates the event.
   *
   * @throws NullPointerException if an object argument is null
   * @throws IllegalArgumentException if a coordinate is out of range, the subject id is blank, or
   *     the exit reason is present for a kind other than EXIT or absent for EXIT
   */
  public GeofenceEvent {
    Objects.requireNonNull(subjectId, "subjectId must not be null");
    Objects.requireNonNull(fenceId, "fenceId must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(time, "time must not be null");
    Objects.requireNonNull(exitReason, "exitReason must not be null; use Optional.empty()");
    if (subjectId.isBlank()) {
      throw new IllegalArgumentException("subjectId must not be blank");
    }
    Events.checkLatLon(latitude, longitude);
    if ((kind == Kind.EXIT) != exitReason.isPresent()) {
      throw new IllegalArgumentException(
          "exitReason ("
              + exitReason
              + ") must be present for EXIT and only for EXIT, kind was "
              + kind);
    }
  }

  /**
   * Returns an event that is not an EXIT.
   *
   * @param subjectId the subject's id; never {@code null} or blank
   * @param fenceId the fence's id; never {@code null}
   * @param kind any kind but EXIT; never {@code null}
   * @param time when it happened; never {@code null}
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @return the event; never {@code null}
   * @throws IllegalArgumentException if {@code kind} is EXIT or an argument is out of range
   */
  public static GeofenceEvent of(
      String subjectId,
      String fenceId,
      Kind kind,
      Instant time,
      double latitude,
      double longitude) {
    return new GeofenceEvent(subjectId, fenceId, kind, time, latitude, longitude, Optional.empty());
  }

  /**
   * Returns an EXIT event.
   *
   * @param subjectId the subject's id; never {@code null} or blank
   * @param fenceId the fence's id; never {@code null}
   * @param reason why the subject left; never {@code null}
   * @param time when it happened; never {@code null}
   * @param latitude degrees in [-90, 90]
   * @param longitude degrees in [-180, 180]
   * @return the event; never {@code null}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static GeofenceEvent exit(
      String subjectId,
      String fenceId,
      ExitReason reason,
      Instant time,
      double latitude,
      double longitude) {
    Objects.requireNonNull(reason, "reason must not be null");
    return new GeofenceEvent(
        subjectId, fenceId, Kind.EXIT, time, latitude, longitude, Optional.of(reason));
  }
}
