package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.internal.IsoTimes;

/**
 * The dated history of a case through the justice system, oldest first, in which every step is an
 * allowed move (see {@link CaseStatus}) and no date is earlier than the one before it.
 *
 * <p>An empty history means the source says nothing about the case. A history may start at any
 * status: sources often begin when a case enters court. Immutable and thread-safe.
 *
 * @param events the steps, oldest first; never {@code null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CaseHistory(List<CaseEvent> events) {

  /** The history of a case about which nothing is known. */
  public static final CaseHistory EMPTY = new CaseHistory(List.of());

  /**
   * Validates the order of the steps.
   *
   * @throws IllegalArgumentException if a step is not an allowed move from the one before it, or
   *     goes back in time
   */
  public CaseHistory {
    events = ImmutableList.copyOf(Objects.requireNonNull(events, "events must not be null"));
    for (int i = 1; i < events.size(); i++) {
      CaseEvent prev = events.get(i - 1);
      CaseEvent next = events.get(i);
      checkArgument(
          prev.status().canMoveTo(next.status()),
          "case status cannot move from %s to %s (step %s); allowed next: %s",
          prev.status(),
          next.status(),
          i + 1,
          prev.status().successors());
      checkArgument(
          !next.date().isBefore(prev.date()),
          "case step %s (%s) is dated before the step it follows (%s)",
          i + 1,
          next,
          prev);
    }
  }

  /**
   * Returns a history of the given steps.
   *
   * @param events the steps, oldest first
   * @return the history
   * @throws IllegalArgumentException as the constructor
   */
  public static CaseHistory of(CaseEvent... events) {
    return new CaseHistory(List.of(events));
  }

  /**
   * Returns this history with one more step at its end.
   *
   * @param status the status reached
   * @param date the day it was reached, not before the last step
   * @return a new history
   * @throws IllegalArgumentException if the move is not allowed
   */
  public CaseHistory then(CaseStatus status, LocalDate date) {
    return new CaseHistory(
        ImmutableList.<CaseEvent>builder().addAll(events).add(CaseEvent.of(status, date)).build());
  }

  /**
   * Returns the current status: that of the last step.
   *
   * @return the status; never {@code null} but empty for an empty history
   */
  public Optional<CaseStatus> current() {
    return events.isEmpty()
        ? Optional.empty()
        : Optional.of(events.get(events.size() - 1).status());
  }

  /**
   * Returns whether the case ever reached {@code status}.
   *
   * @param status the status; never null
   * @return true if some step has it
   */
  public boolean reached(CaseStatus status) {
    return events.stream().anyMatch(e -> e.status() == status);
  }

  /**
   * Returns the history as a compact text, {@code "REPORTED@2024-01-03 CHARGED@2024-05-10"} (empty
   * for an empty history), the form used in CSV cells.
   *
   * @return the text
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (CaseEvent e : events) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(e);
    }
    return sb.toString();
  }

  /**
   * Parses the form written by {@link #toText()}; steps may be separated by blanks, commas or
   * semicolons.
   *
   * @param text the text; never null
   * @return the history
   * @throws IllegalArgumentException if a step is malformed or the history is invalid
   */
  public static CaseHistory parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    ImmutableList.Builder<CaseEvent> out = ImmutableList.builder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(parseStep(text, start, i));
      }
    }
    return new CaseHistory(out.build());
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r';
  }

  private static CaseEvent parseStep(String text, int start, int end) {
    int at = text.indexOf('@', start);
    checkArgument(
        at > start && at < end,
        "case step (%s) must look like CHARGED@2024-05-10",
        text.substring(start, end));
    CaseStatus status;
    try {
      status = CaseStatus.valueOf(text.substring(start, at));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "case status ("
              + text.substring(start, at)
              + ") must be one of "
              + List.of(CaseStatus.values()),
          e);
    }
    try {
      return CaseEvent.of(status, IsoTimes.localDate(text, at + 1, end));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "case step date (" + text.substring(at + 1, end) + ") must be yyyy-mm-dd", e);
    }
  }
}
