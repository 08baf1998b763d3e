package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.incident.SensitivityFlag.DOMESTIC_VIOLENCE;
import static org.atalaya.incident.SensitivityFlag.MINOR_VICTIM;
import static org.atalaya.incident.SensitivityFlag.SEXUAL_VIOLENCE;
import static org.quicktheories.QuickTheory.qt;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.atalaya.anonymise.internal.RecordDraft;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Sex;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.junit.jupiter.api.Test;

/**
 * Which incidents are sensitive: the check behind the release's "no sensitive incident carries a
 * point" guard. Each signal (the source's flags, a sexual-violence ICCS code, the domestic flag, a
 * minor or partner/family victim, a narrative keyword) must make an incident sensitive on its own,
 * and an incident without any must not be.
 */
class SensitiveCategoriesTest {

  private static Incident.Builder plain() {
    return Incident.builder("I-1").iccs("0401");
  }

  private static Victim aged(int age) {
    return Victim.of(Sex.FEMALE, age, VictimOutcome.INJURED);
  }

  private static Victim related(Relationship r) {
    return new Victim(Sex.MALE, OptionalInt.of(40), Optional.empty(), r, VictimOutcome.INJURED);
  }

  private static Victim inBand(AgeBand band) {
    return new Victim(
        Sex.UNKNOWN,
        OptionalInt.empty(),
        Optional.of(band),
        Relationship.UNKNOWN,
        VictimOutcome.UNKNOWN);
  }

  /** Asserts what every entry point says of {@code in}: detect, isSensitive and the draft. */
  private static void assertFlags(Incident in, Set<SensitivityFlag> expected) {
    assertThat(SensitiveCategories.detect(in)).as("detect %s", in).isEqualTo(expected);
    assertThat(SensitiveCategories.isSensitive(in))
        .as("isSensitive %s", in)
        .isEqualTo(!expected.isEmpty());
    assertThat(SensitiveCategories.detect(RecordDraft.of(in)))
        .as("detect(draft) %s", in)
        .isEqualTo(expected);
  }

  @Test
  void anIncidentWithNoSignalIsNotSensitive() {
    assertFlags(plain().build(), Set.of());
    assertFlags(Incident.builder("I-2").build(), Set.of());
    assertFlags(
        plain()
            .context(IncidentContext.UNKNOWN.withDomestic(false))
            .addVictim(aged(18))
            .addVictim(related(Relationship.ACQUAINTANCE))
            .addVictim(related(Relationship.STRANGER))
            .addVictim(related(Relationship.UNKNOWN))
            .addVictim(inBand(AgeBand.of(15, 19)))
            .addVictim(inBand(AgeBand.atLeast(0)))
            .narrative("Robo de celular a un hombre de 34 años en la parada de buses.")
            .build(),
        Set.of());
  }

  @Test
  void aFlagSetByTheSourceMakesTheIncidentSensitive() {
    for (SensitivityFlag f : SensitivityFlag.values()) {
      assertFlags(plain().addSensitivity(f).build(), Set.of(f));
    }
    assertFlags(
        plain().addSensitivity(SensitivityFlag.values()).build(),
        EnumSet.allOf(SensitivityFlag.class));
  }

  @Test
  void aSexualViolenceIccsCodeIsSensitive() {
    for (String code : List.of("03", "0301", "030111", "0302")) {
      assertFlags(Incident.builder("I-1").iccs(code).build(), Set.of(SEXUAL_VIOLENCE));
    }
    // Neighbouring sections are not sexual violence by their code alone.
    for (String code : List.of("02", "0201", "04", "0401", "0103")) {
      assertFlags(Incident.builder("I-1").iccs(code).build(), Set.of());
    }
  }

  @Test
  void aDomesticViolenceIncidentIsSensitive() {
    assertFlags(
        plain().context(IncidentContext.UNKNOWN.withDomestic(true)).build(),
        Set.of(DOMESTIC_VIOLENCE));
  }

  @Test
  void aVictimWhoIsAPartnerOrFamilyMemberOfTheOffenderMakesItDomestic() {
    for (Relationship r : List.of(Relationship.INTIMATE_PARTNER, Relationship.FAMILY_MEMBER)) {
      assertFlags(plain().addVictim(related(r)).build(), Set.of(DOMESTIC_VIOLENCE));
      // Also when an unrelated victim comes first.
      assertFlags(
          plain().addVictim(related(Relationship.STRANGER)).addVictim(related(r)).build(),
          Set.of(DOMESTIC_VIOLENCE));
    }
  }

