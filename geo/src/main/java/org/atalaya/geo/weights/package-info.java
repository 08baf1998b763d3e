/**
 * Spatial weights: who is a neighbour of whom (contiguity, distance band, k nearest), binary or
 * row-standardised, with GeoDa GAL and GWT files.
 */
package org.atalaya.geo.weights;
