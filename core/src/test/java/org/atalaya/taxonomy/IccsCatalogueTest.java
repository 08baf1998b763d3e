package org.atalaya.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IccsCatalogueTest {

  private static final IccsCatalogue STANDARD = IccsCatalogue.standard();
  private static final Locale ES_HN = Locale.forLanguageTag("es-HN");

  @Test
  @DisplayName("the standard catalogue holds the 11 sections in order")
  void elevenSections() {
    List<String> codes =
        STANDARD.sections().stream().map(c -> c.code().value()).collect(Collectors.toList());
    List<String> expected =
        IntStream.rangeClosed(1, 11).mapToObj(i -> String.format("%02d", i)).toList();
    assertThat(codes).isEqualTo(expected);
  }

  @Test
  @DisplayName("every code's parent is in the standard catalogue and all() is sorted")
  void everyParentPresent() {
    for (IccsCategory c : STANDARD.all()) {
      c.code()
          .parent()
          .ifPresent(p -> assertThat(STANDARD.contains(p)).as("parent of %s", c.code()).isTrue());
    }
    assertThat(STANDARD.all()).isSortedAccordingTo((a, b) -> a.code().compareTo(b.code()));
    assertThat(STANDARD.size()).isEqualTo(STANDARD.all().size());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0101   | Intentional homicide                                 | Homicidio intencional
          0102   | Attempted intentional homicide                       | Tentativa de homicidio intencional
          0103   | Non-intentional homicide                             | Homicidio no intencional
          0104   | Assisting or instigating suicide                     | Suicidio asistido o incitación al suicidio
          0201   | Assaults and threats                                 | Agresiones y amenazas
          02011  | Assault                                              | Agresión
          02012  | Threat                                               | Amenaza
          0202   | Acts against liberty                                 | Actos contra la libertad
          02021  | Abduction of a minor                                 | Sustracción de un menor
          02022  | Deprivation of liberty                               | Privación de libertad
          020221 | Kidnapping                                           | Secuestro
          0203   | Slavery and exploitation                             | Esclavitud y explotación
          0204   | Trafficking in persons                               | Trata de personas
          0205   | Coercion                                             | Coacción
          02051  | Extortion                                            | Extorsión
          0206   | Negligence                                           | Negligencia
          0207   | Dangerous acts                                       | Actos peligrosos
          0208   | Acts intended to induce fear or emotional distress   | Actos que tienen la intención de inducir miedo o angustia emocional
          0209   | Defamation or insult                                 | Difamación o insulto
          0210   | Discrimination                                       | Discriminación
          0211   | Acts that trespass against the person                | Actos de intrusión contra la persona
          0301   | Sexual violence                                      | Violencia sexual
          03011  | Rape                                                 | Violación
          03012  | Sexual assault                                       | Agresión sexual
          0302   | Sexual exploitation                                  | Explotación sexual
          0401   | Robbery                                              | Robo
          0501   | Burglary                                             | Robo con allanamiento
          0502   | Theft                                                | Hurto
          05021  | Theft of a motorized land vehicle or parts thereof   | Hurto de un vehículo motorizado terrestre o de sus partes
          0504   | Property damage                                      | Daños a la propiedad
          0601   | Unlawful acts involving controlled drugs or precursors | Actos ilícitos que implican drogas controladas o precursores
          0701   | Fraud                                                | Fraude
          0702   | Forgery/counterfeiting                               | Falsificación
          0703   | Corruption                                           | Corrupción
          07031  | Bribery                                              | Soborno
          0704   | Acts involving proceeds of crime                     | Actos que implican el producto del delito
          07041  | Money laundering                                     | Blanqueo de dinero
          0805   | Acts related to migration                            | Actos relacionados con la migración
          08051  | Smuggling of migrants                                | Tráfico ilícito de migrantes
          0901   | Acts involving weapons, explosives and other destructive materials | Actos que implican armas, explosivos y otros materiales destructivos
          0905   | Acts related to an organized criminal group          | Actos relacionados con un grupo delictivo organizado
          0906   | Terrorism                                            | Terrorismo
          """)
  @DisplayName("required lower codes carry their English and Spanish labels")
  void requiredCodes(String code, String en, String es) {
    IccsCode c = IccsCode.of(code);
    assertThat(STANDARD.find(c)).contains(new IccsCategory(c, en, es));
    assertThat(STANDARD.label(c, Locale.ENGLISH)).isEqualTo(en);
    assertThat(STANDARD.label(c, ES_HN)).isEqualTo(es);
  }

  @Test
  @DisplayName("label is Spanish only for language es; other locales get English")
  void labelLanguage() {
    IccsCode extortion = IccsCode.of("02051");
    assertThat(STANDARD.label(extortion, Locale.forLanguageTag("es"))).isEqualTo("Extorsión");
    assertThat(STANDARD.label(extortion, Locale.FRENCH)).isEqualTo("Extortion");
    assertThat(STANDARD.label(extortion, Locale.ROOT)).isEqualTo("Extortion");
  }

  @Test
  @DisplayName("an unknown code is labelled by its nearest known ancestor plus the code")
  void labelFallsBackToAncestor() {
    assertThat(STANDARD.contains(IccsCode.of("050211"))).isFalse();
    assertThat(STANDARD.label(IccsCode.of("050211"), Locale.ENGLISH))
        .isEqualTo("Theft of a motorized land vehicle or parts thereof (050211)");
    assertThat(STANDARD.label(IccsCode.of("0809"), ES_HN))
        .isEqualTo(
            "Actos contra el orden público, la autoridad y las disposiciones del Estado (0809)");
    IccsCatalogue empty = IccsCatalogue.builder().build();
    assertThat(empty.label(IccsCode.of("0101"), Locale.ENGLISH)).isEqualTo("0101");
  }

  @Test
  @DisplayName("children are the direct descendants present, in order")
  void children() {
    assertThat(STANDARD.children(IccsCode.of("0202")))
        .extracting(c -> c.code().value())
        .containsExactly("02021", "02022");
    assertThat(STANDARD.children(IccsCode.of("02022")))
        .extracting(c -> c.code().value())
        .containsExactly("020221");
    assertThat(STANDARD.children(IccsCode.of("05")))
        .extracting(c -> c.code().value())
        .containsExactly("0501", "0502", "0503", "0504");
    assertThat(STANDARD.children(IccsCode.of("020221"))).isEmpty();
    assertThat(STANDARD.children(IccsCode.of("11"))).isEmpty();
  }

  @Test
  @DisplayName("find and contains agree; unknown codes are absent")
  void findAndContains() {
    assertThat(STANDARD.find(IccsCode.of("0199"))).isEmpty();
    assertThat(STANDARD.contains(IccsCode.of("0199"))).isFalse();
    for (IccsCategory c : STANDARD.all()) {
      assertThat(STANDARD.find(c.code())).contains(c);
    }
  }

  @Test
  @DisplayName("the builder extends the standard catalogue")
  void builderExtends() {
    IccsCategory vehicle =
        IccsCategory.of("050211", "Theft of a motorized land vehicle", "Hurto de vehículo");
    IccsCatalogue extended = IccsCatalogue.builder().addAll(STANDARD).add(vehicle).build();
    assertThat(extended.find(vehicle.code())).contains(vehicle);
    assertThat(extended.size()).isEqualTo(STANDARD.size() + 1);
    assertThat(STANDARD.contains(vehicle.code())).isFalse();
    assertThat(IccsCatalogue.builder().addAll(STANDARD).build()).isEqualTo(STANDARD);
  }

  @Test
  @DisplayName("the builder rejects a code whose parent is missing")
  void builderRejectsOrphan() {
    IccsCatalogue.Builder builder =
        IccsCatalogue.builder().add(IccsCategory.of("02051", "Extortion", "Extorsión"));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ICCS code (02051) needs its parent 0205 in the catalogue; add 0205 first");
  }

  @Test
  @DisplayName("the builder rejects duplicate codes")
  void builderRejectsDuplicate() {
    IccsCatalogue.Builder builder = IccsCatalogue.builder().addAll(STANDARD);
    assertThatThrownBy(() -> builder.add(IccsCategory.of("0101", "Murder", "Asesinato")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ICCS code (0101) is already in the catalogue as \"Intentional homicide\"; each code"
                + " may be added only once");
  }

  @Test
  @DisplayName("categories reject blank labels and strip them")
  void categoryValidation() {
    assertThatThrownBy(() -> IccsCategory.of("0101", " ", "Homicidio"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labelEn ( ) of ICCS 0101 must not be blank");
    assertThatThrownBy(() -> new IccsCategory(null, "a", "b"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("code must not be null");
    assertThat(IccsCategory.of("0101", " Intentional homicide ", "Homicidio").labelEn())
        .isEqualTo("Intentional homicide");
  }

  @Test
  @DisplayName("lists are unmodifiable")
  void unmodifiable() {
    assertThatThrownBy(() -> STANDARD.all().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> STANDARD.sections().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    Set<IccsCode> codes =
        STANDARD.all().stream().map(IccsCategory::code).collect(Collectors.toSet());
    assertThat(codes).hasSize(STANDARD.size());
  }
}
