package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one language rule: --lang, else ATALAYA_LANG, else the system's language if Spanish, else
 * English.
 */
class LanguageTest {

  @Test
  @DisplayName(
      "ATALAYA_LANG wins over the system's language; the system's Spanish wins over English")
  void defaultRule() {
    assertThat(Language.byDefault("es", Locale.ENGLISH)).isEqualTo("es");
    assertThat(Language.byDefault("en", Locale.forLanguageTag("es-HN"))).isEqualTo("en");
    assertThat(Language.byDefault("es_HN.UTF-8", Locale.ENGLISH)).isEqualTo("es");
    assertThat(Language.byDefault(null, Locale.forLanguageTag("es-HN"))).isEqualTo("es");
    assertThat(Language.byDefault("fr", Locale.forLanguageTag("es"))).isEqualTo("es");
    assertThat(Language.byDefault(null, Locale.GERMAN)).isEqualTo("en");
    assertThat(Language.byDefault("", Locale.ROOT)).isEqualTo("en");
  }

  @Test
  @DisplayName(
      "--lang is found in both spellings, wherever it stands before --, and the last one counts")
  void givenLanguage() {
    assertThat(Language.given("validate", "x.csv", "--lang", "es")).contains("es");
    assertThat(Language.given("--lang=es", "demo")).contains("es");
    assertThat(Language.given("demo", "--lang", "es", "--lang=en")).contains("en");
    assertThat(Language.given("demo", "--", "--lang", "es")).isEmpty();
    assertThat(Language.given("demo", "--lang")).isEmpty();
    assertThat(Language.of("demo", "--lang", "fr")).isIn("es", "en");
  }

  @Test
  @DisplayName("any arguments with --lang L appended end with L, whatever came before")
  void lastLangWins() {
    qt().forAll(
            lists()
                .of(strings().allPossible().ofLengthBetween(0, 8).map(s -> s.replace("--", "")))
                .ofSizeBetween(0, 6),
            arbitrary().pick("es", "en"))
        .checkAssert(
            (args, lang) -> {
              List<String> all = new ArrayList<>(args);
              all.add("--lang");
              all.add(lang);
              assertThat(Language.given(all.toArray(String[]::new))).contains(lang);
              assertThat(Language.of(all.toArray(String[]::new))).isEqualTo(lang);
            });
  }
}
