/**
 * The incident model: {@link org.atalaya.incident.Incident} and its immutable, validated parts.
 * Unknowns are explicit; no part is ever {@code null}.
 */
package org.atalaya.incident;