  @Test
  void anIncidentWithAVictimUnder18IsSensitiveAndOneOf18IsNot() {
    assertFlags(plain().addVictim(aged(17)).build(), Set.of(MINOR_VICTIM));
    assertFlags(plain().addVictim(aged(0)).build(), Set.of(MINOR_VICTIM));
    assertFlags(plain().addVictim(aged(18)).build(), Set.of());
    // Any victim counts, not only the first.
    assertFlags(plain().addVictim(aged(30)).addVictim(aged(12)).build(), Set.of(MINOR_VICTIM));
    // An age band entirely below 18 is a minor; one that reaches 18 is not known to be.
    assertFlags(plain().addVictim(inBand(AgeBand.of(12, 17))).build(), Set.of(MINOR_VICTIM));
    assertFlags(plain().addVictim(inBand(AgeBand.of(12, 18))).build(), Set.of());
  }

  @Test
  void everySignalAddsItsOwnFlag() {
    Incident all =
        Incident.builder("I-1")
            .iccs("0301")
            .context(IncidentContext.UNKNOWN.withDomestic(true))
            .addVictim(aged(9))
            .build();
    assertFlags(all, EnumSet.allOf(SensitivityFlag.class));
    assertFlags(
        plain().addVictim(aged(9)).addVictim(related(Relationship.INTIMATE_PARTNER)).build(),
        Set.of(MINOR_VICTIM, DOMESTIC_VIOLENCE));
    assertFlags(
        plain()
            .addSensitivity(DOMESTIC_VIOLENCE)
            .narrative("Fue víctima de violación en la colonia.")
            .build(),
        Set.of(DOMESTIC_VIOLENCE, SEXUAL_VIOLENCE));
  }

  @Test
  void aKeywordInTheNarrativeProtectsAMiscodedCase() {
    // Coded as robbery, with no flag: only the narrative says what happened.
    assertFlags(
        plain().narrative("La víctima denunció ABUSO SEXUAL en su vivienda.").build(),
        Set.of(SEXUAL_VIOLENCE));
    assertFlags(
        plain().narrative("Golpeada por su pareja frente a sus hijos.").build(),
        Set.of(DOMESTIC_VIOLENCE));
    assertFlags(
        plain().narrative("El niño fue encontrado en la calle.").build(), Set.of(MINOR_VICTIM));
    assertFlags(plain().narrative("Robo en la parada de buses.").build(), Set.of());
  }

  /** Each keyword, written as a narrative would (accents, capitals), with the flag it implies. */
  private static final Map<String, SensitivityFlag> KEYWORDS =
      Map.ofEntries(
          Map.entry("Violación", SEXUAL_VIOLENCE),
          Map.entry("violada", SEXUAL_VIOLENCE),
          Map.entry("violado", SEXUAL_VIOLENCE),
          Map.entry("la violó", SEXUAL_VIOLENCE),
          Map.entry("la violaron", SEXUAL_VIOLENCE),
          Map.entry("Abuso Sexual", SEXUAL_VIOLENCE),
          Map.entry("abusada sexualmente", SEXUAL_VIOLENCE),
          Map.entry("abusado sexualmente", SEXUAL_VIOLENCE),
          Map.entry("la abusó sexualmente", SEXUAL_VIOLENCE),
          Map.entry("fue agredida sexualmente", SEXUAL_VIOLENCE),
          Map.entry("AGRESIÓN SEXUAL", SEXUAL_VIOLENCE),
          Map.entry("acoso sexual", SEXUAL_VIOLENCE),
          Map.entry("estupro", SEXUAL_VIOLENCE),
          Map.entry("incesto", SEXUAL_VIOLENCE),
          Map.entry("tocamientos", SEXUAL_VIOLENCE),
          Map.entry("actos de lujuria", SEXUAL_VIOLENCE),
          Map.entry("explotación sexual", SEXUAL_VIOLENCE),
          Map.entry("violencia sexual", SEXUAL_VIOLENCE),
          Map.entry("violencia doméstica", DOMESTIC_VIOLENCE),
          Map.entry("violencia intrafamiliar", DOMESTIC_VIOLENCE),
          Map.entry("caso intrafamiliar", DOMESTIC_VIOLENCE),
          Map.entry("su pareja", DOMESTIC_VIOLENCE),
          Map.entry("su expareja", DOMESTIC_VIOLENCE),
          Map.entry("su ex pareja", DOMESTIC_VIOLENCE),
          Map.entry("su esposo", DOMESTIC_VIOLENCE),
          Map.entry("su esposa", DOMESTIC_VIOLENCE),
          Map.entry("su marido", DOMESTIC_VIOLENCE),
          Map.entry("su compañero de hogar", DOMESTIC_VIOLENCE),
          Map.entry("su compañera de hogar", DOMESTIC_VIOLENCE),
          Map.entry("su conviviente", DOMESTIC_VIOLENCE),
          Map.entry("su novio", DOMESTIC_VIOLENCE),
          Map.entry("su exnovio", DOMESTIC_VIOLENCE),
          Map.entry("femicidio", DOMESTIC_VIOLENCE),
          Map.entry("feminicidio", DOMESTIC_VIOLENCE),
          Map.entry("su padrastro", DOMESTIC_VIOLENCE),
          Map.entry("su madrastra", DOMESTIC_VIOLENCE),
          Map.entry("menor de edad", MINOR_VICTIM),
          Map.entry("menores de edad", MINOR_VICTIM),
          Map.entry("niña", MINOR_VICTIM),
          Map.entry("NIÑO", MINOR_VICTIM),
          Map.entry("niñas", MINOR_VICTIM),
          Map.entry("niños", MINOR_VICTIM),
          Map.entry("adolescente", MINOR_VICTIM),
          Map.entry("adolescentes", MINOR_VICTIM),
          Map.entry("bebé", MINOR_VICTIM),
          Map.entry("infante", MINOR_VICTIM),
          Map.entry("escolar", MINOR_VICTIM),
          Map.entry("colegiala", MINOR_VICTIM),
          Map.entry("colegial", MINOR_VICTIM),
          Map.entry("de 14 años", MINOR_VICTIM));

