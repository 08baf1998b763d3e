package org.atalaya.code;

import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A stable code of something Atalaya reports: a problem in a record ({@code ATL-IO-...}), a plugin
 * issue ({@code ATL-PLG-...}), a refused release ({@code ATL-ANON-...}) or an unusable area ({@code
 * ATL-GEO-...}). A code never changes meaning once released; each has a {@link Severity}, and a
 * message and a hint in English and Spanish.
 *
 * <p>The arguments of {@link #message} and {@link #hint} are those of the family (for example the
 * field and the value for {@code ATL-IO}); each family's type documents them. Implementations are
 * enums and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface AtalayaCode {

  /**
   * The form of every code: {@code ATL-}, the family in 2 to 5 capitals, {@code -}, three digits.
   */
  Pattern FORMAT = Pattern.compile("ATL-[A-Z]{2,5}-[0-9]{3}");

  /**
   * Returns the stable code, for example {@code "ATL-IO-005"}.
   *
   * @return the code, matching {@link #FORMAT}; never {@code null}
   */
  String code();

  /**
   * Returns how serious what this code names is.
   *
   * @return the severity; never {@code null}
   */
  Severity severity();

  /**
   * Returns what happened, without the code, in Spanish for a Spanish {@code locale} and in English
   * otherwise (never in the JVM's default language).
   *
   * @param locale the language; never {@code null}
   * @param args the family's arguments
   * @return the message; never {@code null}
   */
  String message(Locale locale, Object... args);

  /**
   * Returns what to do about it, in Spanish for a Spanish {@code locale} and in English otherwise.
   *
   * @param locale the language; never {@code null}
   * @param args the family's arguments (the same as for {@link #message})
   * @return the hint; never {@code null}
   */
  String hint(Locale locale, Object... args);
}
