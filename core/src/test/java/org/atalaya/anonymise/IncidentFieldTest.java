package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.CaseStatus;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.Relationship;
import org.atalaya.incident.Sex;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.taxonomy.IccsCode;
import org.junit.jupiter.api.Test;

/**
 * The fields keep-lists and drop-lists remove: a dropped field is absent from the output, a kept
 * one is untouched, the toolkit's {@code atalaya:} markers always stay, and the parts no list names
 * (id, ICCS code, time, point, department and municipality) are never touched.
 */
class IncidentFieldTest {
  private static final ReleaseKey KEY = PseudonymsAndNoiseTest.KEY;
  private static final OffsetDateTime WHEN =
      OffsetDateTime.of(2026, 3, 4, 22, 15, 0, 0, ZoneOffset.ofHours(-6));

  /** An incident that holds every field a list can name. */
  private static Incident full(String id) {
    return Incident.builder(id)
        .addSourceRef(SourceRef.of("sepol", "DEN-2026-0001"))
        .classification(
            new Classification(
                Optional.of(IccsCode.of("0401")),
                Optional.of("Robo a persona"),
                Map.of("sepol", "ROB-12")))
        .occurred(TimeWindow.instant(WHEN))
        .reportedAt(WHEN.plusHours(2))
        .location(
            Location.builder()
                .point(LatLon.of(14.0723, -87.1921))
                .admin(AdminArea.of("08", "0801", "Colonia Kennedy"))
                .address("Bloque 4, casa 12, frente a la pulpería")
                .build())
        .addVictim(
            new Victim(
                Sex.MALE,
                java.util.OptionalInt.of(34),
                Optional.empty(),
                Relationship.STRANGER,
                VictimOutcome.INJURED))
        .context(IncidentContext.UNKNOWN.withOrganisedCrime(true))
        .caseHistory(CaseHistory.of(CaseEvent.of(CaseStatus.REPORTED, LocalDate.of(2026, 3, 5))))
        .source(SourceType.POLICE)
        .narrative("Dos sujetos en motocicleta le quitaron el celular a Juan Mejía.")
        .attribute("src:barrio", "Kennedy")
        .attribute("src:agente", "Pérez")
        .attribute("atalaya:synthetic", "true")
        .build();
  }

  /** What each field reads in an incident, and what it reads once dropped. */
  private record Part(Function<Incident, Object> read, Object dropped) {}

  private static final Map<IncidentField, Part> PARTS = new EnumMap<>(IncidentField.class);

  static {
    PARTS.put(IncidentField.SOURCE_REFS, new Part(Incident::sourceRefs, List.of()));
    PARTS.put(
        IncidentField.SOURCE_CATEGORY,
        new Part(
            i -> List.of(i.classification().sourceLabel(), i.classification().otherCodes()),
            List.of(Optional.empty(), Map.of())));
    PARTS.put(IncidentField.REPORTED_AT, new Part(Incident::reportedAt, Optional.empty()));
    PARTS.put(
        IncidentField.ADDRESS,
        new Part(i -> i.location().flatMap(Location::address), Optional.empty()));
    PARTS.put(
        IncidentField.COLONIA,
        new Part(i -> i.location().flatMap(l -> l.admin().colonia()), Optional.empty()));
    PARTS.put(IncidentField.VICTIMS, new Part(Incident::victims, List.of()));
    PARTS.put(IncidentField.CONTEXT, new Part(Incident::context, IncidentContext.UNKNOWN));
    PARTS.put(IncidentField.CASE_HISTORY, new Part(Incident::caseHistory, CaseHistory.EMPTY));
    PARTS.put(IncidentField.NARRATIVE, new Part(Incident::narrative, Optional.empty()));
    PARTS.put(IncidentField.SOURCE, new Part(Incident::source, SourceType.UNKNOWN));
    PARTS.put(IncidentField.ATTRIBUTES, new Part(i -> withoutMarkers(i.attributes()), Map.of()));
  }

  private static Map<String, String> withoutMarkers(Attributes a) {
    Map<String, String> m = new TreeMap<>(a.values());
    m.keySet().removeIf(k -> k.startsWith("atalaya:"));
    return m;
  }

  private static Map<String, String> markers(Attributes a) {
    Map<String, String> m = new TreeMap<>(a.values());
    m.keySet().removeIf(k -> !k.startsWith("atalaya:"));
    return m;
  }

  private static Incident apply(RecordStep step, Incident in) {
    return step.apply(in, ReleaseContext.of(KEY, new SplittableRandom(1))).orElseThrow();
  }