  @Test
  void everyKeywordFlagsItsCategoryWhereverItStandsInTheText() {
    KEYWORDS.forEach(
        (keyword, flag) -> {
          for (String text :
              List.of(
                  keyword,
                  "Según el parte, " + keyword + ".",
                  "(" + keyword + ")",
                  "Hecho: " + keyword)) {
            assertThat(SensitiveCategories.fromText(text)).as(text).isEqualTo(Set.of(flag));
            assertThat(SensitiveCategories.isSensitive(plain().narrative(text).build()))
                .as(text)
                .isTrue();
          }
        });
  }

  @Test
  void theKeywordIndexFindsEveryKeywordByItsFirstWordAndNothingElse() {
    Map<String, SensitivityFlag> many = new HashMap<>();
    SensitivityFlag[] flags = SensitivityFlag.values();
    for (int i = 0; i < 300; i++) {
      many.put("w" + i, flags[i % flags.length]);
      if (i % 10 == 0) {
        // Keywords that share their first word.
        many.put("w" + i + " de hogar", flags[(i + 1) % flags.length]);
      }
    }
    List<Map<String, SensitivityFlag>> indexes =
        List.of(
            Map.of(),
            Map.of("uno", MINOR_VICTIM),
            Map.of(
                "uno",
                MINOR_VICTIM,
                "dos",
                SEXUAL_VIOLENCE,
                "tres cuatro",
                DOMESTIC_VIOLENCE,
                "cinco",
                MINOR_VICTIM),
            many);
    for (Map<String, SensitivityFlag> keywords : indexes) {
      SensitiveCategories.WordTable<List<SensitiveCategories.Keyword>> index =
          SensitiveCategories.byFirstWord(keywords);
      Map<String, Set<String>> expected = new HashMap<>();
      keywords.forEach(
          (k, f) ->
              expected
                  .computeIfAbsent(k.substring(0, (k + " ").indexOf(' ')), w -> new HashSet<>())
                  .add(k + "=" + f));
      expected.forEach(
          (first, entries) -> {
            // Looked up in place, in capitals: the text is folded as it is read.
            String text = "(" + first.toUpperCase(Locale.ROOT) + ")";
            List<SensitiveCategories.Keyword> found = index.get(text, 1, text.length() - 1);
            assertThat(found).as(first).isNotNull();
            Set<String> got = new HashSet<>();
            for (SensitiveCategories.Keyword k : found) {
              got.add(String.join(" ", k.words()) + "=" + k.flag());
            }
            assertThat(got).as(first).isEqualTo(entries);
          });
      for (String absent : List.of("w300", "w1x", "x1", "de", "hogar", "un", "unos", "", "ü")) {
        String text = " " + absent + " ";
        assertThat(index.get(text, 1, 1 + absent.length())).as(absent).isNull();
      }
    }
  }

