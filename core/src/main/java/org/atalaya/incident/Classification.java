package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.taxonomy.IccsCode;

/**
 * What kind of crime an incident is: its ICCS code (the canonical scheme every indicator uses), the
 * category as the source named it, and codes in other schemes (a national penal code article, a
 * police category number).
 *
 * <p>The ICCS code is empty when the source's category could not be mapped; the source label is
 * then kept so that nothing is lost and a later mapping can classify it. Immutable and thread-safe.
 *
 * @param iccs the ICCS code; never {@code null} but potentially empty
 * @param sourceLabel the category as the source wrote it, for example {@code "Extorsión"}; never
 *     {@code null} but potentially empty
 * @param otherCodes codes by scheme name (lower-case, for example {@code "hn-cp"}); never {@code
 *     null}, copied
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Classification(
    Optional<IccsCode> iccs, Optional<String> sourceLabel, Map<String, String> otherCodes) {

  /** Nothing is known about the category. */
  public static final Classification UNCLASSIFIED =
      new Classification(Optional.empty(), Optional.empty(), Map.of());

  /**
   * Validates the classification.
   *
   * @throws IllegalArgumentException if the source label or a code is blank
   */
  public Classification {
    Objects.requireNonNull(iccs, "iccs must not be null; use Optional.empty()");
    Objects.requireNonNull(sourceLabel, "sourceLabel must not be null; use Optional.empty()");
    Objects.requireNonNull(otherCodes, "otherCodes must not be null");
    sourceLabel.ifPresent(
        l -> checkArgument(!l.isBlank(), "source category label must not be blank"));
    // Most classifications have no other codes: no iteration and no copy for them.
    if (otherCodes.isEmpty()) {
      otherCodes = ImmutableSortedMap.of();
    } else {
      otherCodes.forEach(
          (k, v) -> {
            checkArgument(
                k != null && !k.isBlank() && !k.equals("iccs"),
                "code scheme (%s) must be a non-blank name other than iccs",
                k);
            checkArgument(v != null && !v.isBlank(), "code for scheme %s must not be blank", k);
          });
      otherCodes = ImmutableSortedMap.copyOf(otherCodes);
    }
  }

  /**
   * Returns a classification by ICCS code only.
   *
   * @param code the ICCS code
   * @return the classification
   */
  public static Classification iccs(IccsCode code) {
    return new Classification(Optional.of(code), Optional.empty(), Map.of());
  }

  /**
   * Returns a classification by ICCS code, keeping the source's own label.
   *
   * @param code the ICCS code
   * @param sourceLabel the label as the source wrote it
   * @return the classification
   */
  public static Classification iccs(IccsCode code, String sourceLabel) {
    return new Classification(Optional.of(code), Optional.of(sourceLabel), Map.of());
  }

  /**
   * Returns whether the incident's ICCS code lies within {@code code} (0101 is within 01).
   *
   * @param code the broader code
   * @return false when the ICCS code is unknown
   */
  public boolean isWithin(IccsCode code) {
    return iccs.map(c -> c.isWithin(code)).orElse(false);
  }
}