  /** Asserts that {@code out} lacks exactly the {@code dropped} fields of {@code in}. */
  private static void assertDropped(Incident in, Incident out, EnumSet<IncidentField> dropped) {
    for (IncidentField f : IncidentField.values()) {
      Part p = PARTS.get(f);
      Object expected = dropped.contains(f) ? p.dropped() : p.read().apply(in);
      assertThat(p.read().apply(out)).as("%s after dropping %s", f, dropped).isEqualTo(expected);
    }
    // The toolkit's markers and the parts no list names stay.
    assertThat(markers(out.attributes())).isEqualTo(markers(in.attributes()));
    assertThat(out.id()).isEqualTo(in.id());
    assertThat(out.iccs()).isEqualTo(in.iccs());
    assertThat(out.occurred()).isEqualTo(in.occurred());
    assertThat(out.publication()).isEqualTo(in.publication());
    assertThat(out.sensitivity()).isEqualTo(in.sensitivity());
    assertThat(out.location().flatMap(Location::point))
        .isEqualTo(in.location().flatMap(Location::point));
    assertThat(out.location().map(l -> l.admin().department()))
        .isEqualTo(in.location().map(l -> l.admin().department()));
    assertThat(out.location().map(l -> l.admin().municipality()))
        .isEqualTo(in.location().map(l -> l.admin().municipality()));
  }

  @Test
  void aDroppedFieldIsAbsentFromTheOutputAndEveryOtherFieldStays() {
    Incident in = full("I-1");
    // The fixture really holds every field.
    for (IncidentField f : IncidentField.values()) {
      assertThat(PARTS.get(f).read().apply(in)).as(f.name()).isNotEqualTo(PARTS.get(f).dropped());
    }
    for (IncidentField f : IncidentField.values()) {
      assertDropped(in, apply(Steps.dropFields(List.of(f)), in), EnumSet.of(f));
    }
    assertDropped(in, apply(Steps.dropFields(List.of()), in), EnumSet.noneOf(IncidentField.class));
    assertThat(apply(Steps.dropFields(List.of()), in)).isSameAs(in);
  }

  @Test
  void aKeepListDropsEveryFieldItDoesNotName() {
    Incident in = full("I-1");
    IncidentField[] all = IncidentField.values();
    // Every subset of the fields as a keep-list, and its complement as a drop-list.
    for (int bits = 0; bits < 1 << all.length; bits++) {
      EnumSet<IncidentField> keep = EnumSet.noneOf(IncidentField.class);
      for (int b = 0; b < all.length; b++) {
        if ((bits & (1 << b)) != 0) {
          keep.add(all[b]);
        }
      }
      EnumSet<IncidentField> drop = EnumSet.complementOf(keep);
      assertDropped(in, apply(Steps.keepFields(keep), in), drop);
      assertDropped(in, apply(Steps.dropFields(drop), in), drop);
    }
  }

  @Test
  void aLocationLeftWithNothingIsRemovedAndOneWithAPointKeepsIt() {
    Incident onlyAddress =
        Incident.builder("I-2")
            .location(Location.builder().address("Barrio Abajo").build())
            .build();
    assertThat(apply(Steps.dropFields(List.of(IncidentField.ADDRESS)), onlyAddress).location())
        .isEmpty();
    Incident onlyColonia =
        Incident.builder("I-3")
            .location(Location.builder().admin(AdminArea.of(null, null, "La Granja")).build())
            .build();
    assertThat(apply(Steps.dropFields(List.of(IncidentField.COLONIA)), onlyColonia).location())
        .isEmpty();
    Incident pointAndAddress =
        Incident.builder("I-4")
            .location(Location.builder().point(LatLon.of(15.5, -88.0)).address("Calle 5").build())
            .build();
    assertThat(apply(Steps.dropFields(List.of(IncidentField.ADDRESS)), pointAndAddress).location())
        .contains(Location.builder().point(LatLon.of(15.5, -88.0)).build());
    Incident adminAndAddress =
        Incident.builder("I-5")
            .location(
                Location.builder()
                    .admin(AdminArea.of("05", "0501", "Rivera Hernández"))
                    .address("Calle 5")
                    .build())
            .build();
    assertThat(
            apply(
                    Steps.dropFields(List.of(IncidentField.ADDRESS, IncidentField.COLONIA)),
                    adminAndAddress)
                .location())
        .contains(Location.builder().admin(AdminArea.of("05", "0501", null)).build());
  }

