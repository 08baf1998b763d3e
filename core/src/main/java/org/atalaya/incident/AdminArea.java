package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The administrative codes of a place: department, municipality and colonia (neighbourhood), each
 * optional, as the source gives them.
 *
 * <p>Codes are kept as text because they carry leading zeros ({@code "08"}, {@code "0801"}). Which
 * scheme they follow is the data's business: Honduran department codes differ between INE and the
 * older FIPS lists for 02 to 06, so never join on a bare number without knowing the scheme.
 * Immutable and thread-safe.
 *
 * @param department the department code; never {@code null} but potentially empty
 * @param municipality the municipality code; never {@code null} but potentially empty
 * @param colonia the colonia (neighbourhood) code or name; never {@code null} but potentially empty
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record AdminArea(
    Optional<String> department, Optional<String> municipality, Optional<String> colonia) {

  /** An area with no codes at all. */
  public static final AdminArea NONE =
      new AdminArea(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the codes.
   *
   * @throws IllegalArgumentException if a present code is blank
   */
  public AdminArea {
    Objects.requireNonNull(department, "department must not be null; use Optional.empty()");
    Objects.requireNonNull(municipality, "municipality must not be null; use Optional.empty()");
    Objects.requireNonNull(colonia, "colonia must not be null; use Optional.empty()");
    department.ifPresent(v -> checkNotBlank("department", v));
    municipality.ifPresent(v -> checkNotBlank("municipality", v));
    colonia.ifPresent(v -> checkNotBlank("colonia", v));
  }

  /**
   * Returns an area from codes that may be {@code null} or blank (both meaning absent).
   *
   * @param department the department code, or null
   * @param municipality the municipality code, or null
   * @param colonia the colonia, or null
   * @return the area; {@link #NONE} when all are absent
   */
  public static AdminArea of(String department, String municipality, String colonia) {
    return new AdminArea(present(department), present(municipality), present(colonia));
  }

  /**
   * Returns whether no code is present.
   *
   * @return true if department, municipality and colonia are all absent
   */
  public boolean isEmpty() {
    return department.isEmpty() && municipality.isEmpty() && colonia.isEmpty();
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static void checkNotBlank(String name, String value) {
    checkArgument(
        !value.isBlank(), "%s must not be blank; use Optional.empty() when unknown", name);
  }
}
