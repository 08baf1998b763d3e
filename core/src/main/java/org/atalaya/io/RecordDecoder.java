package org.atalaya.io;

import static org.atalaya.io.CanonicalField.ACCURACY;
import static org.atalaya.io.CanonicalField.ATTRIBUTES;
import static org.atalaya.io.CanonicalField.CATEGORY;
import static org.atalaya.io.CanonicalField.ICCS;
import static org.atalaya.io.CanonicalField.ID;
import static org.atalaya.io.CanonicalField.LATITUDE;
import static org.atalaya.io.CanonicalField.LOCATION_PRECISION;
import static org.atalaya.io.CanonicalField.LONGITUDE;
import static org.atalaya.io.CanonicalField.OCCURRED_FROM;
import static org.atalaya.io.CanonicalField.OCCURRED_TO;
import static org.atalaya.io.CanonicalField.OTHER_CODES;
import static org.atalaya.io.CanonicalField.REPORTED_AT;
import static org.atalaya.io.CanonicalField.TIME_PRECISION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.taxonomy.CategoryMatch;
import org.atalaya.taxonomy.CategoryQualifier;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;

/**
 * The decoded parts of one record before they become an {@link Incident}: every format fills a
 * decoder field by field, then {@link #finish} runs the checks that span fields (coordinates,
 * times, categories, duplicates) the same way for all formats and builds the incident with {@link
 * Incident.Builder}. A decoding buffer, not a form of the model: it holds raw parts (a latitude
 * without its longitude) that no incident may hold. Not thread-safe; one per record.
 */
final class RecordDecoder {
  final FieldDecoder decoder;

  /** Maps a canonical field to the name the input uses for it, for problem reports. */
  private final Function<CanonicalField, String> fieldName;

  String id;
  final List<SourceRef> sourceRefs = new ArrayList<>();
  IccsCode iccs;
  String sourceLabel;
  final Map<String, String> otherCodes = new TreeMap<>();

  /** When true, a category label without an ICCS code is looked up in the taxonomy. */
  boolean mapCategory;

  OffsetDateTime occurredFrom;
  OffsetDateTime occurredTo;
  TimePrecision timePrecision;
  boolean timeEstimated;
  OffsetDateTime reportedAt;
  OptionalDouble latitude = OptionalDouble.empty();
  OptionalDouble longitude = OptionalDouble.empty();
  OptionalDouble accuracy = OptionalDouble.empty();
  LocationPrecision locationPrecision = LocationPrecision.UNKNOWN;
  String department;
  String municipality;
  String colonia;
  String address;
  final List<Victim> victims = new ArrayList<>();
  Attempt attempt = Attempt.UNKNOWN;
  Mechanism mechanism = Mechanism.UNKNOWN;
  PlaceType placeType = PlaceType.UNKNOWN;
  Boolean domestic;
  Boolean organisedCrime;
  CaseHistory caseHistory = CaseHistory.EMPTY;
  PublicationState publication = PublicationState.DRAFT;
  SourceType source = SourceType.UNKNOWN;
  String narrative;
  final Set<SensitivityFlag> sensitivity = EnumSet.noneOf(SensitivityFlag.class);

  /** Sorted, so that {@link Attributes} can take it without sorting again. */
  final Map<String, String> attributes = new TreeMap<>();

  RecordDecoder(FieldDecoder decoder, Function<CanonicalField, String> fieldName) {
    this.decoder = decoder;
    this.fieldName = fieldName;
  }

  String name(CanonicalField field) {
    return fieldName.apply(field);
  }

  void problem(ProblemCode code, CanonicalField field, String value, String detail) {
    decoder.problem(code, name(field), value, detail);
  }

  /** Reports a problem of the record as a whole, which no single field causes. */
  private void recordProblem(ProblemCode code, String detail) {
    decoder.problem(code, "", "", detail);
  }

