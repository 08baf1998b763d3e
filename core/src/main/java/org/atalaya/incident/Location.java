package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Where an incident happened: a point with its accuracy and precision, administrative codes, a
 * free-text address, or any combination of these.
 *
 * <p>A location always says something: at least a point, an administrative code or an address. An
 * incident whose place is unknown has no location at all ({@link Incident#location()} is empty); it
 * never has the point (0, 0) (see {@link LatLon}). Immutable and thread-safe.
 *
 * @param point the position; never {@code null} but potentially empty
 * @param accuracyMetres radius in metres within which the true position lies (as GPS reports it);
 *     never {@code null} but potentially empty
 * @param precision what the point stands for; never {@code null}
 * @param admin administrative codes; never {@code null}, {@link AdminArea#NONE} when unknown
 * @param address free-text address as the source wrote it; never {@code null} but potentially empty
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Location(
    Optional<LatLon> point,
    OptionalDouble accuracyMetres,
    LocationPrecision precision,
    AdminArea admin,
    Optional<String> address) {

  /**
   * Validates the location.
   *
   * @throws IllegalArgumentException if the accuracy is negative or not finite, or nothing at all
   *     is known
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Location {
    Objects.requireNonNull(point, "point must not be null; use Optional.empty()");
    Objects.requireNonNull(
        accuracyMetres, "accuracyMetres must not be null; use OptionalDouble.empty()");
    Objects.requireNonNull(precision, "precision must not be null; use LocationPrecision.UNKNOWN");
    Objects.requireNonNull(admin, "admin must not be null; use AdminArea.NONE");
    Objects.requireNonNull(address, "address must not be null; use Optional.empty()");
    accuracyMetres.ifPresent(
        a ->
            checkArgument(
                Double.isFinite(a) && a >= 0,
                "accuracyMetres (%s) must be a finite number of metres, zero or more",
                a));
    address.ifPresent(
        a -> checkArgument(!a.isBlank(), "address must not be blank; use Optional.empty()"));
    // Normalise -0.0 so that equal accuracies are equal records (replaced only then: a release
    // builds a million locations).
    if (accuracyMetres.isPresent()
        && Double.doubleToRawLongBits(accuracyMetres.getAsDouble()) == Long.MIN_VALUE) {
      accuracyMetres = OptionalDouble.of(0.0);
    }
    checkArgument(
        point.isPresent() || !admin.isEmpty() || address.isPresent(),
        "a location needs a point, an administrative code or an address; when nothing is known"
            + " leave the incident's location empty");
  }

  /**
   * Returns a location at a point of unstated accuracy and precision.
   *
   * @param latitude degrees north
   * @param longitude degrees east
   * @return the location
   */
  public static Location at(double latitude, double longitude) {
    return builder().point(LatLon.of(latitude, longitude)).build();
  }

  /**
   * Returns a new builder with no point, no accuracy, precision {@link LocationPrecision#UNKNOWN},
   * no admin codes and no address.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with this location's values.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.point = point.orElse(null);
    b.accuracyMetres = accuracyMetres;
    b.precision = precision;
    b.admin = admin;
    b.address = address.orElse(null);
    return b;
  }

  /** Builds a {@link Location}. Not thread-safe. */
  public static final class Builder {
    private LatLon point;
    private OptionalDouble accuracyMetres = OptionalDouble.empty();
    private LocationPrecision precision = LocationPrecision.UNKNOWN;
    private AdminArea admin = AdminArea.NONE;
    private String address;

    private Builder() {}

    /**
     * Sets the point.
     *
     * @param point the position, or null for none
     * @return this builder
     */
    public Builder point(LatLon point) {
      this.point = point;
      return this;
    }

    /**
     * Sets the accuracy radius in metres.
     *
     * @param metres the radius; zero or more
     * @return this builder
     */
    public Builder accuracyMetres(double metres) {
      this.accuracyMetres = OptionalDouble.of(metres);
      return this;
    }

    /**
     * Sets or clears the accuracy radius.
     *
     * @param metres the radius, or empty
     * @return this builder
     */
    public Builder accuracyMetres(OptionalDouble metres) {
      this.accuracyMetres = Objects.requireNonNull(metres, "metres must not be null");
      return this;
    }

    /**
     * Sets the precision.
     *
     * @param precision what the point stands for; never null
     * @return this builder
     */
    public Builder precision(LocationPrecision precision) {
      this.precision = Objects.requireNonNull(precision, "precision must not be null");
      return this;
    }

    /**
     * Sets the administrative codes.
     *
     * @param admin the codes; never null
     * @return this builder
     */
    public Builder admin(AdminArea admin) {
      this.admin = Objects.requireNonNull(admin, "admin must not be null");
      return this;
    }

    /**
     * Sets the free-text address.
     *
     * @param address the address, or null for none
     * @return this builder
     */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /**
     * Builds the location.
     *
     * @return the location
     * @throws IllegalArgumentException as {@link Location#Location}
     */
    public Location build() {
      return new Location(
          Optional.ofNullable(point),
          accuracyMetres,
          precision,
          admin,
          Optional.ofNullable(address));
    }
  }
}
