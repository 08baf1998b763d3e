package org.atalaya.anonymise;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.Victim;
import org.atalaya.taxonomy.IccsCode;

/**
 * Decides which incidents are sensitive (sexual violence, domestic violence, a minor victim) from
 * everything the record says, not only its flags: the ICCS code, the context's domestic flag, the
 * victims' ages and relationships, and keywords in the Spanish narrative.
 *
 * <p>The narrative check exists because categories are miscoded: Dallas police published the
 * addresses of sexual-assault complainants whose records were filed under other offences. A
 * record coded as "lesiones" whose narrative says "abuso sexual" is treated as sexual violence.
 * Keywords are matched on lower-case text without accents, as whole words. Stateless and
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SensitiveCategories {

  private static final IccsCode SEXUAL_SECTION = IccsCode.of("03");

  private static final Pattern SEXUAL = words(List.of(
      "violacion", "violada", "violado", "violo", "violaron", "abuso sexual", "abusada sexualmente",
      "abusado sexualmente", "agresion sexual", "acoso sexual", "estupro", "incesto", "tocamientos",
      "actos de lujuria", "explotacion sexual", "sexual"));

  private static final Pattern DOMESTIC = words(List.of(
      "violencia domestica", "violencia intrafamiliar", "intrafamiliar", "su pareja", "su expareja",
      "su ex pareja", "su esposo", "su esposa", "su marido", "su companero de hogar",
      "su companera de hogar", "su conviviente", "su novio", "su exnovio", "femicidio", "feminicidio",
      "su padrastro", "su madrastra"));

  private static final Pattern MINOR = words(List.of(
      "menor de edad", "menores de edad", "nina", "nino", "ninas", "ninos", "adolescente",
      "adolescentes", "bebe", "infante", "escolar", "colegiala", "colegial"));

  private static final Pattern AGE = Pattern.compile("\\b(\\d{1,2})\\s*anos\\b");

  private SensitiveCategories() {}

  /**
   * Returns every sensitivity flag the incident deserves: its own flags plus those its code,
   * context, victims and narrative imply.
   *
   * @param incident the incident; never null
   * @return the flags; a new mutable set
   */
  public static Set<SensitivityFlag> detect(Incident incident) {
    EnumSet<SensitivityFlag> flags = EnumSet.noneOf(SensitivityFlag.class);
    flags.addAll(incident.sensitivity());
    if (incident.classification().isWithin(SEXUAL_SECTION)) {
      flags.add(SensitivityFlag.SEXUAL_VIOLENCE);
    }
    if (incident.context().domestic().orElse(false)) {
      flags.add(SensitivityFlag.DOMESTIC_VIOLENCE);
    }
    for (Victim v : incident.victims()) {
      if (v.isMinor()) {
        flags.add(SensitivityFlag.MINOR_VICTIM);
      }
      if (v.relationship() == Relationship.INTIMATE_PARTNER || v.relationship() == Relationship.FAMILY_MEMBER) {
        flags.add(SensitivityFlag.DOMESTIC_VIOLENCE);
      }
    }
    incident.narrative().ifPresent(n -> flags.addAll(fromText(n)));
    return flags;
  }

  /**
   * Returns the flags that keywords in a Spanish text imply.
   *
   * @param text the text; never null
   * @return the flags; a new mutable set
   */
  public static Set<SensitivityFlag> fromText(String text) {
    EnumSet<SensitivityFlag> flags = EnumSet.noneOf(SensitivityFlag.class);
    String t = fold(text);
    if (SEXUAL.matcher(t).find()) {
      flags.add(SensitivityFlag.SEXUAL_VIOLENCE);
    }
    if (DOMESTIC.matcher(t).find()) {
      flags.add(SensitivityFlag.DOMESTIC_VIOLENCE);
    }
    boolean minor = MINOR.matcher(t).find();
    Matcher age = AGE.matcher(t);
    while (!minor && age.find()) {
      minor = Integer.parseInt(age.group(1)) < Victim.AGE_OF_MAJORITY;
    }
    if (minor) {
      flags.add(SensitivityFlag.MINOR_VICTIM);
    }
    return flags;
  }

  /** Lower case without accents, so that "Violación" and "VIOLACION" match the same keyword. */
  static String fold(String text) {
    String d = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return d.toLowerCase(Locale.ROOT);
  }

  private static Pattern words(List<String> keywords) {
    return Pattern.compile("\\b(?:" + String.join("|", keywords.stream().map(Pattern::quote).toList()) + ")\\b");
  }
}
