package org.atalaya.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * One step of a release pipeline: takes incidents and gives them back generalised, masked,
 * redacted or suppressed. Steps are the extension point through which plugins and {@code
 * atalaya-geo} add anonymisation methods.
 *
 * <p><b>Threading.</b> One instance may serve many releases, on many threads at once: an
 * implementation must be immutable or otherwise thread-safe, and keep what belongs to one release
 * in the {@link ReleaseContext} it is handed (which belongs to that release only and is used from
 * one thread at a time).
 *
 * <p><b>Per-record steps.</b> A {@link Release} runs consecutive steps that keep the default
 * {@link #applyAll} as one pass: each incident goes through all of them, as one {@link
 * IncidentDraft} handed to each step's {@link #edit}, before the next, in
 * chunks of records that may run on several threads, each chunk with its own context (same key
 * and ledger; the suppressions are added up in chunk order; the noise source is shared when it is
 * a {@link java.security.SecureRandom}, split per chunk when it is splittable, and otherwise the
 * chunks run one after another on the calling thread). Chunks depend only on the number of
 * incidents and the output keeps input order, so a release is the same on any machine; for steps
 * whose {@link #apply} depends only on the incident and the key it is the same as running the
 * steps one after another. A step that needs the whole set, or one order of calls (noise drawn
 * in sequence), overrides {@link #applyAll}.
 *
 * <p><b>Nulls.</b> No argument is ever {@code null} and no method may return {@code null}: a step
 * that removes an incident returns {@link Optional#empty()} and says why through {@link
 * ReleaseContext#suppress}.
 *
 * <p><b>Failure.</b> A step that throws fails the whole release closed: the pipeline catches the
 * exception, publishes nothing and reports {@link AnonymiseCode#STEP_FAILED} with the step's
 * {@link #name()}. A step must never "skip" a record it cannot handle by passing it through
 * unchanged; it throws or suppresses.
 *
 * <p><b>Identity.</b> Steps must keep each incident's {@link Incident#id() id}: the pipeline uses
 * it to measure displacement and derives stable masks from it, and replaces it by a pseudonym
 * only after the last step.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReleaseStep {

  /**
   * Returns a short name for reports and errors, for example {@code "donut-mask"}.
   *
   * @return the name; never {@code null} or blank
   */
  String name();

  /**
   * Transforms one incident.
   *
   * @param incident the incident; never {@code null}
   * @param context the release's context; never {@code null}
   * @return the transformed incident, or empty to suppress it (after calling {@link
   *     ReleaseContext#suppress}); never {@code null}
   */
  Optional<Incident> apply(Incident incident, ReleaseContext context);

  /**
   * Transforms one incident in place, for a {@link Release} that passes each record through
   * several steps in one draft and builds the incident once at the end. Must change the draft
   * exactly as {@link #apply} changes the incident. The default builds the draft's incident, calls
   * {@link #apply} and puts the result back in the draft; a step that overrides this usually
   * implements {@link #apply} as {@link #applyByEditing}{@code (this, incident, context)}, so the
   * two cannot disagree.
   *
   * @param draft the incident being released; never {@code null}
   * @param context the release's context; never {@code null}
   * @return false to suppress the incident (after calling {@link ReleaseContext#suppress}), true
   *     to keep it
   */
  default boolean edit(IncidentDraft draft, ReleaseContext context) {
    Optional<Incident> out = apply(draft.build(), context);
    out.ifPresent(draft::reset);
    return out.isPresent();
  }

  /**
   * Implements {@link #apply} through {@link #edit}: edits a draft of {@code incident}.
   *
   * @param step the step; never null
   * @param incident the incident; never null
   * @param context the release's context; never null
   * @return the edited incident (the same object when nothing changed), or empty when suppressed
   */
  static Optional<Incident> applyByEditing(ReleaseStep step, Incident incident, ReleaseContext context) {
    IncidentDraft draft = IncidentDraft.of(incident);
    return step.edit(draft, context) ? Optional.of(draft.build()) : Optional.empty();
  }

  /**
   * Transforms all the incidents of a release. Steps that need to see the whole data set at once
   * (k-anonymity, which enlarges areas until they hold enough incidents) override this. The
   * default implementation calls {@link #apply} on each incident in order and keeps the present
   * results.
   *
   * @param incidents the incidents; never {@code null}, not to be modified
   * @param context the release's context; never {@code null}
   * @return the released incidents, in input order; never {@code null}
   */
  default List<Incident> applyAll(List<Incident> incidents, ReleaseContext context) {
    List<Incident> out = new ArrayList<>(incidents.size());
    for (Incident i : incidents) {
      apply(i, context).ifPresent(out::add);
    }
    return out;
  }

  /**
   * Returns what this step promises about published locations, for the privacy report: empty for
   * a step that does not touch them.
   *
   * @return the promise; never {@code null}
   */
  default java.util.Optional<SpatialGuarantee> spatialGuarantee() {
    return java.util.Optional.empty();
  }

  /**
   * Returns the parts this step replaces by keyed pseudonyms (for example the source references),
   * so that a release may publish them although their role is identifying.
   *
   * @return the parts; never {@code null}, empty by default
   */
  default java.util.Set<QuasiIdentifier> pseudonymises() {
    return java.util.Set.of();
  }
}
