/**
 * Releases of incident data that can be published without exposing a victim: a pipeline of {@link
 * org.atalaya.anonymise.ReleaseStep steps} described in code or in a JSON policy ({@link
 * org.atalaya.anonymise.ReleasePolicy}), ending with checks that recompute a {@link
 * org.atalaya.anonymise.PrivacyReport privacy report} on the output and refuse to publish when any
 * check fails ({@link org.atalaya.anonymise.Release}). A step is a {@link
 * org.atalaya.anonymise.RecordStep} (one record at a time, through a {@link
 * org.atalaya.anonymise.RecordEditor}) or a {@link org.atalaya.anonymise.DatasetStep} (the whole
 * list at once). Spatial steps (geomasking, spatial k-anonymity) live in {@code
 * org.atalaya.geo.anonymise}; the engine lives in {@code org.atalaya.anonymise.internal}, which is
 * not part of the API.
 */
package org.atalaya.anonymise;
