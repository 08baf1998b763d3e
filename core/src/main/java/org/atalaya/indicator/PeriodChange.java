package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The change of a rate from one period to the next, tested as R {@code poisson.test(c(after,
 * before), c(populationAfter, populationBefore))}, with a plain sentence in English or Spanish that
 * never claims more than the test supports.
 *
 * <p>A change is called significant only when the two-sided p-value is below {@code 1 - confidence}
 * <em>and</em> the interval of the rate ratio (after / before) excludes 1. When one says
 * significant and the other not, the verdict is {@link ChangeVerdict#BORDERLINE} and the sentence
 * says no change should be claimed. Examples (95%, per 100,000):
 *
 * <ul>
 *   <li>"The homicide rate fell from 86.0 to 79.0 per 100,000; the fall is statistically
 *       significant (p &lt; 0.001)."
 *   <li>"The homicide rate went from 12.0 to 11.0 per 100,000; the change is within what chance
 *       alone could produce (p = 0.60)."
 *   <li>"La tasa de homicidios bajó de 86.0 a 79.0 por cada 100,000 habitantes; la baja es
 *       estadísticamente significativa (p &lt; 0.001)."
 * </ul>
 *
 * <p>Numbers use the decimal point and the thousands comma in both languages, as Honduran media
 * write them. Rates get one decimal, or more when one decimal would show two different rates as
 * equal. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PeriodChange {

  private final String subjectEnglish;
  private final String subjectSpanish;
  private final Rate before;
  private final Rate after;
  private final RateComparison comparison;
  private final ChangeVerdict verdict;
  private final Lineage lineage;

  private PeriodChange(String subjectEnglish, String subjectSpanish, Rate before, Rate after) {
    this(subjectEnglish, subjectSpanish, before, after, Optional.empty());
  }

  private PeriodChange(
      String subjectEnglish,
      String subjectSpanish,
      Rate before,
      Rate after,
      Optional<Lineage> lineage) {
    this.subjectEnglish = subjectEnglish;
    this.subjectSpanish = subjectSpanish;
    this.before = before;
    this.after = after;
    this.comparison =
        RateComparison.of(
            after.count(),
            after.population(),
            before.count(),
            before.population(),
            after.confidence());
    double alpha = significanceLevel(after.confidence());
    boolean byP = comparison.pValue() < alpha;
    boolean byInterval = comparison.lower() > 1 || comparison.upper() < 1;
    if (byP && byInterval) {
      verdict =
          comparison.rateRatio() > 1
              ? ChangeVerdict.SIGNIFICANT_INCREASE
              : ChangeVerdict.SIGNIFICANT_DECREASE;
    } else if (!byP && !byInterval) {
      verdict = ChangeVerdict.NOT_SIGNIFICANT;
    } else {
      verdict = ChangeVerdict.BORDERLINE;
    }
    this.lineage = lineage.orElseGet(this::defaultLineage);
  }

  /** The method, as lineages record it. */
  static final String METHOD =
      "R poisson.test(c(after, before), c(population after, population before)); a change is called"
          + " significant only when p < 1 - confidence and the rate ratio's interval excludes 1";

  /** The lineage of the two rates, merged: their inputs, filters, exclusions and vintages. */
  private Lineage defaultLineage() {
    Lineage b = before.lineage();
    Lineage a = after.lineage();
    Lineage.Builder out =
        Lineage.builder("change in the " + subjectEnglish + " rate")
            .used(b.used() + a.used())
            .confidence(after.confidence())
            .method(METHOD);
    b.inputs().forEach(out::input);
    a.inputs().stream().filter(i -> !b.inputs().contains(i)).forEach(out::input);
    b.filters().forEach(out::filter);
    a.filters().stream().filter(f -> !b.filters().contains(f)).forEach(out::filter);
    b.excluded().forEach(out::excluded);
    a.excluded().forEach(out::excluded);
    if (b.populationVintage().isPresent()
        && a.populationVintage().isPresent()
        && !b.populationVintage().equals(a.populationVintage())) {
      out.populationVintage(
          b.populationVintage().get() + " (before); " + a.populationVintage().get() + " (after)");
    } else {
      b.populationVintage().or(a::populationVintage).ifPresent(out::populationVintage);
    }
    return out.build();
  }

  /**
   * Returns what the change came from: by default the two rates' inputs, filters, exclusions and
   * population vintages merged, the incidents of both periods, the confidence level, the method and
   * the version.
   *
   * @return the lineage; never {@code null}
   * @since 0.1
   */
  public Lineage lineage() {
    return lineage;
  }

  /**
   * Returns this change with another lineage.
   *
   * @param lineage the lineage; never null
   * @return a change equal to this one but for its lineage; never {@code null}
   * @since 0.1
   */
  public PeriodChange withLineage(Lineage lineage) {
    Objects.requireNonNull(lineage, "lineage must not be null");
    return new PeriodChange(subjectEnglish, subjectSpanish, before, after, Optional.of(lineage));
  }

  /**
   * Compares two periods' rates.
   *
   * @param subjectEnglish what is counted, as it reads before "rate" in English, for example {@code
   *     "homicide"}; never null or blank
   * @param subjectSpanish what is counted, as it reads after "La tasa de" in Spanish, for example
   *     {@code "homicidios"}; never null or blank
   * @param before the earlier period's rate; never null
   * @param after the later period's rate; never null, with the same base ({@code per}) and
   *     confidence as {@code before}
   * @return the change; never {@code null}
   * @throws IllegalArgumentException if a subject is blank, the bases or confidence levels differ,
   *     or both counts are 0 (there is nothing to compare)
   */
  public static PeriodChange of(
      String subjectEnglish, String subjectSpanish, Rate before, Rate after) {
    Objects.requireNonNull(subjectEnglish, "subjectEnglish must not be null");
    Objects.requireNonNull(subjectSpanish, "subjectSpanish must not be null");
    Objects.requireNonNull(before, "before must not be null");
    Objects.requireNonNull(after, "after must not be null");
    checkArgument(!subjectEnglish.isBlank(), "subjectEnglish must not be blank");
    checkArgument(!subjectSpanish.isBlank(), "subjectSpanish must not be blank");
    checkArgument(
        before.per() == after.per(),
        "before.per (%s) must equal after.per (%s)",
        before.per(),
        after.per());
    checkArgument(
        before.confidence() == after.confidence(),
        "before.confidence (%s) must equal after.confidence (%s)",
        before.confidence(),
        after.confidence());
    return new PeriodChange(subjectEnglish.strip(), subjectSpanish.strip(), before, after);
  }

  /**
   * Returns the earlier period's rate.
   *
   * @return the rate; never {@code null}
   */
  public Rate before() {
    return before;
  }

  /**
   * Returns the later period's rate.
   *
   * @return the rate; never {@code null}
   */
  public Rate after() {
    return after;
  }

  /**
   * Returns the test of the later rate against the earlier: the rate ratio is after / before.
   *
   * @return the comparison; never {@code null}
   */
  public RateComparison comparison() {
    return comparison;
  }

  /**
   * Returns what may be claimed.
   *
   * @return the verdict; never {@code null}
   */
  public ChangeVerdict verdict() {
    return verdict;
  }

  /**
   * Returns the sentence in Spanish for a Spanish locale, in English otherwise.
   *
   * @param locale the reader's locale; never null
   * @return the sentence; never {@code null}
   */
  public String sentence(Locale locale) {
    Objects.requireNonNull(locale, "locale must not be null");
    return "es".equals(locale.getLanguage()) ? spanish() : english();
  }

  /**
   * Returns the sentence in English.
   *
   * @return the sentence; never {@code null}
   */
  public String english() {
    String[] rates = formatRates();
    String per = "per " + format(after.per(), 0);
    String p = formatP();
    String head = "The " + subjectEnglish + " rate ";
    return switch (verdict) {
      case SIGNIFICANT_DECREASE ->
          head
              + "fell from "
              + rates[0]
              + " to "
              + rates[1]
              + " "
              + per
              + "; the fall is statistically significant ("
              + p
              + ").";
      case SIGNIFICANT_INCREASE ->
          head
              + "rose from "
              + rates[0]
              + " to "
              + rates[1]
              + " "
              + per
              + "; the rise is statistically significant ("
              + p
              + ").";
      case NOT_SIGNIFICANT ->
          head
              + movedEnglish(rates)
              + " "
              + per
              + "; the change is within what chance alone could produce ("
              + p
              + ").";
      case BORDERLINE ->
          head
              + movedEnglish(rates)
              + " "
              + per
              + "; the evidence of a change is borderline: the test ("
              + p
              + ") and the "
              + percent()
              + " confidence interval of the rate ratio ("
              + ratioInterval(" to ")
              + ") disagree, so no change should be claimed.";
    };
  }

  /**
   * Returns the sentence in Spanish.
   *
   * @return the sentence; never {@code null}
   */
  public String spanish() {
    String[] rates = formatRates();
    String per = "por cada " + format(after.per(), 0) + " habitantes";
    String p = formatP();
    String head = "La tasa de " + subjectSpanish + " ";
    return switch (verdict) {
      case SIGNIFICANT_DECREASE ->
          head
              + "bajó de "
              + rates[0]
              + " a "
              + rates[1]
              + " "
              + per
              + "; la baja es estadísticamente significativa ("
              + p
              + ").";
      case SIGNIFICANT_INCREASE ->
          head
              + "subió de "
              + rates[0]
              + " a "
              + rates[1]
              + " "
              + per
              + "; la subida es estadísticamente significativa ("
              + p
              + ").";
      case NOT_SIGNIFICANT ->
          head
              + movedSpanish(rates)
              + " "
              + per
              + "; el cambio está dentro de lo que el azar por sí solo podría producir ("
              + p
              + ").";
      case BORDERLINE ->
          head
              + movedSpanish(rates)
              + " "
              + per
              + "; la evidencia de un cambio es dudosa: la prueba ("
              + p
              + ") y el intervalo de confianza del "
              + percent()
              + " de la razón de tasas ("
              + ratioInterval(" a ")
              + ") no coinciden, así que no debe afirmarse un cambio.";
    };
  }

  @Override
  public String toString() {
    return english();
  }

  private static String movedEnglish(String[] rates) {
    return rates[0].equals(rates[1])
        ? "stayed at " + rates[1]
        : "went from " + rates[0] + " to " + rates[1];
  }

  private static String movedSpanish(String[] rates) {
    return rates[0].equals(rates[1])
        ? "se mantuvo en " + rates[1]
        : "pasó de " + rates[0] + " a " + rates[1];
  }

  private String percent() {
    return new BigDecimal(Double.toString(after.confidence() * 100))
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  private String ratioInterval(String to) {
    String upper = Double.isInfinite(comparison.upper()) ? "∞" : format(comparison.upper(), 2);
    return format(comparison.lower(), 2) + to + upper;
  }

  /** One decimal, or more (up to six) while two different rates would print alike. */
  private String[] formatRates() {
    int decimals = 1;
    String b = format(before.rate(), decimals);
    String a = format(after.rate(), decimals);
    while (before.rate() != after.rate() && a.equals(b) && decimals < 6) {
      decimals++;
      b = format(before.rate(), decimals);
      a = format(after.rate(), decimals);
    }
    return new String[] {b, a};
  }

  /**
   * "p &lt; 0.001", or the p-value to two significant digits, with more digits when rounding would
   * move it across the significance level.
   */
  private String formatP() {
    double p = comparison.pValue();
    if (p < 0.001) {
      return "p < 0.001";
    }
    double alpha = significanceLevel(after.confidence());
    for (int digits = 2; digits < 6; digits++) {
      BigDecimal rounded = new BigDecimal(p).round(new MathContext(digits));
      if ((rounded.doubleValue() < alpha) == (p < alpha)) {
        return "p = " + rounded.stripTrailingZeros().toPlainString();
      }
    }
    return "p = "
        + new BigDecimal(p).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** {@code 1 - confidence} in decimal arithmetic: 0.05, not 0.050000000000000044, for 0.95. */
  private static double significanceLevel(double confidence) {
    return BigDecimal.ONE.subtract(new BigDecimal(Double.toString(confidence))).doubleValue();
  }

  private static String format(double value, int decimals) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    return f.format(value);
  }
}
