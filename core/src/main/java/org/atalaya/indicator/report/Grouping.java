package org.atalaya.indicator.report;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A dimension an {@link IndicatorReport} groups by. Area and year group every indicator; sex and
 * age group only the SDG 16.1.1 victims (incidents have no sex or age, victims do).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Grouping {
  /** The incident's department or municipality code (see {@link AreaLevel}). */
  AREA,
  /** The calendar year of occurrence. */
  YEAR,
  /** The victim's sex (female and male; other and unknown are counted in the totals only). */
  SEX,
  /** The victim's age band (the population table's bands, or the default ones). */
  AGE;

  /**
   * Returns the name used in the JSON document and on the command line.
   *
   * @return {@code "area"}, {@code "year"}, {@code "sex"} or {@code "age"}; never {@code null}
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the grouping named {@code key}, in any case and with surrounding blanks.
   *
   * @param key area, year, sex or age; never {@code null}
   * @return the grouping; never {@code null}
   * @throws IllegalArgumentException if the key names no grouping
   */
  public static Grouping of(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Grouping g : values()) {
      if (g.key().equals(k)) {
        return g;
      }
    }
    throw new IllegalArgumentException("grouping (" + key + ") must be area, year, sex or age");
  }
}
