package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * An immutable catalogue of ICCS categories: which codes are known and what they are called in
 * English and Spanish.
 *
 * <p>A catalogue is a tree: every code's {@link IccsCode#parent() parent} is in the catalogue too,
 * so each entry can be rolled up to its section. {@link #standard()} holds the 11 ICCS sections and
 * the lower categories that Atalaya maps local names to; it is a subset of ICCS, not the whole
 * classification. Extend it with {@link #builder()}.
 *
 * <p>Immutable and thread-safe. No method accepts or returns {@code null}.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class IccsCatalogue {

  /*
   * Data lives in iccs.csv beside this class rather than in code, so that statisticians and
   * translators can review and correct labels without reading Java; it is read once, on first use
   * of standard(), by the class-initialisation of StandardHolder (thread-safe by the JVM).
   *
   * Extortion (02051): ICCS v1.0 (UNODC, March 2015) puts extortion under 0205 Coercion in section
   * 02, not under the property sections. The `search` tool found the ICCS v1.0 document and the OAS
   * Hemispheric Security Observatory glossary (which quotes ICCS definitions, for example 0208
   * "Acts intended to induce fear or emotional distress"), but none of the returned excerpts shows
   * the 0205 rows themselves; 02051 is therefore taken from the ICCS structure as published
   * (0205 Coercion: 02051 Extortion, 02059 Other acts of coercion) and should be re-checked against
   * the PDF when it is at hand.
   */

  private static final class StandardHolder {
    static final IccsCatalogue STANDARD = load();

    private static IccsCatalogue load() {
      Builder builder = builder();
      for (CsvResource.Row row :
          CsvResource.read("iccs.csv", List.of("code", "label_en", "label_es"))) {
        try {
          builder.add(IccsCategory.of(row.get(0), row.get(1), row.get(2)));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("iccs.csv line " + row.line() + ": " + e.getMessage(), e);
        }
      }
      return builder.build();
    }
  }

  private final ImmutableSortedMap<IccsCode, IccsCategory> categories;

  private IccsCatalogue(Map<IccsCode, IccsCategory> categories) {
    this.categories = ImmutableSortedMap.copyOf(categories);
  }

  /**
   * Returns the standard catalogue: all 11 ICCS sections and the lower categories with official
   * English labels (ICCS v1.0, UNODC 2015) and Spanish labels. Loaded once from {@code
   * org/atalaya/taxonomy/iccs.csv}.
   *
   * @return the shared standard catalogue; never {@code null}
   * @throws IllegalStateException if the bundled resource is missing or malformed (a packaging
   *     error)
   */
  public static IccsCatalogue standard() {
    return StandardHolder.STANDARD;
  }

  /**
   * Returns a new, empty builder.
   *
   * @return the builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Looks up the category with exactly this code.
   *
   * @param code the code; never {@code null}
   * @return the category; never {@code null} but potentially empty
   */
  public Optional<IccsCategory> find(IccsCode code) {
    Objects.requireNonNull(code, "code must not be null");
    return Optional.ofNullable(categories.get(code));
  }

  /**
   * Returns whether the catalogue holds exactly this code.
   *
   * @param code the code; never {@code null}
   * @return true if {@link #find(IccsCode)} would find it
   */
  public boolean contains(IccsCode code) {
    Objects.requireNonNull(code, "code must not be null");
    return categories.containsKey(code);
  }

  /**
   * Returns the level-1 categories (sections), ordered by code.
   *
   * @return the sections; never {@code null}, unmodifiable
   */
  public List<IccsCategory> sections() {
    return categories.values().stream()
        .filter(c -> c.code().level() == 1)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns every category, ordered by code, which puts each category after its ancestors.
   *
   * @return all categories; never {@code null}, unmodifiable
   */
  public List<IccsCategory> all() {
    return categories.values().asList();
  }

  /**
   * Returns the categories one level below {@code parent}, ordered by code. The parent itself need
   * not be in the catalogue.
   *
   * @param parent the parent code; never {@code null}
   * @return the direct children; never {@code null} but potentially empty, unmodifiable
   */
  public List<IccsCategory> children(IccsCode parent) {
    Objects.requireNonNull(parent, "parent must not be null");
    return categories.tailMap(parent, false).values().stream()
        .takeWhile(c -> c.code().isWithin(parent))
        .filter(c -> c.code().parent().filter(parent::equals).isPresent())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the label of {@code code} in the language of {@code locale}: Spanish when the language
   * is {@code "es"}, otherwise English.
   *
   * <p>For a code that is not in the catalogue, returns the label of its nearest ancestor that is,
   * followed by the code in parentheses: {@code label(050211)} is {@code "Theft of a motorized land
   * vehicle or parts thereof (050211)"}. When no ancestor is known either (possible only in a
   * catalogue without that section), returns the code's digits.
   *
   * @param code the code; never {@code null}
   * @param locale the reader's locale; never {@code null}
   * @return the label; never {@code null} or blank
   */
  public String label(IccsCode code, Locale locale) {
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(locale, "locale must not be null");
    IccsCategory exact = categories.get(code);
    if (exact != null) {
      return exact.label(locale);
    }
    for (Optional<IccsCode> up = code.parent(); up.isPresent(); up = up.get().parent()) {
      IccsCategory ancestor = categories.get(up.get());
      if (ancestor != null) {
        return ancestor.label(locale) + " (" + code + ")";
      }
    }
    return code.value();
  }

  /**
   * Returns the number of categories.
   *
   * @return the size; zero or more
   */
  public int size() {
    return categories.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IccsCatalogue other && categories.equals(other.categories);
  }

  @Override
  public int hashCode() {
    return categories.hashCode();
  }

  /** Returns the number of categories and the codes, for logs. */
  @Override
  public String toString() {
    return "IccsCatalogue[" + categories.size() + " categories: " + categories.keySet() + "]";
  }

  /**
   * Collects categories for a new {@link IccsCatalogue}, for example the standard catalogue plus
   * finer national categories:
   *
   * <pre>{@code
   * IccsCatalogue catalogue = IccsCatalogue.builder()
   *     .addAll(IccsCatalogue.standard())
   *     .add(IccsCategory.of("050211", "Theft of a motorized land vehicle", "Hurto de vehículo"))
   *     .build();
   * }</pre>
   *
   * <p><b>Note:</b> a builder is not thread-safe; confine it to one thread. The catalogues it
   * builds are immutable and thread-safe.
   *
   * @since 0.1
   */
  @API(status = API.Status.STABLE, since = "0.1")
  public static final class Builder {
    private final Map<IccsCode, IccsCategory> categories = new TreeMap<>();

    private Builder() {}

    /**
     * Adds one category. Categories may be added in any order; parents are checked by {@link
     * #build()}.
     *
     * @param category the category; never {@code null}
     * @return this builder
     * @throws IllegalArgumentException if a category with the same code was already added
     */
    public Builder add(IccsCategory category) {
      Objects.requireNonNull(category, "category must not be null");
      IccsCategory previous = categories.get(category.code());
      checkArgument(
          previous == null,
          "ICCS code (%s) is already in the catalogue as \"%s\"; each code may be added only once",
          category.code(),
          previous == null ? "" : previous.labelEn());
      categories.put(category.code(), category);
      return this;
    }

    /**
     * Adds every category of {@code catalogue}.
     *
     * @param catalogue the categories to add; never {@code null}
     * @return this builder
     * @throws IllegalArgumentException if one of its codes was already added
     */
    public Builder addAll(IccsCatalogue catalogue) {
      Objects.requireNonNull(catalogue, "catalogue must not be null");
      catalogue.all().forEach(this::add);
      return this;
    }

    /**
     * Builds the catalogue.
     *
     * @return a new immutable catalogue; never {@code null}
     * @throws IllegalArgumentException if a code's parent has not been added
     */
    public IccsCatalogue build() {
      for (IccsCode code : categories.keySet()) {
        code.parent()
            .ifPresent(
                parent ->
                    checkArgument(
                        categories.containsKey(parent),
                        "ICCS code (%s) needs its parent %s in the catalogue; add %s first",
                        code,
                        parent,
                        parent));
      }
      return new IccsCatalogue(categories);
    }
  }
}
