/**
 * The indicators of an incident list against a population table in one immutable report: rates with
 * exact intervals, SDG 16.1.1, period change, monthly alarms and the impunity funnel, each with its
 * lineage, and the JSON document {@code atalaya indicators} prints. Start at {@link
 * org.atalaya.indicator.report.IndicatorReport#compute}.
 */
package org.atalaya.indicator.report;
