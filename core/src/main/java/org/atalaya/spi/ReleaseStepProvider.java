package org.atalaya.spi;

import org.apiguardian.api.API;
import org.atalaya.anonymise.ReleaseStepFactory;

/**
 * Anonymisation steps a plugin adds to release policies: a {@link ReleaseStepFactory} with an id,
 * which turns the step types it knows (named in a policy's JSON, for example {@code {"type":
 * "barrio-mask", "metres": 250}}) into {@link org.atalaya.anonymise.ReleaseStep}s. Declare the
 * capability {@code anonymisation-step}.
 *
 * <p><b>Threading:</b> the factory and the steps it makes are shared by every release on every
 * thread; keep per-release state in the {@code ReleaseContext}. <b>Nulls:</b> never null in or out.
 * <b>Failure:</b> a known type with a wrong option is an {@code AnonymisationException} ({@code
 * ATL-ANON} invalid policy) naming the option; a step that throws fails its release closed, and
 * nothing is published. The kit {@code ReleaseStepContract} checks, among the rest, that a step
 * that moves points never releases a point unchanged.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReleaseStepProvider extends ReleaseStepFactory, Extension {}
