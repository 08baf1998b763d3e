package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;

class ClassificationTest {

  @Test
  void aBlankSourceLabelIsRefused() {
    assertThatThrownBy(() -> classified("0101", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source category label");
    assertThat(classified("0101", "Homicidio").sourceLabel()).contains("Homicidio");
  }

  @Test
  void otherCodesNeedANamedSchemeOtherThanIccsAndANonBlankCode() {
    assertThatThrownBy(() -> withCodes(Map.of(" ", "123")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code scheme ( )");
    assertThatThrownBy(() -> withCodes(Map.of("iccs", "0101")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code scheme (iccs)")
        .hasMessageContaining("other than iccs");
    Map<String, String> nullScheme = new HashMap<>();
    nullScheme.put(null, "123");
    assertThatThrownBy(() -> withCodes(nullScheme)).hasMessageContaining("code scheme (null)");
    assertThatThrownBy(() -> withCodes(Map.of("hn-cp", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code for scheme hn-cp must not be blank");
    Map<String, String> nullCode = new HashMap<>();
    nullCode.put("hn-cp", null);
    assertThatThrownBy(() -> withCodes(nullCode)).hasMessageContaining("scheme hn-cp");
  }

  @Test
  void otherCodesAreKeptInSchemeOrder() {
    Classification c = withCodes(Map.of("police", "12", "hn-cp", "117"));
    assertThat(c.otherCodes())
        .containsExactly(Map.entry("hn-cp", "117"), Map.entry("police", "12"));
  }

  @Test
  void anIncidentIsWithinTheBroaderCodesOfItsOwnAndAnUnclassifiedOneWithinNone() {
    Classification murder = Classification.iccs(IccsCode.of("0101"));
    assertThat(murder.isWithin(IccsCode.of("01"))).isTrue();
    assertThat(murder.isWithin(IccsCode.of("0101"))).isTrue();
    assertThat(murder.isWithin(IccsCode.of("02"))).isFalse();
    assertThat(Classification.UNCLASSIFIED.isWithin(IccsCode.of("01"))).isFalse();
  }

  private static Classification classified(String code, String label) {
    return Classification.iccs(IccsCode.of(code), label);
  }

  private static Classification withCodes(Map<String, String> codes) {
    return new Classification(Optional.empty(), Optional.empty(), codes);
  }
}
