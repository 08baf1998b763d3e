package org.atalaya.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.atalaya.code.Severity;

/**
 * What a reader did with its input: how many records it read, accepted and rejected, and every
 * problem it found. Always {@code accepted + rejected == read}. Immutable and thread-safe.
 *
 * @param file the input's name; never {@code null}
 * @param read records read (blank lines are not records)
 * @param accepted records accepted
 * @param rejected records rejected
 * @param problems every problem, in input order: the errors of rejected records and the warnings of
 *     accepted ones; never {@code null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record ReadReport(
    String file, long read, long accepted, long rejected, List<Problem> problems) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if accepted + rejected differs from read
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public ReadReport {
    Objects.requireNonNull(file, "file must not be null");
    problems = ImmutableList.copyOf(Objects.requireNonNull(problems, "problems must not be null"));
    checkArgument(
        read >= 0 && accepted >= 0 && rejected >= 0 && accepted + rejected == read,
        "accepted (%s) + rejected (%s) must equal read (%s)",
        accepted,
        rejected,
        read);
  }

  /**
   * Returns whether nothing was rejected and nothing flagged.
   *
   * @return true if there are no problems at all
   */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * Returns the problems of the given severity.
   *
   * @param severity the severity
   * @return the problems, in input order; never {@code null}
   */
  public List<Problem> problems(Severity severity) {
    return problems.stream()
        .filter(p -> p.severity() == severity)
        .collect(ImmutableList.toImmutableList());
  }
}
