package org.atalaya.io;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * Everything a read produced, in memory: the accepted incidents, the rejections and the report.
 * Immutable and thread-safe.
 *
 * @param incidents the accepted incidents in input order; never {@code null}, copied
 * @param rejections the rejected records in input order; never {@code null}, copied
 * @param report the counts and problems; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ReadResult(List<Incident> incidents, List<Rejection> rejections, ReadReport report) {

  /** Copies the lists. */
  public ReadResult {
    incidents =
        ImmutableList.copyOf(Objects.requireNonNull(incidents, "incidents must not be null"));
    rejections =
        ImmutableList.copyOf(Objects.requireNonNull(rejections, "rejections must not be null"));
    Objects.requireNonNull(report, "report must not be null");
  }
}
