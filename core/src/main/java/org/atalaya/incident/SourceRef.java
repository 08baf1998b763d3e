package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A reference to the record of an incident in another system: which system, the id there, and a
 * link if there is one. An incident merged from several sources keeps one reference per source.
 * Immutable and thread-safe.
 *
 * @param system the system's name, for example {@code "sepol"} or {@code "hotline-114"}; never
 *     {@code null} or blank
 * @param id the record's id in that system; never {@code null} or blank
 * @param url a link to the record; never {@code null} but potentially empty
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record SourceRef(String system, String id, Optional<String> url) {

  /**
   * Validates the reference.
   *
   * @throws IllegalArgumentException if system or id is blank, or url is present but blank
   */
  public SourceRef {
    Objects.requireNonNull(system, "system must not be null");
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(url, "url must not be null; use Optional.empty()");
    checkArgument(!system.isBlank(), "source system must not be blank");
    checkArgument(!id.isBlank(), "source id must not be blank (system %s)", system);
    url.ifPresent(u -> checkArgument(!u.isBlank(), "source url must not be blank when present"));
  }

  /**
   * Returns a reference without a link.
   *
   * @param system the system's name
   * @param id the id there
   * @return the reference
   */
  public static SourceRef of(String system, String id) {
    return new SourceRef(system, id, Optional.empty());
  }

  /**
   * Returns a reference with a link.
   *
   * @param system the system's name
   * @param id the id there
   * @param url the link
   * @return the reference
   */
  public static SourceRef of(String system, String id, String url) {
    return new SourceRef(system, id, Optional.of(url));
  }
}
