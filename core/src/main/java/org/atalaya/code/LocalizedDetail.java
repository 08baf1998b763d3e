package org.atalaya.code;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import org.apiguardian.api.API;

/**
 * The detail of a coded message said in the reader's language: a key of a message bundle and its
 * arguments, rendered only when the language is known. Pass it as an argument of {@link
 * AtalayaCode#message} (or of an exception that carries a code) instead of an English sentence, so
 * that a Spanish message has a Spanish detail. Immutable; {@link #toString()} is English.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LocalizedDetail {
  private final String bundle;
  private final String key;
  private final Object[] args;

  private LocalizedDetail(String bundle, String key, Object[] args) {
    this.bundle = Objects.requireNonNull(bundle, "bundle must not be null");
    this.key = Objects.requireNonNull(key, "key must not be null");
    this.args = args.clone();
  }

  /**
   * Returns the detail {@code key} of the message bundle {@code bundle} with {@code args}.
   *
   * @param bundle the bundle's base name, for example {@code org.atalaya.anonymise.Messages}
   * @param key the key of the detail's text in that bundle
   * @param args the values of its {0}, {1}, ... (themselves possibly localized details)
   * @return the detail; never {@code null}
   */
  public static LocalizedDetail of(String bundle, String key, Object... args) {
    return new LocalizedDetail(bundle, key, args);
  }

  /**
   * Returns the detail in Spanish for a Spanish {@code locale}, in English otherwise.
   *
   * @param locale the language; never {@code null}
   * @return the text; never {@code null}
   */
  public String in(Locale locale) {
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

  /**
   * Returns the key of the detail's text.
   *
   * @return the key; never {@code null}
   */
  public String key() {
    return key;
  }

  /**
   * @return the detail in English
   */
  @Override
  public String toString() {
    return in(Locale.ENGLISH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalizedDetail d
        && bundle.equals(d.bundle)
        && key.equals(d.key)
        && Arrays.equals(args, d.args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bundle, key, Arrays.hashCode(args));
  }
}
