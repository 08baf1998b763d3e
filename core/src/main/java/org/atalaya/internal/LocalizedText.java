package org.atalaya.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apiguardian.api.API;

/**
 * Formats a text from one of Atalaya's message bundles in English or Spanish. Internal: used by
 * the problem, plugin and area messages of every module; not part of the API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LocalizedText {

  private LocalizedText() {}

  /**
   * Returns the text {@code key} of {@code bundle} in {@code locale}'s language, with {@code args}
   * filled in. There is no fallback to the JVM's default locale: English stays English on a
   * Spanish machine, and a language without a bundle gets the English base bundle.
   *
   * @param bundle the bundle's base name, for example {@code org.atalaya.io.Messages}
   * @param locale the language
   * @param key the key
   * @param args the values of {0}, {1}, ...
   * @return the text
   */
  public static String format(String bundle, Locale locale, String key, Object... args) {
    ResourceBundle b =
        ResourceBundle.getBundle(
            bundle, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(b.getString(key), locale).format(args);
  }
}
