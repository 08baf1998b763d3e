package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atalaya.anonymise.FailClosedTest.DROP_0802;
import static org.atalaya.anonymise.FailClosedTest.KEY;
import static org.atalaya.anonymise.FailClosedTest.POINT;
import static org.atalaya.anonymise.FailClosedTest.alike;
import static org.atalaya.anonymise.FailClosedTest.base;
import static org.atalaya.anonymise.FailClosedTest.plain;
import static org.atalaya.anonymise.FailClosedTest.plus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.atalaya.anonymise.internal.Chunks;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/** What each check of a release says it found, and where its limits lie. */
class ReleaseCheckDetailsTest {

  static PrivacyReport report(ReleasePolicy policy, List<Incident> in) {
    return Release.of(policy).run(in, KEY, new SplittableRandom(1)).report();
  }

  static PrivacyReport.Check check(PrivacyReport report, String name) {
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** k = 1, nothing else required: only the check under test can fail. */
  static ReleasePolicy.Builder lenient(String name) {
    return ReleasePolicy.builder(name).k(1).maxSuppressedFraction(1);
  }

  @Test
  void everyCheckOfAPassingReleaseSaysWhatItFound() {
    PrivacyReport r = report(base("passing").build(), alike(4));
    assertThat(r.checks())
        .extracting(
            PrivacyReport.Check::name, PrivacyReport.Check::passed, PrivacyReport.Check::detail)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(
                "k-anonymity",
                true,
                "smallest class 4 (k = 3) over the published quasi-identifiers [location, time,"
                    + " category, publication]"),
            org.assertj.core.groups.Tuple.tuple(
                "sensitive-detail",
                true,
                "no sensitive incident carries a point or a time finer than a month"),
            org.assertj.core.groups.Tuple.tuple(
                "identifiers", true, "no identifier pattern in any text"),
            org.assertj.core.groups.Tuple.tuple(
                "identifying", true, "no identifying field published as it is"),
            org.assertj.core.groups.Tuple.tuple(
                "suppression", true, "0 of 4 suppressed (0.0%, at most 20.0% allowed)"),
            org.assertj.core.groups.Tuple.tuple("epsilon", true, "spent 0.0 of 0.0"));
  }

  @Test
  void withholdingExactlyTheAllowedShareIsAllowedAndAnEmptyInputWithholdsNothing() {
    ReleasePolicy policy = base("share").step(DROP_0802).build();
    assertThat(check(report(policy, plus(alike(4), plain("x", "0802").build())), "suppression"))
        .isEqualTo(
            new PrivacyReport.Check(
                "suppression",
                true,
                "1 of 5 suppressed (20.0%, at most 20.0% allowed); areas: 08/0802 (1)"));
    assertThat(check(report(policy, List.of()), "suppression"))
        .isEqualTo(
            new PrivacyReport.Check(
                "suppression", true, "0 of 0 suppressed (0.0%, at most 20.0% allowed)"));
  }