  @Test
  void aRecordThatHoldsNoneOfTheDroppedFieldsIsLeftAsItIs() {
    // The location, attributes and source category are replaced only when they hold something.
    RecordStep drop =
        Steps.dropFields(
            List.of(
                IncidentField.ADDRESS,
                IncidentField.COLONIA,
                IncidentField.ATTRIBUTES,
                IncidentField.SOURCE_CATEGORY));
    for (Incident in :
        List.of(
            Incident.builder("I-6").iccs("0401").build(),
            Incident.builder("I-7")
                .classification(Classification.iccs(IccsCode.of("0101")))
                .location(
                    Location.builder()
                        .point(LatLon.of(14.1, -87.2))
                        .admin(AdminArea.of("08", "0801", null))
                        .build())
                .build())) {
      assertThat(apply(drop, in)).isSameAs(in);
    }
    // Only the label, or only another scheme's code, is still a source category to drop.
    Incident labelled =
        Incident.builder("I-8")
            .classification(Classification.iccs(IccsCode.of("0101"), "Homicidio"))
            .build();
    assertThat(apply(drop, labelled).classification())
        .isEqualTo(Classification.iccs(IccsCode.of("0101")));
    Incident otherCode =
        Incident.builder("I-9")
            .classification(
                new Classification(
                    Optional.of(IccsCode.of("0101")), Optional.empty(), Map.of("sepol", "H-1")))
            .build();
    assertThat(apply(drop, otherCode).classification())
        .isEqualTo(Classification.iccs(IccsCode.of("0101")));
  }

  @Test
  void theToolkitsMarkersSurviveDroppingTheAttributes() {
    RecordStep drop = Steps.dropFields(List.of(IncidentField.ATTRIBUTES));
    Incident onlyMarkers =
        Incident.builder("I-10")
            .attribute("atalaya:synthetic", "true")
            .attribute("atalaya:seed", "7")
            .build();
    assertThat(apply(drop, onlyMarkers).attributes()).isEqualTo(onlyMarkers.attributes());
    // Markers alone are nothing to drop: the record is not rebuilt. (A value no other record has,
    // since equal markers seen before are replaced by the shared object.)
    Incident ownMarkersOnly =
        Incident.builder("I-15").attribute("atalaya:batch", UUID.randomUUID().toString()).build();
    assertThat(apply(drop, ownMarkersOnly)).isSameAs(ownMarkersOnly);
    Incident foreignOnly = Incident.builder("I-11").attribute("src:nombre", "Ana").build();
    assertThat(apply(drop, foreignOnly).attributes()).isEqualTo(Attributes.EMPTY);
    Incident mixed =
        Incident.builder("I-12")
            .attribute("src:nombre", "Ana")
            .attribute("atalaya:synthetic", "true")
            .attribute("zz:otro", "x")
            .build();
    assertThat(apply(drop, mixed).attributes().values())
        .isEqualTo(Map.of("atalaya:synthetic", "true"));
  }

  @Test
  void equalLeftoversAreSharedAcrossRecords() {
    // A release keeps one area per municipality and one markers object, not one per record.
    RecordStep drop = Steps.dropFields(List.of(IncidentField.COLONIA, IncidentField.ATTRIBUTES));
    Incident a = apply(drop, full("I-13"));
    Incident b = apply(drop, full("I-14"));
    assertThat(a.location().orElseThrow().admin())
        .isEqualTo(AdminArea.of("08", "0801", null))
        .isSameAs(b.location().orElseThrow().admin());
    assertThat(a.attributes())
        .isEqualTo(new Attributes(Map.of("atalaya:synthetic", "true")))
        .isSameAs(b.attributes());
    assertThat(IncidentField.withoutColonia(AdminArea.of("03", "0301", "Centro")))
        .isSameAs(IncidentField.withoutColonia(AdminArea.of("03", "0301", "Otra")))
        .isEqualTo(AdminArea.of("03", "0301", null));
  }

  @Test
  void theSharedTableStopsGrowingAt10000AndStillAnswers() {
    ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();
    List<String> firsts = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String v = new String("area-" + i);
      firsts.add(v);
      assertThat(IncidentField.shared(known, v)).isSameAs(v);
      // An equal value later gets the first one back.
      assertThat(IncidentField.shared(known, new String("area-" + i))).isSameAs(v);
    }
    assertThat(known).hasSize(10_000);
    // Full: a new value is returned as it is and not added; a known one is still shared.
    String late = new String("area-late");
    assertThat(IncidentField.shared(known, late)).isSameAs(late);
    assertThat(IncidentField.shared(known, new String("area-late"))).isNotSameAs(late);
    assertThat(known).hasSize(10_000);
    assertThat(IncidentField.shared(known, new String("area-9999"))).isSameAs(firsts.get(9_999));
  }

  @Test
  void fieldsAreNamedInPoliciesInLowerCaseWithDashes() {
    assertThat(IncidentField.parse("narrative")).isEqualTo(IncidentField.NARRATIVE);
    assertThat(IncidentField.parse("source-refs")).isEqualTo(IncidentField.SOURCE_REFS);
    assertThat(IncidentField.parse(" Case-History ")).isEqualTo(IncidentField.CASE_HISTORY);
    assertThatThrownBy(() -> IncidentField.parse("nombre"))
        .isInstanceOf(AnonymisationException.class)
        .satisfies(
            e ->
                assertThat(((AnonymisationException) e).code())
                    .isEqualTo(AnonymiseCode.INVALID_POLICY))
        .hasMessageContaining("nombre")
        .hasMessageContaining("source-refs");
  }
}
