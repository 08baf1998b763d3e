package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

class RecordDraftRulesTest {

  private static final OffsetDateTime REPORTED = OffsetDateTime.parse("2024-03-16T08:00:00-06:00");
  private static final CaseHistory HISTORY = CaseHistory.parse("REPORTED@2024-03-16");

  private static Incident original() {
    return Incident.builder("TGU-1")
        .iccs("0101")
        .reportedAt(REPORTED)
        .caseHistory(HISTORY)
        .publication(PublicationState.IN_REVIEW)
        .source(SourceType.POLICE)
        .build();
  }

  @Test
  void aFreshDraftReadsAsTheIncidentItWasMadeOf() {
    Incident i = original();
    RecordDraft d = RecordDraft.of(i);
    assertThat(d.id()).isEqualTo("TGU-1");
    assertThat(d.reportedAt()).contains(REPORTED);
    assertThat(d.caseHistory()).isEqualTo(HISTORY);
    assertThat(d.publication()).isEqualTo(PublicationState.IN_REVIEW);
    assertThat(d.source()).isEqualTo(SourceType.POLICE);
    assertThat(d.build()).isSameAs(i);
  }

  @Test
  void everyReplacementReturnsTheSameDraftSoStepsChainAndItLeavesInTheBuiltIncident() {
    RecordDraft d = RecordDraft.of(original());
    TimeWindow march = TimeWindow.instant(OffsetDateTime.parse("2024-03-15T21:30:00-06:00"));
    OffsetDateTime later = REPORTED.plusDays(1);
    IncidentContext domestic = IncidentContext.UNKNOWN.withDomestic(true);
    CaseHistory charged = CaseHistory.parse("REPORTED@2024-03-16,CHARGED@2024-05-10");
    Attributes attrs = new Attributes(Map.of("src:BARRIO", "Centro"));
    java.util.Set<SensitivityFlag> flags = java.util.EnumSet.noneOf(SensitivityFlag.class);
    assertThat(d.occurred(Optional.of(march))).isSameAs(d);
    assertThat(d.reportedAt(Optional.of(later))).isSameAs(d);
    assertThat(d.context(domestic)).isSameAs(d);
    assertThat(d.caseHistory(charged)).isSameAs(d);
    assertThat(d.publication(PublicationState.PUBLISHED)).isSameAs(d);
    assertThat(d.source(SourceType.MEDIA)).isSameAs(d);
    assertThat(d.sensitivity(flags)).isSameAs(d);
    assertThat(d.attributes(attrs)).isSameAs(d);
    assertThat(d.reportedAt()).contains(later);
    assertThat(d.caseHistory()).isEqualTo(charged);
    assertThat(d.publication()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(d.source()).isEqualTo(SourceType.MEDIA);
    Incident built = d.build();
    assertThat(built.id()).isEqualTo("TGU-1");
    assertThat(built.occurred()).contains(march);
    assertThat(built.reportedAt()).contains(later);
    assertThat(built.context()).isEqualTo(domestic);
    assertThat(built.caseHistory()).isEqualTo(charged);
    assertThat(built.publication()).isEqualTo(PublicationState.PUBLISHED);
    assertThat(built.source()).isEqualTo(SourceType.MEDIA);
    assertThat(built.sensitivity()).isEqualTo(flags);
    assertThat(built.attributes()).isEqualTo(attrs);
  }
}
