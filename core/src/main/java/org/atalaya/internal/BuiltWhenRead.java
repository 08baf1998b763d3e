package org.atalaya.internal;

import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * Marks a list of incidents that never changes and builds each incident when it is read (reading
 * one twice gives equal incidents, not the same object). A release keeps such a list as it is
 * instead of copying it: a copy would build a million records for the garbage collector to move.
 *
 * <p>Internal: not part of the API; use of this type outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface BuiltWhenRead {
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
