/**
 * Lossless, streaming import and export of incidents: CSV (canonical or mapped, as Spanish Excel
 * writes it), JSON, NDJSON and GeoJSON. Readers report what they accepted and what they rejected,
 * with a stable code per problem; {@code accepted + rejected == read} always.
 */
package org.atalaya.io;
