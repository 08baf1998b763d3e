package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.Victim;

/**
 * A part of an incident that an attacker may already know (where, when, what, about whom) and so
 * use to single a record out. The k of a release is the size of its smallest equivalence class:
 * the records that agree on every declared quasi-identifier.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum QuasiIdentifier {
  /** The point, the administrative codes and the address, together. */
  LOCATION,
  /** The occurred window. */
  TIME,
  /** The ICCS code. */
  CATEGORY,
  /** The victims' sexes. */
  VICTIM_SEX,
  /** The victims' ages or age bands. */
  VICTIM_AGE;

  /**
   * Parses {@code "location"}, {@code "time"}, {@code "category"}, {@code "victim-sex"} or {@code
   * "victim-age"}.
   *
   * @param name the name; never null
   * @return the quasi-identifier
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if unknown
   */
  public static QuasiIdentifier parse(String name) {
    return EnumNames.parse(QuasiIdentifier.class, name, "quasi-identifier");
  }

  /**
   * Returns the equivalence-class key of an incident over the given quasi-identifiers: two
   * incidents are in one class exactly when their keys are equal.
   *
   * @param incident the incident; never null
   * @param qis the quasi-identifiers; never null
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
      case TIME -> in.occurred().map(w -> w.from().toEpochSecond() + "/" + w.to().toEpochSecond() + w.precision().ordinal()).orElse("-");
      case CATEGORY -> in.iccs().map(c -> c.value()).orElse("-");
      case VICTIM_SEX -> in.victims().stream().map(v -> v.sex().name()).sorted().toList().toString();
      case VICTIM_AGE -> in.victims().stream().map(QuasiIdentifier::age).sorted().toList().toString();
    };
  }

  private static String location(Location l) {
    // Exact bit patterns rather than decimal text: the same equality, at a fraction of the cost.
    StringBuilder b = new StringBuilder(48);
    if (l.point().isPresent()) {
      b.append(Double.doubleToLongBits(l.point().get().latitude())).append(',')
          .append(Double.doubleToLongBits(l.point().get().longitude()));
    }
    b.append(';').append(l.admin().department().orElse("")).append(';').append(l.admin().municipality().orElse(""))
        .append(';').append(l.admin().colonia().orElse("")).append(';').append(l.address().orElse(""));
    return b.toString();
  }

  private static String age(Victim v) {
    return v.age().isPresent() ? Integer.toString(v.age().getAsInt()) : v.ageBand().map(Object::toString).orElse("?");
  }

  /**
   * Groups incidents into equivalence classes.
   *
   * @param incidents the incidents; never null
   * @param qis the quasi-identifiers; never null
   * @return the classes by key
   */
  public static Map<String, List<Incident>> classes(Collection<Incident> incidents, Collection<QuasiIdentifier> qis) {
    Map<String, List<Incident>> out = new HashMap<>();
    for (Incident i : incidents) {
      out.computeIfAbsent(key(i, qis), k -> new ArrayList<>(4)).add(i);
    }
    return out;
  }
}
