package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.atalaya.incident.Incident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release key ({@link ReleaseKey}) and the context steps share ({@link ReleaseContext}): a key
 * shorter than {@value ReleaseKey#MIN_BYTES} bytes or absent is refused, the same secret read from
 * anywhere is the same key, and suppressions made in parallel chunks all reach the release's
 * counts.
 */
class ReleaseKeyAndContextRulesTest {
  @TempDir Path dir;

  private static byte[] secret(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) 'a');
    return b;
  }

  private static void assertCode(Runnable r, AnonymiseCode code) {
    assertThatThrownBy(r::run)
        .isInstanceOfSatisfying(
            AnonymisationException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void aKeyHasAtLeast32Bytes() {
    assertCode(() -> ReleaseKey.of(secret(31)), AnonymiseCode.KEY_TOO_SHORT);
    assertThat(ReleaseKey.of(secret(32)).keyId()).startsWith("k-");
  }

  @Test
  void aKeyFromTheEnvironmentIsItsStrippedText() {
    String text = "0123456789abcdef0123456789abcdef-release";
    ReleaseKey k =
        ReleaseKey.fromEnvironment("ATALAYA_KEY", Map.of("ATALAYA_KEY", "  " + text + "\n"));
    assertThat(k.keyId()).isEqualTo(ReleaseKey.of(text.getBytes(StandardCharsets.UTF_8)).keyId());
    assertCode(
        () -> ReleaseKey.fromEnvironment("ATALAYA_KEY", Map.of()), AnonymiseCode.KEY_MISSING);
    assertCode(
        () -> ReleaseKey.fromEnvironment("ATALAYA_KEY", Map.of("ATALAYA_KEY", "  ")),
        AnonymiseCode.KEY_MISSING);
    assertThatThrownBy(() -> ReleaseKey.fromEnvironment(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theProcessEnvironmentIsRead() {
    String path = System.getenv("PATH");
    assumeTrue(path != null && path.strip().length() >= ReleaseKey.MIN_BYTES);
    assertThat(ReleaseKey.fromEnvironment("PATH").keyId())
        .isEqualTo(ReleaseKey.of(path.strip().getBytes(StandardCharsets.UTF_8)).keyId());
  }

  @Test
  void aKeyFileIsReadWithoutItsLineBreak() throws IOException {
    String text = "0123456789abcdef0123456789abcdef-file";
    Path f = dir.resolve("release.key");
    Files.writeString(f, text + "\n", StandardCharsets.ISO_8859_1);
    assertThat(ReleaseKey.fromFile(f).keyId())
        .isEqualTo(ReleaseKey.of(text.getBytes(StandardCharsets.ISO_8859_1)).keyId());
    assertCode(() -> ReleaseKey.fromFile(dir.resolve("absent.key")), AnonymiseCode.KEY_MISSING);
  }

  @Test
  void aContextKnowsItsKeyOrRefusesToPseudonymise() {
    ReleaseKey key = ReleaseKey.of(secret(40));
    assertThat(ReleaseContext.of(key, new SplittableRandom(1)).keyId()).contains(key.keyId());
    ReleaseContext none = ReleaseContext.of(null, new SplittableRandom(1));
    assertThat(none.keyId()).isEmpty();
    assertCode(() -> none.pseudonyms("pseudonymise"), AnonymiseCode.KEY_MISSING);
  }

  @Test
  void outsideAReleaseTheQuasiIdentifiersAreThePartsQuasiIdentifyingByDefault() {
    Set<QuasiIdentifier> expected = EnumSet.noneOf(QuasiIdentifier.class);
    for (QuasiIdentifier q : QuasiIdentifier.values()) {
      if (q.defaultRole() == AttributeRole.QUASI_IDENTIFYING) {
        expected.add(q);
      }
    }
    assertThat(ReleaseContext.of(null, new SplittableRandom(1)).quasiIdentifiers())
        .isEqualTo(expected);
  }

  @Test
  void suppressionsInEveryChunkAddUp() {
    // More records than two chunks hold, so that the pass forks; every third is suppressed.
    int n = 2 * org.atalaya.anonymise.internal.Chunks.SIZE + 100;
    List<Incident> in = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      in.add(Incident.builder("I-" + i).iccs("0401").build());
    }
    RecordStep everyThird =
        new RecordStep() {
          @Override
          public String name() {
            return "every-third";
          }

          @Override
          public boolean edit(RecordEditor record, ReleaseContext context) {
            int i = Integer.parseInt(record.id().substring(2));
            if (i % 3 == 0) {
              context.suppress(record, "third");
              return false;
            }
            return true;
          }
        };
    ReleaseContext ctx = ReleaseContext.of(null, new SplittableRandom(1));
    List<Incident> out = ReleaseStep.applyAlone(everyThird, in, ctx);
    long third = (n + 2) / 3;
    assertThat(out).hasSize((int) (n - third));
    assertThat(ctx.suppressed()).isEqualTo(third);
    assertThat(ctx.suppressedByReason()).isEqualTo(Map.of("third", (int) third));
    assertThat(ctx.suppressedByArea().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo((int) third);
  }

  @Test
  void theSensitiveValueOfAPartIsItsOwn() {
    Incident i = Incident.builder("I-1").iccs("0401").build();
    assertThat(QuasiIdentifier.CATEGORY.sensitiveValue(i, i.location())).contains("0401");
    assertThat(QuasiIdentifier.CASE_HISTORY.sensitiveValue(i, i.location())).isEqualTo("-");
  }

  @Test
  void incidentsEqualOnThePartsShareAClass() {
    Incident a = Incident.builder("I-1").iccs("0401").build();
    Incident b = Incident.builder("I-2").iccs("0401").build();
    Incident c = Incident.builder("I-3").iccs("0502").build();
    Map<String, List<Incident>> classes =
        QuasiIdentifier.classes(List.of(a, b, c), Set.of(QuasiIdentifier.CATEGORY));
    assertThat(classes.values()).containsExactlyInAnyOrder(List.of(a, b), List.of(c));
  }

  @Test
  void aDatasetStepRunAloneSeesTheWholeListInOrder() {
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      in.add(Incident.builder("I-" + i).iccs("0401").build());
    }
    List<Integer> seen = new ArrayList<>();
    DatasetStep dropFirst =
        new DatasetStep() {
          @Override
          public String name() {
            return "drop-first";
          }

          @Override
          public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
            seen.add(incidents.size());
            return incidents.subList(1, incidents.size());
          }
        };
    List<Incident> out =
        ReleaseStep.applyAlone(dropFirst, in, ReleaseContext.of(null, new SplittableRandom(1)));
    assertThat(seen).containsExactly(5);
    assertThat(out).containsExactlyElementsOf(in.subList(1, 5));
  }
}
