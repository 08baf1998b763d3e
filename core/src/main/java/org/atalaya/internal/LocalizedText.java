package org.atalaya.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apiguardian.api.API;
import org.atalaya.code.LocalizedDetail;

/**
 * Formats a text from one of Atalaya's message bundles in English or Spanish. Internal: used by the
 * problem, plugin and area messages of every module; not part of the API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LocalizedText {

  private LocalizedText() {}

  /**
   * Returns the text {@code key} of {@code bundle} in {@code locale}'s language, with {@code args}
   * filled in. There is no fallback to the JVM's default locale: English stays English on a Spanish
   * machine, and a language without a bundle gets the English base bundle. Arguments that are
   * {@link LocalizedDetail}s are said in the same language.
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
            bundle,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    Object[] said = args.clone();
    for (int i = 0; i < said.length; i++) {
      if (said[i] instanceof LocalizedDetail d) {
        said[i] = d.in(locale);
      }
    }
    return new MessageFormat(b.getString(key), locale).format(said);
  }
}
