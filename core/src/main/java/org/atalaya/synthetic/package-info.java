/**
 * Seeded generators of clearly labelled synthetic incidents, for demonstrations, tests and
 * benchmarks. Nothing here is real data.
 */
package org.atalaya.synthetic;
