package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Sets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The ICCS classification of a local category name: the code, the {@link CategoryQualifier
 * qualifiers} the name implies, and an optional note for analysts.
 *
 * <p>Immutable and thread-safe: the qualifiers are copied into an unmodifiable set that iterates in
 * declaration order.
 *
 * @param term the local name as written in the mapping table, for example {@code "extorsión"};
 *     never {@code null} or blank
 * @param code the ICCS code the name maps to; never {@code null}
 * @param qualifiers what the name implies beyond the code; never {@code null} (may be empty), never
 *     contains {@code null}
 * @param note a caveat for analysts, for example that a name may include non-intentional deaths;
 *     never {@code null} but potentially empty; when present, never blank
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record CategoryMatch(
    String term, IccsCode code, Set<CategoryQualifier> qualifiers, Optional<String> note) {

  /**
   * Validates the match and copies the qualifiers.
   *
   * @throws NullPointerException if a component or a qualifier is {@code null}
   * @throws IllegalArgumentException if the term or a present note is blank
   */
  public CategoryMatch {
    Objects.requireNonNull(term, "term must not be null");
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(qualifiers, "qualifiers must not be null");
    Objects.requireNonNull(note, "note must not be null (use Optional.empty())");
    checkArgument(!term.isBlank(), "term (%s) must not be blank", term);
    checkArgument(
        note.isEmpty() || !note.get().isBlank(),
        "note (%s) of term %s must not be blank; use Optional.empty() for no note",
        note.orElse(""),
        term);
    for (CategoryQualifier q : qualifiers) {
      Objects.requireNonNull(q, "qualifiers must not contain null");
    }
    term = term.strip();
    qualifiers = Sets.immutableEnumSet(qualifiers);
    note = note.map(String::strip);
  }

  /**
   * Creates a match without a note.
   *
   * @param term the local name; never {@code null} or blank
   * @param code the ICCS code; never {@code null}
   * @param qualifiers what the name implies beyond the code; never {@code null}, no {@code null}
   *     elements
   * @return the match; never {@code null}
   */
  public static CategoryMatch of(String term, IccsCode code, CategoryQualifier... qualifiers) {
    Objects.requireNonNull(qualifiers, "qualifiers must not be null");
    return new CategoryMatch(
        term, code, new HashSet<>(Arrays.asList(qualifiers)), Optional.empty());
  }

  /**
   * Returns whether this match carries {@code qualifier}.
   *
   * @param qualifier the qualifier to test; never {@code null}
   * @return true if the local name implies it
   */
  public boolean has(CategoryQualifier qualifier) {
    Objects.requireNonNull(qualifier, "qualifier must not be null");
    return qualifiers.contains(qualifier);
  }

  /** Returns the term, code, qualifiers and note, for logs and test failures. */
  @Override
  public String toString() {
    return "CategoryMatch["
        + term
        + " -> "
        + code
        + (qualifiers.isEmpty() ? "" : " " + Arrays.toString(qualifiers.toArray()))
        + note.map(n -> " (" + n + ")").orElse("")
        + "]";
  }
}
