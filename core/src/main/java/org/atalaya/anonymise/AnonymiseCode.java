package org.atalaya.anonymise;

import java.util.Locale;
import org.apiguardian.api.API;
import org.atalaya.code.AtalayaCode;
import org.atalaya.code.LocalizedDetail;
import org.atalaya.code.Severity;
import org.atalaya.internal.LocalizedText;

/**
 * The stable codes of anonymisation failures, each with an English and a Spanish message and hint.
 * Codes never change meaning once released; {@code sdk-docs/anonymisation.md} lists them. Every
 * failure refuses the release, so every code is an {@link Severity#ERROR}. The arguments of {@link
 * #message} are the detail ({0}; for {@code ATL-ANON-008} the step, then the detail).
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum AnonymiseCode implements AtalayaCode {
  /** No release key was found (environment variable unset, file missing or unreadable). */
  KEY_MISSING("ATL-ANON-001"),
  /** The release key is too short to be a secret. */
  KEY_TOO_SHORT("ATL-ANON-002"),
  /** Some areas hold fewer than k incidents and could not be enlarged enough. */
  K_NOT_REACHED("ATL-ANON-003"),
  /** A sensitive incident would be released with a point or a time finer than a month. */
  SENSITIVE_DETAIL("ATL-ANON-004"),
  /** An identifier pattern (DNI, RTN, phone, e-mail, URL, a listed name) remains in the output. */
  PII_REMAINS("ATL-ANON-005"),
  /** A differentially private query would spend more epsilon than the budget holds. */
  EPSILON_OVERSPENT("ATL-ANON-006"),
  /** The policy is not valid (unknown step, missing or wrong option). */
  INVALID_POLICY("ATL-ANON-007"),
  /** A step of the release threw an exception; nothing was published. */
  STEP_FAILED("ATL-ANON-008"),
  /** More records were suppressed than the policy allows. */
  TOO_MANY_SUPPRESSED("ATL-ANON-009"),
  /** The report does not agree with the output it describes. */
  REPORT_MISMATCH("ATL-ANON-010"),
  /**
   * An aggregate table would publish a small count, a suppressed entry that its row or column gives
   * away, inconsistent totals, or (differential privacy) rows that depend on the data.
   */
  TABLE_UNPROTECTED("ATL-ANON-011"),
  /**
   * A field whose role is identifying would be published as it is (not pseudonymised, not dropped).
   */
  IDENTIFYING_PUBLISHED("ATL-ANON-012"),
  /**
   * An attacker profile the policy requires narrows too many targets down to fewer than k records.
   */
  ATTACK_SINGLES_OUT("ATL-ANON-013");

  private static final String BUNDLE = "org.atalaya.anonymise.Messages";

  private final String code;

  AnonymiseCode(String code) {
    this.code = code;
  }

  /**
   * Returns the stable code, for example {@code "ATL-ANON-003"}.
   *
   * @return the code; never {@code null}
   */
  @Override
  public String code() {
    return code;
  }

  /**
   * Returns {@link Severity#ERROR}: every anonymisation failure refuses the release.
   *
   * @return {@link Severity#ERROR}
   */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  /**
   * Returns the message in {@code locale} (Spanish for {@code es}, English otherwise), without the
   * code.
   *
   * @param locale the language; never null
   * @param args the message's arguments ({0} is usually the detail)
   * @return the message; never {@code null}
   */
  @Override
  public String message(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code, args);
  }

  /**
   * Returns a detail of this family's messages, said in the language the message is said in.
   *
   * @param key the detail's key in the anonymisation message bundle ({@code detail.*})
   * @param args its arguments
   * @return the detail; never {@code null}
   */
  public static LocalizedDetail detail(String key, Object... args) {
    return LocalizedDetail.of(BUNDLE, key, args);
  }

  @Override
  public String hint(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code + ".hint", args);
  }
}
