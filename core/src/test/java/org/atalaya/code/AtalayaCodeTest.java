package org.atalaya.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.atalaya.anonymise.AnonymisationException;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ProblemCode;
import org.atalaya.plugin.PluginCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AtalayaCodeTest {
  private static final Locale ES = Locale.forLanguageTag("es");
  private static final Object[] ARGS = {"campo", "valor", "origen"};

  static Stream<AtalayaCode> coreCodes() {
    return Stream.of(ProblemCode.values(), PluginCode.values(), AnonymiseCode.values())
        .flatMap(Stream::of);
  }

  @ParameterizedTest
  @MethodSource("coreCodes")
  @DisplayName(
      "every code has the form ATL-FAMILY-NNN, a severity, and a message and a hint in English and"
          + " Spanish")
  void everyCodeIsComplete(AtalayaCode code) {
    assertThat(code.code()).matches(AtalayaCode.FORMAT);
    assertThat(code.severity()).isNotNull();
    for (Locale l : List.of(Locale.ENGLISH, ES)) {
      assertThat(code.message(l, ARGS)).isNotBlank().doesNotContain(code.code());
      assertThat(code.hint(l, ARGS)).isNotBlank();
    }
    assertThat(code.message(ES, ARGS)).isNotEqualTo(code.message(Locale.ENGLISH, ARGS));
    assertThat(code.hint(ES, ARGS)).isNotEqualTo(code.hint(Locale.ENGLISH, ARGS));
  }

  @Test
  @DisplayName(
      "a Spanish locale of any country gets Spanish; any other language gets English, never the"
          + " JVM's")
  void languageIsChosenByTheLocaleOnly() {
    assertThat(ProblemCode.NULL_ISLAND.message(Locale.forLanguageTag("es-HN")))
        .contains("ubicación que falta");
    assertThat(ProblemCode.NULL_ISLAND.message(Locale.FRENCH)).contains("missing location");
  }

  @Test
  @DisplayName(
      "codes are unique within and across the core families, and each family keeps its prefix")
  void codesAreUnique() {
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    coreCodes()
        .forEach(
            c -> {
              if (!seen.add(c.code())) {
                repeated.add(c.code());
              }
            });
    assertThat(repeated).isEmpty();
    assertThat(ProblemCode.values()).allMatch(c -> c.code().startsWith("ATL-IO-"));
    assertThat(PluginCode.values()).allMatch(c -> c.code().startsWith("ATL-PLG-"));
    assertThat(AnonymiseCode.values()).allMatch(c -> c.code().startsWith("ATL-ANON-"));
  }

  @Test
  @DisplayName(
      "the form of a code rejects lower case, a missing family and numbers of other lengths")
  void formatIsStrict() {
    assertThat(AtalayaCode.FORMAT.matcher("ATL-IO-005").matches()).isTrue();
    assertThat(
            Stream.of(
                "atl-io-005", "ATL--005", "ATL-IO-05", "ATL-IO-0005", "ATL-IO005", "XTL-IO-005"))
        .noneMatch(s -> AtalayaCode.FORMAT.matcher(s).matches());
  }

  @Test
  @DisplayName("a read failure of a whole input carries ATL-IO-022 unless given another code")
  void incidentReadExceptionHasACode() {
    assertThat(new IncidentReadException("x.csv: the CSV file is empty").code())
        .isEqualTo(ProblemCode.INPUT_UNREADABLE);
    assertThat(new IncidentReadException(ProblemCode.MALFORMED_RECORD, "x", null).code())
        .isEqualTo(ProblemCode.MALFORMED_RECORD);
    assertThat(ProblemCode.INPUT_UNREADABLE.code()).isEqualTo("ATL-IO-022");
  }

  @Test
  @DisplayName(
      "a missing release key is said wholly in Spanish, detail included, and wholly in English")
  void keyMissingHasNoMixedLanguage() {
    AnonymisationException e =
        Assertions.catchThrowableOfType(
            () -> ReleaseKey.fromEnvironment("ATALAYA_TEST_UNSET_VARIABLE_XYZ"),
            AnonymisationException.class);
    assertThat(e.code()).isEqualTo(AnonymiseCode.KEY_MISSING);
    assertThat(e.message(ES))
        .startsWith(
            "ATL-ANON-001 no hay clave de publicación: la variable de entorno"
                + " ATALAYA_TEST_UNSET_VARIABLE_XYZ no está definida")
        .doesNotContain("environment variable")
        .doesNotContain("is not set");
    assertThat(e.getMessage())
        .startsWith(
            "ATL-ANON-001 no release key: environment variable ATALAYA_TEST_UNSET_VARIABLE_XYZ is"
                + " not set");
    assertThat(e.detail())
        .isEqualTo("environment variable ATALAYA_TEST_UNSET_VARIABLE_XYZ is not set");
  }

  @Test
  @DisplayName("a localized detail is said in the language of the message that carries it")
  void localizedDetailFollowsTheMessage() {
    LocalizedDetail d = AnonymiseCode.detail("detail.stepNeedsOption", "donut-mask", "max-metres");
    assertThat(AnonymiseCode.INVALID_POLICY.message(ES, d))
        .isEqualTo("política no válida: el paso donut-mask necesita la opción max-metres");
    assertThat(AnonymiseCode.INVALID_POLICY.message(Locale.ENGLISH, d))
        .isEqualTo("invalid policy: step donut-mask needs the option max-metres");
    assertThat(d)
        .hasToString("step donut-mask needs the option max-metres")
        .isEqualTo(AnonymiseCode.detail("detail.stepNeedsOption", "donut-mask", "max-metres"));
  }
}
