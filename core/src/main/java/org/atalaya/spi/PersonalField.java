package org.atalaya.spi;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The personal or identifying parts of an incident that a plugin may declare it reads or writes.
 * The declaration is a promise to the people who install a plugin (and to their data-protection
 * officer), shown by {@code atalaya plugins list}; Atalaya cannot enforce what plugin code does.
 *
 * <p>In a plugin's properties file each field is written in lower case with dashes, for example
 * {@code reads=narrative, exact-location}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PersonalField {
  /** The free-text account of what happened, which often names people and places. */
  NARRATIVE,
  /** A point location (latitude and longitude), which can identify a home. */
  EXACT_LOCATION,
  /** A street address or place description. */
  ADDRESS,
  /** Victims' age, sex, outcome and relationship to the offender. */
  VICTIM_DETAILS,
  /** Who reported: source references, report ids, reporter contact details. */
  SOURCE_IDENTITY,
  /** Case file numbers and the history of a case through the justice system. */
  CASE_RECORD,
  /** Free-form attributes, which may hold anything the source had. */
  ATTRIBUTES;

  /**
   * Returns the name used in properties files, for example {@code exact-location}.
   *
   * @return the key; never {@code null}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the field whose {@link #key()} is {@code key}, ignoring case and accepting underscores
   * for dashes.
   *
   * @param key the key; never null
   * @return the field; never {@code null}
   * @throws IllegalArgumentException if no field has that key, listing the keys there are
   */
  public static PersonalField fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (PersonalField f : values()) {
      if (f.key().equals(k)) {
        return f;
      }
    }
    StringBuilder known = new StringBuilder();
    for (PersonalField f : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(f.key());
    }
    throw new IllegalArgumentException(
        "'" + key + "' is not a personal field; use one of " + known);
  }
}
