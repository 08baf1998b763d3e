/**
 * Spatial release steps: geomasking (random perturbation and donut masking, stable per incident),
 * location generalisation (grid, H3 cell, administrative area, anchor points) and spatial
 * k-anonymity, all implementing {@link org.atalaya.anonymise.ReleaseStep}.
 */
package org.atalaya.geo.anonymise;
