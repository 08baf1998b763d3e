package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.spi.TaxonomyMapping;
import org.atalaya.taxonomy.CategoryMatch;
import org.atalaya.taxonomy.Taxonomy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link TaxonomyMapping}. Extend it and return your mapping:
 *
 * <pre>{@code
 * class SicariatoMappingTest extends TaxonomyMappingContract {
 *   @Override
 *   protected TaxonomyMapping mapping() {
 *     return new SicariatoMapping();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the mapping applies on top of Atalaya's Honduran taxonomy without a conflict
 * (every ICCS code it uses exists), adds or changes at least one name, gives the same taxonomy
 * every time, and that every name it adds is then recognised, whatever its case and accents.
 *
 * @since 0.1
 */
@DisplayName("taxonomy mapping contract / contrato del mapeo de taxonomía")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class TaxonomyMappingContract extends ConsoleGuard {

  /**
   * Returns the mapping under test.
   *
   * @return the mapping; never {@code null}
   */
  protected abstract TaxonomyMapping mapping();

  private Taxonomy applied() {
    Taxonomy base = Taxonomy.honduras();
    Taxonomy.Builder b = Taxonomy.builder().catalogue(base.catalogue()).addAll(base);
    mapping().contribute(b);
    return b.build();
  }

  @Test
  @DisplayName(
      "applies on top of the Honduran taxonomy and adds or changes names / se aplica sobre la"
          + " taxonomía hondureña y agrega o cambia nombres")
  void appliesOnTopOfTheHonduranTaxonomy() {
    Taxonomy t = applied();
    Set<CategoryMatch> before = new HashSet<>(Taxonomy.honduras().mappings());
    Set<CategoryMatch> after = new HashSet<>(t.mappings());
    assertThat(after).as("the mapping added or changed no name").isNotEqualTo(before);
  }

  @Test
  @DisplayName("gives the same taxonomy every time / da la misma taxonomía cada vez")
  void givesTheSameTaxonomyEveryTime() {
    assertThat(applied().mappings()).isEqualTo(applied().mappings());
  }

  @Test
  @DisplayName(
      "every name it adds is recognised in any case and without accents / cada nombre que agrega se"
          + " reconoce en mayúsculas o minúsculas y sin tildes")
  void everyNameItAddsIsRecognisedInAnyCaseAndWithoutAccents() {
    Taxonomy t = applied();
    Set<CategoryMatch> before = new HashSet<>(Taxonomy.honduras().mappings());
    for (CategoryMatch m : t.mappings()) {
      if (before.contains(m)) {
        continue;
      }
      String upper = m.term().toUpperCase(Locale.ROOT);
      String plain = Normalizer.normalize(m.term(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      assertThat(t.match(upper))
          .as("match of %s", upper)
          .map(CategoryMatch::code)
          .contains(m.code());
      assertThat(t.match(plain))
          .as("match of %s", plain)
          .map(CategoryMatch::code)
          .contains(m.code());
    }
  }

  @Test
  @DisplayName("has a well-formed id / tiene un identificador bien formado")
  void hasAWellFormedId() {
    assertThat(mapping().id()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  }
}
