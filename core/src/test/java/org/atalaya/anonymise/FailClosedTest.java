package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.TimeWindow;
import org.atalaya.io.IncidentFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fail-closed paths (issue 24, item 4): for every check a release runs, a release that violates
 * that check and no other is refused with the check's code and a message naming the check and the
 * reason, and writes nothing: no output, no table, no temporary file, and the files of an earlier
 * run stay as they were. A published output altered so that a check {@link Release#verify}
 * recomputes would fail is caught by verify.
 */
class FailClosedTest {
  @TempDir Path dir;

  static final ReleaseKey KEY = ReleaseTest.KEY;
  static final YearMonth MARCH = YearMonth.of(2024, 3);
  static final LatLon POINT = LatLon.of(14.0723, -87.1921);

  /** A homicide in March 2024 in department 08, {@code municipality}, without a point. */
  static Incident.Builder plain(String id, String municipality) {
    return Incident.builder(id)
        .iccs("0101")
        .occurred(TimeWindow.month(MARCH, TimeWindow.HONDURAS))
        .location(Location.builder().admin(AdminArea.of("08", municipality, null)).build());
  }

  /** {@code n} records alike in 0801, so one class of {@code n}. */
  static List<Incident> alike(int n) {
    List<Incident> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(plain("a" + i, "0801").build());
    }
    return out;
  }

  static List<Incident> plus(List<Incident> a, Incident... more) {
    List<Incident> out = new ArrayList<>(a);
    out.addAll(List.of(more));
    return out;
  }

  /** A small-cell table every case publishes beside its records (it passes its own check). */
  static final TableSpec BY_MONTH =
      TableSpec.builder("by-month").rows(TableDimension.parse("time:month")).smallCells(3).build();

  /** k = 3, at most 20% suppressed, ids pseudonymised, one table: {@link #alike}(4) passes. */
  static ReleasePolicy.Builder base(String name) {
    return ReleasePolicy.builder(name).k(3).maxSuppressedFraction(0.2).table(BY_MONTH);
  }

  /** A dataset step that withholds the records of municipality 0802. */
  static final DatasetStep DROP_0802 =
      new DatasetStep() {
        @Override
        public String name() {
          return "drop-0802";
        }

        @Override
        public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
          List<Incident> out = new ArrayList<>();
          for (Incident i : incidents) {
            if (ReleaseContext.areaName(i).equals("08/0802")) {
              context.suppress(i, "test");
            } else {
              out.add(i);
            }
          }
          return out;
        }
      };

  /**
   * One rule: a release of {@code policy} over {@code input} fails the check {@code check} (and no
   * other) with {@code code}, saying {@code reason}.
   */
  record Violation(
      String rule,
      Release release,
      List<Incident> input,
      AnonymiseCode code,
      String check,
      String reason) {
    @Override
    public String toString() {
      return rule;
    }

    List<Path> tableFiles(Path out) {
      return release.policy().tables().stream().map(t -> Release.tableFile(out, t.name())).toList();
    }
  }

  static Stream<Violation> violations() {
    // An epsilon of 0.6 each: a ledger of 1 pays for the first and refuses the second.
    TableSpec dpA =
        TableSpec.builder("dp-a")
            .rows(TableDimension.parse("category:1"))
            .differentialPrivacy(0.6, 1)
            .build();
    TableSpec dpB =
        TableSpec.builder("dp-b")
            .rows(TableDimension.parse("category:2"))
            .differentialPrivacy(0.6, 1)
            .build();
    // A declared department written on two lines: the table's CSV prints it on one, so the rows
    // read back are not the declared ones.
    TableSpec twoLines =
        TableSpec.builder("dp-by-department")
            .rows(TableDimension.parse("location:department", List.of("08\n05")))
            .differentialPrivacy(1, 1)
            .build();
    // Four records alike and one that differs in a part the policy calls insensitive (so k
    // holds), which an attacker who knows it singles out.
    List<Incident> plantedMechanism =
        plus(
            alike(4),
            plain("odd", "0801")
                .context(IncidentContext.UNKNOWN.withMechanism(Mechanism.EXPLOSIVE_OR_FIRE))
                .build());
    List<Incident> plantedArea = plus(alike(4), plain("odd", "0802").build());
    ReleasePolicy.Builder areaInsensitive =
        base("attack")
            .insensitive(QuasiIdentifier.LOCATION, "municipalities too large to point at anyone");
    return Stream.of(
        new Violation(
            "k-anonymity: a class smaller than k is refused, naming its area",
            Release.of(base("k").build()),
            plus(alike(4), plain("odd", "0802").build()),
            AnonymiseCode.K_NOT_REACHED,
            "k-anonymity",
            "1 classes hold fewer than k = 3 incidents; areas: 08/0802 (1)"),
        new Violation(
            "suppression: withholding more than the allowed share is refused",
            Release.of(base("suppression").maxSuppressedFraction(0.1).step(DROP_0802).build()),
            plus(alike(4), plain("odd", "0802").build()),
            AnonymiseCode.TOO_MANY_SUPPRESSED,
            "suppression",
            "1 of 5 suppressed (20.0%, at most 10.0% allowed); areas: 08/0802 (1)"),
        new Violation(
            "sensitive-detail: a sexual-violence case published with its point is refused",
            Release.of(base("sensitive").build()),
            List.of(
                sexualViolenceAtAPoint("s1"),
                sexualViolenceAtAPoint("s2"),
                sexualViolenceAtAPoint("s3")),
            AnonymiseCode.SENSITIVE_DETAIL,
            "sensitive-detail",
            "3 sensitive incidents carry a point or a time finer than a month (first in 08/0801)"),
        new Violation(
            "identifiers: an e-mail address left in a narrative is refused",
            Release.of(base("identifiers").build()),
            alike(4).stream()
                .map(i -> i.toBuilder().narrative("Escribió a vecina@example.org").build())
                .toList(),
            AnonymiseCode.PII_REMAINS,
            "identifiers",
            "found {EMAIL=4}"),
        new Violation(
            "identifying: ids published as they are are refused",
            Release.of(base("identifying").pseudonymiseIds(false).build()),
            alike(4),
            AnonymiseCode.IDENTIFYING_PUBLISHED,
            "identifying",
            "identifying fields published as they are: [id]; pseudonymise or drop them"),
        new Violation(
            "epsilon: a table the budget cannot pay for is refused",
            Release.of(base("epsilon").epsilonBudget(1).table(dpA).table(dpB).build()),
            alike(4),
            AnonymiseCode.EPSILON_OVERSPENT,
            "epsilon",
            "table dp-b needs epsilon 0.6 but only 0.4 of the budget 1.0 remains; nothing is"
                + " published"),
        new Violation(
            "table: a table whose published text does not read back as declared is refused",
            Release.of(base("table").epsilonBudget(1).table(twoLines).build()),
            alike(4),
            AnonymiseCode.TABLE_UNPROTECTED,
            "table dp-by-department",
            "the rows [08 05, unknown, other] are not the declared ones [08\n05, unknown, other]:"
                + " which rows exist must not depend on the data"),
        new Violation(
            "attack neighbour: a record the neighbour singles out is refused",
            Release.of(areaInsensitive.attacks(EnumSet.of(AttackProfile.NEIGHBOUR)).build()),
            plantedArea,
            AnonymiseCode.ATTACK_SINGLES_OUT,
            "attack neighbour",
            "1 of 5 targets (20.00%) have from 1 to 2 consistent records, 1 singled out; at most"
                + " 0.00% allowed; knows [location, time, category]; areas: 08/0802 (1)"),
        new Violation(
            "attack victim: a record its victim singles out is refused",
            Release.of(
                base("victim")
                    .insensitive(QuasiIdentifier.MECHANISM, "declared harmless by mistake")
                    .attacks(EnumSet.of(AttackProfile.VICTIM))
                    .maxAttackShare(0.1)
                    .build()),
            plantedMechanism,
            AnonymiseCode.ATTACK_SINGLES_OUT,
            "attack victim",
            "1 of 5 targets (20.00%) have from 1 to 2 consistent records, 1 singled out; at most"
                + " 10.00% allowed; knows [location, time, category, mechanism, publication];"
                + " areas: 08/0801 (1)"),
        new Violation(
            "attack register: a record a register singles out is refused",
            Release.of(
                    base("register")
                        .insensitive(
                            QuasiIdentifier.LOCATION, "municipalities too large to point at anyone")
                        .attacks(EnumSet.of(AttackProfile.REGISTER))
                        .build())
                .withRegister(plantedArea),
            plantedArea,
            AnonymiseCode.ATTACK_SINGLES_OUT,
            "attack register",
            // A register entry is an incident: it holds a publication state too.
            "1 of 5 targets (20.00%) have from 1 to 2 consistent records, 1 singled out; at most"
                + " 0.00% allowed; knows [location, time, category, publication]; areas: 08/0802"
                + " (1)"));
  }

  static Incident sexualViolenceAtAPoint(String id) {
    return plain(id, "0801")
        .iccs("0301")
        .location(Location.builder().point(POINT).admin(AdminArea.of("08", "0801", null)).build())
        .build();
  }

  @Test
  void withoutTheViolationsTheSameReleasePublishesTheRecordsAndTheTable() throws IOException {
    // The control of every case below: the base policy over records alike passes every check.
    Path out = dir.resolve("release.ndjson");
    ReleasePolicy policy = base("control").build();
    PrivacyReport report = Release.of(policy).publish(alike(4), KEY, IncidentFormat.NDJSON, out);
    assertThat(report.passed()).isTrue();
    assertThat(report.checks())
        .extracting(PrivacyReport.Check::name)
        .containsExactly(
            "k-anonymity",
            "sensitive-detail",
            "identifiers",
            "identifying",
            "suppression",
            "epsilon",
            "table by-month");
    assertThat(out).exists();
    assertThat(Release.tableFile(out, "by-month")).exists();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aReleaseFailingOneCheckIsRefusedWithItsCodeAndReasonAndWritesNothing(Violation v) {
    Path out = dir.resolve("release.ndjson");
    assertThatThrownBy(() -> v.release().publish(v.input(), KEY, IncidentFormat.NDJSON, out))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(v.code());
              PrivacyReport.Check failed = e.report().firstFailure().orElseThrow();
              assertThat(failed.name()).isEqualTo(v.check());
              assertThat(failed.detail()).isEqualTo(v.reason());
              assertThat(e.getMessage())
                  .startsWith(v.code().code() + " ")
                  .contains(v.check() + ": " + v.reason());
              assertThat(e.report().passed()).isFalse();
              // Exactly that check failed: each case violates one rule only.
              assertThat(e.report().checks())
                  .filteredOn(c -> !c.passed())
                  .extracting(PrivacyReport.Check::name)
                  .containsExactly(v.check());
              // The refusal gives the reason a run reports.
              assertThat(e.report().checks())
                  .isEqualTo(
                      v.release().run(v.input(), KEY, new SplittableRandom(1)).report().checks());
            });
    assertThat(out).doesNotExist();
    assertThat(v.tableFiles(out)).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotExist());
    assertThat(dir.toFile().list()).as("no temporary file either").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRefusedReleaseLeavesTheFilesOfAnEarlierRunAsTheyWere(Violation v) throws IOException {
    Path out = dir.resolve("release.ndjson");
    Map<Path, String> earlier = new LinkedHashMap<>();
    earlier.put(out, "{\"id\":\"from an earlier run\"}\n");
    for (Path t : v.tableFiles(out)) {
      earlier.put(t, "earlier table " + t.getFileName() + "\n");
    }
    FileTime then = FileTime.fromMillis(1_000_000_000_000L);
    for (Map.Entry<Path, String> e : earlier.entrySet()) {
      Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(e.getKey(), then);
    }
    assertThatThrownBy(() -> v.release().publish(v.input(), KEY, IncidentFormat.NDJSON, out))
        .isInstanceOf(ReleaseRefusedException.class);
    for (Map.Entry<Path, String> e : earlier.entrySet()) {
      assertThat(e.getKey()).hasContent(e.getValue());
      assertThat(Files.getLastModifiedTime(e.getKey())).isEqualTo(then);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactlyInAnyOrderElementsOf(earlier.keySet());
    }
  }

  // verify: an output altered after publishing so that a check would fail is caught.

  /** Three records in 0801 and three in 0802, sensitive ones coarsened, ids pseudonymised. */
  static ReleasePolicy verifiable() {
    return ReleasePolicy.builder("verifiable")
        .k(3)
        .maxSuppressedFraction(0.2)
        .step(Steps.sensitiveDefaults())
        .step(Steps.dropFields(List.of(IncidentField.SOURCE_REFS)))
        .build();
  }

  static List<Incident> verifiableInput() {
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      in.add(sexualViolenceAtAPoint("s" + i).toBuilder().addSourceRef(src(i)).build());
      in.add(plain("p" + i, "0802").addSourceRef(src(10 + i)).build());
    }
    return in;
  }

  static SourceRef src(int i) {
    return SourceRef.of("police", "DPI-" + i);
  }

  static ReleaseResult published() {
    ReleaseResult r = Release.of(verifiable()).run(verifiableInput(), KEY, new SplittableRandom(1));
    assertThat(r.report().passed()).isTrue();
    assertThat(Release.of(verifiable()).verify(r.incidents(), r.report())).isEmpty();
    return r;
  }

  static List<Incident> altered(ReleaseResult r, int at, Incident replacement) {
    List<Incident> out = new ArrayList<>(r.incidents());
    out.set(at, replacement);
    return out;
  }

  @Test
  void verifyCatchesARecordWhosePointWasPutBack() {
    ReleaseResult r = published();
    Incident coarsened = r.incidents().get(0);
    assertThat(coarsened.location().flatMap(Location::point)).isEmpty();
    Incident pointBack =
        coarsened.toBuilder()
            .location(
                Location.builder().point(POINT).admin(AdminArea.of("08", "0801", null)).build())
            .build();
    assertThat(Release.of(verifiable()).verify(altered(r, 0, pointBack), r.report()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("check sensitive-detail: output gives")
                    .contains("1 sensitive incidents carry a point"));
  }

  @Test
  void verifyCatchesAClassShrunkBelowK() {
    ReleaseResult r = published();
    List<Incident> fewer = new ArrayList<>(r.incidents());
    fewer.remove(1);
    assertThat(Release.of(verifiable()).verify(fewer, r.report()))
        .anySatisfy(p -> assertThat(p).startsWith("check k-anonymity: output gives"))
        .anySatisfy(p -> assertThat(p).isEqualTo("kAchieved: output gives 2, report says 3"))
        .anySatisfy(p -> assertThat(p).isEqualTo("recordsOut: output gives 5, report says 6"));
  }

  @Test
  void verifyCatchesAnIdentifierWrittenIntoANarrative() {
    ReleaseResult r = published();
    Incident named = r.incidents().get(1).toBuilder().narrative("Llamar al 9876-5432").build();
    assertThat(Release.of(verifiable()).verify(altered(r, 1, named), r.report()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("check identifiers: output gives")
                    .contains("found {PHONE=1}"));
  }

  @Test
  void verifyCatchesAnIdentifyingFieldPutBack() {
    ReleaseResult r = published();
    Incident withRef = r.incidents().get(1).toBuilder().addSourceRef(src(10)).build();
    assertThat(Release.of(verifiable()).verify(altered(r, 1, withRef), r.report()))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("check identifying: output gives")
                    .contains("identifying fields published as they are: [source-refs]"));
  }

  @Test
  void verifyCatchesAReportWhoseRecordsInAreNotOutPlusSuppressed() {
    ReleaseResult r = published();
    PrivacyReport p = r.report();
    PrivacyReport understated =
        new PrivacyReport(
            p.recordsIn() + 2,
            p.recordsOut(),
            p.suppressed(),
            p.kAchieved(),
            p.prosecutorRisk(),
            p.displacementMeters(),
            p.epsilonSpent(),
            p.tables(),
            p.keyId(),
            p.hotCellOverlap(),
            p.checks(),
            p.passed(),
            p.disclosure());
    assertThat(Release.of(verifiable()).verify(r.incidents(), understated))
        .containsExactly("recordsIn: output gives 6, report says 8");
  }
}
