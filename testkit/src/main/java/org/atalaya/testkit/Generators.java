package org.atalaya.testkit;

import java.util.List;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.Location;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators for property tests of plugins: the same valid but hostile incidents
 * Atalaya tests its own formats with (Spanish text, emoji, quotes, delimiters, line breaks,
 * formula-like text in every free-text field; missing locations and times; every precision;
 * random valid case histories).
 *
 * <pre>{@code
 * qt().forAll(Generators.incidents()).checkAssert(incident -> ...);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Generators {

  private Generators() {}

  /**
   * Returns valid incidents with every part exercised, including absent parts.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<Incident> incidents() {
    return IncidentGenerators.incidents();
  }

  /**
   * Returns lists of valid incidents with distinct ids.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<List<Incident>> incidentLists() {
    return IncidentGenerators.incidentLists();
  }

  /**
   * Returns valid locations in and around Honduras: points, admin codes, addresses, combinations.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<Location> locations() {
    return IncidentGenerators.locations();
  }

  /**
   * Returns non-blank free text made of tricky fragments (accents, emoji, quotes, line breaks).
   *
   * @return the generator; never {@code null}
   */
  public static Gen<String> text() {
    return IncidentGenerators.text();
  }
}
