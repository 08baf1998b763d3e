/**
 * Point pattern intensity: kernel density on a metric grid and the Clark-Evans nearest neighbour
 * index.
 */
package org.atalaya.geo.density;
