package org.atalaya.anonymise;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Classification;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.SourceType;

/**
 * The parts of an incident that a keep-list or a drop-list can name. The id, the ICCS code, the
 * time window, the point and the department/municipality codes are not listed: dedicated steps
 * generalise or mask them.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum IncidentField {
  /** Records of the incident in other systems (their ids can be looked up). */
  SOURCE_REFS,
  /** The category as the source wrote it, and codes in other schemes. */
  SOURCE_CATEGORY,
  /** When the incident was reported. */
  REPORTED_AT,
  /** The free-text address. */
  ADDRESS,
  /** The colonia (neighbourhood) code or name. */
  COLONIA,
  /** The victims (sex, age, relationship, outcome). */
  VICTIMS,
  /** The circumstances (attempt, mechanism, place type, domestic, organised crime). */
  CONTEXT,
  /** The case's dated history. */
  CASE_HISTORY,
  /** The free-text narrative. */
  NARRATIVE,
  /** Who reported the incident (police, citizen, media, ...); dropped, it becomes unknown. */
  SOURCE,
  /**
   * Unmodelled source fields. Attributes in the {@code atalaya:} namespace are the toolkit's own
   * markers (such as {@code atalaya:synthetic}) and are kept, so synthetic data stays labelled.
   */
  ATTRIBUTES;

  /**
   * Parses a name such as {@code "narrative"} or {@code "source-refs"}.
   *
   * @param name the name; never null
   * @return the field
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static IncidentField parse(String name) {
    return EnumNames.parse(IncidentField.class, name, "field");
  }

  /**
   * Removes the given fields from a draft: the location's address or colonia, the attributes and
   * the source's category are replaced only when they hold something; the other parts are set to
   * their empty value.
   */
  static void dropAll(RecordEditor in, Set<IncidentField> fields) {
    if (fields.isEmpty()) {
      return;
    }
    Optional<Location> location = in.location();
    if (location.isPresent() && (fields.contains(ADDRESS) || fields.contains(COLONIA))) {
      Location l = location.get();
      AdminArea a =
          fields.contains(COLONIA) && l.admin().colonia().isPresent()
              ? withoutColonia(l.admin())
              : l.admin();
      Optional<String> address = fields.contains(ADDRESS) ? Optional.empty() : l.address();
      if (!l.address().equals(address) || a != l.admin()) {
        in.location(location(l.point(), l.accuracyMetres(), l.precision(), a, address));
      }
    }
    Attributes attributes = in.attributes();
    if (fields.contains(ATTRIBUTES) && !attributes.isEmpty()) {
      Attributes markers = attributes;
      if (!onlyOwnMarkers(attributes)) {
        Map<String, String> kept = new TreeMap<>();
        attributes
            .values()
            .forEach(
                (k, v) -> {
                  if (k.startsWith("atalaya:")) {
                    kept.put(k, v);
                  }
                });
        markers = new Attributes(kept);
      }
      // The markers left (such as atalaya:synthetic=true) are the same on most records: one shared
      // object, so that reading a released record does not reach back into its source's memory.
      Attributes one = markers.isEmpty() ? Attributes.EMPTY : shared(MARKERS_ONLY, markers);
      if (one != attributes) {
        in.attributes(one);
      }
    }
    Classification c = in.classification();
    if (fields.contains(SOURCE_CATEGORY)
        && (c.sourceLabel().isPresent() || !c.otherCodes().isEmpty())) {
      in.classification(new Classification(c.iccs(), Optional.empty(), Map.of()));
    }
    // The parts below are set to their empty value without being read: reading each would reach
    // into the source record's memory (a cache miss per part and record) only to find it empty.
    if (fields.contains(SOURCE_REFS)) {
      in.sourceRefs(ImmutableList.of());
    }
    if (fields.contains(REPORTED_AT)) {
      in.reportedAt(Optional.empty());
    }
    if (fields.contains(VICTIMS)) {
      in.victims(ImmutableList.of());
    }
    if (fields.contains(CONTEXT)) {
      in.context(IncidentContext.UNKNOWN);
    }
    if (fields.contains(CASE_HISTORY)) {
      in.caseHistory(CaseHistory.EMPTY);
    }
    if (fields.contains(NARRATIVE)) {
      in.narrative(Optional.empty());
    }
    if (fields.contains(SOURCE)) {
      in.source(SourceType.UNKNOWN);
    }
  }

  /** Whether every attribute is one of the toolkit's own markers, which dropping keeps. */
  private static boolean onlyOwnMarkers(Attributes attributes) {
    for (String k : attributes.values().keySet()) {
      if (!k.startsWith("atalaya:")) {
        return false;
      }
    }
    return true;
  }

  /** Areas without their colonia, shared: a release keeps one per municipality, not per record. */
  private static final ConcurrentHashMap<AdminArea, AdminArea> WITHOUT_COLONIA =
      new ConcurrentHashMap<>();

  /**
   * Returns {@code a} without its colonia, the same object for equal areas while fewer than 10,000
   * are known (a country has a few hundred municipalities; odd data must not fill memory).
   */
  static AdminArea withoutColonia(AdminArea a) {
    return shared(
        WITHOUT_COLONIA, new AdminArea(a.department(), a.municipality(), Optional.empty()));
  }

  /** Attributes left with the toolkit's markers only, shared like {@link #withoutColonia}. */
  private static final ConcurrentHashMap<Attributes, Attributes> MARKERS_ONLY =
      new ConcurrentHashMap<>();

  /**
   * Returns the value in {@code known} equal to {@code value}, adding it while fewer than 10,000
   * are known; {@code value} itself otherwise. Package-private so that the cap can be tested on a
   * fresh table.
   */
  static <T> T shared(ConcurrentHashMap<T, T> known, T value) {
    if (known.size() >= 10_000) {
      return known.getOrDefault(value, value);
    }
    T first = known.putIfAbsent(value, value);
    return first == null ? value : first;
  }

  /** The location of these parts, or none when they say nothing. */
  static Optional<Location> location(
      Optional<LatLon> point,
      OptionalDouble accuracy,
      LocationPrecision precision,
      AdminArea admin,
      Optional<String> address) {
    if (point.isEmpty() && admin.isEmpty() && address.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Location(point, accuracy, precision, admin, address));
  }
}
