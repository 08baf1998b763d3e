package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.VictimText;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.SourceType;

/**
 * A part of a released incident: every part a release can publish is listed here, so that a policy
 * can give each one an {@link AttributeRole} and nothing published goes uncounted. A part with no
 * declared role is quasi-identifying: something an attacker may already know (where, when, what,
 * about whom, how) and so use to single a record out. The k of a release is the size of its
 * smallest equivalence class: the records that agree on every quasi-identifying part.
 *
 * <p>{@link #ID} and {@link #SOURCE_REFS} are identifying by default: they must be pseudonymised or
 * dropped. {@link #ID} can never be quasi-identifying (it is unique per record).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum QuasiIdentifier {
  /**
   * The location: the point with its stated accuracy and precision, the administrative codes and
   * the address, together.
   */
  LOCATION,
  /** The occurred window. */
  TIME,
  /** The ICCS code. */
  CATEGORY,
  /** The victims' sexes. */
  VICTIM_SEX,
  /** The victims' ages or age bands. */
  VICTIM_AGE,
  /** The victims' relationships to the offender. */
  VICTIM_RELATIONSHIP,
  /** The victims' outcomes (killed, injured, ...). */
  VICTIM_OUTCOME,
  /** Whether the act was attempted or completed. */
  ATTEMPT,
  /** The mechanism (firearm, knife, ...). */
  MECHANISM,
  /** The type of place (residence, public space, ...). */
  PLACE_TYPE,
  /** The domestic flag of the circumstances. */
  DOMESTIC,
  /** The organised-crime flag of the circumstances. */
  ORGANISED_CRIME,
  /** Who reported the incident (police, citizen, media, ...). */
  SOURCE,
  /** The category as the source wrote it, and codes in other schemes. */
  SOURCE_CATEGORY,
  /** When the incident was reported. */
  REPORTED_AT,
  /** The case's dated history (its current status is the value diversity measures read). */
  CASE_HISTORY,
  /** The publication state. */
  PUBLICATION,
  /** The sensitivity flags. */
  SENSITIVITY,
  /** The free-text narrative. */
  NARRATIVE,
  /** The namespaced attributes (the toolkit's own markers included). */
  ATTRIBUTES,
  /** Records of the incident in other systems; identifying by default. */
  SOURCE_REFS,
  /** The incident's id; identifying by default, and never quasi-identifying. */
  ID;

  /** The parts an attacker who lives nearby knows: where, when and what. */
  public static final Set<QuasiIdentifier> NEIGHBOUR_KNOWLEDGE =
      Collections.unmodifiableSet(EnumSet.of(LOCATION, TIME, CATEGORY));

  /**
   * Parses a name such as {@code "location"}, {@code "victim-age"} or {@code "place-type"}.
   *
   * @param name the name; never null
   * @return the part
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static QuasiIdentifier parse(String name) {
    return EnumNames.parse(QuasiIdentifier.class, name, "quasi-identifier");
  }

  /**
   * Returns the name policies use, for example {@code "victim-age"}.
   *
   * @return the name; never {@code null}
   */
  public String policyName() {
    return EnumNames.nameOf(this);
  }

  /**
   * Returns the role a part has when a policy declares none: {@link AttributeRole#IDENTIFYING} for
   * {@link #ID} and {@link #SOURCE_REFS}, {@link AttributeRole#QUASI_IDENTIFYING} for every other.
   *
   * @return the role; never {@code null}
   */
  public AttributeRole defaultRole() {
    return this == ID || this == SOURCE_REFS
        ? AttributeRole.IDENTIFYING
        : AttributeRole.QUASI_IDENTIFYING;
  }

  /**
   * Returns the parts whose role is quasi-identifying: declared so in {@code declared}, or
   * declaring nothing and quasi-identifying by default.
   */
  static Set<QuasiIdentifier> quasiIdentifying(Map<QuasiIdentifier, AttributeRole> declared) {
    EnumSet<QuasiIdentifier> out = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier q : values()) {
      if (declared.getOrDefault(q, q.defaultRole()) == AttributeRole.QUASI_IDENTIFYING) {
        out.add(q);
      }
    }
    return out;
  }

  /**
   * Returns whether {@code incident}, with its location replaced by {@code location}, carries a
   * value for this part: a part that no released record carries is not published.
   *
   * @param incident the incident; never null
   * @param location its location; never null
   * @return true if the part holds something
   */
  public boolean presentIn(Incident incident, Optional<Location> location) {
    return switch (this) {
      case LOCATION -> location.isPresent();
      case TIME -> incident.occurred().isPresent();
      case CATEGORY -> incident.iccs().isPresent();
      case VICTIM_SEX, VICTIM_AGE, VICTIM_RELATIONSHIP, VICTIM_OUTCOME ->
          !incident.victims().isEmpty();
      case ATTEMPT -> incident.context().attempt() != Attempt.UNKNOWN;
      case MECHANISM -> incident.context().mechanism() != Mechanism.UNKNOWN;
      case PLACE_TYPE -> incident.context().placeType() != PlaceType.UNKNOWN;
      case DOMESTIC -> incident.context().domestic().isPresent();
      case ORGANISED_CRIME -> incident.context().organisedCrime().isPresent();
      case SOURCE -> incident.source() != SourceType.UNKNOWN;
      case SOURCE_CATEGORY ->
          incident.classification().sourceLabel().isPresent()
              || !incident.classification().otherCodes().isEmpty();
      case REPORTED_AT -> incident.reportedAt().isPresent();
      case CASE_HISTORY -> !incident.caseHistory().events().isEmpty();
      case PUBLICATION -> true;
      case SENSITIVITY -> !incident.sensitivity().isEmpty();
      case NARRATIVE -> incident.narrative().isPresent();
      case ATTRIBUTES -> !incident.attributes().isEmpty();
      case SOURCE_REFS -> !incident.sourceRefs().isEmpty();
      case ID -> true;
    };
  }

  /**
   * Returns the value of this part in {@code incident} (with its location replaced by {@code
   * location}), as an object whose {@link Object#equals} says whether two records agree on the
   * part; {@code null} when the part holds nothing. {@link #CASE_HISTORY} gives the current status
   * when asked for its {@code sensitiveValue}.
   *
   * @param incident the incident; never null
   * @param location its location; never null
   * @return the value, or null
   */
  public Object value(Incident incident, Optional<Location> location) {
    if (!presentIn(incident, location)) {
      return null;
    }
    return switch (this) {
      case LOCATION -> location.get();
      case TIME -> incident.occurred().get();
      case CATEGORY -> incident.iccs().get();
      case VICTIM_SEX, VICTIM_AGE, VICTIM_RELATIONSHIP, VICTIM_OUTCOME ->
          VictimText.of(incident, EnumSet.of(this));
      case ATTEMPT -> incident.context().attempt();
      case MECHANISM -> incident.context().mechanism();
      case PLACE_TYPE -> incident.context().placeType();
      case DOMESTIC -> incident.context().domestic().get();
      case ORGANISED_CRIME -> incident.context().organisedCrime().get();
      case SOURCE -> incident.source();
      case SOURCE_CATEGORY ->
          List.of(incident.classification().sourceLabel(), incident.classification().otherCodes());
      case REPORTED_AT -> incident.reportedAt().get();
      case CASE_HISTORY -> incident.caseHistory();
      case PUBLICATION -> incident.publication();
      case SENSITIVITY -> incident.sensitivity();
      case NARRATIVE -> incident.narrative().get();
      case ATTRIBUTES -> incident.attributes();
      case SOURCE_REFS -> incident.sourceRefs();
      case ID -> incident.id();
    };
  }

  /**
   * Returns the value that diversity and closeness measures read for this part when it is declared
   * {@link AttributeRole#SENSITIVE}: as {@link #value}, except that {@link #CASE_HISTORY} gives the
   * current status, and each victim part the sorted list of its values.
   *
   * @param incident the incident; never null
   * @param location its location; never null
   * @return the value as text, {@code "-"} when the part holds nothing; never {@code null}
   */
  public String sensitiveValue(Incident incident, Optional<Location> location) {
    if (this == CASE_HISTORY) {
      return incident.caseHistory().current().map(Enum::name).orElse("-");
    }
    Object v = value(incident, location);
    return v == null ? "-" : v.toString();
  }

  /**
   * Returns the equivalence-class key of an incident over the given parts: two incidents are in one
   * class exactly when their keys are equal (the same equality as {@link
   * org.atalaya.anonymise.internal.ClassNumbers}).
   *
   * @param incident the incident; never null
   * @param qis the parts; never null
   * @return the key; never {@code null}
   */
  public static String key(Incident incident, Collection<QuasiIdentifier> qis) {
    StringBuilder b = new StringBuilder(64);
    for (QuasiIdentifier q : values()) {
      if (qis.contains(q)) {
        b.append(q.part(incident)).append('|');
      }
    }
    return b.toString();
  }

  private String part(Incident in) {
    return switch (this) {
      case LOCATION -> in.location().map(QuasiIdentifier::location).orElse("-");
      case TIME ->
          in.occurred()
              .map(
                  w ->
                      w.from().toEpochSecond()
                          + "/"
                          + w.to().toEpochSecond()
                          + w.precision().ordinal())
              .orElse("-");
      case CATEGORY -> in.iccs().map(c -> c.value()).orElse("-");
      case VICTIM_SEX, VICTIM_AGE, VICTIM_RELATIONSHIP, VICTIM_OUTCOME ->
          VictimText.of(in, EnumSet.of(this));
      default -> String.valueOf(value(in, in.location()));
    };
  }

  private static String location(Location l) {
    // Exact bit patterns rather than decimal text: the same equality, at a fraction of the cost.
    StringBuilder b = new StringBuilder(48);
    if (l.point().isPresent()) {
      b.append(Double.doubleToLongBits(l.point().get().latitude()))
          .append(',')
          .append(Double.doubleToLongBits(l.point().get().longitude()));
    }
    b.append(';')
        .append(
            l.accuracyMetres().isPresent()
                ? Double.doubleToLongBits(l.accuracyMetres().getAsDouble())
                : "")
        .append(';')
        .append(l.precision())
        .append(';')
        .append(l.admin().department().orElse(""))
        .append(';')
        .append(l.admin().municipality().orElse(""))
        .append(';')
        .append(l.admin().colonia().orElse(""))
        .append(';')
        .append(l.address().orElse(""));
    return b.toString();
  }

  /**
   * Groups incidents into equivalence classes.
   *
   * @param incidents the incidents; never null
   * @param qis the quasi-identifiers; never null
   * @return the classes by key
   */
  public static Map<String, List<Incident>> classes(
      Collection<Incident> incidents, Collection<QuasiIdentifier> qis) {
    Map<String, List<Incident>> out = new HashMap<>();
    for (Incident i : incidents) {
      out.computeIfAbsent(key(i, qis), k -> new ArrayList<>(4)).add(i);
    }
    return out;
  }
}
