package org.atalaya.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The command line's own texts in English or Spanish, never the JVM's default language. */
final class Texts {
  private final ResourceBundle bundle;
  private final Locale locale;

  private Texts(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            "org.atalaya.cli.Messages",
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** Returns the texts for {@code es...} (Spanish) or anything else (English). */
  static Texts of(String lang) {
    return new Texts(locale(lang));
  }

  static Locale locale(String lang) {
    return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("es")
        ? Locale.forLanguageTag("es")
        : Locale.ENGLISH;
  }

  Locale locale() {
    return locale;
  }

  String get(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), locale).format(args);
  }
}
