package org.atalaya.anonymise;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.incident.Incident;

/**
 * One step of a release pipeline: gives incidents back generalised, masked, redacted or suppressed.
 * Steps are the extension point through which plugins and {@code atalaya-geo} add anonymisation
 * methods. A step is one of two kinds, and says which by the interface it implements:
 *
 * <ul>
 *   <li>a {@link RecordStep} changes one record at a time, through a {@link RecordEditor}, and
 *       needs nothing but that record and the release's context (masking, generalising, dropping
 *       fields). A {@link Release} passes each record through all consecutive record steps in one
 *       editor, in parallel chunks, and builds the record once;
 *   <li>a {@link DatasetStep} sees the whole list at once (k-anonymity, which enlarges areas until
 *       they hold enough records) or needs one order of calls; it runs alone, on the calling
 *       thread.
 * </ul>
 *
 * <p>The kind is the only thing that decides how a release runs a step. A class may implement only
 * one of the two ({@link ReleasePolicy.Builder#step} refuses one that implements both).
 *
 * <p><b>Threading.</b> One instance may serve many releases, on many threads at once: an
 * implementation must be immutable or otherwise thread-safe, and keep what belongs to one release
 * in the {@link ReleaseContext} it is handed (which belongs to that release only and is used from
 * one thread at a time).
 *
 * <p><b>Nulls.</b> No argument is ever {@code null} and no method may return {@code null}. A step
 * that removes an incident says why through {@link ReleaseContext#suppress}.
 *
 * <p><b>Failure.</b> A step that throws fails the whole release closed: the pipeline catches the
 * exception, publishes nothing and reports {@link AnonymiseCode#STEP_FAILED} with the step's {@link
 * #name()}. A step must never "skip" a record it cannot handle by passing it through unchanged; it
 * throws or suppresses.
 *
 * <p><b>Identity.</b> Steps must keep each incident's {@link Incident#id() id}: the pipeline uses
 * it to measure displacement and derives stable masks from it, and replaces it by a pseudonym only
 * after the last step.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public sealed interface ReleaseStep permits RecordStep, DatasetStep {

  /**
   * Returns a short name for reports and errors, for example {@code "donut-mask"}.
   *
   * @return the name; never {@code null} or blank
   */
  String name();

  /**
   * Returns what this step promises about published locations, for the privacy report: empty for a
   * step that does not touch them.
   *
   * @return the promise; never {@code null}
   */
  default Optional<SpatialGuarantee> spatialGuarantee() {
    return Optional.empty();
  }

  /**
   * Returns the parts this step replaces by keyed pseudonyms (for example the source references),
   * so that a release may publish them although their role is identifying.
   *
   * @return the parts; never {@code null}, empty by default
   */
  default Set<QuasiIdentifier> pseudonymises() {
    return Set.of();
  }

  /**
   * Runs {@code step} alone over {@code incidents} as a release runs it (a record step in parallel
   * chunks of editors, a dataset step on the whole list): for tests and custom pipelines.
   *
   * @param step the step; never null
   * @param incidents the incidents; never null, not modified
   * @param context the context; never null
   * @return the released incidents, in input order; never {@code null}
   * @throws AnonymisationException ({@link AnonymiseCode#STEP_FAILED}) naming the step if it threw
   */
  static List<Incident> applyAlone(
      ReleaseStep step, List<Incident> incidents, ReleaseContext context) {
    Objects.requireNonNull(step, "step must not be null");
    Objects.requireNonNull(incidents, "incidents must not be null");
    Objects.requireNonNull(context, "context must not be null");
    if (step instanceof RecordStep r) {
      return Chunks.apply(List.of(r), incidents, context.forks(), null);
    }
    return Release.applyDataset((DatasetStep) step, incidents, context);
  }
}
