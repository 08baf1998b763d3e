/**
 * Aggregation of incidents to square grid cells or to areas, the input of the spatial statistics.
 */
package org.atalaya.geo.aggregate;
