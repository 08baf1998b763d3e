package org.atalaya.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical fields of an incident record, in canonical CSV column order. Each field carries its
 * canonical name (the CSV column and the key of a {@link CsvMapping}) and its path in the JSON
 * form, which is how problem reports name it when a JSON record is read. Immutable and thread-safe.
 */
enum CanonicalField {
  ID("id", "id"),
  ICCS("iccs", "classification.iccs"),
  CATEGORY("category", "classification.sourceLabel"),
  OTHER_CODES("other_codes", "classification.otherCodes"),
  OCCURRED_FROM("occurred_from", "occurred.from"),
  OCCURRED_TO("occurred_to", "occurred.to"),
  TIME_PRECISION("time_precision", "occurred.precision"),
  TIME_ESTIMATED("time_estimated", "occurred.estimated"),
  REPORTED_AT("reported_at", "reportedAt"),
  LATITUDE("latitude", "location.latitude"),
  LONGITUDE("longitude", "location.longitude"),
  ACCURACY("accuracy_m", "location.accuracyMetres"),
  LOCATION_PRECISION("location_precision", "location.precision"),
  // The JSON reader names the following in its own words (location.department, context.attempt);
  // problems found across fields name them canonically, as they always did.
  DEPARTMENT("department"),
  MUNICIPALITY("municipality"),
  COLONIA("colonia"),
  ADDRESS("address"),
  VICTIMS("victims"),
  ATTEMPT("attempt"),
  MECHANISM("mechanism"),
  PLACE_TYPE("place_type"),
  DOMESTIC("domestic"),
  ORGANISED_CRIME("organised_crime"),
  CASE_HISTORY("case_history", "caseHistory"),
  PUBLICATION("publication"),
  SOURCE("source"),
  SOURCE_REFS("source_refs", "sourceRefs"),
  NARRATIVE("narrative"),
  SENSITIVITY("sensitivity"),
  ATTRIBUTES("attributes");

  private static final CanonicalField[] ALL = values();
  private static final List<String> NAMES =
      Arrays.stream(ALL).map(CanonicalField::canonicalName).toList();
  private static final Map<String, CanonicalField> BY_NAME = new HashMap<>();

  static {
    for (CanonicalField f : ALL) {
      BY_NAME.put(f.canonicalName, f);
    }
  }

  private final String canonicalName;
  private final String jsonPath;

  CanonicalField(String canonicalName) {
    this(canonicalName, canonicalName);
  }

  CanonicalField(String canonicalName, String jsonPath) {
    this.canonicalName = canonicalName;
    this.jsonPath = jsonPath;
  }

  /** Returns the canonical name: the CSV column, and the key a {@link CsvMapping} uses. */
  String canonicalName() {
    return canonicalName;
  }

  /** Returns the field's path in the JSON form, as problem reports name it for JSON input. */
  String jsonPath() {
    return jsonPath;
  }

  /**
   * Returns whether the field's cells are numbers (never formula-protected, decimal comma aware).
   */
  boolean numeric() {
    return this == LATITUDE || this == LONGITUDE || this == ACCURACY;
  }

  /** Returns every field in canonical column order; a shared array that callers must not change. */
  static CanonicalField[] all() {
    return ALL;
  }

  /** Returns the canonical names in column order; never {@code null}, unmodifiable. */
  static List<String> names() {
    return NAMES;
  }

  /**
   * Returns the field with the given canonical name.
   *
   * @param canonicalName a name such as {@code "occurred_from"}; may be null
   * @return the field; empty when no field has that name
   */
  static Optional<CanonicalField> named(String canonicalName) {
    return Optional.ofNullable(BY_NAME.get(canonicalName));
  }

  @Override
  public String toString() {
    return canonicalName;
  }
}
