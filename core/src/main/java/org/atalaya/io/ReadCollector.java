package org.atalaya.io;

import java.util.ArrayList;
import java.util.List;
import org.atalaya.incident.Incident;

/** Keeps everything a read produced, for {@link IncidentReader#readAll}. Not thread-safe. */
final class ReadCollector implements IncidentHandler {
  private final List<Incident> accepted = new ArrayList<>();
  private final List<Rejection> rejected = new ArrayList<>();

  @Override
  public void accept(Incident incident) {
    accepted.add(incident);
  }

  @Override
  public void reject(Rejection rejection) {
    rejected.add(rejection);
  }

  ReadResult result(ReadReport report) {
    return new ReadResult(accepted, rejected, report);
  }
}
