package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivacyReportRulesTest {

  private static PrivacyReport report(Disclosure d, List<PrivacyReport.Check> checks) {
    return new PrivacyReport(
        10,
        8,
        2,
        3,
        1.0 / 3,
        PrivacyReport.Displacement.NONE,
        0,
        List.of(),
        Optional.empty(),
        1,
        checks,
        true,
        d);
  }

  @Test
  void aReportWithoutDisclosureFiguresReadsBackAsDisclosingNothing() throws Exception {
    PrivacyReport r =
        report(Disclosure.NONE, List.of(new PrivacyReport.Check("epsilon", true, "")));
    PrivacyReport back = PrivacyReport.fromJson(r.toJson());
    assertThat(back.disclosure()).isEqualTo(Disclosure.NONE);
    assertThat(back).isEqualTo(r);
  }

  @Test
  void theReasonAnInsensitivePartIsPublishedAsItIsSurvivesTheJson() throws Exception {
    Disclosure.Role role =
        new Disclosure.Role(
            QuasiIdentifier.ID,
            AttributeRole.IDENTIFYING,
            true,
            Optional.of("ids are pseudonyms under the release key"));
    Disclosure d =
        new Disclosure(
            Set.of(QuasiIdentifier.ID),
            List.of(role),
            Disclosure.Risk.NONE,
            List.of(),
            List.of(),
            Optional.empty(),
            List.of(),
            new Disclosure.Utility(0, 0, 0));
    PrivacyReport back = PrivacyReport.fromJson(report(d, List.of()).toJson());
    assertThat(back.disclosure().roles()).containsExactly(role);
  }

  @Test
  void displacementGivesMinNearestRankMedianAndP95AndMaxToTheDecimetre() {
    // Twenty distances, unsorted: nearest rank puts the median at the 10th and p95 at the 19th.
    double[] metres = new double[20];
    for (int i = 0; i < 20; i++) {
      metres[i] = (20 - i) * 10 + 0.04 * (20 - i); // 10.04 .. 200.8, largest first
    }
    PrivacyReport.Displacement d = PrivacyReport.Displacement.of(metres);
    assertThat(d.min()).isEqualTo(10.0);
    assertThat(d.median()).isEqualTo(100.4);
    assertThat(d.p95()).isEqualTo(190.8);
    assertThat(d.max()).isEqualTo(200.8);
    assertThat(metres[0]).isEqualTo(200.8); // the caller's array is left as it was
  }

  @Test
  void aCheckIsNamedInTheReadersLanguageKeepingWhatFollowsItsKind() {
    assertThat(new PrivacyReport.Check("k-anonymity", true, "").label(Locale.forLanguageTag("es")))
        .isEqualTo("k-anonimidad");
    assertThat(
            new PrivacyReport.Check("table by-area-month", true, "")
                .label(Locale.forLanguageTag("es")))
        .isEqualTo("tabla by-area-month");
    assertThat(new PrivacyReport.Check("attack victim", false, "").label(Locale.ENGLISH))
        .isEqualTo("attack victim");
    // A check the bundle does not know keeps its own name.
    assertThat(
            new PrivacyReport.Check("custom-check x", true, "").label(Locale.forLanguageTag("es")))
        .isEqualTo("custom-check x");
  }
}
