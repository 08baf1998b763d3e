package org.atalaya.cli;

import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --lang} option every command takes (a picocli mixin); {@link Language} gives its
 * default.
 */
final class LangOption {
  @Option(
      names = "--lang",
      paramLabel = "es|en",
      descriptionKey = "lang",
      description =
          "Language of messages and help: es or en (default: ${DEFAULT-VALUE}, from ATALAYA_LANG,"
              + " else the system's language).")
  String lang;

  Locale locale() {
    return Language.locale(lang);
  }

  Texts texts() {
    return Texts.of(locale().getLanguage());
  }
}
