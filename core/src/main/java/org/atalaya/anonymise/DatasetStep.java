package org.atalaya.anonymise;

import java.util.List;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;

/**
 * A {@link ReleaseStep} that sees the whole list of a release at once: k-anonymity, which enlarges
 * areas until they hold enough records, or a step that draws noise in one order. A {@link Release}
 * runs it alone, on the calling thread, between the passes of its {@link RecordStep}s.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public non-sealed interface DatasetStep extends ReleaseStep {

  /**
   * Transforms all the incidents of a release.
   *
   * @param incidents the incidents; never {@code null}, not to be modified
   * @param context the release's context; never {@code null}
   * @return the released incidents, in input order (a suppressed one left out, after calling {@link
   *     ReleaseContext#suppress}); never {@code null}
   */
  List<Incident> apply(List<Incident> incidents, ReleaseContext context);
}
