/**
 * The engine behind {@link org.atalaya.anonymise.Release}: the record pass that runs record steps
 * in parallel chunks of editors ({@link org.atalaya.anonymise.internal.Chunks}), lists whose
 * records are built when read, equivalence-class numbering, the point changes, the attack harness,
 * the disclosure figures, and the one set of checks ({@link
 * org.atalaya.anonymise.internal.ReleaseChecks}) that both publishing and verifying a release run.
 *
 * <p><b>Internal.</b> Public only so that Atalaya's own modules ({@code atalaya-geo}'s spatial
 * steps) can share it; it is not part of the API, may change in any release without notice, and use
 * of it outside Atalaya is not supported. Plugins and applications use {@code
 * org.atalaya.anonymise}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package org.atalaya.anonymise.internal;

import org.apiguardian.api.API;
