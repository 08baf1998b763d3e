package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.io.BaseEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.assertj.core.data.Offset;
import org.atalaya.anonymise.internal.PseudonymText;
import org.junit.jupiter.api.Test;

/** Keyed pseudonyms, the discrete Laplace mechanism and the epsilon ledger. */
class PseudonymsAndNoiseTest {
  static final ReleaseKey KEY =
      ReleaseKey.of("clave-de-prueba-numero-uno-0123456789".getBytes(StandardCharsets.UTF_8));
  static final ReleaseKey OTHER =
      ReleaseKey.of("clave-de-prueba-numero-dos-0123456789".getBytes(StandardCharsets.UTF_8));

  @Test
  void pseudonymTextIsBase32WithoutPaddingAndNormalisingPlainIdsNeedsNoRegex() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n = 0; n < 2000; n++) {
      byte[] h = new byte[32];
      r.nextBytes(h);
      assertThat(PseudonymText.of(ByteBuffer.wrap(h).getLong(0), ByteBuffer.wrap(h).getLong(8)))
          .isEqualTo("P-" + BaseEncoding.base32().omitPadding().encode(h, 0, 16));
    }
    // The plain-ASCII path gives what the general (regex) path gives.
    for (String v :
        new String[] {
          "0801-1990-12345",
          "0801.1990.12345",
          "1-2",
          "12",
          "1",
          "-12",
          "12-",
          "a1-2",
          "syn-0801-2024-000001",
          "1--2"
        }) {
      String regex =
          v.toUpperCase(Locale.ROOT).matches("[0-9][0-9 .\\-]*[0-9]")
              ? v.toUpperCase(Locale.ROOT).replaceAll("[ .\\-]", "")
              : v.toUpperCase(Locale.ROOT);
      assertThat(Pseudonyms.normalise(v)).as(v).isEqualTo(regex);
    }
  }

  @Test
  void pseudonymsAreTheHmacOfTheNormalisedValueWhateverItsLengthOrAlphabet() throws Exception {
    Pseudonyms p = Pseudonyms.of(KEY);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.derive("id"), "HmacSHA256"));
    Mac uniform = Mac.getInstance("HmacSHA256");
    uniform.init(new SecretKeySpec(KEY.derive("uniform:donut"), "HmacSHA256"));
    // ASCII ids go through the thread's buffer; others, and very long ones, through getBytes.
    String[] values = {
      "SYN-0801-2024-000001",
      "caso Ñandú 7",
      "x".repeat(63),
      "y".repeat(65),
      "z".repeat(5000),
      "ü".repeat(70),
      "0801 1990 12345",
      "día"
    };
    for (String v : values) {
      byte[] h = mac.doFinal(Pseudonyms.normalise(v).getBytes(StandardCharsets.UTF_8));
      assertThat(p.pseudonym("id", v))
          .as(v)
          .isEqualTo("P-" + BaseEncoding.base32().omitPadding().encode(h, 0, 16));
      // What a release keeps per record (two longs) gives the same text.
      long[] bits = new long[3];
      p.pseudonymBits("id", v, bits, 1);
      assertThat(PseudonymText.of(bits[1], bits[2])).isEqualTo(p.pseudonym("id", v));
      byte[] u = uniform.doFinal(v.getBytes(StandardCharsets.UTF_8));
      double[] expected = new double[3];
      for (int i = 0; i < 3; i++) {
        expected[i] = (ByteBuffer.wrap(u, 8 * i, 8).getLong() >>> 11) * 0x1.0p-53;
      }
      assertThat(p.uniforms("donut", v, 3)).as(v).containsExactly(expected);
    }
  }

  @Test
  void sameValueAndKeyGiveTheSamePseudonymAnotherKeyAnUnrelatedOne() {
    Pseudonyms a = Pseudonyms.of(KEY);
    Pseudonyms a2 =
        Pseudonyms.of(
            ReleaseKey.of(
                "clave-de-prueba-numero-uno-0123456789".getBytes(StandardCharsets.UTF_8)));
    Pseudonyms b = Pseudonyms.of(OTHER);
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 30).assuming(s -> !s.isBlank()))
        .checkAssert(
            v -> {
              assertThat(a.pseudonym("id", v))
                  .isEqualTo(a2.pseudonym("id", v))
                  .isNotEqualTo(b.pseudonym("id", v));
              assertThat(a.pseudonym("id", v))
                  .isNotEqualTo(a.pseudonym("victim", v))
                  .matches("P-[A-Z2-7]{26}");
              assertThat(a.uniforms("donut", v, 2))
                  .isEqualTo(a2.uniforms("donut", v, 2))
                  .isNotEqualTo(b.uniforms("donut", v, 2));
            });
  }

  @Test
  void identifiersAreNormalisedBeforeHashing() {
    Pseudonyms p = Pseudonyms.of(KEY);
    assertThat(p.pseudonym("dni", "0801-1990-12345"))
        .isEqualTo(p.pseudonym("dni", " 0801199012345 "));
    assertThat(p.pseudonym("name", "María  López")).isEqualTo(p.pseudonym("name", "MARÍA LÓPEZ"));
  }

  @Test
  void theKeyIsNeverShownAndShortKeysAreRefused() {
    assertThat(KEY.toString()).doesNotContain("clave").matches("ReleaseKey\\[k-[0-9a-f]{12}\\]");
    assertThat(KEY.keyId()).isNotEqualTo(OTHER.keyId());
    assertThatThrownBy(() -> ReleaseKey.of(new byte[8]))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("ATL-ANON-002");
    assertThatThrownBy(() -> ReleaseKey.fromEnvironment("ATALAYA_KEY", Map.of()))
        .hasMessageContaining("ATL-ANON-001")
        .hasMessageContaining("ATALAYA_KEY");
  }

  @Test
  void discreteLaplaceDrawsAreIntegersThatFitTheDeclaredDistribution() {
    double epsilon = 0.5;
    DiscreteLaplace m = DiscreteLaplace.forTesting(epsilon, 1, new SplittableRandom(20261128L));
    int draws = 100_000;
    int half = 12; // bins -12..12, the tails pooled into the end bins
    long[] observed = new long[2 * half + 1];
    for (int i = 0; i < draws; i++) {
      long z = m.noise();
      observed[(int) Math.max(-half, Math.min(half, z)) + half]++;
    }
    double chi = 0;
    double total = 0;
    for (int b = 0; b < observed.length; b++) {
      int z = b - half;
      double p;
      if (Math.abs(z) < half) {
        p = m.probability(z);
      } else {
        double a = Math.exp(-epsilon);
        p = (1 - a) / (1 + a) * Math.pow(a, half) / (1 - a); // P(Z >= half)
      }
      total += p;
      double expected = p * draws;
      chi += (observed[b] - expected) * (observed[b] - expected) / expected;
    }
    assertThat(total).isCloseTo(1.0, Offset.offset(1e-9));
    double critical =
        ChiSquaredDistribution.of(observed.length - 1).inverseSurvivalProbability(0.001);
    assertThat(chi).as("chi-square %s against %s", chi, critical).isLessThan(critical);
    // A wrong epsilon must be rejected by the same test, or the test proves nothing.
    DiscreteLaplace wrong = DiscreteLaplace.forTesting(0.8, 1, new SplittableRandom(1));
    double chiWrong = 0;
    long[] obs2 = new long[2 * half + 1];
    for (int i = 0; i < draws; i++) {
      obs2[(int) Math.max(-half, Math.min(half, wrong.noise())) + half]++;
    }
    for (int b = 1; b < obs2.length - 1; b++) {
      double expected = m.probability(b - half) * draws;
      chiWrong += (obs2[b] - expected) * (obs2[b] - expected) / expected;
    }
    assertThat(chiWrong).isGreaterThan(critical);
  }

  @Test
  void theLedgerRefusesToOverspendAndNoisyCountsBoundContributions() {
    EpsilonLedger ledger = EpsilonLedger.of(1.0);
    for (int i = 0; i < 10; i++) {
      ledger.spend("q" + i, 0.1);
    }
    assertThatThrownBy(() -> ledger.spend("one more", 0.1)).hasMessageContaining("ATL-ANON-006");
    assertThat(ledger.spent()).isCloseTo(1.0, Offset.offset(1e-9));
    EpsilonLedger l2 = EpsilonLedger.of(0.5);
    List<String[]> rows =
        List.of(
            new String[] {"ana", "08"},
            new String[] {"ana", "08"},
            new String[] {"ana", "08"},
            new String[] {"luis", "05"});
    assertThat(NoisyCounts.boundContributions(rows, r -> r[0], 1)).hasSize(2);
    Map<String, Long> counts =
        NoisyCounts.count(
            rows,
            r -> r[0],
            r -> r[1],
            List.of("05", "08", "01"),
            1,
            0.5,
            l2,
            (e, s) -> DiscreteLaplace.forTesting(e, s, new SplittableRandom(3)));
    assertThat(counts).containsOnlyKeys("05", "08", "01");
    assertThatThrownBy(
            () ->
                NoisyCounts.count(
                    rows, r -> r[0], r -> r[1], List.of("05"), 1, 0.1, l2, DiscreteLaplace::of))
        .hasMessageContaining("ATL-ANON-006");
  }

  @Test
  void smallCellsAreHiddenAndNoHiddenCellCanBeRecomputedFromATotal() {
    qt().forAll(integers().between(1, 1_000_000), integers().between(2, 6))
        .checkAssert(
            (seed, size) -> {
              SplittableRandom r = new SplittableRandom(seed);
              long[][] counts = new long[size][size + 1];
              for (long[] row : counts) {
                for (int c = 0; c < row.length; c++) {
                  row[c] = r.nextInt(4) == 0 ? r.nextInt(5) : r.nextInt(40);
                }
              }
              SmallCellTable t = SmallCellTable.of(counts, 5);
              for (int i = 0; i < size; i++) {
                for (int c = 0; c <= size; c++) {
                  if (counts[i][c] > 0 && counts[i][c] < 5) {
                    assertThat(t.cell(i, c)).isEmpty();
                  }
                }
                int hidden = 0;
                for (int c = 0; c <= size; c++) {
                  hidden += t.cell(i, c).isPresent() ? 0 : 1;
                }
                assertThat(hidden != 1 || t.rowTotal(i).isEmpty())
                    .as("row %s has one hidden cell and a public total", i)
                    .isTrue();
              }
              for (int c = 0; c <= size; c++) {
                int hidden = 0;
                for (int i = 0; i < size; i++) {
                  hidden += t.cell(i, c).isPresent() ? 0 : 1;
                }
                assertThat(hidden != 1 || t.columnTotal(c).isEmpty())
                    .as("column %s has one hidden cell and a public total", c)
                    .isTrue();
              }
            });
  }
}
