package org.atalaya.anonymise.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.TimeGranularity;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.Test;

/**
 * The numbered equivalence classes agree with the documented class key; month windows are shared
 * but unchanged.
 */
class ClassNumbersTest {

  @Test
  void twoIncidentsShareANumberExactlyWhenTheirKeysAreEqual() {
    qt().withExamples(60)
        .forAll(IncidentGenerators.incidentLists())
        .checkAssert(
            list -> {
              // Repeat some incidents so that classes have several members.
              List<Incident> in = new ArrayList<>(list);
              in.addAll(list.subList(0, list.size() / 2));
              for (EnumSet<QuasiIdentifier> qis :
                  List.of(
                      EnumSet.allOf(QuasiIdentifier.class),
                      EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME),
                      EnumSet.of(QuasiIdentifier.CATEGORY),
                      EnumSet.noneOf(QuasiIdentifier.class))) {
                assertAgrees(in, qis);
              }
            });
  }

  @Test
  void syntheticDataGetsTheClassesOfTheKey() {
    List<Incident> in = SyntheticIncidents.of(3, 2024, 1, 1).stream().toList();
    assertAgrees(in, EnumSet.of(QuasiIdentifier.LOCATION, QuasiIdentifier.TIME));
    assertAgrees(
        in,
        EnumSet.of(
            QuasiIdentifier.CATEGORY, QuasiIdentifier.VICTIM_SEX, QuasiIdentifier.VICTIM_AGE));
  }

  private static void assertAgrees(List<Incident> in, EnumSet<QuasiIdentifier> qis) {
    int[] numbers = ClassNumbers.of(in, qis);
    // Rows written one by one in any order (as a release's pass writes them) give the same numbers.
    ClassNumbers.Rows rows = ClassNumbers.rows(in.size(), qis);
    for (int r = in.size() - 1; r >= 0; r--) {
      rows.write(r, in.get(r));
    }
    assertThat(rows.number()).containsExactly(numbers);
    List<String> keys = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Incident i : in) {
      String k = QuasiIdentifier.key(i, qis);
      keys.add(k);
      if (!seen.contains(k)) {
        seen.add(k);
      }
    }
    for (int a = 0; a < in.size(); a++) {
      // Numbered in order of first appearance, one number per key.
      assertThat(numbers[a]).isEqualTo(seen.indexOf(keys.get(a)));
    }
  }

  @Test
  void monthWindowsAreWidenedAsBefore() {
    SplittableRandom r = new SplittableRandom(5);
    for (int n = 0; n < 20_000; n++) {
      ZoneOffset o1 = ZoneOffset.ofTotalSeconds((r.nextInt(-18 * 4, 18 * 4 + 1)) * 900);
      ZoneOffset o2 =
          r.nextBoolean() ? o1 : ZoneOffset.ofTotalSeconds((r.nextInt(-18 * 4, 18 * 4 + 1)) * 900);
      OffsetDateTime from =
          OffsetDateTime.of(
              2020 + r.nextInt(3),
              1 + r.nextInt(12),
              1 + r.nextInt(28),
              r.nextInt(5) == 0 ? 0 : r.nextInt(24),
              r.nextInt(3) == 0 ? 0 : r.nextInt(60),
              0,
              0,
              o1);
      OffsetDateTime to =
          switch (r.nextInt(4)) {
            case 0 -> from;
            case 1 -> from.withOffsetSameInstant(o2);
            case 2 ->
                YearMonth.from(from)
                    .plusMonths(r.nextInt(3))
                    .plusMonths(1)
                    .atDay(1)
                    .atStartOfDay()
                    .atOffset(o2);
            default -> from.plusHours(1 + r.nextInt(24 * 80)).withOffsetSameInstant(o2);
          };
      if (to.isBefore(from)) {
        continue;
      }
      TimePrecision p =
          to.isEqual(from)
              ? TimePrecision.INSTANT
              : TimePrecision.values()[r.nextInt(TimePrecision.values().length)];
      if (p == TimePrecision.INSTANT && !to.isEqual(from)) {
        p = TimePrecision.UNKNOWN;
      }
      TimeWindow w = new TimeWindow(from, to, p, r.nextBoolean());
      assertThat(TimeGranularity.MONTH.generalise(w)).as("%s", w).isEqualTo(expectedMonth(w));
    }
  }

  /** The widening of {@link TimeGranularity#MONTH} written out plainly, without any cache. */
  private static TimeWindow expectedMonth(TimeWindow w) {
    OffsetDateTime from =
        YearMonth.from(w.from()).atDay(1).atStartOfDay().atOffset(w.from().getOffset());
    OffsetDateTime toFloor =
        YearMonth.from(w.to()).atDay(1).atStartOfDay().atOffset(w.to().getOffset());
    OffsetDateTime to =
        w.to().isEqual(w.from())
            ? from.plusMonths(1)
            : toFloor.isEqual(w.to()) ? w.to() : toFloor.plusMonths(1);
    TimePrecision p;
    if (from.plusDays(1).isEqual(to)) {
      p = TimePrecision.DAY;
    } else if (from.plusMonths(1).isEqual(to)) {
      p = TimePrecision.MONTH;
    } else if (w.precision() == TimePrecision.YEAR && to.isAfter(from.plusMonths(1))) {
      return w;
    } else {
      p = TimePrecision.UNKNOWN;
    }
    return new TimeWindow(from, to, p, w.estimated());
  }
}
