package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.atalaya.anonymise.internal.Attacks;
import org.atalaya.anonymise.internal.PointChanges;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * The attacker-aware report: the worked example of {@code sdk-docs/privacy-report.md} computed by
 * hand, the attack harness against a brute-force count, planted unique records, and releases that
 * must never pass while an attacker they name singles a record out.
 */
class DisclosureTest {
  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

  /**
   * One released record of the worked example: a municipality, a year, an ICCS section, a status.
   */
  private static Incident record(
      String id, String municipality, int year, String iccs, CaseStatus status) {
    CaseHistory h = CaseHistory.EMPTY.then(CaseStatus.REPORTED, DAY);
    if (status == CaseStatus.CHARGED || status == CaseStatus.CONVICTED) {
      h = h.then(CaseStatus.CHARGED, DAY);
    }
    if (status == CaseStatus.CONVICTED) {
      h = h.then(CaseStatus.CONVICTED, DAY);
    }
    return Incident.builder(id)
        .iccs(iccs)
        .occurred(TimeWindow.year(Year.of(year), TimeWindow.HONDURAS))
        .location(
            Location.builder()
                .admin(AdminArea.of(municipality.substring(0, 2), municipality, null))
                .build())
        .caseHistory(h)
        .build();
  }

  /** The worked example: classes A (4), B (3), C (2) and D (1). */
  static List<Incident> workedExample() {
    return List.of(
        record("a1", "0801", 2024, "01", CaseStatus.REPORTED),
        record("a2", "0801", 2024, "01", CaseStatus.REPORTED),
        record("a3", "0801", 2024, "01", CaseStatus.CHARGED),
        record("a4", "0801", 2024, "01", CaseStatus.CONVICTED),
        record("b1", "0801", 2024, "02", CaseStatus.REPORTED),
        record("b2", "0801", 2024, "02", CaseStatus.REPORTED),
        record("b3", "0801", 2024, "02", CaseStatus.REPORTED),
        record("c1", "0501", 2024, "01", CaseStatus.CHARGED),
        record("c2", "0501", 2024, "01", CaseStatus.REPORTED),
        record("d1", "0501", 2023, "03", CaseStatus.REPORTED));
  }

  private static ReleasePolicy workedPolicy() {
    // Ids become keyed pseudonyms: published as they are, the victim would know theirs.
    return ReleasePolicy.builder("worked")
        .k(3)
        .maxSuppressedFraction(1)
        .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
        .attacks(EnumSet.of(AttackProfile.NEIGHBOUR, AttackProfile.VICTIM))
        .build();
  }

