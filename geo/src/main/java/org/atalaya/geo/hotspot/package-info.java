/**
 * Hot spot statistics on spatial weights: global and local Moran's I, Getis-Ord Gi and Gi*, with
 * seeded conditional permutation inference and Benjamini-Hochberg false discovery rates.
 */
package org.atalaya.geo.hotspot;
