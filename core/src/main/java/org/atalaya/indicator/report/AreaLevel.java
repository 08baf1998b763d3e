package org.atalaya.indicator.report;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * Which code of an incident's location is the area of the population table.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AreaLevel {
  /** The department code ({@code 08}). */
  DEPARTMENT,
  /** The municipality code ({@code 0801}). */
  MUNICIPALITY;

  /**
   * Returns the name used in the JSON document and on the command line.
   *
   * @return {@code "department"} or {@code "municipality"}; never {@code null}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the level named {@code key}, in any case and with surrounding blanks.
   *
   * @param key department or municipality; never {@code null}
   * @return the level; never {@code null}
   * @throws IllegalArgumentException if the key names no level
   */
  public static AreaLevel of(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (AreaLevel l : values()) {
      if (l.key().equals(k)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "area level (" + key + ") must be department or municipality");
  }

  /**
   * Returns the incident's code at this level.
   *
   * @param incident the incident; never {@code null}
   * @return the code; empty when the incident has no location or no code at this level
   */
  public Optional<String> codeOf(Incident incident) {
    return incident
        .location()
        .flatMap(l -> this == DEPARTMENT ? l.admin().department() : l.admin().municipality());
  }
}
