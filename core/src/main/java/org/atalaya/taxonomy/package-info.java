/**
 * The crime taxonomy: ICCS codes ({@link org.atalaya.taxonomy.IccsCode}), the catalogue of
 * categories with English and Spanish labels ({@link org.atalaya.taxonomy.IccsCatalogue}) and the
 * mapping from local category names to ICCS ({@link org.atalaya.taxonomy.Taxonomy}). Every type is
 * immutable and thread-safe; no method accepts or returns {@code null} unless its documentation
 * says so.
 */
package org.atalaya.taxonomy;
