package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A category of the International Classification of Crime for Statistical Purposes: a code with its
 * English and Spanish labels.
 *
 * <p>Immutable and thread-safe. Labels are stripped of surrounding blanks; two categories are equal
 * when code and both labels are equal.
 *
 * @param code the ICCS code; never {@code null}
 * @param labelEn the English label, for example {@code "Intentional homicide"}; never {@code null}
 *     or blank
 * @param labelEs the Spanish label, for example {@code "Homicidio intencional"}; never {@code null}
 *     or blank
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record IccsCategory(IccsCode code, String labelEn, String labelEs) {

  /**
   * Validates the category and strips the labels.
   *
   * @throws NullPointerException if any component is {@code null}
   * @throws IllegalArgumentException if a label is blank
   */
  public IccsCategory {
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(labelEn, "labelEn must not be null");
    Objects.requireNonNull(labelEs, "labelEs must not be null");
    checkArgument(!labelEn.isBlank(), "labelEn (%s) of ICCS %s must not be blank", labelEn, code);
    checkArgument(!labelEs.isBlank(), "labelEs (%s) of ICCS %s must not be blank", labelEs, code);
    labelEn = labelEn.strip();
    labelEs = labelEs.strip();
  }

  /**
   * Creates a category from the digits of its code.
   *
   * @param code the ICCS code, for example {@code "0101"}; never {@code null}
   * @param labelEn the English label; never {@code null} or blank
   * @param labelEs the Spanish label; never {@code null} or blank
   * @return the category; never {@code null}
   * @throws IllegalArgumentException if the code is not a valid ICCS code or a label is blank
   */
  public static IccsCategory of(String code, String labelEn, String labelEs) {
    return new IccsCategory(IccsCode.of(code), labelEn, labelEs);
  }

  /**
   * Returns the label for {@code locale}: Spanish when its language is {@code "es"}, otherwise
   * English.
   *
   * @param locale the reader's locale; never {@code null}
   * @return the label; never {@code null} or blank
   */
  public String label(Locale locale) {
    Objects.requireNonNull(locale, "locale must not be null");
    return "es".equals(locale.getLanguage()) ? labelEs : labelEn;
  }
}
