package org.atalaya.testkit;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.synthetic.HostileIncidents;
import org.atalaya.synthetic.RandomDraws;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for property tests of plugins: the same valid but hostile incidents
 * Atalaya tests its own formats and releases with (Spanish text, emoji, quotes, delimiters, line
 * breaks, formula-like text in every free-text field; three UTC offsets; uncertain and estimated
 * windows; missing locations, times and victims; every precision; random valid case histories;
 * namespaced attributes).
 *
 * <pre>{@code
 * qt().forAll(Generators.incidents()).checkAssert(incident -> ...);
 * }</pre>
 *
 * <p>Each generator wraps the matching method of {@link HostileIncidents} (core), and each of its
 * draws is a QuickTheories draw, so a failing example shrinks draw by draw.
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
    return fromDraws(HostileIncidents::incident);
  }

  /**
   * Returns lists of one to six valid incidents with distinct ids.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<List<Incident>> incidentLists() {
    return fromDraws(HostileIncidents::incidentList);
  }

  /**
   * Returns valid locations in and around Honduras: points, admin codes, addresses, combinations.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<Location> locations() {
    return fromDraws(HostileIncidents::location);
  }

  /**
   * Returns non-blank free text made of tricky fragments (accents, emoji, quotes, line breaks).
   *
   * @return the generator; never {@code null}
   */
  public static Gen<String> text() {
    return fromDraws(HostileIncidents::text);
  }

  /**
   * Returns non-blank text on one line, as ids and attribute names need.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<String> lineText() {
    return fromDraws(HostileIncidents::lineText);
  }

  /**
   * Returns moments from 2000 to 2024 at UTC-6, UTC or UTC+5:30, with or without nanoseconds.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<OffsetDateTime> moments() {
    return fromDraws(HostileIncidents::moment);
  }

  /**
   * Returns instants, days, months, years and uncertain windows of up to 30 days, half estimated.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<TimeWindow> windows() {
    return fromDraws(HostileIncidents::window);
  }

  /**
   * Returns victims with an exact age, an age band, both or neither.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<Victim> victims() {
    return fromDraws(HostileIncidents::victim);
  }

  /**
   * Returns valid case histories of up to five events, or none.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<CaseHistory> caseHistories() {
    return fromDraws(HostileIncidents::caseHistory);
  }

  /**
   * Returns up to three {@code src:} attributes with hostile names and hostile or empty values.
   *
   * @return the generator; never {@code null}
   */
  public static Gen<Map<String, String>> attributes() {
    return fromDraws(HostileIncidents::attributes);
  }

  /**
   * Returns a generator whose every draw is a QuickTheories draw, for your own generators written
   * against {@link RandomDraws} (as {@link HostileIncidents} is).
   *
   * @param generator makes one value from the draws; never {@code null}
   * @param <T> the type of the values
   * @return the generator; never {@code null}
   */
  public static <T> Gen<T> fromDraws(Function<RandomDraws, ? extends T> generator) {
    checkNotNull(generator, "generator must not be null");
    return in -> generator.apply((min, max) -> Generate.longRange(min, max).generate(in));
  }
}
