/**
 * Indicators a communicator can quote without overstating anything: rates with exact and
 * approximate Poisson intervals, two-rate comparisons as R's {@code poisson.test}, proportions with
 * Clopper-Pearson intervals, period change with an honest sentence in English and Spanish, the
 * impunity funnel with Kaplan-Meier times between stages, concentration (Gini, generalised Gini,
 * Lorenz curve) and the predictive accuracy index. Every result is an immutable, thread-safe value
 * that carries its {@link org.atalaya.indicator.Lineage}; no method accepts or returns {@code
 * null}.
 */
package org.atalaya.indicator;
