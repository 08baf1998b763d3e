/**
 * Coordinate reference systems (EPSG:4326, 3857, 32616, 32617) through proj4j with the proj strings
 * shipped in code, geodesic distances on the WGS 84 ellipsoid and metric circle fences.
 */
package org.atalaya.geo.crs;
