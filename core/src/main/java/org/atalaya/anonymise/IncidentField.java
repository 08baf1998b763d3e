package org.atalaya.anonymise;

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

  /** Returns the incident without this field. */
  Incident drop(Incident in) {
    Incident.Builder b = in.toBuilder();
    switch (this) {
      case SOURCE_REFS -> {
        return new Incident(in.id(), java.util.List.of(), in.classification(), in.occurred(), in.reportedAt(),
            in.location(), in.victims(), in.context(), in.caseHistory(), in.publication(), in.source(),
            in.narrative(), in.sensitivity(), in.attributes());
      }
      case SOURCE_CATEGORY -> b.classification(new Classification(in.classification().iccs(), java.util.Optional.empty(), java.util.Map.of()));
      case REPORTED_AT -> b.reportedAt(null);
      case ADDRESS -> b.location(in.location().flatMap(l -> rebuild(l.toBuilder().address(null))).orElse(null));
      case COLONIA -> b.location(in.location().flatMap(l -> rebuild(l.toBuilder()
          .admin(new AdminArea(l.admin().department(), l.admin().municipality(), java.util.Optional.empty())))).orElse(null));
      case VICTIMS -> b.victims(java.util.List.of());
      case CONTEXT -> b.context(IncidentContext.UNKNOWN);
      case CASE_HISTORY -> b.caseHistory(CaseHistory.EMPTY);
      case NARRATIVE -> b.narrative(null);
      case ATTRIBUTES -> {
        java.util.Map<String, String> kept = new java.util.TreeMap<>();
        in.attributes().values().forEach((k, v) -> {
          if (k.startsWith("atalaya:")) {
            kept.put(k, v);
          }
        });
        b.attributes(new Attributes(kept));
      }
      default -> throw new AssertionError(this);
    }
    return b.build();
  }

  /** A location that would say nothing once a part is dropped becomes no location at all. */
  static java.util.Optional<Location> rebuild(Location.Builder b) {
    try {
      return java.util.Optional.of(b.build());
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
