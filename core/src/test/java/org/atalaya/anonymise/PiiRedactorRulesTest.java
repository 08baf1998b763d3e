package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiRedactorRulesTest {

  private static final PiiRedactor NO_NAMES = PiiRedactor.of(List.of());

  @Test
  void aTwoLetterNameIsRedactedButASingleLetterIsNot() {
    PiiRedactor r = PiiRedactor.of(List.of("Lu", "a"));
    assertThat(r.names()).containsExactly("lu");
    assertThat(r.redact("Lu fue a la casa")).isEqualTo("[PERSONA_1] fue a la casa");
  }

  @Test
  void theGazetteerIsKeptFoldedLongestFirst() {
    PiiRedactor r = PiiRedactor.of(List.of("Ana", "José  Núñez", "Ana María", "ANA"));
    assertThat(r.names()).containsExactly("jose nunez", "ana maria", "ana");
  }

  @Test
  void aFullNameIsOnePersonNotAGivenNameFollowedByText() {
    // "Ana" is listed first, but the longer name must win: otherwise "María" would leave in clear.
    PiiRedactor r = PiiRedactor.of(List.of("Ana", "Ana María"));
    assertThat(r.redact("Ana María llamó a Ana")).isEqualTo("[PERSONA_1] llamó a [PERSONA_2]");
  }

  @Test
  void anEmailIsRedactedEvenWhenTheTextStartsWithAnAtSign() {
    assertThat(NO_NAMES.redact("@ escribir a ana.lopez@correo.hn"))
        .isEqualTo("@ escribir a [CORREO_1]");
    assertThat(NO_NAMES.remaining("@ ana.lopez@correo.hn")).containsExactly(PiiRedactor.Kind.EMAIL);
  }

  @Test
  void aNumberInNationalAndInternationalFormIsOnePhone() {
    // An eight-digit number that itself begins with 504 keeps its digits: only the country code
    // of the international form is dropped.
    assertThat(NO_NAMES.redact("al 5041-2345 o al +504 5041-2345"))
        .isEqualTo("al [TELEFONO_1] o al [TELEFONO_1]");
    assertThat(NO_NAMES.redact("al 9876-5432 o al +504 9876-5432"))
        .isEqualTo("al [TELEFONO_1] o al [TELEFONO_1]");
  }

  @Test
  void placeholdersAreNotIdentifiersWhereverTheyStand() {
    // The phone finder reads brackets as punctuation: "1] 234-5678" would pass for eight digits.
    assertThat(NO_NAMES.remaining("[DNI_1] 234-5678")).isEmpty();
    assertThat(NO_NAMES.remaining("ver [DNI_1] 234-5678")).isEmpty();
    assertThat(NO_NAMES.remaining("[DNI_1] 9876-5432")).containsExactly(PiiRedactor.Kind.PHONE);
  }

  @Test
  void aShortInternationalNumberOfSevenDigitsIsAPhone() {
    // Niue numbers have four digits: +683 4002 is a phone number with seven digits in all.
    assertThat(NO_NAMES.redact("llamar al +683 4002 hoy")).isEqualTo("llamar al [TELEFONO_1] hoy");
  }

  @Test
  void aUrlAloneInATextIsRedactedWhateverItsCase() {
    assertThat(NO_NAMES.redact("ver WWW.Policia.hn/denuncia hoy")).isEqualTo("ver [URL_1] hoy");
    assertThat(NO_NAMES.remaining("ver Https://policia.hn")).containsExactly(PiiRedactor.Kind.URL);
  }
}
