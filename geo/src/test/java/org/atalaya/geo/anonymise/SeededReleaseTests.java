package org.atalaya.geo.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.atalaya.anonymise.IncidentField;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseResult;
import org.atalaya.anonymise.Steps;
import org.atalaya.anonymise.TimeGranularity;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.Test;

/**
 * Seeded releases whose records and report are pinned, so that any optimisation must give the very
 * same output. The figures were recorded when issue 17 made every published part count (before it
 * they were those of the implementation before the speed work of issue 5). Points are compared to
 * 1e-7 degrees (about a centimetre) so that the last bit of a platform's trigonometry does not
 * matter. The one difference from those runs is intended: the suppressed areas are now listed
 * sorted, where they used to come in an order that changed from one JVM to the next.
 */
class SeededReleaseTests {
  static final ReleaseKey KEY =
      ReleaseKey.of("clave-geo-de-prueba-0123456789-abcdef".getBytes(StandardCharsets.UTF_8));
  static final List<Incident> INPUT = SyntheticIncidents.of(7, 2023, 2, 2).stream().toList();
  static final int PIN_OPEN_SIZE = 11003;
  static final String PIN_OPEN_DIGEST =
      "9d4bb113b453535b8e71e9414d147350f7d93ce7afc5bb99a80c4e1df4a7d7a1";
  static final List<String> PIN_OPEN_CHECKS =
      List.of(
          "k-anonymity: true: smallest class 5 (k = 5) over the published quasi-identifiers"
              + " [location, time, category, publication, sensitivity, attributes]",
          "sensitive-detail: true: no sensitive incident carries a point or a time finer than a"
              + " month",
          "identifiers: true: no identifier pattern in any text",
          "identifying: true: no identifying field published as it is",
          "suppression: true: 197 of 11200 suppressed (1.8%, at most 5.0% allowed); areas: 05/0501"
              + " (101), 08/0801 (96)",
          "epsilon: true: spent 0.0 of 0.0",
          "attack neighbour: true: 0 of 11003 targets (0.00%) have from 1 to 4 consistent records,"
              + " 0 singled out; at most 0.00% allowed; knows [location, time, category]",
          "attack victim: true: 0 of 11003 targets (0.00%) have from 1 to 4 consistent records, 0"
              + " singled out; at most 0.00% allowed; knows [location, time, category, publication,"
              + " sensitivity, attributes]");
  static final int PIN_ALL_SIZE = 537;
  static final String PIN_ALL_DIGEST =
      "4754be9e174afe419b32f511d942b9d9009ed2c274d56e41246188b59ccf0d2c";
  static final List<String> PIN_ALL_CHECKS =
      List.of(
          "k-anonymity: true: smallest class 2 (k = 2) over the published quasi-identifiers"
              + " [location, time, category, victim-sex, victim-age, victim-relationship,"
              + " victim-outcome, attempt, mechanism, place-type, domestic, organised-crime,"
              + " publication, sensitivity, narrative, attributes]",
          "sensitive-detail: true: no sensitive incident carries a point or a time finer than a"
              + " month",
          "identifiers: true: no identifier pattern in any text",
          "identifying: true: no identifying field published as it is",
          "suppression: false: 10663 of 11200 suppressed (95.2%, at most 5.0% allowed); areas:"
              + " 05/0501 (4976), 08/0801 (5687)",
          "epsilon: true: spent 0.0 of 0.0");

  @Test
  void openDataReleaseGivesThePinnedRecordsAndReport() throws Exception {
    ReleasePolicy policy = ReleasePolicy.named("open-data");
    ReleaseResult r = Release.of(policy).run(INPUT, KEY, new SplittableRandom(1));
    assertThat(r.incidents()).hasSize(PIN_OPEN_SIZE);
    assertThat(digest(r.incidents())).isEqualTo(PIN_OPEN_DIGEST);
    assertThat(r.report().kAchieved()).isGreaterThanOrEqualTo(5);
    assertThat(r.report().checks())
        .extracting(c -> c.name() + ": " + c.passed() + ": " + c.detail())
        .containsExactlyElementsOf(PIN_OPEN_CHECKS);
    assertThat(r.report().disclosure().attacks()).allSatisfy(a -> assertThat(a.atRisk()).isZero());
    assertThat(Release.of(policy).verify(List.copyOf(r.incidents()), r.report())).isEmpty();
    assertThat(PrivacyReport.fromJson(r.report().toJson())).isEqualTo(r.report());
  }

  @Test
  void releaseOverEveryQuasiIdentifierGivesThePinnedRecordsAndReport() {
    EnumSet<QuasiIdentifier> all = EnumSet.allOf(QuasiIdentifier.class);
    all.removeAll(EnumSet.of(QuasiIdentifier.ID, QuasiIdentifier.SOURCE_REFS));
    ReleasePolicy policy =
        ReleasePolicy.builder("other")
            .k(2)
            .quasiIdentifiers(all)
            .step(Steps.sensitiveDefaults())
            .step(
                Steps.keepFields(
                    List.of(IncidentField.NARRATIVE, IncidentField.VICTIMS, IncidentField.CONTEXT)))
            .step(Steps.generaliseTime(TimeGranularity.WEEK))
            .step(Steps.generaliseAge(0, 12, 18, 30, 45, 60))
            .step(Steps.generaliseCategory(1))
            .step(GeoMask.donut(50, 200))
            .step(SpatialKAnonymity.onGrid(2, all, 250, 16000))
            .build();
    ReleaseResult r = Release.of(policy).run(INPUT, KEY, new SplittableRandom(1));
    assertThat(r.incidents()).hasSize(PIN_ALL_SIZE);
    assertThat(digest(r.incidents())).isEqualTo(PIN_ALL_DIGEST);
    assertThat(r.report().kAchieved()).isEqualTo(2);
    assertThat(r.report().checks())
        .extracting(c -> c.name() + ": " + c.passed() + ": " + c.detail())
        .containsExactlyElementsOf(PIN_ALL_CHECKS);
  }

  /** Every part of every record, in order; points rounded to 1e-7 degrees. */
  static String digest(List<Incident> out) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Incident i : out) {
        String point =
            i.location()
                .flatMap(Location::point)
                .map(q -> String.format(Locale.ROOT, "%.7f,%.7f", q.latitude(), q.longitude()))
                .orElse("-");
        String loc =
            i.location()
                .map(
                    l ->
                        l.precision()
                            + " "
                            + l.accuracyMetres()
                            + " "
                            + l.admin()
                            + " "
                            + l.address())
                .orElse("-");
        md.update(
            (i.id()
                    + "|"
                    + i.sourceRefs()
                    + "|"
                    + i.classification()
                    + "|"
                    + i.occurred()
                    + "|"
                    + i.reportedAt()
                    + "|"
                    + point
                    + "|"
                    + loc
                    + "|"
                    + i.victims()
                    + "|"
                    + i.context()
                    + "|"
                    + i.caseHistory()
                    + "|"
                    + i.publication()
                    + "|"
                    + i.source()
                    + "|"
                    + i.narrative()
                    + "|"
                    + i.sensitivity()
                    + "|"
                    + i.attributes()
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
