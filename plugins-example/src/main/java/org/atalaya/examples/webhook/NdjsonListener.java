package org.atalaya.examples.webhook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.atalaya.geo.event.GeofenceEvent;
import org.atalaya.geo.event.GeofenceListenerExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each event as one JSON line to a file. Thread-safe: trackers on several threads may share
 * it. A write that fails is logged and counted, never thrown at the tracker.
 */
public final class NdjsonListener implements GeofenceListenerExtension {

  private static final Logger LOG = LoggerFactory.getLogger(NdjsonListener.class);
  private final Path file;
  private BufferedWriter out;
  private long failures;

  /**
   * @param file the file to append to; created at the first event
   */
  public NdjsonListener(Path file) {
    this.file = file;
  }

  @Override
  public String id() {
    return "ndjson-file";
  }

  @Override
  public synchronized void onEvent(GeofenceEvent event) {
    try {
      if (out == null) {
        out =
            Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
      out.write(EventJson.of(event));
      out.write('\n');
      out.flush(); // one event per line, visible at once to a `tail -f`
    } catch (IOException e) {
      failures++;
      LOG.warn("cannot write geofence event to {}: {}", file, e.toString());
    }
  }

  /**
   * @return how many events could not be written
   */
  public synchronized long failures() {
    return failures;
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("cannot close {}: {}", file, e.toString());
      }
      out = null;
    }
  }
}
