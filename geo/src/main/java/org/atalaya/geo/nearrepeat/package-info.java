/**
 * Space-time interaction: the Knox test and the near-repeat table (distance bands by time bands),
 * with seeded Monte Carlo inference that permutes times only.
 */
package org.atalaya.geo.nearrepeat;