  /**
   * Returns whether a problem was already reported for the field: a value that could not be decoded
   * is absent afterwards, and the cross-field checks must not blame its absence again ("only one of
   * latitude and longitude" after an unreadable latitude).
   */
  private boolean reported(CanonicalField canonical) {
    String field = name(canonical);
    for (Problem p : decoder.problems()) {
      if (p.field().equals(field)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the cross-field checks and builds the incident.
   *
   * @return the incident, or null when any problem of severity ERROR was found (the problems are in
   *     the decoder)
   */
  Incident finish(ReadContext ctx) {
    boolean claimed = false;
    if (id == null || id.isBlank()) {
      problem(ProblemCode.MISSING_ID, ID, "", "");
    } else if (ctx.claim(id)) {
      claimed = true;
    } else {
      problem(ProblemCode.DUPLICATE_ID, ID, id, "");
    }
    Classification classification = classification(ctx.options().taxonomy());
    Optional<LatLon> point = point(ctx.options());
    Optional<TimeWindow> occurred = occurred(ctx.now());
    checkReported(occurred, ctx.now());
    Location location = location(point);
    Attributes attrs = attributes();
    if (decoder.hasErrors()) {
      if (claimed) {
        ctx.release(id);
      }
      return null;
    }
    try {
      return Incident.builder(id)
          .sourceRefs(sourceRefs)
          .classification(classification)
          .occurred(occurred.orElse(null))
          .reportedAt(reportedAt)
          .location(location)
          .victims(victims)
          .context(context())
          .caseHistory(caseHistory)
          .publication(publication)
          .source(source)
          .narrative(FieldDecoder.blankToNull(narrative))
          .sensitivity(sensitivity)
          .attributes(attrs)
          .build();
    } catch (IllegalArgumentException e) {
      if (claimed) {
        ctx.release(id);
      }
      recordProblem(ProblemCode.INVALID_RECORD, e.getMessage());
      return null;
    }
  }

  private Classification classification(Taxonomy taxonomy) {
    IccsCode code = iccs;
    String label = FieldDecoder.blankToNull(sourceLabel);
    if (code == null && label != null && mapCategory) {
      Optional<CategoryMatch> match = taxonomy.match(label);
      if (match.isPresent()) {
        code = match.get().code();
        for (CategoryQualifier q : match.get().qualifiers()) {
          if (q == CategoryQualifier.DOMESTIC_VIOLENCE) {
            sensitivity.add(SensitivityFlag.DOMESTIC_VIOLENCE);
            if (domestic == null) {
              domestic = Boolean.TRUE;
            }
          } else if (q == CategoryQualifier.MINOR_VICTIM) {
            sensitivity.add(SensitivityFlag.MINOR_VICTIM);
          }
        }
        if (code.isWithin(IccsCode.of("03"))) {
          sensitivity.add(SensitivityFlag.SEXUAL_VIOLENCE);
        }
      }
    }
    if (code == null && label != null) {
      problem(ProblemCode.UNKNOWN_CATEGORY, mapCategory ? CATEGORY : ICCS, label, "");
    } else if (code != null && !taxonomy.catalogue().contains(code)) {
      problem(ProblemCode.UNKNOWN_CATEGORY, ICCS, code.value(), "not in the ICCS catalogue");
    }
    try {
      return new Classification(
          Optional.ofNullable(code),
          Optional.ofNullable(label),
          otherCodes.isEmpty() ? Map.of() : otherCodes);
    } catch (IllegalArgumentException e) {
      problem(ProblemCode.INVALID_VALUE, OTHER_CODES, otherCodes.toString(), e.getMessage());
      return Classification.UNCLASSIFIED;
    }
  }

  private Optional<LatLon> point(ReadOptions options) {
    if (latitude.isEmpty() && longitude.isEmpty()) {
      return Optional.empty();
    }
    if (latitude.isEmpty() && reported(LATITUDE) || longitude.isEmpty() && reported(LONGITUDE)) {
      return Optional.empty(); // the unreadable half was reported where it was read
    }
    if (latitude.isEmpty() || longitude.isEmpty()) {
      CanonicalField which = latitude.isEmpty() ? LONGITUDE : LATITUDE;
      double v = latitude.isEmpty() ? longitude.getAsDouble() : latitude.getAsDouble();
      problem(ProblemCode.HALF_COORDINATE, which, String.valueOf(v), "");
      return Optional.empty();
    }
    double lat = latitude.getAsDouble();
    double lon = longitude.getAsDouble();
    if (!Double.isFinite(lat) || !Double.isFinite(lon)) {
      CanonicalField which = Double.isFinite(lat) ? LONGITUDE : LATITUDE;
      problem(
          ProblemCode.COORDINATE_NOT_A_NUMBER, which, plain(Double.isFinite(lat) ? lon : lat), "");
      return Optional.empty();
    }
    if (lat == 0 && lon == 0) {
      problem(ProblemCode.NULL_ISLAND, LATITUDE, pair(lat, lon), "");
      return Optional.empty();
    }
    Optional<Region> region = options.expectedRegion();
    boolean latValid = Math.abs(lat) <= 90;
    boolean lonValid = Math.abs(lon) <= 180;
    boolean swappedValid = Math.abs(lon) <= 90 && Math.abs(lat) <= 180;
    boolean swapped =
        region.isPresent()
            ? !region.get().contains(lat, lon) && swappedValid && region.get().contains(lon, lat)
            : !latValid && swappedValid;
    if (swapped) {
      problem(ProblemCode.COORDINATES_SWAPPED, LATITUDE, pair(lat, lon), "");
      return Optional.empty();
    }
    if (!latValid) {
      problem(ProblemCode.LATITUDE_OUT_OF_RANGE, LATITUDE, plain(lat), "");
    }
    if (!lonValid) {
      problem(ProblemCode.LONGITUDE_OUT_OF_RANGE, LONGITUDE, plain(lon), "");
    }
    if (!latValid || !lonValid) {
      return Optional.empty();
    }
    if (region.isPresent() && !region.get().contains(lat, lon)) {
      problem(
          ProblemCode.OUTSIDE_EXPECTED_REGION, LATITUDE, pair(lat, lon), region.get().describe());
    }
    return Optional.of(LatLon.of(lat, lon));
  }

  private static String pair(double lat, double lon) {
    return "latitude " + plain(lat) + ", longitude " + plain(lon);
  }

  private static String plain(double v) {
    return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.valueOf((long) v)
        : String.valueOf(v);
  }

  private Optional<TimeWindow> occurred(Instant now) {
    if (occurredFrom == null) {
      if (reported(OCCURRED_FROM)) {
        return Optional.empty(); // an unreadable start was reported where it was read
      }
      if (occurredTo != null) {
        problem(
            ProblemCode.INVALID_RECORD,
            OCCURRED_TO,
            occurredTo.toString(),
            "occurred-to given without occurred-from");
      } else if (timePrecision != null || timeEstimated) {
        problem(
            ProblemCode.INVALID_RECORD,
            TIME_PRECISION,
            String.valueOf(timePrecision),
            "time precision given without occurred-from");
      }
      return Optional.empty();
    }
    OffsetDateTime to = occurredTo;
    if (to == null) {
      // A day, month or year given by its start alone covers the whole period.
      to =
          timePrecision == null
              ? occurredFrom
              : switch (timePrecision) {
                case DAY -> occurredFrom.plusDays(1);
                case MONTH -> occurredFrom.plusMonths(1);
                case YEAR -> occurredFrom.plusYears(1);
                default -> occurredFrom;
              };
    }
    TimePrecision precision =
        timePrecision != null
            ? timePrecision
            : (to.isEqual(occurredFrom) ? TimePrecision.INSTANT : TimePrecision.UNKNOWN);
    if (to.isBefore(occurredFrom)) {
      problem(ProblemCode.TIME_WINDOW_REVERSED, OCCURRED_TO, occurredFrom + " > " + to, "");
      return Optional.empty();
    }
    if (precision == TimePrecision.INSTANT && !to.isEqual(occurredFrom)) {
      problem(
          ProblemCode.INVALID_VALUE,
          TIME_PRECISION,
          "INSTANT",
          "an INSTANT needs occurred-to equal to occurred-from");
      return Optional.empty();
    }
    if (occurredFrom.toInstant().isAfter(now)) {
      problem(ProblemCode.FUTURE_DATE, OCCURRED_FROM, occurredFrom.toString(), "");
      return Optional.empty();
    }
    return Optional.of(new TimeWindow(occurredFrom, to, precision, timeEstimated));
  }

  private void checkReported(Optional<TimeWindow> occurred, Instant now) {
    if (reportedAt == null) {
      return;
    }
    if (reportedAt.toInstant().isAfter(now)) {
      problem(ProblemCode.FUTURE_DATE, REPORTED_AT, reportedAt.toString(), "");
    } else if (occurred.isPresent() && reportedAt.isBefore(occurred.get().from())) {
      problem(
          ProblemCode.REPORTED_BEFORE_OCCURRED,
          REPORTED_AT,
          reportedAt + " < " + occurred.get().from(),
          "");
    }
  }

  private Location location(Optional<LatLon> point) {
    AdminArea admin = AdminArea.of(department, municipality, colonia);
    String addr = FieldDecoder.blankToNull(address);
    if (point.isEmpty() && admin.isEmpty() && addr == null) {
      boolean coordinatesRejected = latitude.isPresent() || longitude.isPresent();
      if (!coordinatesRejected
          && (accuracy.isPresent() || locationPrecision != LocationPrecision.UNKNOWN)) {
        problem(
            ProblemCode.INVALID_RECORD,
            accuracy.isPresent() ? ACCURACY : LOCATION_PRECISION,
            accuracy.isPresent()
                ? String.valueOf(accuracy.getAsDouble())
                : locationPrecision.name(),
            "location accuracy or precision given without a point, admin code or address");
      }
      return null;
    }
    if (accuracy.isPresent()
        && !(accuracy.getAsDouble() >= 0 && Double.isFinite(accuracy.getAsDouble()))) {
      problem(
          ProblemCode.INVALID_VALUE,
          ACCURACY,
          String.valueOf(accuracy.getAsDouble()),
          "accuracy must be zero or more metres");
      return null;
    }
    return new Location(point, accuracy, locationPrecision, admin, Optional.ofNullable(addr));
  }

  private Attributes attributes() {
    if (attributes.isEmpty()) {
      return Attributes.EMPTY;
    }
    try {
      return new Attributes(attributes); // validates every key; the usual case
    } catch (IllegalArgumentException | NullPointerException invalid) {
      // fall through: name every bad key, keep the good ones
    }
    Map<String, String> valid = new TreeMap<>();
    attributes.forEach(
        (k, v) -> {
          if (Attributes.isValidKey(k) && v != null) {
            valid.put(k, v);
          } else {
            problem(ProblemCode.INVALID_VALUE, ATTRIBUTES, k, "attribute keys are namespace:name");
          }
        });
    return new Attributes(valid);
  }

  /** The context read; the shared {@link IncidentContext#UNKNOWN} when nothing is known. */
  private IncidentContext context() {
    IncidentContext c =
        new IncidentContext(
            attempt,
            mechanism,
            placeType,
            Optional.ofNullable(domestic),
            Optional.ofNullable(organisedCrime));
    return c.equals(IncidentContext.UNKNOWN) ? IncidentContext.UNKNOWN : c;
  }
}