  @Test
  void aMessageNamesEachShortAreaWithItsRecordsAndStopsAfterTwenty() {
    // Two short classes in 0802 (two categories) count together; 0803 has one.
    List<Incident> in =
        plus(
            alike(3),
            plain("b1", "0802").build(),
            plain("b2", "0802").iccs("0201").build(),
            plain("c1", "0803").build());
    PrivacyReport.Check k = check(report(base("areas").build(), in), "k-anonymity");
    assertThat(k.passed()).isFalse();
    assertThat(k.detail())
        .isEqualTo("3 classes hold fewer than k = 3 incidents; areas: 08/0802 (2), 08/0803 (1)");
    // Twenty-two areas of one record each: twenty are named, the others counted.
    List<Incident> many = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      many.add(plain("m" + i, String.format(Locale.ROOT, "m%02d", i)).build());
    }
    PrivacyReport.Check k22 = check(report(base("many").k(2).build(), many), "k-anonymity");
    String twenty =
        IntStream.range(0, 20)
            .mapToObj(i -> String.format(Locale.ROOT, "08/m%02d (1)", i))
            .collect(Collectors.joining(", "));
    assertThat(k22.detail())
        .isEqualTo("22 classes hold fewer than k = 2 incidents; areas: " + twenty + ", and 2 more");
    assertThat(k22.detail(Locale.forLanguageTag("es"))).endsWith("; áreas: " + twenty + " y 2 más");
  }

  static Incident sensitiveAtAPoint(String id, String municipality) {
    return plain(id, municipality)
        .iccs("0301")
        .location(
            Location.builder().point(POINT).admin(AdminArea.of("08", municipality, null)).build())
        .build();
  }

  @Test
  void aRecipientEntitledToTheDetailGetsItAndTheReportSaysSo() {
    List<Incident> in = List.of(sensitiveAtAPoint("s1", "0801"), sensitiveAtAPoint("s2", "0801"));
    assertThat(
            check(
                report(lenient("police").protectSensitive(false).build(), in), "sensitive-detail"))
        .isEqualTo(
            new PrivacyReport.Check(
                "sensitive-detail",
                true,
                "2 sensitive incidents keep their detail; the policy does not require protection"));
    // The first exposed record names the area.
    List<Incident> two = List.of(sensitiveAtAPoint("s1", "0803"), sensitiveAtAPoint("s2", "0801"));
    assertThat(check(report(lenient("open").build(), two), "sensitive-detail"))
        .isEqualTo(
            new PrivacyReport.Check(
                "sensitive-detail",
                false,
                "2 sensitive incidents carry a point or a time finer than a month (first in"
                    + " 08/0803)"));
  }

  static boolean exposes(Incident i) {
    return !check(report(lenient("one").build(), List.of(i)), "sensitive-detail").passed();
  }

  @Test
  void aSensitiveRecordCarriesDetailByItsPointItsDayOrItsReportTime() {
    Incident.Builder sensitive = plain("s", "0801").iccs("0301");
    assertThat(exposes(sensitive.build())).as("month, no point, no report time").isFalse();
    assertThat(exposes(sensitiveAtAPoint("s", "0801"))).as("a point").isTrue();
    assertThat(
            exposes(
                sensitive
                    .occurred(TimeWindow.day(LocalDate.of(2024, 3, 15), TimeWindow.HONDURAS))
                    .build()))
        .as("a day")
        .isTrue();
    Incident.Builder month = plain("s", "0801").iccs("0301");
    assertThat(exposes(month.reportedAt(OffsetDateTime.parse("2024-03-01T00:00:00-06:00")).build()))
        .as("reported at the start of a month says the month only")
        .isFalse();
    assertThat(exposes(month.reportedAt(OffsetDateTime.parse("2024-03-15T00:00:00-06:00")).build()))
        .as("reported on the 15th")
        .isTrue();
    assertThat(exposes(month.reportedAt(OffsetDateTime.parse("2024-03-01T10:30:00-06:00")).build()))
        .as("reported at 10:30 on the 1st")
        .isTrue();
    assertThat(
            exposes(
                plain("h", "0801")
                    .location(
                        Location.builder()
                            .point(POINT)
                            .admin(AdminArea.of("08", "0801", null))
                            .build())
                    .build()))
        .as("a homicide at a point is not sensitive")
        .isFalse();
  }

  @Test
  void anIdentifierIsFoundInEveryTextARecordCarries() {
    Incident texts =
        plain("t", "0801")
            .attribute("src:contacto", "vecina@example.org")
            .narrative("Llamar al 9876-5432")
            .location(
                Location.builder()
                    .admin(AdminArea.of("08", "0801", null))
                    .address("Casa de DNI 0801-1990-12345")
                    .build())
            .build();
    assertThat(check(report(lenient("texts").build(), List.of(texts)), "identifiers"))
        .isEqualTo(
            new PrivacyReport.Check("identifiers", false, "found {DNI=1, EMAIL=1, PHONE=1}"));
  }

  /** A record step that replaces source references by keyed pseudonyms, and says so. */
  static RecordStep pseudonymiseRefs(boolean declared) {
    return new RecordStep() {
      @Override
      public String name() {
        return "pseudonymise-refs";
      }

      @Override
      public Set<QuasiIdentifier> pseudonymises() {
        return declared ? Set.of(QuasiIdentifier.SOURCE_REFS) : Set.of();
      }

      @Override
      public boolean edit(RecordEditor record, ReleaseContext context) {
        Pseudonyms p = context.pseudonyms(name());
        record.sourceRefs(
            record.sourceRefs().stream()
                .map(r -> SourceRef.of(r.system(), p.pseudonym("ref", r.id())))
                .toList());
        return true;
      }
    };
  }

  @Test
  void anIdentifyingPartAStepPseudonymisesMayBePublished() {
    List<Incident> in =
        alike(4).stream()
            .map(i -> i.toBuilder().addSourceRef(SourceRef.of("police", "DPI-" + i.id())).build())
            .toList();
    assertThat(
            check(
                report(lenient("declared").step(pseudonymiseRefs(true)).build(), in),
                "identifying"))
        .isEqualTo(
            new PrivacyReport.Check(
                "identifying", true, "no identifying field published as it is"));
    // Pseudonyms a step does not declare are not taken on trust.
    assertThat(
            check(
                report(lenient("undeclared").step(pseudonymiseRefs(false)).build(), in),
                "identifying"))
        .isEqualTo(
            new PrivacyReport.Check(
                "identifying",
                false,
                "identifying fields published as they are: [source-refs]; pseudonymise or drop"
                    + " them"));
  }

  @Test
  void aTablesOnlyReleaseReportsTheRecordChecksAsNotApplied() {
    // Ids published as they are would fail the identifying check, but no record is published.
    ReleasePolicy policy = base("tables").pseudonymiseIds(false).publishRecords(false).build();
    PrivacyReport r = report(policy, alike(4));
    assertThat(r.passed()).isTrue();
    assertThat(r.checks().subList(0, 4))
        .extracting(PrivacyReport.Check::name)
        .containsExactly("k-anonymity", "sensitive-detail", "identifiers", "identifying");
    assertThat(r.checks().subList(0, 4))
        .allSatisfy(
            c -> {
              assertThat(c.passed()).isTrue();
              assertThat(c.detail()).startsWith("not applied, the records are not published (");
            });
    assertThat(check(r, "identifying").detail())
        .isEqualTo(
            "not applied, the records are not published (identifying fields published as they"
                + " are: [id]; pseudonymise or drop them)");
  }

  @Test
  void theReleaseAndVerifyReadEveryRecordPastTheFirstChunk() {
    int n = Chunks.SIZE + 2;
    List<Incident> in = new ArrayList<>(n);
    in.add(sensitiveAtAPoint("first", "0801"));
    for (int i = 1; i < n - 1; i++) {
      in.add(plain("p" + i, "0801").build());
    }
    in.add(
        sensitiveAtAPoint("last", "0802").toBuilder()
            .narrative("Escribió a vecina@example.org")
            .build());
    ReleasePolicy policy = lenient("chunks").build();
    ReleaseResult r = Release.of(policy).run(in, KEY, new SplittableRandom(1));
    assertThat(check(r.report(), "sensitive-detail").detail())
        .isEqualTo(
            "2 sensitive incidents carry a point or a time finer than a month (first in 08/0801)");
    assertThat(check(r.report(), "identifiers").detail()).isEqualTo("found {EMAIL=1}");
    List<Incident> out = new ArrayList<>(r.incidents());
    assertThat(Release.of(policy).verify(out, r.report())).isEmpty();
    // A phone number written into a record of the second chunk.
    out.set(n - 2, out.get(n - 2).toBuilder().narrative("Llamar al 9876-5432").build());
    assertThat(Release.of(policy).verify(out, r.report()))
        .anySatisfy(p -> assertThat(p).startsWith("check identifiers: output gives"));
  }
}
