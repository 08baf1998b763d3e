package org.atalaya.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginMessagesTest {

  @Test
  void everyCodeHasAMessageAndAHintInBothLanguages() {
    for (PluginCode code : PluginCode.values()) {
      PluginIssue i =
          new PluginIssue(code, Optional.of("org.ejemplo.x"), Optional.empty(), "x.jar", "detail");
      for (Locale l : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("es")}) {
        assertThat(i.message(l))
            .as("%s message in %s", code, l)
            .isNotBlank()
            .doesNotContain("{0}", "{1}", "{2}");
        assertThat(i.hint(l)).as("%s hint in %s", code, l).isNotBlank();
      }
      assertThat(i.message(Locale.forLanguageTag("es"))).isNotEqualTo(i.message(Locale.ENGLISH));
    }
  }

  @Test
  void codesAreUniqueAndNumberedInOrder() {
    PluginCode[] all = PluginCode.values();
    for (int n = 0; n < all.length; n++) {
      assertThat(all[n].code()).isEqualTo(String.format("ATL-PLG-%03d", n + 1));
    }
  }
}
