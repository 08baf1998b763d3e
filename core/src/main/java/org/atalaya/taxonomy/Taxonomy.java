package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A crime taxonomy: an {@link IccsCatalogue} plus a table that maps local category names (such as
 * {@code "extorsión"} or {@code "robo de vehículo"}) to ICCS codes and {@link CategoryQualifier
 * qualifiers}.
 *
 * <p><b>Matching.</b> {@link #match(String)} compares names after {@link #normalise(String)
 * normalising} them and dropping trailing punctuation, so {@code "EXTORSION"}, {@code " Extorsión
 * "} and {@code "extorsión."} all find the row {@code extorsión}. Singular and plural are different
 * names: each spelling the table should accept is a row of its own. A syntactically valid ICCS code
 * that is in the catalogue ({@code "0101"}) matches itself.
 *
 * <p><b>Honduras.</b> {@link #honduras()} holds the standard catalogue and the names used by the
 * Honduran police (SEPOL), the Ministerio Público, the media and the UNAH observatory, loaded once
 * from {@code org/atalaya/taxonomy/honduras-categories.csv}. Plugins extend it with {@link
 * #builder()} and {@link Builder#addAll(Taxonomy)}.
 *
 * <p>Immutable and thread-safe; concurrent lookups are safe. No method accepts or returns {@code
 * null}.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Taxonomy {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\s\\p{Z}]+$");

  /* Loaded on first use of honduras(); class initialisation makes it thread-safe and once-only. */
  private static final class HondurasHolder {
    static final Taxonomy HONDURAS = load();

    private static Taxonomy load() {
      Builder builder = builder().catalogue(IccsCatalogue.standard());
      for (CsvResource.Row row :
          CsvResource.read(
              "honduras-categories.csv", List.of("term", "iccs", "qualifiers", "note"))) {
        try {
          builder.map(row.get(0), IccsCode.of(row.get(1)), row.get(3), parseQualifiers(row.get(2)));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "honduras-categories.csv line " + row.line() + ": " + e.getMessage(), e);
        }
      }
      return builder.build();
    }

    private static CategoryQualifier[] parseQualifiers(String text) {
      if (text.isBlank()) {
        return new CategoryQualifier[0];
      }
      return Arrays.stream(text.split("\\|"))
          .map(String::strip)
          .map(
              name -> {
                try {
                  return CategoryQualifier.valueOf(name);
                } catch (IllegalArgumentException e) {
                  throw new IllegalArgumentException(
                      "qualifier ("
                          + name
                          + ") must be one of "
                          + Arrays.toString(CategoryQualifier.values()),
                      e);
                }
              })
          .toArray(CategoryQualifier[]::new);
    }
  }

  private final IccsCatalogue catalogue;
  /* Keyed by matching key; values sorted by key. */
  private final ImmutableMap<String, CategoryMatch> mappings;

  private Taxonomy(IccsCatalogue catalogue, Map<String, CategoryMatch> mappings) {
    this.catalogue = catalogue;
    this.mappings =
        mappings.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .collect(ImmutableMap.toImmutableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Returns the Honduran taxonomy: the {@link IccsCatalogue#standard() standard catalogue} and the
   * everyday Honduran names for crimes. Loaded once from {@code
   * org/atalaya/taxonomy/honduras-categories.csv}.
   *
   * @return the shared Honduran taxonomy; never {@code null}
   * @throws IllegalStateException if a bundled resource is missing or malformed (a packaging error)
   */
  public static Taxonomy honduras() {
    return HondurasHolder.HONDURAS;
  }

  /**
   * Returns a new builder whose catalogue is the {@link IccsCatalogue#standard() standard} one and
   * whose table is empty.
   *
   * @return the builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Normalises a name for comparison: decomposes it (Unicode NFD), removes combining marks
   * (accents, tilde, diaeresis), lower-cases it with {@link Locale#ROOT}, collapses every run of
   * white space (including no-break spaces) to one space and strips both ends. {@code " Robo de
   * VEHÍCULO "} becomes {@code "robo de vehiculo"}. Idempotent.
   *
   * @param text the text; never {@code null}
   * @return the normalised text; never {@code null}, empty if the text has only blanks and marks
   */
  public static String normalise(String text) {
    Objects.requireNonNull(text, "text must not be null");
    String lower = text.toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
    return SPACES.matcher(bare).replaceAll(" ").strip();
  }

  /** The matching key: the normalised text without trailing punctuation. */
  private static String key(String text) {
    return TRAILING_PUNCTUATION.matcher(normalise(text)).replaceAll("");
  }

  /**
   * Returns the catalogue the codes of this taxonomy come from.
   *
   * @return the catalogue; never {@code null}
   */
  public IccsCatalogue catalogue() {
    return catalogue;
  }

  /**
   * Classifies a local category name.
   *
   * <p>Looks the name up in the mapping table, ignoring case, accents, surrounding and repeated
   * white space and trailing punctuation ({@code .,;:!?} and the like). If the table has no such
   * name and the text is an ICCS code in the {@link #catalogue() catalogue}, returns a match for
   * that code, without qualifiers or note, whose term is the code.
   *
   * @param localName the name as written in the source, for example {@code "Extorsión"}; never
   *     {@code null}
   * @return the match; never {@code null} but potentially empty when the name is unknown (the
   *     caller decides whether to reject the record or ask a person)
   */
  public Optional<CategoryMatch> match(String localName) {
    Objects.requireNonNull(localName, "localName must not be null");
    CategoryMatch mapped = mappings.get(key(localName));
    if (mapped != null) {
      return Optional.of(mapped);
    }
    String stripped = localName.strip();
    if (IccsCode.isValid(stripped)) {
      IccsCode code = IccsCode.of(stripped);
      if (catalogue.contains(code)) {
        return Optional.of(CategoryMatch.of(code.value(), code));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns every mapping in the table, ordered by normalised term.
   *
   * @return the mappings; never {@code null}, unmodifiable
   */
  public List<CategoryMatch> mappings() {
    return mappings.values().asList();
  }

  /**
   * Returns the mappings whose code is {@code code} or lies below it, ordered by normalised term;
   * for example every local name that rolls up to section 01.
   *
   * @param code the code; never {@code null}
   * @return the mappings; never {@code null} but potentially empty, unmodifiable
   */
  public List<CategoryMatch> mappingsWithin(IccsCode code) {
    Objects.requireNonNull(code, "code must not be null");
    return mappings.values().stream()
        .filter(m -> m.code().isWithin(code))
        .collect(ImmutableList.toImmutableList());
  }

  /** Returns the number of mappings and of catalogue entries, for logs. */
  @Override
  public String toString() {
    return "Taxonomy[" + mappings.size() + " mappings, " + catalogue.size() + " ICCS categories]";
  }

  /**
   * Collects a catalogue and mappings for a new {@link Taxonomy}, for example the Honduran table
   * plus a plugin's names:
   *
   * <pre>{@code
   * Taxonomy taxonomy = Taxonomy.builder()
   *     .addAll(Taxonomy.honduras())
   *     .map("robo de ganado", IccsCode.of("0401"), "Cattle rustling with violence")
   *     .build();
   * }</pre>
   *
   * <p>Two terms are the same when their normalised forms (without trailing punctuation) are equal.
   * Adding a term that is already present throws, unless {@code replace} is used or the new mapping
   * has the same code, qualifiers and note (then the earlier one is kept). Codes are checked
   * against the catalogue by {@link #build()}, so the catalogue may be set at any time.
   *
   * <p><b>Note:</b> a builder is not thread-safe; confine it to one thread.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private IccsCatalogue catalogue = IccsCatalogue.standard();
    private final Map<String, CategoryMatch> mappings = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the catalogue that every mapped code must belong to; the default is {@link
     * IccsCatalogue#standard()}.
     *
     * @param catalogue the catalogue; never {@code null}
     * @return this builder
     */
    public Builder catalogue(IccsCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue must not be null");
      return this;
    }

    /**
     * Maps a local name to a code, without a note.
     *
     * @param term the local name; never {@code null}, must contain a letter or digit
     * @param code the ICCS code; never {@code null}
     * @param qualifiers what the name implies beyond the code; never {@code null}, no {@code null}
     *     elements
     * @return this builder
     * @throws IllegalArgumentException if the term is already mapped differently
     */
    public Builder map(String term, IccsCode code, CategoryQualifier... qualifiers) {
      return put(toMatch(term, code, "", qualifiers), false);
    }

    /**
     * Maps a local name to a code, with a note for analysts.
     *
     * @param term the local name; never {@code null}, must contain a letter or digit
     * @param code the ICCS code; never {@code null}
     * @param note a caveat for analysts; never {@code null}; blank means no note
     * @param qualifiers what the name implies beyond the code; never {@code null}, no {@code null}
     *     elements
     * @return this builder
     * @throws IllegalArgumentException if the term is already mapped differently
     */
    public Builder map(String term, IccsCode code, String note, CategoryQualifier... qualifiers) {
      return put(toMatch(term, code, note, qualifiers), false);
    }

    /**
     * Adds a mapping.
     *
     * @param mapping the mapping; never {@code null}
     * @return this builder
     * @throws IllegalArgumentException if its term is already mapped differently
     */
    public Builder map(CategoryMatch mapping) {
      return put(Objects.requireNonNull(mapping, "mapping must not be null"), false);
    }

    /**
     * Adds a mapping, replacing any earlier mapping of the same normalised term.
     *
     * @param mapping the mapping; never {@code null}
     * @return this builder
     */
    public Builder replace(CategoryMatch mapping) {
      return put(Objects.requireNonNull(mapping, "mapping must not be null"), true);
    }

    /**
     * Maps a local name to a code, replacing any earlier mapping of the same normalised term.
     *
     * @param term the local name; never {@code null}, must contain a letter or digit
     * @param code the ICCS code; never {@code null}
     * @param note a caveat for analysts; never {@code null}; blank means no note
     * @param qualifiers what the name implies beyond the code; never {@code null}, no {@code null}
     *     elements
     * @return this builder
     */
    public Builder replace(
        String term, IccsCode code, String note, CategoryQualifier... qualifiers) {
      return put(toMatch(term, code, note, qualifiers), true);
    }

    /**
     * Adds every mapping of {@code other}. Its catalogue is not copied: the codes must be in this
     * builder's catalogue when {@link #build()} runs.
     *
     * @param other the taxonomy whose mappings to add; never {@code null}
     * @return this builder
     * @throws IllegalArgumentException if one of its terms is already mapped differently
     */
    public Builder addAll(Taxonomy other) {
      Objects.requireNonNull(other, "other must not be null");
      other.mappings().forEach(m -> put(m, false));
      return this;
    }

    /**
     * Adds every mapping of {@code other}, replacing earlier mappings of the same terms.
     *
     * @param other the taxonomy whose mappings to add; never {@code null}
     * @return this builder
     */
    public Builder replaceAll(Taxonomy other) {
      Objects.requireNonNull(other, "other must not be null");
      other.mappings().forEach(m -> put(m, true));
      return this;
    }

    /**
     * Builds the taxonomy.
     *
     * @return a new immutable taxonomy; never {@code null}
     * @throws IllegalArgumentException if a mapped code is not in the catalogue
     */
    public Taxonomy build() {
      for (CategoryMatch m : mappings.values()) {
        checkArgument(
            catalogue.contains(m.code()),
            "term \"%s\" maps to ICCS code (%s), which is not in the catalogue; add the code to"
                + " the catalogue (IccsCatalogue.builder()) or map the term to an existing code"
                + " such as its parent (%s)",
            m.term(),
            m.code(),
            m.code().parent().map(IccsCode::value).orElse("none"));
      }
      return new Taxonomy(catalogue, mappings);
    }

    private static CategoryMatch toMatch(
        String term, IccsCode code, String note, CategoryQualifier... qualifiers) {
      Objects.requireNonNull(note, "note must not be null (use \"\" for no note)");
      Objects.requireNonNull(qualifiers, "qualifiers must not be null");
      Set<CategoryQualifier> set = new HashSet<>(Arrays.asList(qualifiers));
      return new CategoryMatch(
          term, code, set, note.isBlank() ? Optional.empty() : Optional.of(note));
    }

    private Builder put(CategoryMatch mapping, boolean replace) {
      String key = key(mapping.term());
      checkArgument(
          !key.isEmpty(),
          "term (%s) must contain a letter or digit after normalisation",
          mapping.term());
      CategoryMatch previous = mappings.get(key);
      if (previous != null && !replace && !sameMeaning(previous, mapping)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "term \"%s\" is already mapped to ICCS %s (as \"%s\"); cannot also map it to %s."
                    + " Use replace(...) or replaceAll(...) to override it",
                mapping.term(),
                previous.code(),
                previous.term(),
                mapping.code()));
      }
      if (previous == null || replace) {
        mappings.put(key, mapping);
      }
      return this;
    }

    private static boolean sameMeaning(CategoryMatch a, CategoryMatch b) {
      return a.code().equals(b.code())
          && a.qualifiers().equals(b.qualifiers())
          && a.note().equals(b.note());
    }
  }
}
