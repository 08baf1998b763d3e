package org.atalaya.io;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.Severity;

/**
 * A record that a reader rejected: its number, the record as it was read (a CSV line, a JSON
 * object) so it can be written to a side file and fixed, and every problem that rejected it.
 * Immutable and thread-safe.
 *
 * @param row the 1-based record number (see {@link Problem})
 * @param raw the record as read; never {@code null}
 * @param problems the problems, at least one of severity {@link Severity#ERROR}; never {@code
 *     null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Rejection(long row, String raw, List<Problem> problems) {

  /** Copies the problems. */
  public Rejection {
    Objects.requireNonNull(raw, "raw must not be null");
    problems = ImmutableList.copyOf(Objects.requireNonNull(problems, "problems must not be null"));
  }
}