  @Test
  void keywordsMatchWholeWordsOnly() {
    // Longer words that merely start or end with a keyword, and the first words of two-word
    // keywords without the rest.
    for (String text :
        List.of(
            "asexual",
            "colegiatura",
            "escolaridad",
            "infantería",
            "bebedero",
            "ninguna novedad",
            "violaciones de tránsito",
            "abuso de autoridad",
            "el abuso",
            "agresión física",
            "agresion fisica y verbal",
            "acoso laboral",
            "explotación laboral",
            "violencia contra la propiedad",
            "su ex",
            "actos de",
            "menor de",
            "su compañero de trabajo",
            "")) {
      assertThat(SensitiveCategories.fromText(text)).as(text).isEmpty();
    }
  }

  @Test
  void aStatedAgeUnder18MakesTheVictimAMinor() {
    for (String text :
        List.of(
            "un joven de 17 años",
            "de 17 años",
            "17 años",
            "víctima de 5 años",
            "víctima de 0 años",
            "víctima de 09 años",
            "de 17, años",
            "DE 17 AÑOS",
            "de １７ años")) {
      assertThat(SensitiveCategories.fromText(text)).as(text).contains(MINOR_VICTIM);
    }
    for (String text :
        List.of(
            "un hombre de 18 años",
            "de 19 años",
            "de 81 años",
            "de 99 años",
            "de 117 años",
            "17",
            "ocurrió el día 17",
            "a las 17 horas",
            "en años recientes",
            "de años",
            "17años",
            "x17 años")) {
      assertThat(SensitiveCategories.fromText(text)).as(text).doesNotContain(MINOR_VICTIM);
    }
  }

  @Test
  void accentsAndCapitalsAreIgnoredOneCharacterForOne() {
    assertThat(SensitiveCategories.fold("ÁÉÍÓÚÜÑáéíóúüñ AZ az @[`{ Ç Ø"))
        .isEqualTo("aeiouunaeiouun az az @[`{ c ø");
    assertThat(SensitiveCategories.fold("")).isEmpty();
    // Every character folds to the lower case of the first character of its canonical
    // decomposition, so offsets into the text stay put.
    StringBuilder wrong = new StringBuilder();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      char expected =
          Character.toLowerCase(
              Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD).charAt(0));
      if (SensitiveCategories.fold(ch) != expected) {
        wrong.append(String.format("U+%04X ", c));
      }
    }
    assertThat(wrong).as("characters folded otherwise").isEmpty();
  }

  @Test
  void textInAnyScriptIsScreenedWithoutError() {
    // Characters just past the accent table and outside the basic plane.
    assertThat(SensitiveCategories.fromText("ɐɑ ʯ ͰΩ 𝐀 \uD800 ab")).isEmpty();
    assertThat(SensitiveCategories.fromText("ɐ violación ʯ")).containsExactly(SEXUAL_VIOLENCE);
    qt().forAll(IncidentGenerators.text())
        .checkAssert(
            t -> {
              Set<SensitivityFlag> flags = SensitiveCategories.fromText(t);
              assertThat(SensitiveCategories.fromText(t + " violación"))
                  .contains(SEXUAL_VIOLENCE)
                  .containsAll(flags);
            });
  }

  @Test
  void theSetsReturnedAreTheCallersToChange() {
    Set<SensitivityFlag> detected = SensitiveCategories.detect(plain().build());
    detected.add(MINOR_VICTIM);
    assertThat(detected).containsExactly(MINOR_VICTIM);
    Set<SensitivityFlag> fromText = SensitiveCategories.fromText("nada");
    fromText.add(SEXUAL_VIOLENCE);
    assertThat(SensitiveCategories.fromText("nada")).isEmpty();
    // The draft's answer for a record with no flag is empty and cannot be changed.
    Set<SensitivityFlag> none = SensitiveCategories.detect(RecordDraft.of(plain().build()));
    assertThatThrownBy(() -> none.add(MINOR_VICTIM))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void isSensitiveAgreesWithDetectAndTheDraftWithTheIncident() {
    qt().withExamples(500)
        .forAll(IncidentGenerators.incidents())
        .checkAssert(
            in -> {
              Set<SensitivityFlag> flags = SensitiveCategories.detect(in);
              assertThat(SensitiveCategories.isSensitive(in)).isEqualTo(!flags.isEmpty());
              assertThat(SensitiveCategories.detect(RecordDraft.of(in))).isEqualTo(flags);
              // Whatever else it says, the source's own flags are kept.
              assertThat(flags).containsAll(in.sensitivity());
            });
  }
}
