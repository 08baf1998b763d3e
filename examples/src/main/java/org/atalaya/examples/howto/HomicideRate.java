package org.atalaya.examples.howto;

import java.util.Locale;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.Rate;

/**
 * Shows: a homicide rate per 100,000 with its exact (Garwood) 95% interval, and the change between
 * two years as a sentence that never claims more than the data support. The figures are real:
 * Honduras 2010 and 2011 as UNODC's Global Study on Homicide 2013 gives them (6,236 and 7,104
 * homicides at 81.8 and 91.4 per 100,000); the population is the one those rates imply.
 */
public final class HomicideRate {

  public static void main(String[] args) {
    Rate y2010 = Rate.of(6236, 6236 / 81.8 * 100_000);
    Rate y2011 = Rate.of(7104, 7104 / 91.4 * 100_000);
    for (Rate r : new Rate[] {y2010, y2011}) {
      System.out.printf(
          Locale.ROOT,
          "%d homicides: %.1f per 100,000 (95%% CI %.1f to %.1f)%n",
          r.count(),
          r.rate(),
          r.lower(),
          r.upper());
    }
    PeriodChange change = PeriodChange.of("homicide", "homicidios", y2010, y2011);
    System.out.println(change.sentence(Locale.ENGLISH));
    System.out.println(change.sentence(Locale.forLanguageTag("es")));
  }
}
