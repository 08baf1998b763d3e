package org.atalaya.anonymise;

import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.RecordDraft;
import org.atalaya.incident.Incident;

/**
 * A {@link ReleaseStep} that changes one record at a time: it reads and replaces the parts of the
 * record through a {@link RecordEditor} and needs nothing else but the release's {@link
 * ReleaseContext}. A {@link Release} passes each record through all consecutive record steps in one
 * editor and builds the incident once, after the last of them; records are split in chunks that may
 * run on several threads, each chunk with its own context (same key and ledger; the suppressions
 * are added up in chunk order; the noise source is shared when it is a {@link
 * java.security.SecureRandom}, split per chunk when it is splittable, and otherwise the chunks run
 * one after another). Chunks depend only on the number of records and the output keeps input order,
 * so a release is the same on any machine.
 *
 * <p>A step whose result depends on other records, or on one order of noise draws, is a {@link
 * DatasetStep} instead.
 *
 * <pre>{@code
 * RecordStep noNarrative = new RecordStep() {
 *   public String name() { return "no-narrative"; }
 *   public boolean edit(RecordEditor record, ReleaseContext context) {
 *     record.narrative(Optional.empty());
 *     return true;
 *   }
 * };
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public non-sealed interface RecordStep extends ReleaseStep {

  /**
   * Changes one record. A part set to an invalid value fails the release when the record is built,
   * naming the steps of the pass.
   *
   * @param record the record being released; never {@code null}, valid only during this call
   * @param context the release's context (a chunk's); never {@code null}
   * @return false to suppress the record (after calling {@link ReleaseContext#suppress}), true to
   *     keep it
   */
  boolean edit(RecordEditor record, ReleaseContext context);

  /**
   * Runs this step on one incident alone, for tests and one-off use: edits an editor of {@code
   * incident} and builds the result. A release never calls this; it is not meant to be overridden.
   *
   * @param incident the incident; never null
   * @param context the context; never null
   * @return the edited incident (the same object when nothing changed), or empty when suppressed;
   *     never {@code null}
   */
  default Optional<Incident> apply(Incident incident, ReleaseContext context) {
    RecordDraft draft = RecordDraft.of(incident);
    return edit(draft, context) ? Optional.of(draft.build()) : Optional.empty();
  }
}
