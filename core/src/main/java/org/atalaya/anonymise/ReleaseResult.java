package org.atalaya.anonymise;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.BuiltWhenRead;
import org.atalaya.incident.Incident;

/**
 * The output of a release run and its privacy report. When {@link PrivacyReport#passed()} is false
 * the incidents must not be published; {@link Release#publish} never writes them.
 *
 * @param incidents the released incidents (also when the policy publishes tables only: the tables
 *     count them); never {@code null}, copied
 * @param tables the protected aggregate tables, in the policy's order; never {@code null}, copied
 * @param report the report; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ReleaseResult(
    List<Incident> incidents, List<AggregateTable> tables, PrivacyReport report) {
  /**
   * Validates the result.
   *
   * @throws NullPointerException if a component is null
   */
  public ReleaseResult {
    incidents = incidents instanceof BuiltWhenRead ? incidents : List.copyOf(incidents);
    tables = List.copyOf(tables);
    Objects.requireNonNull(report, "report must not be null");
  }

  /**
   * Creates the result of a release without aggregate tables.
   *
   * @param incidents the released incidents; never null
   * @param report the report; never null
   */
  public ReleaseResult(List<Incident> incidents, PrivacyReport report) {
    this(incidents, List.of(), report);
  }
}
