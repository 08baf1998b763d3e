/**
 * Spatial release steps: geomasking (random perturbation and donut masking, stable per incident),
 * location generalisation (grid, H3 cell, administrative area, anchor points) and spatial
 * k-anonymity. Masking and generalisation are {@link org.atalaya.anonymise.RecordStep}s; spatial
 * k-anonymity, which needs the whole list, is a {@link org.atalaya.anonymise.DatasetStep} and uses
 * the engine's {@code org.atalaya.anonymise.internal} (class numbering, lists built when read),
 * which is Atalaya's own and not an API.
 */
package org.atalaya.geo.anonymise;
