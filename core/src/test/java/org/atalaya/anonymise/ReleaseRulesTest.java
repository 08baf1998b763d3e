package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atalaya.anonymise.FailClosedTest.DROP_0802;
import static org.atalaya.anonymise.FailClosedTest.KEY;
import static org.atalaya.anonymise.FailClosedTest.alike;
import static org.atalaya.anonymise.FailClosedTest.base;
import static org.atalaya.anonymise.FailClosedTest.plain;
import static org.atalaya.anonymise.FailClosedTest.plus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a release publishes, what its report says, and what verify recomputes from the output. */
class ReleaseRulesTest {
  @TempDir Path dir;

  @Test
  void whatPublishWritesReadsBackAsTheRecordsItsReportDescribes() throws IOException {
    ReleasePolicy policy = base("written").build();
    Path out = dir.resolve("release.ndjson");
    PrivacyReport report = Release.of(policy).publish(alike(4), KEY, IncidentFormat.NDJSON, out);
    assertThat(report.passed()).isTrue();
    assertThat(report.recordsIn()).isEqualTo(4);
    List<Incident> back =
        IncidentFormat.NDJSON.reader().readAll(out, ReadOptions.defaults()).incidents();
    assertThat(back).hasSize(4);
    assertThat(back).extracting(Incident::id).doesNotContain("a0", "a1", "a2", "a3");
    assertThat(Release.of(policy).verify(back, report)).isEmpty();
    // The table's text as the CSV layout documents it: one row per month, then the total.
    assertThat(Release.tableFile(out, "by-month"))
        .hasContent("time:month,count\n2024-03,4\ntotal,4\n");
    // Through any writer (a plugin exporter's), the same.
    Path other = dir.resolve("other.ndjson");
    PrivacyReport again =
        Release.of(policy).publish(alike(4), KEY, IncidentFormat.NDJSON::writer, other);
    assertThat(again).isEqualTo(report);
    assertThat(IncidentFormat.NDJSON.reader().readAll(other, ReadOptions.defaults()).incidents())
        .isEqualTo(back);
  }

  @Test
  void aTableIsNamedAfterTheOutputWithoutItsExtension() {
    assertThat(Release.tableFile(Path.of("r", "open.geojson"), "by-month"))
        .isEqualTo(Path.of("r", "open.by-month.csv"));
    assertThat(Release.tableFile(Path.of("r", "open.v2.ndjson"), "t"))
        .isEqualTo(Path.of("r", "open.v2.t.csv"));
    assertThat(Release.tableFile(Path.of("r", "open"), "t")).isEqualTo(Path.of("r", "open.t.csv"));
    // A name that starts with its only dot has no extension: it is kept whole.
    assertThat(Release.tableFile(Path.of("r", ".open"), "t"))
        .isEqualTo(Path.of("r", ".open.t.csv"));
  }

  @Test
  void aReleaseWithoutNoiseGivesTheSameOutputWhateverTheNoiseSource() {
    ReleasePolicy policy = base("plain").build();
    Release release = Release.of(policy);
    assertThat(release.policy()).isSameAs(policy);
    assertThat(release.withAttacks(EnumSet.of(AttackProfile.VICTIM)).policy()).isSameAs(policy);
    ReleaseResult secure = release.run(alike(4), KEY);
    ReleaseResult seeded = release.run(alike(4), KEY, new SplittableRandom(9));
    assertThat(secure.incidents()).isEqualTo(seeded.incidents());
    assertThat(secure.report()).isEqualTo(seeded.report());
  }

