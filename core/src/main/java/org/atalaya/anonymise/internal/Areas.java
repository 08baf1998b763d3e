package org.atalaya.anonymise.internal;

import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Location;

/** Names the area of a record for messages. Internal: use outside Atalaya is not supported. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Areas {
  private Areas() {}

  /**
   * Names the area of a location: {@code department/municipality} codes, or {@code "unknown area"}.
   * Read from the location, not the incident, so a release can name a record whose location it
   * replaced without building the record.
   *
   * @param location the location; never null
   * @return the name; never {@code null}
   */
  public static String name(Optional<Location> location) {
    AdminArea a = location.isPresent() ? location.get().admin() : AdminArea.NONE;
    if (a.department().isEmpty() && a.municipality().isEmpty()) {
      return "unknown area";
    }
    return a.department().orElse("?") + "/" + a.municipality().orElse("?");
  }
}
