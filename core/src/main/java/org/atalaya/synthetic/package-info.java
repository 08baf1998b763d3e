/**
 * Generators of incidents that never happened: clearly labelled realistic ones for demonstrations,
 * tests and benchmarks ({@link org.atalaya.synthetic.SyntheticIncidents}), and hostile ones that
 * stress formats and release steps in tests ({@link org.atalaya.synthetic.HostileIncidents}).
 * Nothing here is real data.
 */
package org.atalaya.synthetic;
