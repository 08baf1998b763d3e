package org.atalaya.anonymise;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Finds and replaces personal identifiers in Spanish free text: Honduran DNI ({@code
 * ####-####-#####}, with or without dashes or spaces), RTN (fourteen digits), phone numbers
 * (libphonenumber, region HN, national and international forms), e-mail addresses, URLs, and the
 * names of a user-given gazetteer.
 *
 * <p>Each distinct value becomes a numbered placeholder ({@code [PERSONA_1]}, {@code [DNI_1]},
 * {@code [TELEFONO_2]}): the same value gets the same placeholder within one text, so the story
 * stays readable ("[PERSONA_1] llamó a [PERSONA_2]"). Numbering restarts for every text on purpose:
 * placeholders shared across records would link them. Names are matched whole-word, ignoring case
 * and accents, longest first. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PiiRedactor {

  /** The kinds of identifier, in the order they are searched (longest digit strings first). */
  public enum Kind {
    /** A URL ({@code http://}, {@code https://} or {@code www.}). */
    URL("URL"),
    /** An e-mail address. */
    EMAIL("CORREO"),
    /** A Honduran RTN (tax number): fourteen digits, often {@code ####-####-######}. */
    RTN("RTN"),
    /** A Honduran DNI (identity card): thirteen digits, {@code ####-####-#####}. */
    DNI("DNI"),
    /** A phone number. */
    PHONE("TELEFONO"),
    /** A name from the gazetteer. */
    PERSON("PERSONA");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /**
     * Returns the placeholder label, for example {@code PERSONA}.
     *
     * @return the label
     */
    public String label() {
      return label;
    }
  }

  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]]");
  private static final Pattern EMAIL =
      Pattern.compile("(?i)\\b[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}\\b");
  private static final Pattern RTN =
      Pattern.compile("(?<![\\d-])\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{6}(?![\\d-])");
  private static final Pattern DNI =
      Pattern.compile("(?<![\\d-])\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{5}(?![\\d-])");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z]+_\\d+\\]");
  private static final String REGION = "HN";

  private final List<String> names;
  private final Pattern namePattern;

  private PiiRedactor(Collection<String> names) {
    List<String> folded = new ArrayList<>();
    for (String n : names) {
      String f = SensitiveCategories.fold(n.strip()).replaceAll("\\s+", " ");
      if (f.length() >= 2 && !folded.contains(f)) {
        folded.add(f);
      }
    }
    folded.sort(Comparator.comparingInt(String::length).reversed());
    this.names = List.copyOf(folded);
    this.namePattern =
        folded.isEmpty()
            ? null
            : Pattern.compile(
                "\\b(?:"
                    + String.join(
                        "|",
                        folded.stream()
                            .map(n -> Pattern.quote(n).replace(" ", "\\E\\s+\\Q"))
                            .toList())
                    + ")\\b");
  }

  /**
   * Returns a redactor for the built-in patterns and a names gazetteer.
   *
   * @param names the names (given names, surnames or full names) to redact; never null, may be
   *     empty
   * @return the redactor
   */
  public static PiiRedactor of(Collection<String> names) {
    return new PiiRedactor(Objects.requireNonNull(names, "names must not be null"));
  }

  /**
   * Returns the gazetteer's names in their folded form (lower case, no accents), longest first.
   *
   * @return the names; immutable
   */
  public List<String> names() {
    return names;
  }

  /** One identifier found in a text. */
  record Hit(int start, int end, Kind kind, String value) {}

  /**
   * Returns {@code text} with every identifier replaced by its placeholder.
   *
   * @param text the text; never null
   * @return the redacted text
   */
  public String redact(String text) {
    List<Hit> hits = find(text);
    Map<Kind, Map<String, Integer>> numbers = new HashMap<>();
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Hit h : hits) {
      out.append(text, at, h.start());
      String key0 =
          h.kind() == Kind.PERSON || h.kind() == Kind.EMAIL || h.kind() == Kind.URL
              ? SensitiveCategories.fold(h.value()).replaceAll("\\s+", " ")
              : h.value().replaceAll("\\D", "");
      String key = key0;
      if (h.kind() == Kind.PHONE && key.length() > 8 && key.startsWith("504")) {
        key = key.substring(3); // +504 9876-5432 and 9876-5432 are one number
      }
      Map<String, Integer> byValue = numbers.computeIfAbsent(h.kind(), k -> new LinkedHashMap<>());
      int n = byValue.computeIfAbsent(key, k -> byValue.size() + 1);
      out.append('[').append(h.kind().label()).append('_').append(n).append(']');
      at = h.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /**
   * Returns the kinds of identifier that remain in {@code text} (placeholders are not identifiers).
   * The release check uses this on every output text.
   *
   * @param text the text; never null
   * @return the kinds found, in search order; empty when the text is clean
   */
  public List<Kind> remaining(String text) {
    String t = text.indexOf('[') < 0 ? text : PLACEHOLDER.matcher(text).replaceAll(" ");
    List<Hit> hits = find(t);
    return hits.isEmpty() ? List.of() : hits.stream().map(Hit::kind).distinct().toList();
  }

  /** Finds identifiers, non-overlapping, earlier kinds winning over later ones. */
  List<Hit> find(String text) {
    int digits = 0;
    for (int i = 0; i < text.length(); i++) {
      digits += Character.isDigit(text.charAt(i)) ? 1 : 0;
    }
    // Cheap pre-checks first: most texts hold no identifier, and a release may screen millions.
    boolean urls = containsFolded(text, "http") || containsFolded(text, "www.");
    boolean emails = text.indexOf('@') >= 0;
    if (!urls && !emails && digits < 7 && namePattern == null) {
      return List.of();
    }
    boolean[] taken = new boolean[text.length()];
    List<Hit> hits = new ArrayList<>();
    if (urls) {
      regex(text, URL, Kind.URL, taken, hits);
    }
    if (emails) {
      regex(text, EMAIL, Kind.EMAIL, taken, hits);
    }
    if (digits >= 7) {
      regex(text, RTN, Kind.RTN, taken, hits);
      regex(text, DNI, Kind.DNI, taken, hits);
      for (PhoneNumberMatch m :
          PhoneNumberUtil.getInstance()
              .findNumbers(text, REGION, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
        add(text, m.start(), m.end(), Kind.PHONE, taken, hits);
      }
    }
    if (namePattern != null) {
      regex(
          text,
          SensitiveCategories.fold(text),
          namePattern,
          Kind.PERSON,
          taken,
          hits); // same length as text
    }
    hits.sort(Comparator.comparingInt(Hit::start));
    return hits;
  }

  /** Whether the folded form of {@code text} contains {@code needle}, without folding a copy. */
  private static boolean containsFolded(String text, String needle) {
    search:
    for (int i = 0; i + needle.length() <= text.length(); i++) {
      for (int j = 0; j < needle.length(); j++) {
        if (SensitiveCategories.fold(text.charAt(i + j)) != needle.charAt(j)) {
          continue search;
        }
      }
      return true;
    }
    return false;
  }

  private static void regex(String text, Pattern p, Kind kind, boolean[] taken, List<Hit> hits) {
    regex(text, text, p, kind, taken, hits);
  }

  private static void regex(
      String text, String searched, Pattern p, Kind kind, boolean[] taken, List<Hit> hits) {
    Matcher m = p.matcher(searched);
    while (m.find()) {
      add(text, m.start(), m.end(), kind, taken, hits);
    }
  }

  private static void add(
      String text, int start, int end, Kind kind, boolean[] taken, List<Hit> hits) {
    for (int i = start; i < end; i++) {
      if (taken[i]) {
        return;
      }
    }
    for (int i = start; i < end; i++) {
      taken[i] = true;
    }
    hits.add(new Hit(start, end, kind, text.substring(start, end)));
  }
}
