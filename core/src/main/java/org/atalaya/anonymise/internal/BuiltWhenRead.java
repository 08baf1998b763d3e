package org.atalaya.anonymise.internal;

import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.anonymise.Release;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;

/**
 * A list of incidents that never changes and builds each incident when it is read (reading one
 * twice gives equal incidents, not the same object), from an incident it was made from and a
 * location. A release keeps such a list as it is instead of copying it (a copy would build a
 * million records for the garbage collector to move), and reads the parts it needs without building
 * the records.
 *
 * <p>Internal: shared by {@link Release} and the spatial steps of the geo module; not part of the
 * API, and use of this type outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface BuiltWhenRead {
  /**
   * Returns the incident the one at {@code index} is made from: it has every part of that incident,
   * its id included, except potentially its {@link #location}.
   *
   * @param index the position
   * @return the incident; never {@code null}
   */
  Incident madeFrom(int index);

  /**
   * Returns the location of the incident at {@code index}.
   *
   * @param index the position
   * @return the location; never {@code null} but potentially empty
   */
  Optional<Location> location(int index);

  /**
   * Returns the incident at {@code index} with its id replaced by {@code id}: one record built
   * where reading it and then replacing its id would build two.
   *
   * @param index the position
   * @param id the new id; never null
   * @return the incident; never {@code null}
   */
  Incident withId(int index, String id);
}
