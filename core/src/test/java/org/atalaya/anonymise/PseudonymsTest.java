package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Keyed pseudonyms: what an identifier is normalised to, that the pseudonym is the keyed HMAC of
 * exactly that (and nothing of the raw id leaves), that the same key and id always give the same
 * pseudonym and another key an unrelated one, and the arguments refused.
 */
class PseudonymsTest {
  private static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;
  private static final ReleaseKey OTHER = PseudonymsAndNoiseTest.OTHER;

  /** The documented pseudonym of {@code message} (already normalised) in {@code field}. */
  private static String expected(ReleaseKey key, String field, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.derive(field), "HmacSHA256"));
    byte[] h = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    return "P-" + BaseEncoding.base32().omitPadding().encode(h, 0, 16);
  }

  @Test
  void identifiersAreNormalisedToOneCanonicalForm() {
    Map<String, String> canonical =
        Map.ofEntries(
            // Digit strings lose their dashes, dots and spaces.
            Map.entry("0801-1990-12345", "0801199012345"),
            Map.entry("0801.1990.12345", "0801199012345"),
            Map.entry("0801 1990 12345", "0801199012345"),
            Map.entry("0801  1990\t12345", "0801199012345"),
            Map.entry(" 0801-1990-12345\n", "0801199012345"),
            Map.entry("1--2", "12"),
            Map.entry("1 2", "12"),
            Map.entry("１２３", "123"),
            // Not digit strings: separators stay.
            Map.entry("-12", "-12"),
            Map.entry("12-", "12-"),
            Map.entry("1", "1"),
            Map.entry("12", "12"),
            Map.entry("a1-2", "A1-2"),
            Map.entry("1-a-2", "1-A-2"),
            Map.entry("1-2 b", "1-2 B"),
            Map.entry("syn-0801-2024-000001", "SYN-0801-2024-000001"),
            Map.entry("caso 7-8", "CASO 7-8"),
            // Blanks trimmed and collapsed, upper case, compatibility forms folded (NFKC).
            Map.entry("  maría   lópez ", "MARÍA LÓPEZ"),
            Map.entry("caso\u00A07", "CASO 7"),
            Map.entry("ｓｙｎ－１", "SYN-1"),
            Map.entry("ﬁscalía", "FISCALÍA"),
            Map.entry("a\u007Fb", "A\u007FB"),
            Map.entry("   ", ""),
            Map.entry("", ""));
    canonical.forEach(
        (raw, form) -> assertThat(Pseudonyms.normalise(raw)).as("[%s]", raw).isEqualTo(form));
  }

  @Test
  void aPseudonymIsTheKeyedHmacOfTheNormalisedIdAndShowsNothingOfIt() throws Exception {
    Pseudonyms p = Pseudonyms.of(KEY);
    // Around the thread buffer's sizes and the first non-ASCII characters.
    List<String> values =
        List.of(
            "",
            "a",
            "x".repeat(64),
            "x".repeat(128),
            "x".repeat(129),
            "x".repeat(4096),
            "x".repeat(4097),
            "caso\u0080",
            "\u0080",
            "\u00FF1",
            "\u07FF",
            "\u0800",
            "SYN-0801-2024-000001");
    for (String v : values) {
      String n = Pseudonyms.normalise(v);
      assertThat(p.pseudonym("case", v)).as(v).isEqualTo(expected(KEY, "case", n));
    }
    // A long id first, then a short one: the buffer keeps no trace of the long one.
    Pseudonyms q = Pseudonyms.of(KEY);
    assertThat(q.pseudonym("case", "y".repeat(300)))
        .isEqualTo(expected(KEY, "case", "Y".repeat(300)));
    assertThat(q.pseudonym("case", "yy")).isEqualTo(expected(KEY, "case", "YY"));
    qt().forAll(strings().allPossible().ofLengthBetween(0, 40))
        .checkAssert(
            v -> {
              String out = p.pseudonym("id", v);
              assertThat(out).matches("P-[A-Z2-7]{26}").isEqualTo(uncheckedExpected("id", v));
            });
  }

  private static String uncheckedExpected(String field, String raw) {
    try {
      return expected(KEY, field, Pseudonyms.normalise(raw));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theSameKeyAndIdGiveTheSamePseudonymInEveryThreadAndOrder() throws Exception {
    Pseudonyms p = Pseudonyms.of(KEY);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("HN-" + i);
    }
    List<String> single = new ArrayList<>();
    for (String id : ids) {
      single.add(expected(KEY, i(id), Pseudonyms.normalise(id)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<String> out = new ArrayList<>();
                  for (String id : ids) {
                    out.add(p.pseudonym(i(id), id));
                  }
                  return out;
                }));
      }
      for (Future<List<String>> r : runs) {
        assertThat(r.get()).isEqualTo(single);
      }
    } finally {
      pool.shutdown();
    }
  }

  /** Alternates two fields, so that a thread's MACs for both are asked in turn. */
  private static String i(String id) {
    return id.hashCode() % 2 == 0 ? "id" : "victim";
  }

  @Test
  void anotherKeyOrFieldGivesAnUnrelatedPseudonym() {
    Pseudonyms a = Pseudonyms.of(KEY);
    Pseudonyms b = Pseudonyms.of(OTHER);
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30))
        .checkAssert(
            v -> {
              String pa = a.pseudonym("id", v);
              assertThat(pa).isNotEqualTo(b.pseudonym("id", v));
              assertThat(pa).isNotEqualTo(a.pseudonym("victim", v));
              // The 128 bits a release keeps are those the text shows.
              long[] bits = new long[2];
              a.pseudonymBits("id", v, bits, 0);
              long[] other = new long[2];
              b.pseudonymBits("id", v, other, 0);
              assertThat(bits).isNotEqualTo(other);
            });
  }

  @Test
  void uniformsAreOneToFourStableNumbersInTheUnitInterval() {
    Pseudonyms p = Pseudonyms.of(KEY);
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 20), integers().between(1, 4))
        .checkAssert(
            (v, n) -> {
              double[] u = p.uniforms("donut", v, n);
              assertThat(u).hasSize(n);
              for (double x : u) {
                assertThat(x).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
              }
              // Asking for more numbers extends the list; the first ones stay.
              double[] four = p.uniforms("donut", v, 4);
              for (int k = 0; k < n; k++) {
                assertThat(four[k]).isEqualTo(u[k]);
              }
              assertThat(p.uniforms("jitter", v, 4)).isNotEqualTo(four);
            });
    for (int bad : new int[] {0, 5, -1}) {
      assertThatThrownBy(() -> p.uniforms("donut", "I-1", bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("n (" + bad + ") must be from 1 to 4");
    }
  }

  @Test
  void theKeyIsRequiredAndOnlyItsIdIsShown() {
    assertThatThrownBy(() -> Pseudonyms.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("key must not be null");
    Pseudonyms p = Pseudonyms.of(KEY);
    assertThat(p.keyId()).isEqualTo(KEY.keyId()).matches("k-[0-9a-f]{12}");
    assertThat(p.toString()).isEqualTo("Pseudonyms[" + KEY.keyId() + "]").doesNotContain("clave");
    assertThat(Pseudonyms.of(OTHER).keyId()).isNotEqualTo(p.keyId());
    assertThatThrownBy(() -> ReleaseKey.of(new byte[ReleaseKey.MIN_BYTES - 1]))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("ATL-ANON-002");
    assertThatThrownBy(() -> Pseudonyms.normalise(null)).isInstanceOf(NullPointerException.class);
  }
}
