package org.atalaya.anonymise;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

  private static final Map<String, SensitivityFlag> KEYWORDS = new HashMap<>();

  static {
    put(SensitivityFlag.SEXUAL_VIOLENCE, "violacion", "violada", "violado", "violo", "violaron", "abuso sexual",
        "abusada sexualmente", "abusado sexualmente", "agresion sexual", "acoso sexual", "estupro", "incesto",
        "tocamientos", "actos de lujuria", "explotacion sexual", "sexual");
    put(SensitivityFlag.DOMESTIC_VIOLENCE, "violencia domestica", "violencia intrafamiliar", "intrafamiliar", "su pareja",
        "su expareja", "su ex pareja", "su esposo", "su esposa", "su marido", "su companero de hogar",
        "su companera de hogar", "su conviviente", "su novio", "su exnovio", "femicidio", "feminicidio",
        "su padrastro", "su madrastra");
    put(SensitivityFlag.MINOR_VICTIM, "menor de edad", "menores de edad", "nina", "nino", "ninas", "ninos", "adolescente",
        "adolescentes", "bebe", "infante", "escolar", "colegiala", "colegial");
  }

  /** Longest keyword, in words. */
  private static final int MAX_WORDS = 4;

  /** First words of the keywords: phrases are only built from these. */
  private static final java.util.Set<String> FIRST_WORDS = new java.util.HashSet<>();

  static {
    KEYWORDS.keySet().forEach(k -> FIRST_WORDS.add(k.split(" ")[0]));
  }

  private SensitiveCategories() {}

  private static void put(SensitivityFlag flag, String... keywords) {
    for (String k : keywords) {
      KEYWORDS.put(k, flag);
    }
  }

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
    // Whole words and phrases of up to four words, looked up in a table: one pass over the text,
    // which matters when a release screens a million narratives.
    List<String> words = new ArrayList<>();
    String t = fold(text);
    int i = 0;
    while (i < t.length()) {
      while (i < t.length() && !Character.isLetterOrDigit(t.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < t.length() && Character.isLetterOrDigit(t.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(t.substring(start, i));
      }
    }
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (w + 1 < words.size() && words.get(w + 1).equals("anos") && word.length() <= 2
          && word.chars().allMatch(Character::isDigit) && Integer.parseInt(word) < Victim.AGE_OF_MAJORITY) {
        flags.add(SensitivityFlag.MINOR_VICTIM);
      }
      if (!FIRST_WORDS.contains(word)) {
        continue;
      }
      StringBuilder phrase = new StringBuilder(words.get(w));
      for (int n = 1; n <= MAX_WORDS && w + n <= words.size(); n++) {
        if (n > 1) {
          phrase.append(' ').append(words.get(w + n - 1));
        }
        SensitivityFlag f = KEYWORDS.get(phrase.toString());
        if (f != null) {
          flags.add(f);
        }
      }
    }
    return flags;
  }

  /**
   * Lower case without accents, so that "Violación" and "VIOLACION" match the same keyword. One
   * character in, one character out: redaction relies on offsets staying put.
   */
  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      } else {
        out[i] = Character.toLowerCase(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
      }
    }
    return new String(out);
  }
}
