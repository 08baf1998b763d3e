package org.atalaya.anonymise;

import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Turns the steps named in a JSON policy into {@link ReleaseStep}s. {@link CoreSteps} knows the
 * non-spatial steps; {@code org.atalaya.geo.anonymise.GeoSteps} the spatial ones; plugins add their
 * own. Implementations are stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReleaseStepFactory {

  /**
   * Returns the step types this factory knows, for error messages.
   *
   * @return the types; never {@code null}
   */
  Set<String> types();

  /**
   * Creates the step a spec describes, if this factory knows its type.
   *
   * @param spec the spec; never {@code null}
   * @return the step, or empty when the type is not this factory's; never {@code null}
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if the type is known but
   *     an option is wrong
   */
  Optional<ReleaseStep> create(StepSpec spec);
}
