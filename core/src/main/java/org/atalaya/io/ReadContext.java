package org.atalaya.io;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.atalaya.incident.Incident;

/**
 * The state of one read: counts, problems, the ids seen so far. Every reader funnels each record
 * through {@link #accept} or {@link #reject}, which is what keeps {@code accepted + rejected ==
 * read} true by construction. Not thread-safe.
 */
final class ReadContext {
  private final ReadOptions options;
  private final Instant now;
  private final IncidentHandler handler;
  private final Set<String> ids = new HashSet<>(1 << 16);
  private final List<Problem> problems = new ArrayList<>();
  private long accepted;
  private long rejected;

  ReadContext(ReadOptions options, IncidentHandler handler) {
    this.options = options;
    this.handler = handler;
    this.now = options.clock().instant();
  }

  ReadOptions options() {
    return options;
  }

  /**
   * Returns "now" for the future-date check: the clock is read once, when the read starts, so that
   * a long read judges every record against the same moment (and does not read the clock per row).
   */
  Instant now() {
    return now;
  }

  String file() {
    return options.sourceName();
  }

  /**
   * Claims an id for the record being read: returns false when an earlier accepted record has it. A
   * claimed id is released again if its record is rejected for another reason, so only accepted
   * records hold ids (one hash operation per accepted record instead of two).
   */
  boolean claim(String id) {
    return !options.rejectDuplicateIds() || ids.add(id);
  }

  void release(String id) {
    if (options.rejectDuplicateIds()) {
      ids.remove(id);
    }
  }

  /** Hands a filled record to the handler as an acceptance or a rejection. */
  void complete(RecordDecoder record, Supplier<String> raw) throws IOException {
    Incident incident = record.finish(this);
    if (incident == null) {
      reject(record.decoder.row(), raw.get(), record.decoder.problems());
    } else {
      problems.addAll(record.decoder.problems());
      accepted++;
      handler.accept(incident);
    }
  }

  void reject(long row, String raw, List<Problem> recordProblems) throws IOException {
    problems.addAll(recordProblems);
    rejected++;
    handler.reject(new Rejection(row, raw, recordProblems));
  }

  ReadReport report() {
    return new ReadReport(file(), accepted + rejected, accepted, rejected, problems);
  }
}
