package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.PlaceType;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * The class numbers merge two incidents only when every quasi-identifier agrees, however close they
 * are. Random incidents differ in many parts at once, so a key that forgot one part would still
 * tell them apart; here each incident is an earlier one with one part changed, drawn from small
 * sets of values (the first value of each enumeration, a window at the epoch, a point on the
 * equator latitude 0), so that the pairs that differ in exactly one part are the common case.
 */
class ClassNumbersRulesTest {

  private static final OffsetDateTime EPOCH =
      OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** The parts a neighbour may change, one at a time. */
  private static final int PARTS = 13;

  /** The quasi-identifiers the key packs, compares by bits, or by reference. */
  private static final List<QuasiIdentifier> CHOICES =
      List.of(
          QuasiIdentifier.LOCATION,
          QuasiIdentifier.TIME,
          QuasiIdentifier.CATEGORY,
          QuasiIdentifier.ATTEMPT,
          QuasiIdentifier.MECHANISM,
          QuasiIdentifier.PLACE_TYPE,
          QuasiIdentifier.DOMESTIC,
          QuasiIdentifier.ORGANISED_CRIME,
          QuasiIdentifier.SOURCE,
          QuasiIdentifier.PUBLICATION,
          QuasiIdentifier.SENSITIVITY);

  @Test
  void neighboursShareANumberExactlyWhenEveryQuasiIdentifierAgrees() {
    qt().withExamples(300)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              List<Incident> in = neighbours(r, 60);
              EnumSet<QuasiIdentifier> qis = EnumSet.noneOf(QuasiIdentifier.class);
              for (QuasiIdentifier q : CHOICES) {
                if (r.nextInt(3) == 0) {
                  qis.add(q);
                }
              }
              int adminDepth = r.nextInt(3);
              assertThat(ClassNumbers.of(in, qis, adminDepth))
                  .as("seed %s, %s, admin depth %s", seed, qis, adminDepth)
                  .containsExactly(expected(in, qis, adminDepth));
            });
  }

  @Test
  void everyPackedPartAloneSeparatesEachOfItsValues() {
    // All eight packed parts at once: the word is full, and a value that borrowed bits from its
    // neighbour (a negative part, a shift the wrong way) would merge two classes.
    EnumSet<QuasiIdentifier> packed =
        EnumSet.of(
            QuasiIdentifier.ATTEMPT,
            QuasiIdentifier.MECHANISM,
            QuasiIdentifier.PLACE_TYPE,
            QuasiIdentifier.DOMESTIC,
            QuasiIdentifier.ORGANISED_CRIME,
            QuasiIdentifier.SOURCE,
            QuasiIdentifier.PUBLICATION,
            QuasiIdentifier.SENSITIVITY);
    SplittableRandom r = new SplittableRandom(24);
    for (int round = 0; round < 200; round++) {
      Incident base = random(r, "b" + round);
      List<Incident> in = new ArrayList<>();
      in.add(base);
      for (int part = 3; part < PARTS; part++) {
        in.add(change(base, part, r, "n" + round + "-" + part));
      }
      assertThat(ClassNumbers.of(in, packed)).containsExactly(expected(in, packed, 0));
    }
  }

  @Test
  void theAdministrativeDepthAddsTheDepartmentThenTheMunicipality() {
    Incident none = Incident.builder("a").build();
    Incident d1 = at("b", AdminArea.of("08", null, null));
    Incident d1m1 = at("c", AdminArea.of("08", "0801", null));
    Incident d1m2 = at("d", AdminArea.of("08", "0802", null));
    Incident d2m1 = at("e", AdminArea.of("05", "0801", null));
    List<Incident> in = List.of(none, d1, d1m1, d1m2, d2m1);
    EnumSet<QuasiIdentifier> noQis = EnumSet.noneOf(QuasiIdentifier.class);

    assertThat(ClassNumbers.of(in, noQis, 0)).containsExactly(0, 0, 0, 0, 0);
    assertThat(ClassNumbers.of(in, noQis, 1)).containsExactly(0, 1, 1, 1, 2);
    assertThat(ClassNumbers.of(in, noQis, 2)).containsExactly(0, 1, 2, 3, 4);
    // Beside other parts, the admin codes take their own places in the row.
    EnumSet<QuasiIdentifier> more =
        EnumSet.of(QuasiIdentifier.CATEGORY, QuasiIdentifier.SOURCE_CATEGORY);
    assertThat(ClassNumbers.of(in, more, 2)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void anyListGivesTheNumbersOfItsCopy() {
    SplittableRandom r = new SplittableRandom(7);
    List<Incident> in = neighbours(r, 40);
    EnumSet<QuasiIdentifier> qis = EnumSet.of(QuasiIdentifier.TIME, QuasiIdentifier.DOMESTIC);
    assertThat(ClassNumbers.of(new LinkedList<>(in), qis))
        .containsExactly(ClassNumbers.of(in, qis));
  }

  @Test
  void anAdministrativeDepthOutsideZeroToTwoIsRefused() {
    List<Incident> in = List.of(Incident.builder("a").build());
    EnumSet<QuasiIdentifier> qis = EnumSet.of(QuasiIdentifier.CATEGORY);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClassNumbers.of(in, qis, -1))
        .withMessage("adminDepth (-1) must be 0, 1 or 2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClassNumbers.of(in, qis, 3))
        .withMessage("adminDepth (3) must be 0, 1 or 2");
    assertThat(ClassNumbers.of(in, qis, 2)).containsExactly(0);
  }

  /** The numbers the documented key gives: equal key, equal number, numbered by first member. */
  private static int[] expected(List<Incident> in, EnumSet<QuasiIdentifier> qis, int adminDepth) {
    Map<String, Integer> numbers = new HashMap<>();
    int[] out = new int[in.size()];
    for (int i = 0; i < in.size(); i++) {
      Incident incident = in.get(i);
      AdminArea a = incident.location().map(Location::admin).orElse(AdminArea.NONE);
      String key =
          QuasiIdentifier.key(incident, qis)
              + (adminDepth >= 1 ? "|dept=" + a.department() : "")
              + (adminDepth >= 2 ? "|muni=" + a.municipality() : "");
      Integer number = numbers.putIfAbsent(key, numbers.size());
      out[i] = number == null ? numbers.size() - 1 : number;
    }
    return out;
  }

  /** A random incident, then each next one an earlier one with one or two parts changed. */
  private static List<Incident> neighbours(SplittableRandom r, int n) {
    List<Incident> out = new ArrayList<>();
    out.add(random(r, "i0"));
    for (int i = 1; i < n; i++) {
      Incident from = out.get(r.nextInt(out.size()));
      Incident next = change(from, r.nextInt(PARTS), r, "i" + i);
      if (r.nextInt(4) == 0) {
        next = change(next, r.nextInt(PARTS), r, "i" + i);
      }
      out.add(next);
    }
    return out;
  }

  private static Incident random(SplittableRandom r, String id) {
    Incident in = Incident.builder(id).build();
    for (int part = 0; part < PARTS; part++) {
      in = change(in, part, r, id);
    }
    return in;
  }

  /** {@code in} with part {@code part} drawn again from its small set of values. */
  private static Incident change(Incident in, int part, SplittableRandom r, String id) {
    Incident.Builder b = in.toBuilder().id(id);
    IncidentContext c = in.context();
    Location l = in.location().orElse(null);
    switch (part) {
      case 0, 1, 2 -> {
        if (part == 0 && r.nextInt(5) == 0) {
          return in.withId(id).withLocation(Optional.empty());
        }
        Location.Builder lb = (l == null ? Location.builder() : l.toBuilder());
        switch (part) {
          case 0 ->
              lb.point(
                  pick(
                      r,
                      null,
                      LatLon.of(0.0, -87.2),
                      LatLon.of(14.1, -87.2),
                      LatLon.of(14.1, -87.20000000000002)));
          case 1 -> lb.precision(pick(r, LocationPrecision.values()));
          default -> {
            switch (r.nextInt(3)) {
              case 0 -> lb.accuracyMetres(OptionalDouble.empty());
              case 1 -> lb.accuracyMetres(0.0);
              default -> lb.accuracyMetres(1.0);
            }
            lb.admin(
                pick(
                    r,
                    AdminArea.NONE,
                    AdminArea.of("08", null, null),
                    AdminArea.of("08", "0801", null),
                    AdminArea.of("08", "0801", "Kennedy"),
                    AdminArea.of("05", "0801", null)));
            lb.address(pick(r, null, "Calle 1"));
          }
        }
        Location built;
        try {
          built = lb.build();
        } catch (IllegalArgumentException nothingKnown) {
          built = lb.address("Calle 1").build(); // a location must hold something
        }
        b.location(built);
      }
      case 3 -> {
        OffsetDateTime later = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        switch (r.nextInt(5)) {
          case 0 -> b.occurred(null);
          // A window of any precision but an instant may be empty; one at the epoch is all zeros
          // but for its precision, and must still differ from no window at all.
          case 1 -> b.occurred(new TimeWindow(EPOCH, EPOCH, TimePrecision.DAY, false));
          case 2 -> b.occurred(TimeWindow.instant(EPOCH));
          case 3 -> b.occurred(TimeWindow.instant(later));
          default -> b.occurred(new TimeWindow(later, later.plusDays(1), TimePrecision.DAY, false));
        }
      }
      case 4 -> {
        String code = pick(r, null, "0101", "0201");
        if (code == null) {
          b.classification(Classification.UNCLASSIFIED);
        } else {
          b.iccs(code);
        }
      }
      case 5 -> b.context(c.withAttempt(pick(r, Attempt.values())));
      case 6 -> b.context(c.withMechanism(pick(r, Mechanism.values())));
      case 7 -> b.context(c.withPlaceType(pick(r, PlaceType.values())));
      case 8 ->
          b.context(
              withDomestic(c, pick(r, Optional.empty(), Optional.of(true), Optional.of(false))));
      case 9 ->
          b.context(
              new IncidentContext(
                  c.attempt(),
                  c.mechanism(),
                  c.placeType(),
                  c.domestic(),
                  pick(r, Optional.empty(), Optional.of(true), Optional.of(false))));
      case 10 -> b.source(pick(r, SourceType.values()));
      case 11 -> b.publication(pick(r, PublicationState.values()));
      default -> {
        EnumSet<SensitivityFlag> flags = EnumSet.noneOf(SensitivityFlag.class);
        for (SensitivityFlag f : SensitivityFlag.values()) {
          if (r.nextBoolean()) {
            flags.add(f);
          }
        }
        b.sensitivity(flags);
      }
    }
    return b.build();
  }

  private static IncidentContext withDomestic(IncidentContext c, Optional<Boolean> domestic) {
    return new IncidentContext(
        c.attempt(), c.mechanism(), c.placeType(), domestic, c.organisedCrime());
  }

  private static Incident at(String id, AdminArea admin) {
    return Incident.builder(id).location(Location.builder().admin(admin).build()).build();
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom r, T... values) {
    return values[r.nextInt(values.length)];
  }
}
