package org.atalaya.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxonomyTest {

  private static final Taxonomy HN = Taxonomy.honduras();

  private static IccsCode code(String value) {
    return IccsCode.of(value);
  }

  @Nested
  class HonduranNames {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        textBlock =
            """
            homicidio                        | 0101   | -
            asesinato                        | 0101   | -
            femicidio                        | 0101   | GENDER_MOTIVATED
            feminicidio                      | 0101   | GENDER_MOTIVATED
            parricidio                       | 0101   | DOMESTIC_VIOLENCE
            homicidio culposo                | 0103   | -
            tentativa de homicidio           | 0102   | -
            intento de homicidio             | 0102   | -
            muerte violenta                  | 0101   | -
            masacre                          | 0101   | -
            sicariato                        | 0101   | -
            extorsión                        | 02051  | -
            chantaje                         | 02051  | -
            robo                             | 0401   | -
            asalto                           | 0401   | -
            atraco                           | 0401   | -
            robo con violencia               | 0401   | -
            robo de vehículo                 | 0401   | MOTOR_VEHICLE
            robo de vehiculos                | 0401   | MOTOR_VEHICLE
            hurto                            | 0502   | -
            hurto de vehículo                | 05021  | MOTOR_VEHICLE
            robo a vivienda                  | 0501   | -
            robo en vivienda                 | 0501   | -
            allanamiento de morada           | 0211   | -
            secuestro                        | 020221 | -
            privación de libertad            | 02022  | -
            trata de personas                | 0204   | -
            tráfico de personas              | 08051  | -
            violación                        | 03011  | -
            abuso sexual                     | 0301   | -
            agresión sexual                  | 0301   | -
            acoso sexual                     | 0301   | -
            violencia doméstica              | 0201   | DOMESTIC_VIOLENCE
            violencia intrafamiliar          | 0201   | DOMESTIC_VIOLENCE
            lesiones                         | 02011  | -
            agresión                         | 02011  | -
            amenazas                         | 02012  | -
            narcotráfico                     | 0601   | -
            tráfico de drogas                | 0601   | -
            posesión de drogas               | 0601   | -
            estafa                           | 0701   | -
            fraude                           | 0701   | -
            corrupción                       | 0703   | -
            cohecho                          | 07031  | -
            soborno                          | 07031  | -
            lavado de activos                | 07041  | -
            portación ilegal de armas        | 0901   | -
            asociación ilícita               | 0905   | -
            maras y pandillas                | 0905   | -
            daños                            | 0504   | -
            """)
    @DisplayName("documented Honduran names map to their ICCS code and qualifiers")
    void documentedMappings(String term, String iccs, String qualifiers) {
      Set<CategoryQualifier> expected =
          qualifiers == null
              ? Set.of()
              : Arrays.stream(qualifiers.split(","))
                  .map(String::strip)
                  .map(CategoryQualifier::valueOf)
                  .collect(Collectors.toSet());
      Optional<CategoryMatch> match = HN.match(term);
      assertThat(match).as(term).isPresent();
      assertThat(match.get().code()).isEqualTo(code(iccs));
      assertThat(match.get().qualifiers()).isEqualTo(expected);
      assertThat(HN.catalogue().contains(match.get().code())).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            muerte violenta        | non-intentional
            masacre                | three or more
            asalto                 | robbery with violence
            robo de vehículo       | hurto de vehículo
            tráfico de personas    | 08051
            allanamiento de morada | police search
            acoso sexual           | 0208
            robo a vivienda        | 0401
            """)
    @DisplayName("ambiguous names carry a note that explains the choice")
    void notes(String term, String fragment) {
      assertThat(HN.match(term).flatMap(CategoryMatch::note)).get().asString().contains(fragment);
    }

    @Test
    @DisplayName("the table is sorted by term, every code is in the catalogue")
    void tableIsConsistent() {
      List<CategoryMatch> all = HN.mappings();
      assertThat(all).hasSizeGreaterThanOrEqualTo(50);
      assertThat(all)
          .extracting(m -> Taxonomy.normalise(m.term()))
          .isSorted()
          .doesNotHaveDuplicates();
      assertThat(all).allSatisfy(m -> assertThat(HN.catalogue().contains(m.code())).isTrue());
      assertThat(HN.catalogue()).isSameAs(IccsCatalogue.standard());
      assertThat(Taxonomy.honduras()).isSameAs(HN);
    }

    @Test
    @DisplayName("mappingsWithin rolls names up to a section")
    void mappingsWithin() {
      assertThat(HN.mappingsWithin(code("01")))
          .extracting(CategoryMatch::term)
          .contains("homicidio", "femicidio", "homicidio culposo", "tentativa de homicidio")
          .doesNotContain("extorsión");
    }
  }

  @Nested
  class Matching {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "extorsión",
          "EXTORSION",
          "Extorsión ",
          "extorsion",
          "  EXTORSIÓN.",
          "Extorsión;",
          "extorsio\u0301n",
          "\u00A0extorsión\t"
        })
    @DisplayName("matching ignores case, accents, surrounding blanks and trailing punctuation")
    void insensitive(String text) {
      assertThat(HN.match(text)).get().extracting(CategoryMatch::term).isEqualTo("extorsión");
    }

    @Test
    @DisplayName("repeated inner white space is collapsed")
    void innerWhitespace() {
      assertThat(HN.match("Robo   de\tVEHÍCULO!"))
          .get()
          .extracting(CategoryMatch::code)
          .isEqualTo(code("0401"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "robo de bicicleta", "extorsiones varias", "xyz", "0199"})
    @DisplayName("unknown names and codes outside the catalogue give empty")
    void unknown(String text) {
      assertThat(HN.match(text)).isEmpty();
    }

    @Test
    @DisplayName("plural is matched only when listed")
    void pluralOnlyWhenListed() {
      assertThat(HN.match("extorsiones")).isPresent();
      assertThat(HN.match("amenaza")).isPresent();
      assertThat(HN.match("sicariatos")).isEmpty();
    }

    @Test
    @DisplayName("a raw ICCS code in the catalogue matches itself")
    void rawCode() {
      assertThat(HN.match(" 0101 ")).contains(CategoryMatch.of("0101", code("0101")));
      assertThat(HN.match("020221").map(CategoryMatch::code)).contains(code("020221"));
    }

    @Test
    @DisplayName("normalise decomposes, strips marks, lower-cases and collapses white space")
    void normaliseExamples() {
      assertThat(Taxonomy.normalise("  Robo de\u00A0 VEHÍCULO ")).isEqualTo("robo de vehiculo");
      assertThat(Taxonomy.normalise("PRIVACIÓN ILEGAL DE LIBERTAD"))
          .isEqualTo("privacion ilegal de libertad");
      assertThat(Taxonomy.normalise("Ñandú")).isEqualTo("nandu");
      assertThat(Taxonomy.normalise("")).isEmpty();
    }

    @Test
    @DisplayName("normalise is idempotent on arbitrary strings")
    void normaliseIdempotent() {
      qt().withExamples(2000)
          .forAll(strings().allPossible().ofLengthBetween(0, 30))
          .check(s -> Taxonomy.normalise(Taxonomy.normalise(s)).equals(Taxonomy.normalise(s)));
      qt().withExamples(2000)
          .forAll(strings().betweenCodePoints(0x20, 0x24F).ofLengthBetween(0, 30))
          .check(s -> Taxonomy.normalise(Taxonomy.normalise(s)).equals(Taxonomy.normalise(s)));
    }

    @Test
    @DisplayName("normalised text has no upper case, no marks and no double or edge spaces")
    void normaliseShape() {
      qt().forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 30))
          .check(
              s -> {
                String n = Taxonomy.normalise(s);
                return n.equals(n.strip())
                    && !n.contains("  ")
                    && n.codePoints()
                        .noneMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK);
              });
    }
  }

  @Nested
  class Building {

    @Test
    @DisplayName("a plugin adds names on top of the Honduran table")
    void pluginExtends() {
      Taxonomy t =
          Taxonomy.builder()
              .addAll(HN)
              .map("robo de ganado", code("0401"), "Cattle rustling with violence")
              .map("abuso sexual infantil", code("0301"), CategoryQualifier.MINOR_VICTIM)
              .build();
      assertThat(t.mappings()).hasSize(HN.mappings().size() + 2);
      assertThat(t.match("Robo de ganado").flatMap(CategoryMatch::note))
          .contains("Cattle rustling with violence");
      assertThat(t.match("abuso sexual infantil"))
          .get()
          .satisfies(m -> assertThat(m.has(CategoryQualifier.MINOR_VICTIM)).isTrue());
      assertThat(HN.match("robo de ganado")).isEmpty();
    }

    @Test
    @DisplayName("a conflicting term is rejected, naming the term and both codes")
    void conflictRejected() {
      Taxonomy.Builder builder = Taxonomy.builder().addAll(HN);
      assertThatThrownBy(() -> builder.map("ASALTO", code("02011")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "term \"ASALTO\" is already mapped to ICCS 0401 (as \"asalto\"); cannot also map it"
                  + " to 02011. Use replace(...) or replaceAll(...) to override it");
    }

    @Test
    @DisplayName("conflicts between two tables are rejected by addAll and resolved by replaceAll")
    void addAllConflict() {
      Taxonomy other = Taxonomy.builder().map("Asalto.", code("02011")).build();
      assertThatThrownBy(() -> Taxonomy.builder().addAll(HN).addAll(other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("\"Asalto.\"")
          .hasMessageContaining("0401")
          .hasMessageContaining("02011");
      Taxonomy replaced = Taxonomy.builder().addAll(HN).replaceAll(other).build();
      assertThat(replaced.match("asalto").map(CategoryMatch::code)).contains(code("02011"));
    }

    @Test
    @DisplayName("replace overrides one term; an identical mapping is not a conflict")
    void replaceAndIdentical() {
      Taxonomy t =
          Taxonomy.builder()
              .addAll(HN)
              .addAll(HN)
              .replace("asalto", code("02011"), "Local usage in this dataset")
              .build();
      assertThat(t.match("asalto").map(CategoryMatch::code)).contains(code("02011"));
      assertThat(t.mappings()).hasSameSizeAs(HN.mappings());
      Taxonomy same =
          Taxonomy.builder().map("hurto", code("0502")).map("Hurto", code("0502")).build();
      assertThat(same.mappings()).extracting(CategoryMatch::term).containsExactly("hurto");
    }

    @Test
    @DisplayName("a code absent from the catalogue is rejected with a clear message")
    void codeNotInCatalogue() {
      Taxonomy.Builder builder = Taxonomy.builder().map("robo de carro", code("040199"));
      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "term \"robo de carro\" maps to ICCS code (040199), which is not in the catalogue;"
                  + " add the code to the catalogue (IccsCatalogue.builder()) or map the term to an"
                  + " existing code such as its parent (04019)");
      IccsCatalogue extended =
          IccsCatalogue.builder()
              .addAll(IccsCatalogue.standard())
              .add(IccsCategory.of("04019", "Other robbery", "Otros robos"))
              .add(IccsCategory.of("040199", "Car robbery", "Robo de carro"))
              .build();
      assertThat(builder.catalogue(extended).build().match("robo de carro")).isPresent();
    }

    @Test
    @DisplayName("terms without letters or digits are rejected")
    void emptyTerm() {
      assertThatThrownBy(() -> Taxonomy.builder().map("...", code("0101")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("term (...) must contain a letter or digit after normalisation");
      assertThatThrownBy(() -> Taxonomy.builder().map(" ", code("0101")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("term ( ) must not be blank");
    }
  }

  @Nested
  class Matches {

    @Test
    @DisplayName("CategoryMatch copies qualifiers into an immutable set")
    void immutableCopy() {
      Set<CategoryQualifier> q = EnumSet.of(CategoryQualifier.MOTOR_VEHICLE);
      CategoryMatch m = new CategoryMatch("robo de vehículo", code("0401"), q, Optional.empty());
      q.add(CategoryQualifier.MINOR_VICTIM);
      assertThat(m.qualifiers()).containsExactly(CategoryQualifier.MOTOR_VEHICLE);
      assertThatThrownBy(() -> m.qualifiers().add(CategoryQualifier.MINOR_VICTIM))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThat(HN.mappings()).allSatisfy(x -> assertThat(x.note()).isNotNull());
    }

    @Test
    @DisplayName("CategoryMatch rejects nulls and blank notes")
    void validation() {
      assertThatThrownBy(() -> new CategoryMatch("x", null, Set.of(), Optional.empty()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("code must not be null");
      assertThatThrownBy(() -> new CategoryMatch("x", code("0101"), Set.of(), Optional.of("  ")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("note (  ) of term x must not be blank");
      assertThatThrownBy(() -> CategoryMatch.of("x", code("0101"), (CategoryQualifier) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("qualifiers must not contain null");
      assertThat(
              CategoryMatch.of(
                  "femicidio",
                  code("0101"),
                  CategoryQualifier.GENDER_MOTIVATED,
                  CategoryQualifier.GENDER_MOTIVATED))
          .hasToString("CategoryMatch[femicidio -> 0101 [GENDER_MOTIVATED]]");
    }
  }
}
