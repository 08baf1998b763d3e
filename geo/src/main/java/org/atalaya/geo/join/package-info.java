/**
 * Spatial joins: each incident of a stream assigned to the areas (municipalities, colonias,
 * sectors) that contain it, with every incident counted, including those without a point or outside
 * every area.
 */
package org.atalaya.geo.join;
