package org.atalaya.anonymise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
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
 * addresses of sexual-assault complainants whose records were filed under other offences. A record
 * coded as "lesiones" whose narrative says "abuso sexual" is treated as sexual violence. Keywords
 * are matched on lower-case text without accents, as whole words. Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SensitiveCategories {

  private static final IccsCode SEXUAL_SECTION = IccsCode.of("03");

  private static final Map<String, SensitivityFlag> KEYWORDS = new HashMap<>();

  static {
    put(
        SensitivityFlag.SEXUAL_VIOLENCE,
        "violacion",
        "violada",
        "violado",
        "violo",
        "violaron",
        "abuso sexual",
        "abusada sexualmente",
        "abusado sexualmente",
        "agresion sexual",
        "acoso sexual",
        "estupro",
        "incesto",
        "tocamientos",
        "actos de lujuria",
        "explotacion sexual",
        "sexual",
        // "Sexual" is matched as a whole word, so the adverb needs its own entry: "la abuso
        // sexualmente", "fue agredida sexualmente" name sexual violence without the adjective.
        "sexualmente");
    put(
        SensitivityFlag.DOMESTIC_VIOLENCE,
        "violencia domestica",
        "violencia intrafamiliar",
        "intrafamiliar",
        "su pareja",
        "su expareja",
        "su ex pareja",
        "su esposo",
        "su esposa",
        "su marido",
        "su companero de hogar",
        "su companera de hogar",
        "su conviviente",
        "su novio",
        "su exnovio",
        "femicidio",
        "feminicidio",
        "su padrastro",
        "su madrastra");
    put(
        SensitivityFlag.MINOR_VICTIM,
        "menor de edad",
        "menores de edad",
        "nina",
        "nino",
        "ninas",
        "ninos",
        "adolescente",
        "adolescentes",
        "bebe",
        "infante",
        "escolar",
        "colegiala",
        "colegial");
  }

  /** A keyword as its words, with the flag it implies. */
  record Keyword(String[] words, SensitivityFlag flag) {}

  /** The keywords by their first word: a text's words are looked up here, without copying them. */
  private static final WordTable<List<Keyword>> BY_FIRST_WORD = byFirstWord(KEYWORDS);

  /**
   * Indexes keywords (folded words separated by one space) by their first word. A method of its
   * own, not a static block, so that tests can build an index and look words up in it.
   */
  static WordTable<List<Keyword>> byFirstWord(Map<String, SensitivityFlag> keywords) {
    Map<String, List<Keyword>> byFirst = new HashMap<>();
    keywords.forEach(
        (k, flag) -> {
          String[] words = k.split(" ");
          byFirst.computeIfAbsent(words[0], w -> new ArrayList<>()).add(new Keyword(words, flag));
        });
    return new WordTable<>(byFirst);
  }

  /**
   * Folded forms of the characters from 128 to {@code FOLDED.length - 1} (Latin-1 and Latin
   * Extended).
   */
  private static final char[] FOLDED = new char[0x250];

  static {
    for (char c = 128; c < FOLDED.length; c++) {
      FOLDED[c] = foldSlowly(c);
    }
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
    return flags(
        mask(
            incident.sensitivity(),
            incident.iccs(),
            incident.context(),
            incident.victims(),
            incident.narrative()));
  }

  /**
   * As {@link #detect(Incident)}, on the parts of a release's draft; empty and immutable when none.
   */
  static Set<SensitivityFlag> detect(RecordEditor draft) {
    int mask =
        mask(
            draft.sensitivity(), draft.iccs(), draft.context(), draft.victims(), draft.narrative());
    return mask == 0 ? Set.of() : flags(mask);
  }

  // The flags are collected as bits (one per SensitivityFlag ordinal) and a set is built only for
  // the incidents that have any: the sensitive-defaults step asks every incident of a release.
  private static int mask(
      Set<SensitivityFlag> marked,
      Optional<IccsCode> iccs,
      IncidentContext context,
      List<Victim> victims,
      Optional<String> narrative) {
    int mask = 0;
    if (!marked.isEmpty()) {
      for (SensitivityFlag f : marked) {
        mask |= bit(f);
      }
    }
    if (iccs.isPresent() && iccs.get().isWithin(SEXUAL_SECTION)) {
      mask |= bit(SensitivityFlag.SEXUAL_VIOLENCE);
    }
    if (context.domestic().orElse(false)) {
      mask |= bit(SensitivityFlag.DOMESTIC_VIOLENCE);
    }
    for (int i = 0; i < victims.size(); i++) {
      Victim v = victims.get(i);
      if (v.isMinor()) {
        mask |= bit(SensitivityFlag.MINOR_VICTIM);
      }
      if (v.relationship() == Relationship.INTIMATE_PARTNER
          || v.relationship() == Relationship.FAMILY_MEMBER) {
        mask |= bit(SensitivityFlag.DOMESTIC_VIOLENCE);
      }
    }
    if (narrative.isPresent()) {
      mask |= textMask(narrative.get());
    }
    return mask;
  }

  private static int bit(SensitivityFlag flag) {
    return 1 << flag.ordinal();
  }

  /** Returns the flags of {@code mask}'s bits; a new mutable set. */
  private static EnumSet<SensitivityFlag> flags(int mask) {
    EnumSet<SensitivityFlag> flags = EnumSet.noneOf(SensitivityFlag.class);
    for (SensitivityFlag f : FLAGS) {
      if ((mask & bit(f)) != 0) {
        flags.add(f);
      }
    }
    return flags;
  }

  private static final SensitivityFlag[] FLAGS = SensitivityFlag.values();

  /**
   * Returns whether {@link #detect} finds any flag, without building the set: the release's
   * sensitive-detail check asks this of every released incident.
   *
   * @param incident the incident; never null
   * @return whether it is sensitive
   */
  public static boolean isSensitive(Incident incident) {
    if (!incident.sensitivity().isEmpty()
        || isSexualViolenceCode(incident)
        || incident.context().domestic().orElse(false)) {
      return true;
    }
    for (Victim v : incident.victims()) {
      if (v.isMinor()
          || v.relationship() == Relationship.INTIMATE_PARTNER
          || v.relationship() == Relationship.FAMILY_MEMBER) {
        return true;
      }
    }
    return incident.narrative().isPresent() && textMask(incident.narrative().get()) != 0;
  }

  private static boolean isSexualViolenceCode(Incident incident) {
    return incident.iccs().isPresent() && incident.iccs().get().isWithin(SEXUAL_SECTION);
  }

  /**
   * Returns the flags that keywords in a Spanish text imply.
   *
   * @param text the text; never null
   * @return the flags; a new mutable set
   */
  public static Set<SensitivityFlag> fromText(String text) {
    return flags(textMask(text));
  }

  /** As {@link #fromText}, as the bits of the flags. */
  private static int textMask(String text) {
    int flags = 0;
    // Words are runs of letters and digits of the folded text, compared in place: one pass over
    // the text and no copy of any word, which matters when a release screens a million narratives.
    int n = text.length();
    for (int start = nextWord(text, 0); start < n; ) {
      int end = wordEnd(text, start);
      if (end - start <= 2 && isNumberBelow(text, start, end, Victim.AGE_OF_MAJORITY)) {
        int next = nextWord(text, end);
        if (next < n && wordEquals(text, next, wordEnd(text, next), "anos")) {
          flags |= bit(SensitivityFlag.MINOR_VICTIM);
        }
      }
      List<Keyword> keywords = BY_FIRST_WORD.get(text, start, end);
      if (keywords != null) {
        for (Keyword k : keywords) {
          if (followedBy(text, end, k.words())) {
            flags |= bit(k.flag());
          }
        }
      }
      start = nextWord(text, end);
    }
    return flags;
  }

  /** Returns the start of the first word at or after {@code i}, or the text's length. */
  private static int nextWord(String text, int i) {
    while (i < text.length() && !Character.isLetterOrDigit(fold(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  /** Returns the end (exclusive) of the word starting at {@code i}. */
  private static int wordEnd(String text, int i) {
    while (i < text.length() && Character.isLetterOrDigit(fold(text.charAt(i)))) {
      i++;
    }
    return i;
  }

  /** Returns whether the folded word from {@code start} to {@code end} is {@code word}. */
  private static boolean wordEquals(String text, int start, int end, String word) {
    if (end - start != word.length()) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (fold(text.charAt(i)) != word.charAt(i - start)) {
        return false;
      }
    }
    return true;
  }

  /** Returns whether the words after {@code from} are the second and later of {@code words}. */
  private static boolean followedBy(String text, int from, String[] words) {
    int end = from;
    for (int w = 1; w < words.length; w++) {
      int start = nextWord(text, end);
      if (start == text.length()) {
        return false;
      }
      end = wordEnd(text, start);
      if (!wordEquals(text, start, end, words[w])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether the word is all digits (any script, as {@link Integer#parseInt}) and below
   * {@code limit}.
   */
  private static boolean isNumberBelow(String text, int start, int end, int limit) {
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = fold(text.charAt(i));
      if (!Character.isDigit(c)) {
        return false;
      }
      value = value * 10 + Character.digit(c, 10);
    }
    return value < limit;
  }

  /**
   * Lower case without accents, so that "Violación" and "VIOLACION" match the same keyword. One
   * character in, one character out: redaction relies on offsets staying put.
   */
  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(text.charAt(i));
    }
    return new String(out);
  }

  /** Folds one character; a table holds the Latin letters, where Spanish text spends its time. */
  static char fold(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return c < FOLDED.length ? FOLDED[c] : foldSlowly(c);
  }

  private static char foldSlowly(char c) {
    return Character.toLowerCase(
        Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
  }

  /**
   * A read-only hash table from words to values, looked up by a range of a text in folded form (so
   * no word is copied to look it up). Open addressing, with at least four slots per word so that
   * probes stay short; the hash is {@link String#hashCode}'s. The keys must be in folded form.
   */
  static final class WordTable<V> {
    private final String[] keys;
    private final Object[] values;
    private final int mask;

    WordTable(Map<String, V> entries) {
      int capacity = Integer.highestOneBit(Math.max(4, entries.size()) * 4 - 1) << 1;
      keys = new String[capacity];
      values = new Object[capacity];
      mask = capacity - 1;
      entries.forEach(
          (k, v) -> {
            int h = spread(k.hashCode()) & mask;
            while (keys[h] != null) {
              h = (h + 1) & mask;
            }
            keys[h] = k;
            values[h] = v;
          });
    }

    @SuppressWarnings("unchecked")
    V get(String text, int start, int end) {
      int hash = 0;
      for (int i = start; i < end; i++) {
        hash = 31 * hash + fold(text.charAt(i));
      }
      for (int h = spread(hash) & mask; keys[h] != null; h = (h + 1) & mask) {
        if (wordEquals(text, start, end, keys[h])) {
          return (V) values[h];
        }
      }
      return null;
    }

    private static int spread(int h) {
      return h ^ (h >>> 16);
    }
  }
}