  @Test
  void theProsecutorRiskIsOneOverTheSmallestClassAndVerifyRecomputesIt() {
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      in.add(plain("a" + i, "0801").build());
    }
    for (int i = 0; i < 3; i++) {
      in.add(plain("b" + i, "0802").build());
    }
    ReleasePolicy policy = base("risk").k(2).build();
    ReleaseResult r = Release.of(policy).run(in, KEY, new SplittableRandom(1));
    assertThat(r.report().kAchieved()).isEqualTo(2);
    assertThat(r.report().prosecutorRisk()).isEqualTo(0.5);
    assertThat(Release.of(policy).verify(r.incidents(), r.report())).isEmpty();
    PrivacyReport p = r.report();
    PrivacyReport third =
        new PrivacyReport(
            p.recordsIn(),
            p.recordsOut(),
            p.suppressed(),
            p.kAchieved(),
            1.0 / 3,
            p.displacementMeters(),
            p.epsilonSpent(),
            p.tables(),
            p.keyId(),
            p.hotCellOverlap(),
            p.checks(),
            p.passed(),
            p.disclosure());
    assertThat(Release.of(policy).verify(r.incidents(), third))
        .containsExactly("prosecutorRisk: output gives 0.5, report says 0.3333333333333333");
  }

  /** The report of {@code r} with the prosecutor risk and the disclosure risk replaced. */
  static PrivacyReport withRisk(PrivacyReport p, double prosecutor, Disclosure.Risk risk) {
    Disclosure d = p.disclosure();
    return new PrivacyReport(
        p.recordsIn(),
        p.recordsOut(),
        p.suppressed(),
        p.kAchieved(),
        prosecutor,
        p.displacementMeters(),
        p.epsilonSpent(),
        p.tables(),
        p.keyId(),
        p.hotCellOverlap(),
        p.checks(),
        p.passed(),
        new Disclosure(
            d.quasiIdentifiers(),
            d.roles(),
            risk,
            d.diversity(),
            d.attacks(),
            d.population(),
            d.spatialGuarantees(),
            d.utility()));
  }

  @Test
  void verifyForgivesTheRoundingOfItsStatedToleranceAndNoMore() {
    // An empty release: every risk figure is 0, so the tolerances are exact doubles apart.
    ReleasePolicy policy = base("empty").build();
    ReleaseResult r = Release.of(policy).run(List.of(), KEY, new SplittableRandom(1));
    Release release = Release.of(policy);
    assertThat(release.verify(r.incidents(), r.report())).isEmpty();
    Disclosure.Risk risk = r.report().disclosure().risk();
    Disclosure.Risk below =
        new Disclosure.Risk(
            risk.highestProsecutorRisk(),
            risk.averageProsecutorRisk(),
            risk.marketerRisk(),
            risk.journalistRisk(),
            1e-9,
            risk.sampleUniques(),
            risk.threshold(),
            risk.recordsAboveThreshold());
    // The prosecutor risk within 1e-12, the disclosure risk figures within 1e-9.
    assertThat(release.verify(r.incidents(), withRisk(r.report(), 1e-12, below))).isEmpty();
    Disclosure.Risk beyond =
        new Disclosure.Risk(
            risk.highestProsecutorRisk(),
            risk.averageProsecutorRisk(),
            risk.marketerRisk(),
            risk.journalistRisk(),
            2e-9,
            risk.sampleUniques(),
            risk.threshold(),
            risk.recordsAboveThreshold());
    assertThat(release.verify(r.incidents(), withRisk(r.report(), 2e-12, beyond)))
        .hasSize(2)
        .anySatisfy(s -> assertThat(s).startsWith("prosecutorRisk: output gives 0"))
        .anySatisfy(s -> assertThat(s).startsWith("risk: output gives"));
  }

  @Test
  void verifyChecksTheMarketerRiskUnlessAPopulationDecidesIt() {
    ReleasePolicy policy = base("marketer").k(1).build();
    List<Incident> in = plus(alike(2), plain("b", "0802").build());
    ReleaseResult r = Release.of(policy).run(in, KEY, new SplittableRandom(1));
    Disclosure.Risk risk = r.report().disclosure().risk();
    // Two classes over three records.
    assertThat(risk.marketerRisk()).isEqualTo(2.0 / 3);
    Disclosure.Risk understated =
        new Disclosure.Risk(
            risk.highestProsecutorRisk(),
            risk.averageProsecutorRisk(),
            0.1,
            risk.journalistRisk(),
            risk.recordsBelowK(),
            risk.sampleUniques(),
            risk.threshold(),
            risk.recordsAboveThreshold());
    assertThat(
            Release.of(policy)
                .verify(
                    r.incidents(), withRisk(r.report(), r.report().prosecutorRisk(), understated)))
        .singleElement()
        .satisfies(s -> assertThat(s).startsWith("risk: output gives"));
    // With a population, the marketer risk is the population's: verify cannot recompute it from
    // the output and does not call it a disagreement.
    List<Incident> population = new ArrayList<>(List.copyOf(r.incidents()));
    population.add(plain("c", "0802").build());
    ReleaseResult withPopulation =
        Release.of(policy).withPopulation(population).run(in, KEY, new SplittableRandom(1));
    assertThat(withPopulation.report().disclosure().risk().marketerRisk()).isNotEqualTo(2.0 / 3);
    assertThat(Release.of(policy).verify(withPopulation.incidents(), withPopulation.report()))
        .isEmpty();
  }

  @Test
  void thePopulationGivesTheExactNumberOfReleasedRecordsUniqueInIt() {
    ReleasePolicy policy = base("population").k(1).build();
    // Released: two records of 0801 and one of 0802. The population also holds one of 0803,
    // a class the release does not have.
    List<Incident> in = plus(alike(2), plain("b", "0802").build());
    List<Incident> population = plus(in, plain("c", "0803").build());
    Disclosure d =
        Release.of(policy)
            .withPopulation(population)
            .run(in, KEY, new SplittableRandom(1))
            .report()
            .disclosure();
    // Only the 0802 record is unique in the population: one of three released records.
    assertThat(d.population()).hasValue(new Disclosure.Population("exact", 1, 1.0 / 3));
    assertThat(d.risk().journalistRisk()).hasValue(1.0);
  }

  @Test
  void recordsPublishedIsTheShareOfTheInputReleased() {
    ReleasePolicy policy = base("share").step(DROP_0802).build();
    PrivacyReport four =
        Release.of(policy)
            .run(plus(alike(4), plain("x", "0802").build()), KEY, new SplittableRandom(1))
            .report();
    assertThat(four.suppressed()).isEqualTo(1);
    assertThat(four.disclosure().utility().recordsPublished()).isEqualTo(0.8);
    PrivacyReport none = Release.of(policy).run(List.of(), KEY, new SplittableRandom(1)).report();
    assertThat(none.disclosure().utility().recordsPublished()).isZero();
  }

  @Test
  void aReleaseThatPublishesNoRecordCannotFailForAnUnpublishedSensitiveAttribute() {
    // A sensitive attribute must be published by some record, but only when a record is.
    ReleasePolicy policy =
        base("nothing")
            .maxSuppressedFraction(1)
            .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
            .step(DROP_0802)
            .build();
    PrivacyReport report =
        Release.of(policy)
            .run(List.of(plain("x", "0802").build()), KEY, new SplittableRandom(1))
            .report();
    assertThat(report.recordsOut()).isZero();
    assertThat(report.checks().get(0).detail()).isEqualTo("nothing released");
    assertThatThrownBy(() -> Release.of(policy).run(alike(4), KEY, new SplittableRandom(1)))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY))
        .hasMessageContaining("the sensitive attribute case-history is not published");
  }

  /** A record step that changes nothing but promises {@code kind}. */
  static RecordStep promising(String name, SpatialGuarantee.Kind kind, String detail) {
    return new RecordStep() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<SpatialGuarantee> spatialGuarantee() {
        return Optional.of(new SpatialGuarantee(kind, detail));
      }

      @Override
      public boolean edit(RecordEditor record, ReleaseContext context) {
        return true;
      }
    };
  }

  @Test
  void eachStepsSpatialPromiseIsReportedInStepOrder() {
    ReleasePolicy policy =
        base("promises")
            .step(promising("mask", SpatialGuarantee.Kind.MASKING, "points moved 100 to 400 m"))
            .step(Steps.generaliseTime(TimeGranularity.MONTH))
            .step(promising("remove", SpatialGuarantee.Kind.REMOVAL, "no point"))
            .build();
    assertThat(
            Release.of(policy)
                .run(alike(4), KEY, new SplittableRandom(1))
                .report()
                .disclosure()
                .spatialGuarantees())
        .containsExactly(
            new Disclosure.Guarantee(
                "mask", SpatialGuarantee.Kind.MASKING, "points moved 100 to 400 m"),
            new Disclosure.Guarantee("remove", SpatialGuarantee.Kind.REMOVAL, "no point"));
  }

  @Test
  void aDatasetStepThatReturnsNoListFailsTheReleaseNamingTheStep() {
    DatasetStep broken =
        new DatasetStep() {
          @Override
          public String name() {
            return "returns-null";
          }

          @Override
          public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
            return null;
          }
        };
    Path out = dir.resolve("release.ndjson");
    assertThatThrownBy(
            () ->
                Release.of(base("null").step(broken).build())
                    .publish(alike(4), KEY, IncidentFormat.NDJSON, out))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.STEP_FAILED))
        .hasMessageContaining("step returns-null failed: it returned null");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void eachIncidentIsItsOwnPersonWhenATableNamesNoPersonAttribute() {
    // An epsilon so large that the noise is 0: the count is the number of persons counted.
    TableSpec dp =
        TableSpec.builder("dp-sections")
            .rows(TableDimension.parse("category:1"))
            .differentialPrivacy(50, 1)
            .build();
    ReleasePolicy policy =
        ReleasePolicy.builder("persons")
            .pseudonymiseIds(false)
            .epsilonBudget(50)
            .table(dp)
            .insensitive(QuasiIdentifier.ID, "made up")
            .publishRecords(false)
            .build();
    AggregateTable t =
        Release.of(policy).run(alike(4), null, new SplittableRandom(1)).tables().get(0);
    assertThat(t.rowLabels().get(0)).isEqualTo("01");
    assertThat(t.entry(0, 0)).hasValue(4);
  }

  /** A dataset step that gives record a0 a new id, which no input had. */
  static final DatasetStep RENAME_A0 =
      new DatasetStep() {
        @Override
        public String name() {
          return "rename-a0";
        }

        @Override
        public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
          return incidents.stream()
              .map(i -> i.id().equals("a0") ? i.toBuilder().id("new").build() : i)
              .toList();
        }
      };

  @Test
  void aReleasedRecordNoInputGaveIsNoAttackTarget() {
    ReleasePolicy policy =
        base("targets").step(RENAME_A0).attacks(EnumSet.of(AttackProfile.NEIGHBOUR)).build();
    PrivacyReport report = Release.of(policy).run(alike(4), KEY, new SplittableRandom(1)).report();
    assertThat(report.passed()).isTrue();
    assertThat(report.disclosure().attacks())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.targets()).isEqualTo(3);
              assertThat(a.atRisk()).isZero();
            });
    // Nobody at risk: the check names no area.
    assertThat(report.checks())
        .contains(
            new PrivacyReport.Check(
                "attack neighbour",
                true,
                "0 of 3 targets (0.00%) have from 1 to 2 consistent records, 0 singled out; at"
                    + " most 0.00% allowed; knows [location, time, category]"));
  }

  @Test
  void aRegisterAttackTargetsTheEntriesOfTheRegisterItWasGiven() {
    ReleasePolicy policy =
        base("register")
            .insensitive(QuasiIdentifier.LOCATION, "municipalities too large to point at anyone")
            .attacks(EnumSet.of(AttackProfile.REGISTER))
            .build();
    List<Incident> in = plus(alike(4), plain("odd", "0802").build());
    // A register of the four records alike finds each among four: nobody at risk.
    PrivacyReport alikeOnly =
        Release.of(policy).withRegister(alike(4)).run(in, KEY, new SplittableRandom(1)).report();
    assertThat(alikeOnly.passed()).isTrue();
    assertThat(alikeOnly.disclosure().attacks())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.profile()).isEqualTo(AttackProfile.REGISTER);
              assertThat(a.targets()).isEqualTo(4);
              assertThat(a.singledOut()).isZero();
            });
    // A register that also lists the odd case singles it out.
    PrivacyReport full =
        Release.of(policy).withRegister(in).run(in, KEY, new SplittableRandom(1)).report();
    assertThat(full.passed()).isFalse();
    assertThat(full.disclosure().attacks())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.targets()).isEqualTo(5);
              assertThat(a.singledOut()).isEqualTo(1);
            });
  }

  @Test
  void afterARecordStepARenamedRecordTakesThePseudonymOfItsNewId() {
    ReleasePolicy policy =
        base("renamed").step(Steps.generaliseTime(TimeGranularity.MONTH)).step(RENAME_A0).build();
    ReleaseResult r = Release.of(policy).run(alike(4), KEY, new SplittableRandom(1));
    Pseudonyms ids = Pseudonyms.of(KEY);
    assertThat(r.incidents())
        .extracting(Incident::id)
        .containsExactly(
            ids.pseudonym("id", "new"),
            ids.pseudonym("id", "a1"),
            ids.pseudonym("id", "a2"),
            ids.pseudonym("id", "a3"));
  }
}
