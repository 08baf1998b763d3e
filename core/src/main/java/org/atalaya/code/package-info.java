/**
 * The one shape of Atalaya's stable codes ({@code ATL-IO-005}, {@code ATL-PLG-010}, {@code
 * ATL-ANON-001}, {@code ATL-GEO-004}, ...): each code has a severity, and a message and a hint in
 * English and Spanish.
 */
package org.atalaya.code;