  @Test
  void theWorkedExampleGivesTheFiguresComputedByHand() throws Exception {
    ReleaseResult r =
        Release.of(workedPolicy()).run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1));
    PrivacyReport report = r.report();
    Disclosure d = report.disclosure();
    assertThat(report.kAchieved()).isEqualTo(1);
    assertThat(d.risk().highestProsecutorRisk()).isEqualTo(1.0);
    assertThat(d.risk().averageProsecutorRisk()).isEqualTo(0.4); // 4 classes / 10 records
    assertThat(d.risk().marketerRisk()).isEqualTo(0.4);
    assertThat(d.risk().journalistRisk()).isEmpty();
    assertThat(d.risk().recordsBelowK()).isEqualTo(0.3); // C (2) and D (1) are below k = 3
    assertThat(d.risk().sampleUniques()).isEqualTo(0.1); // D
    assertThat(d.risk().threshold()).isEqualTo(1.0 / 3);
    assertThat(d.risk().recordsAboveThreshold()).isEqualTo(0.3);
    // Statuses overall 0.7 / 0.2 / 0.1; A is (0.5, 0.25, 0.25): distance 0.2; B, C and D 0.3.
    assertThat(d.diversity())
        .containsExactly(new Disclosure.Diversity(QuasiIdentifier.CASE_HISTORY, 1, 1.0, 0.3));
    AttackResult neighbour = d.attacks().get(0);
    assertThat(neighbour.profile()).isEqualTo(AttackProfile.NEIGHBOUR);
    assertThat(neighbour.targets()).isEqualTo(10);
    assertThat(neighbour.candidates()).containsExactly(0L, 1L, 2L);
    assertThat(neighbour.atRisk()).isEqualTo(3);
    assertThat(neighbour.singledOut()).isEqualTo(1);
    AttackResult victim = d.attacks().get(1);
    assertThat(victim.knows())
        .contains(QuasiIdentifier.CASE_HISTORY)
        .doesNotContain(QuasiIdentifier.VICTIM_SEX);
    assertThat(victim.candidates()).containsExactly(0L, 5L, 2L);
    assertThat(victim.atRisk()).isEqualTo(7);
    assertThat(report.passed()).isFalse();
    assertThat(report.checks())
        .filteredOn(c -> c.name().startsWith("attack "))
        .extracting(PrivacyReport.Check::passed)
        .containsExactly(false, false);
    assertThat(d.roles())
        .filteredOn(x -> x.part() == QuasiIdentifier.ID)
        .singleElement()
        .isEqualTo(
            new Disclosure.Role(
                QuasiIdentifier.ID, AttributeRole.IDENTIFYING, true, Optional.empty()));
    assertThat(victim.knows()).doesNotContain(QuasiIdentifier.ID);
    // The output alone gives the same classes, risk and diversity; the JSON keeps every figure.
    assertThat(Release.of(workedPolicy()).verify(r.incidents(), report)).isEmpty();
    assertThat(PrivacyReport.fromJson(report.toJson())).isEqualTo(report);
  }

  @Test
  void verifyNoticesAReportThatUnderstatesTheRisk() {
    ReleaseResult r =
        Release.of(workedPolicy()).run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1));
    Disclosure d = r.report().disclosure();
    Disclosure.Risk low =
        new Disclosure.Risk(0.2, 0.1, 0.1, java.util.OptionalDouble.empty(), 0, 0, 1.0 / 3, 0);
    PrivacyReport tampered =
        new PrivacyReport(
            r.report().recordsIn(),
            r.report().recordsOut(),
            r.report().suppressed(),
            r.report().kAchieved(),
            r.report().prosecutorRisk(),
            r.report().displacementMeters(),
            0,
            List.of(),
            Optional.empty(),
            0,
            r.report().checks(),
            false,
            new Disclosure(
                d.quasiIdentifiers(),
                d.roles(),
                low,
                d.diversity(),
                d.attacks(),
                d.population(),
                d.spatialGuarantees(),
                d.utility()));
    assertThat(Release.of(workedPolicy()).verify(r.incidents(), tampered))
        .anySatisfy(p -> assertThat(p).startsWith("risk:"));
  }

  @Test
  void aPopulationTableGivesTheJournalistRiskAndTheExactPopulationUniques() {
    List<Incident> population = new ArrayList<>(workedExample());
    // The population holds every released record, three more of class D and one more of class C.
    population.add(record("d2", "0501", 2023, "03", CaseStatus.REPORTED));
    population.add(record("d3", "0501", 2023, "03", CaseStatus.REPORTED));
    population.add(record("d4", "0501", 2023, "03", CaseStatus.REPORTED));
    population.add(record("c3", "0501", 2024, "01", CaseStatus.REPORTED));
    PrivacyReport report =
        Release.of(workedPolicy())
            .withPopulation(population)
            .run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1))
            .report();
    // Population classes: A 4, B 3, C 3, D 4: the smallest holding a released class is 3.
    assertThat(report.disclosure().risk().journalistRisk()).hasValue(1.0 / 3);
    // Marketer: (4/4 + 3/3 + 2/3 + 1/4) / 10.
    assertThat(report.disclosure().risk().marketerRisk())
        .isCloseTo((1 + 1 + 2.0 / 3 + 0.25) / 10, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(report.disclosure().population()).hasValue(new Disclosure.Population("exact", 0, 0));
    assertThatThrownBy(
            () ->
                Release.of(workedPolicy())
                    .withPopulation(workedExample().subList(0, 9))
                    .run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1)))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY))
        .hasMessageContaining("must hold every released record");
  }

  @Test
  void theVictimFindsAPlantedUniqueThatAnInsensitiveDeclarationHidFromK() {
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      in.add(
          Incident.builder("i" + i)
              .iccs("0101")
              .occurred(TimeWindow.year(Year.of(2024), TimeWindow.HONDURAS))
              .location(Location.builder().admin(AdminArea.of("08", "0801", null)).build())
              .context(
                  org.atalaya.incident.IncidentContext.UNKNOWN.withMechanism(
                      i == 7 ? Mechanism.EXPLOSIVE_OR_FIRE : Mechanism.FIREARM))
              .build());
    }
    ReleasePolicy policy =
        ReleasePolicy.builder("planted")
            .k(5)
            .maxSuppressedFraction(1)
            .insensitive(QuasiIdentifier.MECHANISM, "declared harmless by mistake")
            .attacks(EnumSet.of(AttackProfile.VICTIM))
            .build();
    PrivacyReport report =
        Release.of(policy).run(in, ReleaseTest.KEY, new SplittableRandom(1)).report();
    assertThat(report.kAchieved()).isEqualTo(30);
    AttackResult victim = report.disclosure().attacks().get(0);
    assertThat(victim.singledOut()).isEqualTo(1);
    assertThat(victim.atRisk()).isEqualTo(1);
    assertThat(report.firstFailure())
        .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("attack victim"));
    // Quasi-identifying by default, the same field makes k itself fall: nothing is waved through.
    ReleasePolicy strict =
        ReleasePolicy.builder("strict")
            .k(5)
            .maxSuppressedFraction(1)
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "made up")
            .build();
    assertThat(Release.of(strict).run(in, null, new SplittableRandom(1)).report().kAchieved())
        .isEqualTo(1);
  }

  @Test
  void publishWritesNothingAndNamesTheProfileWhenAnAttackSinglesARecordOut(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path out = dir.resolve("release.ndjson");
    assertThatThrownBy(
            () ->
                Release.of(workedPolicy())
                    .publish(
                        workedExample(),
                        ReleaseTest.KEY,
                        org.atalaya.io.IncidentFormat.NDJSON,
                        out))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> assertThat(e.code()).isIn(AnonymiseCode.K_NOT_REACHED))
        .hasMessageContaining("ATL-ANON-003");
    ReleasePolicy lowK =
        ReleasePolicy.builder("low")
            .k(1)
            .maxSuppressedFraction(1)
            .pseudonymiseIds(false)
            .attacks(EnumSet.of(AttackProfile.NEIGHBOUR))
            .build();
    assertThatThrownBy(
            () ->
                Release.of(lowK)
                    .publish(workedExample(), null, org.atalaya.io.IncidentFormat.NDJSON, out))
        .isInstanceOfSatisfying(
            ReleaseRefusedException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.IDENTIFYING_PUBLISHED))
        .hasMessageContaining("[id]");
    // k is met over the quasi-identifiers, but the victim knows the sensitive status as well.
    ReleasePolicy victim =
        ReleasePolicy.builder("victim")
            .k(1)
            .maxSuppressedFraction(1)
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "made up")
            .role(QuasiIdentifier.CASE_HISTORY, AttributeRole.SENSITIVE)
            .build();
    assertThat(
            Release.of(victim)
                .withAttacks(EnumSet.of(AttackProfile.VICTIM))
                .run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1))
                .report()
                .passed())
        .as("an attack the policy does not require is reported, not enforced")
        .isTrue();
    assertThat(out).doesNotExist();
  }

  @Test
  void theAttackRefusesAProfileThatCannotRunAndPolicyErrorsNameFileLineAndField() throws Exception {
    assertThatThrownBy(
            () ->
                Release.of(workedPolicy())
                    .withAttacks(EnumSet.of(AttackProfile.REGISTER))
                    .run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1)))
        .isInstanceOfSatisfying(
            AnonymisationException.class,
            e -> assertThat(e.code()).isEqualTo(AnonymiseCode.INVALID_POLICY))
        .hasMessageContaining("register");
    String json =
        """
        {"name": "bad", "k": 5,
         "roles": {
           "case-history": "sensitive",
           "source": {"role": "insensitive"}
         }}
        """;
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("roles.source")
        .hasMessageContaining("needs a reason");
    String unknown = "{\"name\": \"bad\",\n \"roles\": {\"weapon\": \"sensitive\"}}";
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .isInstanceOf(AnonymisationException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("roles.weapon")
        .hasMessageContaining("quasi-identifier weapon is not one of");
    String role = "{\"name\": \"bad\",\n\n \"roles\": {\"source\": \"secret\"}}";
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream(role.getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .hasMessageContaining("line 3")
        .hasMessageContaining("role secret is not one of");
    String id = "{\"name\": \"bad\", \"quasiIdentifiers\": [\"location\", \"id\"]}";
    assertThatThrownBy(
            () ->
                ReleasePolicy.fromJson(
                    new ByteArrayInputStream(id.getBytes(StandardCharsets.UTF_8)),
                    null,
                    List.of(new CoreSteps())))
        .hasMessageContaining("id cannot be a quasi-identifier");
    // A sensitive attribute the release does not publish: victims are dropped by the keep-list.
    ReleasePolicy unpublished =
        ReleasePolicy.builder("unpublished")
            .pseudonymiseIds(false)
            .insensitive(QuasiIdentifier.ID, "made up")
            .role(QuasiIdentifier.VICTIM_SEX, AttributeRole.SENSITIVE)
            .step(Steps.keepFields(List.of()))
            .build();
    assertThatThrownBy(
            () ->
                Release.of(unpublished)
                    .run(workedExample(), ReleaseTest.KEY, new SplittableRandom(1)))
        .hasMessageContaining("victim-sex is not published");
  }

  @Test
  void shippedPoliciesAreAvailableFromTheLibrary() {
    ReleasePolicy policy = ReleasePolicy.named("share-with-police");
    assertThat(policy.name()).isEqualTo("share-with-police");
    assertThat(policy.quasiIdentifiers())
        .contains(QuasiIdentifier.LOCATION, QuasiIdentifier.MECHANISM)
        .doesNotContain(QuasiIdentifier.ID);
    assertThatThrownBy(() -> ReleasePolicy.named("everything"))
        .hasMessageContaining("the shipped policies are");
    // open-data needs atalaya-geo's steps, which core's own tests do not have on the class path.
    assertThatThrownBy(() -> ReleasePolicy.named("open-data"))
        .hasMessageContaining("open-data.json")
        .hasMessageContaining("donut-mask");
  }

  /** Released records with points near each other, so that the reach matters. */
  private static Gen<List<Incident>> clustered() {
    Gen<Incident> one =
        SourceDSL.integers()
            .between(0, 40)
            .zip(
                SourceDSL.integers().between(0, 3),
                SourceDSL.integers().between(0, 2),
                SourceDSL.integers().between(0, 3),
                (x, y, c, m) ->
                    Incident.builder("r" + x + "-" + y + "-" + c + "-" + m)
                        .iccs(c == 0 ? "01" : "0" + c + "01")
                        .occurred(TimeWindow.year(Year.of(2020 + y), TimeWindow.HONDURAS))
                        .location(
                            m == 3
                                ? Location.builder().admin(AdminArea.of("08", "0801", null)).build()
                                : Location.builder()
                                    .point(LatLon.of(14.05 + x * 0.0007, -87.2 + (x % 7) * 0.0009))
                                    .admin(
                                        AdminArea.of(
                                            m == 0 ? "05" : "08", m == 0 ? "0501" : "0801", null))
                                    .build())
                        .build());
    return SourceDSL.lists().of(one).ofSizeBetween(1, 80);
  }

  @Test
  void theHarnessCountsWhatABruteForceCountFinds() {
    qt().withExamples(150)
        .forAll(
            clustered(), SourceDSL.doubles().between(0, 400), SourceDSL.integers().between(1, 6))
        .checkAssert(
            (records, reach, k) -> {
              Set<QuasiIdentifier> knows =
                  EnumSet.of(
                      QuasiIdentifier.LOCATION, QuasiIdentifier.TIME, QuasiIdentifier.CATEGORY);
              // The truth of each record is itself: its true point is its published one.
              int[] sources = java.util.stream.IntStream.range(0, records.size()).toArray();
              Attacks harness =
                  new Attacks(
                      records.size(), records::get, r -> records.get(r).location(), k, reach);
              AttackResult a =
                  harness.ofReleased(AttackProfile.NEIGHBOUR, knows, records, sources, 0);
              long[] expected = new long[k];
              for (Incident t : records) {
                int found = 0;
                for (Incident r : records) {
                  if (consistent(t, r, reach)) {
                    found++;
                  }
                }
                if (found < k) {
                  expected[found]++;
                }
              }
              assertThat(a.candidates())
                  .containsExactlyElementsOf(java.util.Arrays.stream(expected).boxed().toList());
            });
  }

  @Test
  void withStatedAccuraciesTheHarnessCountsWhatABruteForceCountFinds() {
    Gen<List<Incident>> withAccuracy =
        clustered()
            .map(
                list ->
                    list.stream()
                        .map(
                            i ->
                                i.location().flatMap(Location::point).isEmpty()
                                    ? i
                                    : i.toBuilder()
                                        .location(
                                            i.location().get().toBuilder()
                                                .accuracyMetres(50.0 * (i.id().length() % 4))
                                                .build())
                                        .build())
                        .toList());
    qt().withExamples(150)
        .forAll(
            withAccuracy,
            SourceDSL.doubles().between(0, 400),
            SourceDSL.doubles().between(0, 200),
            SourceDSL.integers().between(1, 6))
        .checkAssert(
            (records, cap, allowance, k) -> {
              Set<QuasiIdentifier> knows =
                  EnumSet.of(
                      QuasiIdentifier.LOCATION, QuasiIdentifier.TIME, QuasiIdentifier.CATEGORY);
              int[] sources = java.util.stream.IntStream.range(0, records.size()).toArray();
              AttackResult a =
                  new Attacks(
                          records.size(),
                          records::get,
                          r -> records.get(r).location(),
                          k,
                          cap,
                          allowance)
                      .ofReleased(AttackProfile.NEIGHBOUR, knows, records, sources, 0);
              long[] expected = new long[k];
              for (Incident t : records) {
                int found = 0;
                for (Incident r : records) {
                  double own = r.location().get().accuracyMetres().orElse(0) + allowance;
                  double radius = Math.min(cap * (1 + 1e-9) + 1e-6, own * (1 + 1e-9) + 1e-6);
                  if (consistent(t, r, radius, true)) {
                    found++;
                  }
                }
                if (found < k) {
                  expected[found]++;
                }
              }
              assertThat(a.candidates())
                  .containsExactlyElementsOf(java.util.Arrays.stream(expected).boxed().toList());
            });
  }

  @Test
  void whenEveryClassHoldsKTheAttackIsKnownWithoutSearchingAndEqualsTheSearch() {
    // Two classes of 4 and 3 over every published part (the statuses are quasi-identifying too).
    List<Incident> in =
        List.of(
            record("a1", "0801", 2024, "01", CaseStatus.REPORTED),
            record("a2", "0801", 2024, "01", CaseStatus.REPORTED),
            record("a3", "0801", 2024, "01", CaseStatus.REPORTED),
            record("a4", "0801", 2024, "01", CaseStatus.REPORTED),
            record("b1", "0801", 2024, "02", CaseStatus.REPORTED),
            record("b2", "0801", 2024, "02", CaseStatus.REPORTED),
            record("b3", "0801", 2024, "02", CaseStatus.REPORTED));
    ReleasePolicy policy =
        ReleasePolicy.builder("bound")
            .k(3)
            .maxSuppressedFraction(1)
            .attacks(EnumSet.of(AttackProfile.NEIGHBOUR, AttackProfile.VICTIM))
            .build();
    ReleaseResult r = Release.of(policy).run(in, ReleaseTest.KEY, new SplittableRandom(1));
    List<Incident> out = List.copyOf(r.incidents());
    int[] sources = java.util.stream.IntStream.range(0, out.size()).toArray();
    Attacks search = new Attacks(out.size(), out::get, i -> out.get(i).location(), 3, 0);
    assertThat(r.report().kAchieved()).isEqualTo(3);
    assertThat(r.report().disclosure().attacks()).hasSize(2);
    for (AttackResult reported : r.report().disclosure().attacks()) {
      assertThat(reported)
          .isEqualTo(search.ofReleased(reported.profile(), reported.knows(), in, sources, 0));
      assertThat(reported.atRisk()).isZero();
    }
  }

  /**
   * The neighbour's rule written out plainly: same year and code, a point within reach, codes
   * compatible.
   */
  private static boolean consistent(Incident target, Incident r, double reach) {
    return consistent(target, r, reach * (1 + 1e-9) + 1e-6, true);
  }

  /** As above, within exactly {@code radius} metres. */
  private static boolean consistent(Incident target, Incident r, double radius, boolean exact) {
    if (!target.occurred().equals(r.occurred()) || !target.iccs().equals(r.iccs())) {
      return false;
    }
    Location t = target.location().get();
    Location l = r.location().get();
    if (!Attacks.compatible(l.admin(), t.admin())) {
      return false;
    }
    if (l.point().isEmpty() || t.point().isEmpty()) {
      return true;
    }
    return PointChanges.haversine(
            t.point().get().latitude(),
            t.point().get().longitude(),
            l.point().get().latitude(),
            l.point().get().longitude())
        <= radius;
  }

  @Test
  void noRandomPolicyPublishesWhileAnAttackItNamesSinglesOutARecord() {
    Gen<ReleasePolicy> policies =
        SourceDSL.integers()
            .between(1, 5)
            .zip(
                SourceDSL.booleans().all(),
                SourceDSL.booleans().all(),
                SourceDSL.integers().between(0, 2),
                (k, insensitiveContext, dropAll, time) -> {
                  ReleasePolicy.Builder b =
                      ReleasePolicy.builder("random")
                          .k(k)
                          .maxSuppressedFraction(1)
                          .pseudonymiseIds(false)
                          .insensitive(QuasiIdentifier.ID, "made up")
                          .attacks(EnumSet.of(AttackProfile.NEIGHBOUR, AttackProfile.VICTIM));
                  if (insensitiveContext) {
                    b.insensitive(QuasiIdentifier.MECHANISM, "random")
                        .insensitive(QuasiIdentifier.PLACE_TYPE, "random");
                  }
                  b.step(Steps.sensitiveDefaults());
                  if (dropAll) {
                    b.step(Steps.keepFields(List.of()));
                  }
                  b.step(
                      Steps.generaliseTime(
                          TimeGranularity.values()[TimeGranularity.MONTH.ordinal() + time]));
                  return b.step(Steps.generaliseCategory(1)).build();
                });
    qt().withExamples(60)
        .forAll(IncidentGenerators.incidentLists(), policies)
        .checkAssert(
            (generated, policy) -> {
              java.util.Map<String, Incident> byId = new java.util.LinkedHashMap<>();
              generated.forEach(i -> byId.putIfAbsent(i.id(), i));
              List<Incident> in = List.copyOf(byId.values());
              ReleaseResult r = Release.of(policy).run(in, null, new SplittableRandom(2));
              if (!r.report().passed()) {
                return;
              }
              // Passed: no target of the release has from 1 to k-1 records agreeing with what the
              // victim knows.
              Set<QuasiIdentifier> knows = r.report().disclosure().attacks().get(1).knows();
              List<Incident> out = r.incidents();
              for (Incident t : out) {
                long same = out.stream().filter(o -> agree(byId.get(t.id()), t, o, knows)).count();
                assertThat(same).as("candidates of %s", t.id()).isGreaterThanOrEqualTo(policy.k());
              }
            });
  }

  /**
   * Whether released record {@code b} may be the one of target {@code truth} (released as {@code
   * a}) for someone who knows {@code knows}: core's steps move no point, they only remove some.
   */
  private static boolean agree(Incident truth, Incident a, Incident b, Set<QuasiIdentifier> knows) {
    for (QuasiIdentifier q : knows) {
      if (q == QuasiIdentifier.LOCATION) {
        Optional<LatLon> p = truth.location().flatMap(Location::point);
        Optional<LatLon> published = b.location().flatMap(Location::point);
        if (p.isPresent() && published.isPresent() && !p.equals(published)
            || !Attacks.compatible(
                b.location().map(Location::admin).orElse(AdminArea.NONE),
                truth.location().map(Location::admin).orElse(AdminArea.NONE))) {
          return false;
        }
      } else if (!java.util.Objects.equals(q.value(a, a.location()), q.value(b, b.location()))) {
        return false;
      }
    }
    return true;
  }
}
