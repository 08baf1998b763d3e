package org.atalaya.indicator.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Location;
import org.atalaya.incident.Sex;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.indicator.PopulationTable;

/** Small hand-built incidents and population tables for the report's tests. */
final class ReportFixtures {
  private ReportFixtures() {}

  /** An incident of {@code iccs} (null for none) on one day (null for none) in a municipality. */
  static Incident.Builder incident(String id, String iccs, LocalDate day, String municipality) {
    return incident(
        id, iccs, day == null ? null : TimeWindow.day(day, TimeWindow.HONDURAS), municipality);
  }

  /** An incident of {@code iccs} (null for none) in a window (null for none) in a municipality. */
  static Incident.Builder incident(String id, String iccs, TimeWindow when, String municipality) {
    Incident.Builder b = Incident.builder(id);
    if (iccs != null) {
      b.iccs(iccs);
    }
    if (when != null) {
      b.occurred(when);
    }
    if (municipality != null) {
      b.location(
          Location.builder()
              .admin(AdminArea.of(municipality.substring(0, 2), municipality, null))
              .build());
    }
    return b;
  }

  /** A completed homicide with one killed man of 25, without case history. */
  static Incident homicide(String id, LocalDate day, String municipality) {
    return incident(id, "0101", day, municipality)
        .addVictim(Victim.of(Sex.MALE, 25, VictimOutcome.KILLED))
        .build();
  }

  /** {@code n} homicides on one day. */
  static List<Incident> homicides(String prefix, int n, LocalDate day, String municipality) {
    List<Incident> list = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      list.add(homicide(prefix + k, day, municipality));
    }
    return list;
  }

  static Incident attempted(Incident.Builder b) {
    return b.context(IncidentContext.UNKNOWN.withAttempt(Attempt.ATTEMPTED)).build();
  }

  static Incident withHistory(Incident.Builder b, CaseHistory h) {
    return b.caseHistory(h).build();
  }

  static TimeWindow between(String from, String to) {
    return TimeWindow.between(
        OffsetDateTime.parse(from), OffsetDateTime.parse(to), TimePrecision.DAY);
  }

  /** One total row (both sexes, all ages) per area and year, each of {@code population}. */
  static PopulationTable totals(
      double population, List<String> areas, int firstYear, int lastYear) {
    List<PopulationTable.Row> rows = new ArrayList<>();
    for (String a : areas) {
      for (int y = firstYear; y <= lastYear; y++) {
        rows.add(row(a, y, null, null, population));
      }
    }
    return PopulationTable.of("test table 2026", rows);
  }

  static PopulationTable.Row row(String area, int year, Sex sex, AgeBand band, double population) {
    return new PopulationTable.Row(
        area, year, Optional.ofNullable(sex), Optional.ofNullable(band), population);
  }

  static IndicatorSettings.Builder by(Grouping... groupings) {
    return IndicatorSettings.builder()
        .groupBy(groupings)
        .asOf(Optional.of(LocalDate.of(2030, 1, 1)));
  }
}
