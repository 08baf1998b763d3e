package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * Who first reported an incident to the system that holds it.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum SourceType {
  /** A member of the public, through a community reporting network or an app. */
  CITIZEN,
  /** The police (in Honduras, SEPOL records). */
  POLICE,
  /** Forensic medicine (Medicina Forense of the Ministerio Público). */
  FORENSIC,
  /** A press or broadcast report. */
  MEDIA,
  /** A non-governmental organisation or observatory. */
  NGO,
  /** A telephone hotline (for example 911 or a violence-against-women line). */
  HOTLINE,
  /** Another kind of source; say which in the incident's source references. */
  OTHER,
  /** The source is not known. */
  UNKNOWN
}
