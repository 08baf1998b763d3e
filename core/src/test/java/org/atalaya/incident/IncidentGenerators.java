package org.atalaya.incident;

import java.util.List;
import java.util.function.Function;
import org.atalaya.synthetic.HostileIncidents;
import org.atalaya.synthetic.RandomDraws;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Core's own QuickTheories view of {@link HostileIncidents}: core cannot depend on the test kit (it
 * depends on core), so this mirrors the kit's {@code Generators} for the few generators core's
 * tests use. The generator logic lives once, in {@link HostileIncidents}.
 */
public final class IncidentGenerators {
  private IncidentGenerators() {}

  /** Non-blank text made of tricky fragments. */
  public static Gen<String> text() {
    return drawn(HostileIncidents::text);
  }

  /** Non-blank text on one line (ids, attribute names). */
  public static Gen<String> lineText() {
    return drawn(HostileIncidents::lineText);
  }

  /** Valid incidents with every part exercised, including absent parts. */
  public static Gen<Incident> incidents() {
    return drawn(HostileIncidents::incident);
  }

  /** Lists of one to six incidents with distinct ids. */
  public static Gen<List<Incident>> incidentLists() {
    return drawn(HostileIncidents::incidentList);
  }

  // Every draw a QuickTheories draw, so failures shrink as they did with QuickTheories' own
  // generators.
  private static <T> Gen<T> drawn(Function<RandomDraws, T> generator) {
    return in -> generator.apply((min, max) -> Generate.longRange(min, max).generate(in));
  }
}
