package org.atalaya.anonymise;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Location;
import org.atalaya.incident.Attributes;

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
   * Returns the incident without the given fields, built once: releases of a million records
   * cannot afford one copy of every incident per dropped field.
   */
  static Incident dropAll(Incident in, Set<IncidentField> fields) {
    if (fields.isEmpty()) {
      return in;
    }
    Optional<Location> location = in.location();
    if (location.isPresent() && (fields.contains(ADDRESS) || fields.contains(COLONIA))) {
      Location l = location.get();
      AdminArea a = fields.contains(COLONIA) && l.admin().colonia().isPresent()
          ? new AdminArea(l.admin().department(), l.admin().municipality(), Optional.empty()) : l.admin();
      Optional<String> address = fields.contains(ADDRESS) ? Optional.empty() : l.address();
      location = l.address().equals(address) && a == l.admin() ? location
          : rebuild(l.toBuilder().admin(a).address(address.orElse(null)));
    }
    Attributes attributes = in.attributes();
    if (fields.contains(ATTRIBUTES) && !attributes.isEmpty() && !onlyOwnMarkers(attributes)) {
      java.util.Map<String, String> kept = new java.util.TreeMap<>();
      attributes.values().forEach((k, v) -> {
        if (k.startsWith("atalaya:")) {
          kept.put(k, v);
        }
      });
      attributes = kept.size() == attributes.values().size() ? attributes : new Attributes(kept);
    }
    Classification c = in.classification();
    if (fields.contains(SOURCE_CATEGORY) && (c.sourceLabel().isPresent() || !c.otherCodes().isEmpty())) {
      c = new Classification(c.iccs(), Optional.empty(), java.util.Map.of());
    }
    return new Incident(in.id(),
        fields.contains(SOURCE_REFS) ? java.util.List.of() : in.sourceRefs(),
        c, in.occurred(),
        fields.contains(REPORTED_AT) ? Optional.empty() : in.reportedAt(),
        location,
        fields.contains(VICTIMS) ? java.util.List.of() : in.victims(),
        fields.contains(CONTEXT) ? IncidentContext.UNKNOWN : in.context(),
        fields.contains(CASE_HISTORY) ? CaseHistory.EMPTY : in.caseHistory(),
        in.publication(), in.source(),
        fields.contains(NARRATIVE) ? Optional.empty() : in.narrative(),
        in.sensitivity(), attributes);
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

  /** A location that would say nothing once a part is dropped becomes no location at all. */
  static Optional<Location> rebuild(Location.Builder b) {
    try {
      return Optional.of(b.build());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
