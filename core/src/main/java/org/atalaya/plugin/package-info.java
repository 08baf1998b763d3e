/**
 * The plugin registry: finds plugins (class path, module path, a plugins directory with one class
 * loader per jar), checks each one (descriptor, API range, duplicate ids, a jar bundling Atalaya's
 * API), constructs and registers it under a time limit, and reports where every plugin ended with
 * stable {@code ATL-PLG-*} codes, in English and Spanish. One broken plugin never stops the others.
 * Atalaya's own formats are registered the same way, by the built-in plugin {@code
 * atalaya.formats}.
 */
package org.atalaya.plugin;
