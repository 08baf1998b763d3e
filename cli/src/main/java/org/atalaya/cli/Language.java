package org.atalaya.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule that picks the language of every command's messages and help: {@code --lang} if
 * given, else the environment variable {@value #ENV}, else Spanish when the system's language is
 * Spanish, else English. Only English and Spanish exist.
 */
final class Language {

  /** The environment variable that sets the language of every command: {@code es} or {@code en}. */
  static final String ENV = "ATALAYA_LANG";

  /** The values {@code --lang} takes. */
  static final List<String> CODES = List.of("es", "en");

  private Language() {}

  /**
   * Returns {@code es} or {@code en} for this machine: {@value #ENV}, else the system's language.
   */
  static String byDefault() {
    return byDefault(System.getenv(ENV), Locale.getDefault());
  }

  /**
   * Returns {@code es} or {@code en}: {@code env} when it names one of them ({@code es}, {@code
   * es_HN.UTF-8} and {@code es-HN} all name Spanish), else Spanish for a Spanish {@code system}
   * locale, else English.
   */
  static String byDefault(String env, Locale system) {
    return named(env).orElse("es".equals(system.getLanguage()) ? "es" : "en");
  }

  /** Returns {@code es} or {@code en} when {@code value}'s language part is one of them. */
  static Optional<String> named(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String language = value.strip().toLowerCase(Locale.ROOT).split("[-_.@]", 2)[0];
    return CODES.contains(language) ? Optional.of(language) : Optional.empty();
  }

  /**
   * Returns the value of the last {@code --lang} in {@code args} ({@code --lang es} or {@code
   * --lang=es}, before any {@code --}), or empty. Read before parsing, so that a help page or a
   * usage error is already in the user's language.
   */
  static Optional<String> given(String... args) {
    String found = null;
    for (int i = 0; i < args.length; i++) {
      if ("--".equals(args[i])) {
        break;
      }
      if ("--lang".equals(args[i]) && i + 1 < args.length) {
        found = args[++i];
      } else if (args[i].startsWith("--lang=")) {
        found = args[i].substring("--lang=".length());
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the language for {@code args}: their {@code --lang} when valid, else {@link
   * #byDefault()}.
   */
  static String of(String... args) {
    return given(args)
        .flatMap(g -> CODES.contains(g) ? Optional.of(g) : Optional.empty())
        .orElseGet(Language::byDefault);
  }

  /** Returns the locale of {@code lang}, falling back to the default rule when it is null. */
  static Locale locale(String lang) {
    return Texts.locale(lang == null ? byDefault() : lang);
  }
}
