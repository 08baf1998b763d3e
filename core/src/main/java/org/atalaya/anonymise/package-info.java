/**
 * Releases of incident data that can be published without exposing a victim: a pipeline of
 * {@link org.atalaya.anonymise.ReleaseStep steps} described in code or in a JSON policy, ending with
 * checks that recompute a {@link org.atalaya.anonymise.PrivacyReport privacy report} on the output
 * and refuse to publish when any check fails. Spatial steps (geomasking, spatial k-anonymity) live
 * in {@code org.atalaya.geo.anonymise}.
 */
package org.atalaya.anonymise;
