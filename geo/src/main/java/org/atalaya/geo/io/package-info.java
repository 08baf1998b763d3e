/**
 * Reading areas (fences, municipalities, colonias) from GeoJSON and WKT with repair and rejection
 * reports, and writing them as RFC 7946 GeoJSON.
 */
package org.atalaya.geo.io;
