package org.atalaya.incident;

import org.apiguardian.api.API;

/**
 * Where an incident record stands in an organisation's publication workflow. Anonymised releases
 * take only {@link #PUBLISHED} records unless told otherwise.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PublicationState {
  /** Being written or checked by its author; not for release. */
  DRAFT,
  /** Waiting for an editor's or reviewer's approval. */
  IN_REVIEW,
  /** Approved for release. */
  PUBLISHED,
  /** Withdrawn from release; kept for the record. */
  ARCHIVED
}
