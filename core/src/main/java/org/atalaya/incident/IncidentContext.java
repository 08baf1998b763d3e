package org.atalaya.incident;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The circumstances of an incident: attempted or completed, the mechanism, the kind of place, and
 * whether it was domestic or linked to organised crime (each of the last two true, false or not
 * known). Immutable and thread-safe.
 *
 * @param attempt completed or attempted; never {@code null}
 * @param mechanism the means; never {@code null}
 * @param placeType the kind of place; never {@code null}
 * @param domestic whether offender and victim are partners or family; never {@code null}, empty
 *     when not known
 * @param organisedCrime whether the source links the incident to a gang (mara, pandilla) or another
 *     organised criminal group; never {@code null}, empty when not known
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record IncidentContext(
    Attempt attempt,
    Mechanism mechanism,
    PlaceType placeType,
    Optional<Boolean> domestic,
    Optional<Boolean> organisedCrime) {

  /** A context in which nothing is known. */
  public static final IncidentContext UNKNOWN =
      new IncidentContext(
          Attempt.UNKNOWN,
          Mechanism.UNKNOWN,
          PlaceType.UNKNOWN,
          Optional.empty(),
          Optional.empty());

  /** Checks that no component is null. */
  public IncidentContext {
    Objects.requireNonNull(attempt, "attempt must not be null; use Attempt.UNKNOWN");
    Objects.requireNonNull(mechanism, "mechanism must not be null; use Mechanism.UNKNOWN");
    Objects.requireNonNull(placeType, "placeType must not be null; use PlaceType.UNKNOWN");
    Objects.requireNonNull(domestic, "domestic must not be null; use Optional.empty()");
    Objects.requireNonNull(organisedCrime, "organisedCrime must not be null; use Optional.empty()");
  }

  /**
   * Returns this context with another attempt value.
   *
   * @param value the new value; never null
   * @return a new context
   */
  public IncidentContext withAttempt(Attempt value) {
    return new IncidentContext(value, mechanism, placeType, domestic, organisedCrime);
  }

  /**
   * Returns this context with another mechanism.
   *
   * @param value the new value; never null
   * @return a new context
   */
  public IncidentContext withMechanism(Mechanism value) {
    return new IncidentContext(attempt, value, placeType, domestic, organisedCrime);
  }

  /**
   * Returns this context with another place type.
   *
   * @param value the new value; never null
   * @return a new context
   */
  public IncidentContext withPlaceType(PlaceType value) {
    return new IncidentContext(attempt, mechanism, value, domestic, organisedCrime);
  }

  /**
   * Returns this context with the domestic flag set.
   *
   * @param value true or false
   * @return a new context
   */
  public IncidentContext withDomestic(boolean value) {
    return new IncidentContext(attempt, mechanism, placeType, Optional.of(value), organisedCrime);
  }

  /**
   * Returns this context with the organised-crime flag set.
   *
   * @param value true or false
   * @return a new context
   */
  public IncidentContext withOrganisedCrime(boolean value) {
    return new IncidentContext(attempt, mechanism, placeType, domestic, Optional.of(value));
  }
}
