package org.atalaya.examples.armas;

import java.util.Locale;
import java.util.Optional;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Mechanism;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.Proportion;
import org.atalaya.spi.IncidentIndicator;
import org.atalaya.spi.IndicatorInput;
import org.atalaya.spi.IndicatorValue;
import org.atalaya.taxonomy.IccsCode;

/**
 * The share of intentional homicides (ICCS 0101) committed with a firearm, among those whose
 * mechanism is known, with its Clopper-Pearson 95% interval. Homicides with an unknown mechanism
 * are left out of the denominator and counted in the lineage, so a reader can see how much the
 * share rests on.
 */
public final class FirearmShare implements IncidentIndicator {

  private static final IccsCode HOMICIDE = IccsCode.of("0101");

  @Override
  public String id() {
    return "firearm-share";
  }

  @Override
  public String title(Locale locale) {
    return locale.getLanguage().equals("es")
        ? "Homicidios cometidos con arma de fuego (%)"
        : "Homicides committed with a firearm (%)";
  }

  @Override
  public IndicatorValue compute(IndicatorInput input) {
    long firearm = 0;
    long known = 0;
    long unknown = 0;
    for (Incident i : input.incidents()) {
      if (!i.classification().isWithin(HOMICIDE)) {
        continue;
      }
      Mechanism m = i.context().mechanism();
      if (m == Mechanism.UNKNOWN) {
        unknown++;
      } else {
        known++;
        if (m == Mechanism.FIREARM) {
          firearm++;
        }
      }
    }
    if (known == 0) {
      throw new IllegalArgumentException(
          "no homicide in "
              + input.area()
              + ", "
              + input.period()
              + " has a known mechanism ("
              + unknown
              + " unknown): the share cannot be computed");
    }
    Proportion p = Proportion.of(firearm, known, 0.95);
    Lineage lineage =
        Lineage.builder("firearm-share")
            .input(input.area() + ", " + input.period())
            .filter("ICCS 0101 intentional homicide")
            .used(known)
            .excluded("mechanism unknown", unknown)
            .build();
    return new IndicatorValue(
        p.estimate(),
        Optional.of(p.interval()),
        firearm,
        known,
        "share",
        "Clopper-Pearson 95%",
        lineage);
  }
}
