/** Helpers shared by the geo packages; not part of the API, may change without notice. */
package org.atalaya.geo.internal;
