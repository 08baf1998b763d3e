package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.atalaya.anonymise.internal.BuiltWhenRead;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.io.IncidentFormat;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The release pipeline: fails closed, protects sensitive incidents, and its report verifies. */
class ReleaseTest {
  @TempDir Path dir;

  static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;
  static final ReleaseKey OTHER_KEY = PseudonymsAndNoiseTest.OTHER;

  static Gen<List<Incident>> incidentLists() {
    return SourceDSL.lists()
        .of(IncidentGenerators.incidents())
        .ofSizeBetween(1, 30)
        .map(
            l -> {
              // Ids must be unique within a release.
              List<Incident> out = new ArrayList<>();
              for (int i = 0; i < l.size(); i++) {
                out.add(l.get(i).toBuilder().id("I" + i).build());
              }
              return out;
            });
  }

  @Test
  void sensitiveIncidentsNeverCarryAPointOrADay() {
    RecordStep step = Steps.sensitiveDefaults();
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(1));
    qt().withExamples(300)
        .forAll(IncidentGenerators.incidents())
        .checkAssert(
            in -> {
              Incident out = step.apply(in, ctx).orElseThrow();
              if (!SensitiveCategories.detect(in).isEmpty()) {
                assertThat(out.location().flatMap(Location::point)).isEmpty();
                out.occurred()
                    .ifPresent(
                        w -> assertThat(TimeGranularity.finerThanMonth(w)).as("%s", w).isFalse());
                out.occurred()
                    .ifPresent(
                        w ->
                            assertThat(w.precision())
                                .isNotIn(TimePrecision.INSTANT, TimePrecision.DAY));
                assertThat(out.sensitivity()).containsAll(SensitiveCategories.detect(in));
              } else {
                assertThat(out).isEqualTo(in);
              }
            });
  }

  @Test
  void monthQuarterAndYearWindowsAreWholeUnitsWhetherSharedOrBuilt() {
    qt().forAll(IncidentGenerators.incidents(), SourceDSL.integers().between(0, 2))
        .checkAssert(
            (in, g) -> {
              if (in.occurred().isEmpty()
                  || in.occurred().get().precision() == TimePrecision.YEAR) {
                return;
              }
              TimeGranularity granularity =
                  List.of(TimeGranularity.MONTH, TimeGranularity.QUARTER, TimeGranularity.YEAR)
                      .get(g);
              int months = List.of(1, 3, 12).get(g);
              var w = in.occurred().get();
              // Written out with java.time: the start of the unit holding each end, the end moved
              // to the next unit's start.
              OffsetDateTime from =
                  w.from()
                      .truncatedTo(ChronoUnit.DAYS)
                      .withDayOfMonth(1)
                      .withMonth((w.from().getMonthValue() - 1) / months * months + 1);
              OffsetDateTime toFloor =
                  w.to()
                      .truncatedTo(ChronoUnit.DAYS)
                      .withDayOfMonth(1)
                      .withMonth((w.to().getMonthValue() - 1) / months * months + 1);
              OffsetDateTime to =
                  w.to().isEqual(w.from())
                      ? from.plusMonths(months)
                      : toFloor.isEqual(w.to()) ? w.to() : toFloor.plusMonths(months);
              var first = granularity.generalise(w);
              assertThat(first.from()).isEqualTo(from);
              assertThat(first.to()).isEqualTo(to);
              assertThat(granularity.generalise(w)).isEqualTo(first);
            });
  }

  @Test
  void generalisedTimesContainTheOriginalAndAgesStayOnTheirSideOf18() {
    qt().forAll(IncidentGenerators.incidents(), SourceDSL.integers().between(0, 6))
        .checkAssert(
            (in, g) -> {
              TimeGranularity granularity = TimeGranularity.values()[g];
              Incident out =
                  Steps.generaliseTime(granularity)
                      .apply(in, ReleaseContext.of(null, new SplittableRandom(1)))
                      .orElseThrow();
              in.occurred()
                  .ifPresent(
                      w -> {
                        var o = out.occurred().orElseThrow();
                        assertThat(o.from()).isBeforeOrEqualTo(w.from());
                        assertThat(o.to()).isAfterOrEqualTo(w.to());
                      });
              Incident aged =
                  Steps.generaliseAge(0, 12, 18, 30, 45, 60)
                      .apply(in, ReleaseContext.of(null, new SplittableRandom(1)))
                      .orElseThrow();
              for (int i = 0; i < in.victims().size(); i++) {
                assertThat(aged.victims().get(i).age()).isEmpty();
                if (in.victims().get(i).age().isPresent()) {
                  assertThat(aged.victims().get(i).isMinor())
                      .isEqualTo(in.victims().get(i).isMinor());
                }
              }
            });
  }

  @Test
  void aKeywordInTheNarrativeProtectsAMiscodedCase() {
    Incident assault =
        Incident.builder("x")
            .iccs("02011")
            .location(Location.at(14.08, -87.2))
            .occurred(TimeWindow.instant(OffsetDateTime.parse("2024-03-15T21:30:00-06:00")))
            .narrative("La víctima relató una violación en su vivienda.")
            .build();
    Incident out =
        Steps.sensitiveDefaults()
            .apply(assault, ReleaseContext.of(null, new SplittableRandom(1)))
            .orElseThrow();
    assertThat(out.location()).isEmpty();
    assertThat(out.occurred().orElseThrow().precision()).isEqualTo(TimePrecision.MONTH);
  }

  @Test
  void verifyAgreesWithTheReportAndCatchesATamperedOne() throws Exception {
    ReleasePolicy policy =
        ReleasePolicy.builder("test")
            .k(1)
            .step(Steps.sensitiveDefaults())
            .step(Steps.redact(PiiRedactor.of(List.of())))
            .step(Steps.generaliseTime(TimeGranularity.MONTH))
            .step(Steps.generaliseAge(0, 12, 18, 30, 45, 60))
            .step(Steps.generaliseCategory(2))
            .build();
    Release release = Release.of(policy);
    qt().withExamples(50)
        .forAll(incidentLists())
        .checkAssert(
            list -> {
              ReleaseResult r = release.run(list, KEY, new SplittableRandom(2));
              assertThat(release.verify(r.incidents(), r.report())).isEmpty();
              assertThat(r.report().recordsIn()).isEqualTo(list.size());
            });
    List<Incident> demo = SyntheticIncidents.of(3, 2024, 1, 0.2).stream().toList();
    ReleaseResult r = release.run(demo, KEY, new SplittableRandom(2));
    PrivacyReport round = PrivacyReport.fromJson(r.report().toJson());
    assertThat(round).isEqualTo(r.report());
    PrivacyReport tampered =
        new PrivacyReport(
            round.recordsIn(),
            round.recordsOut(),
            round.suppressed(),
            round.kAchieved() + 4,
            round.prosecutorRisk(),
            round.displacementMeters(),
            0,
            round.keyId(),
            1,
            round.checks(),
            true);
    assertThat(release.verify(r.incidents(), tampered)).anyMatch(s -> s.startsWith("kAchieved"));
    assertThat(release.verify(r.incidents().subList(1, r.incidents().size()), round))
        .anyMatch(s -> s.startsWith("recordsOut"));
  }

  @Test
  void perRecordStepsInOneChunkedPassGiveTheStepByStepOutput() {
    // More than two chunks, so the pass runs in parallel; a step that suppresses every seventh.
    RecordStep dropSome =
        new RecordStep() {
          @Override
          public String name() {
            return "drop-some";
          }

          @Override
          public boolean edit(RecordEditor record, ReleaseContext context) {
            if (Math.floorMod(record.id().hashCode(), 7) == 0) {
              context.suppress(record, "test");
              return false;
            }
            return true;
          }
        };
    // A dataset step between them splits the record steps into two passes.
    DatasetStep dropEveryEleventh =
        new DatasetStep() {
          @Override
          public String name() {
            return "drop-every-eleventh";
          }

          @Override
          public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
            List<Incident> out = new ArrayList<>();
            for (int i = 0; i < incidents.size(); i++) {
              if (i % 11 == 10) {
                context.suppress(incidents.get(i), "eleventh");
              } else {
                out.add(incidents.get(i));
              }
            }
            return out;
          }
        };
    List<ReleaseStep> steps =
        List.of(
            Steps.sensitiveDefaults(),
            dropSome,
            dropEveryEleventh,
            Steps.generaliseTime(TimeGranularity.MONTH),
            Steps.generaliseCategory(2));
    List<Incident> in = SyntheticIncidents.of(4, 2024, 1, 15).stream().toList();
    assertThat(in.size()).isGreaterThan(2 * Chunks.SIZE);
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(3));
    List<Incident> expected = in;
    for (ReleaseStep s : steps) {
      // Step by step, record by record: what the chunked passes must give.
      expected =
          s instanceof RecordStep r
              ? expected.stream().flatMap(i -> r.apply(i, ctx).stream()).toList()
              : ((DatasetStep) s).apply(expected, ctx);
    }
    ReleasePolicy.Builder b =
        ReleasePolicy.builder("chunks")
            .k(1)
            .maxSuppressedFraction(1)
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "synthetic test ids identify nobody");
    steps.forEach(b::step);
    Release release = Release.of(b.build());
    ReleaseResult parallel = release.run(in, KEY, new SplittableRandom(3));
    // A generator that is neither SecureRandom nor splittable: the chunks run in turn.
    ReleaseResult sequential = release.run(in, KEY, new Random(3));
    assertThat(parallel.incidents()).isEqualTo(expected);
    assertThat(sequential.incidents()).isEqualTo(expected);
    assertThat(parallel.report()).isEqualTo(sequential.report());
    assertThat(parallel.report().suppressed()).isEqualTo(ctx.suppressed()).isPositive();
    // With pseudonymous ids the records are built when read: the same records, each id replaced
    // by its keyed pseudonym, and the same classes and checks.
    ReleasePolicy.Builder p =
        ReleasePolicy.builder("chunks").k(1).maxSuppressedFraction(1).pseudonymiseIds(true);
    steps.forEach(p::step);
    ReleaseResult pseudonymous = Release.of(p.build()).run(in, KEY, new SplittableRandom(3));
    Pseudonyms ids = Pseudonyms.of(KEY);
    assertThat(pseudonymous.incidents()).hasSameSizeAs(expected).isInstanceOf(BuiltWhenRead.class);
    for (int r = 0; r < expected.size(); r++) {
      Incident e = expected.get(r);
      assertThat(pseudonymous.incidents().get(r))
          .isEqualTo(e.toBuilder().id(ids.pseudonym("id", e.id())).build());
    }
    assertThat(List.copyOf(pseudonymous.incidents())).isEqualTo(pseudonymous.incidents());
    assertThat(pseudonymous.report().checks()).isEqualTo(parallel.report().checks());
    assertThat(
            Release.of(p.build())
                .verify(List.copyOf(pseudonymous.incidents()), pseudonymous.report()))
        .isEmpty();
    assertThatThrownBy(() -> pseudonymous.incidents().set(0, in.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    // A release run on that list (built when read) sees its records' own ids: a second release
    // without steps pseudonymises the published ids again and pairs every point with itself.
    ReleaseResult again =
        Release.of(
                ReleasePolicy.builder("again")
                    .k(1)
                    .maxSuppressedFraction(1)
                    .pseudonymiseIds(true)
                    .build())
            .run(pseudonymous.incidents(), OTHER_KEY, new SplittableRandom(3));
    Pseudonyms other = Pseudonyms.of(OTHER_KEY);
    for (int r = 0; r < expected.size(); r++) {
      assertThat(again.incidents().get(r).id())
          .isEqualTo(other.pseudonym("id", pseudonymous.incidents().get(r).id()));
    }
    assertThat(again.report().displacementMeters().max()).isZero();
    assertThat(again.report().hotCellOverlap()).isEqualTo(1.0);
  }

  @Test
  void aPublishedIdIsThePseudonymOfTheIdItLeftTheStepsWithEvenWhenAStepChangedIt() {
    // The contract says steps keep ids; a step that breaks it must still get the pseudonym of the
    // id it gave, not of the input's (the release pairs records with their sources by id).
    // Only a dataset step can change an id: a record step's editor cannot set one.
    DatasetStep renameSome =
        new DatasetStep() {
          @Override
          public String name() {
            return "rename-some";
          }

          @Override
          public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
            return incidents.stream()
                .map(
                    i ->
                        Math.floorMod(i.id().hashCode(), 5) == 0
                            ? i.toBuilder().id("renamed-" + i.id()).build()
                            : i)
                .toList();
          }
        };
    List<Incident> in = SyntheticIncidents.of(4, 2024, 1, 15).stream().toList();
    ReleasePolicy policy =
        ReleasePolicy.builder("rename")
            .k(1)
            .maxSuppressedFraction(1)
            .pseudonymiseIds(true)
            .step(renameSome)
            .step(Steps.generaliseTime(TimeGranularity.MONTH))
            .build();
    ReleaseResult result = Release.of(policy).run(in, KEY, new SplittableRandom(3));
    Pseudonyms ids = Pseudonyms.of(KEY);
    ReleaseContext ctx = ReleaseContext.of(KEY, new SplittableRandom(3));
    int renamed = 0;
    List<Incident> renamedList = renameSome.apply(in, ctx);
    for (int r = 0; r < in.size(); r++) {
      String stepped = renamedList.get(r).id();
      renamed += stepped.equals(in.get(r).id()) ? 0 : 1;
      assertThat(result.incidents().get(r).id()).isEqualTo(ids.pseudonym("id", stepped));
    }
    assertThat(renamed).isPositive();
  }

  @Test
  void aStepThatThrowsFailsTheReleaseClosedAndNothingIsWritten() {
    RecordStep broken =
        new RecordStep() {
          @Override
          public String name() {
            return "broken";
          }

          @Override
          public boolean edit(RecordEditor record, ReleaseContext context) {
            throw new IllegalStateException("boom");
          }
        };
    Path out = dir.resolve("out.ndjson");
    List<Incident> demo = SyntheticIncidents.of(3, 2024, 1, 0.05).stream().toList();
    assertThatThrownBy(
            () ->
                Release.of(ReleasePolicy.builder("b").step(broken).build())
                    .publish(demo, KEY, IncidentFormat.NDJSON, out))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("ATL-ANON-008")
        .hasMessageContaining("broken");
    assertThat(out).doesNotExist();
    ReleasePolicy unreachable =
        ReleasePolicy.builder("k")
            .k(1000)
            .step(Steps.generaliseTime(TimeGranularity.MONTH))
            .build();
    assertThatThrownBy(() -> Release.of(unreachable).publish(demo, KEY, IncidentFormat.NDJSON, out))
        .isInstanceOf(ReleaseRefusedException.class)
        .hasMessageContaining("ATL-ANON-003")
        .hasMessageContaining("08/0801");
    assertThat(out).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aPolicyReadsFromJsonAndRejectsTypos() throws Exception {
    String json =
        "{\"name\":\"p\",\"k\":3,\"quasiIdentifiers\":[\"location\",\"time\"],\"names\":[\"Ana"
            + " Reyes\"],"
            + "\"steps\":[{\"type\":\"sensitive-defaults\"},{\"type\":\"keep-fields\",\"fields\":[\"narrative\"]},{\"type\":\"redact\"},"
            + "{\"type\":\"generalise-time\",\"to\":\"week\"}]}";
    ReleasePolicy p =
        ReleasePolicy.fromJson(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
            null,
            List.of(new CoreSteps()));
    assertThat(p.k()).isEqualTo(3);
    assertThat(p.steps())
        .extracting(ReleaseStep::name)
        .containsExactly("sensitive-defaults", "keep-fields", "redact", "generalise-time");
    assertThat(p.names()).containsExactly("Ana Reyes");
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream("{\"kk\":5}".getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .hasMessageContaining("ATL-ANON-007")
        .hasMessageContaining("kk");
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream(
                        "{\"steps\":[{\"type\":\"donut-mask\"}]}".getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .hasMessageContaining("unknown step type donut-mask");
    Files.createDirectories(dir);
  }
}
