package org.atalaya.examples.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.atalaya.geo.event.GeofenceEvent;

/** One geofence event as a JSON object on one line, the form both listeners send. */
final class EventJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  static String of(GeofenceEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("subject", e.subjectId());
    n.put("fence", e.fenceId());
    n.put("kind", e.kind().name());
    n.put("time", e.time().toString());
    n.put("latitude", e.latitude());
    n.put("longitude", e.longitude());
    e.exitReason().ifPresent(r -> n.put("exitReason", r.name()));
    return n.toString();
  }
}
