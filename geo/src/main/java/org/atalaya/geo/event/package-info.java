/**
 * Geofence events: turns timestamped positions into ENTER, EXIT and DWELL events, robust to GPS
 * jitter.
 */
package org.atalaya.geo.event;
