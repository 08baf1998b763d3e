package org.atalaya.examples.howto;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Location;
import org.atalaya.incident.Sex;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.incident.VictimOutcome;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.report.ChangeResult;
import org.atalaya.indicator.report.Grouping;
import org.atalaya.indicator.report.IndicatorReport;
import org.atalaya.indicator.report.IndicatorSettings;
import org.atalaya.indicator.report.RateResult;

/**
 * Shows: what {@code atalaya indicators} prints, from Java: rates by area and year with exact
 * intervals, the change between the years as a sentence, and the JSON document. The incidents are
 * made up (100 homicides in 2023, 10 in 2024, in a municipality of 100,000 people).
 */
public final class IndicatorsReport {

  public static void main(String[] args) throws IOException {
    List<Incident> incidents = new ArrayList<>();
    for (int k = 0; k < 110; k++) {
      LocalDate day = LocalDate.of(k < 100 ? 2023 : 2024, k % 12 + 1, 15);
      incidents.add(
          Incident.builder("h-" + k)
              .iccs("0101")
              .occurred(TimeWindow.day(day, TimeWindow.HONDURAS))
              .location(Location.builder().admin(AdminArea.of("08", "0801", null)).build())
              .addVictim(Victim.of(Sex.MALE, 25, VictimOutcome.KILLED))
              .build());
    }
    PopulationTable population =
        PopulationTable.readCsv(
            new StringReader(
                "area,year,sex,age_band,population\n0801,2023,,,100000\n0801,2024,,,100000\n"),
            "made-up table for this example");

    // snippet:start report
    IndicatorSettings settings =
        IndicatorSettings.builder()
            .groupBy(Grouping.AREA, Grouping.YEAR)
            .input("example") // the name every lineage records
            .build();
    IndicatorReport report = IndicatorReport.compute(incidents, population, settings);

    for (RateResult r : report.rates()) {
      r.rate()
          .ifPresent(
              x ->
                  System.out.printf(
                      Locale.ROOT,
                      "%s %d: %d homicides, %.2f per 100,000 (95%% CI %.2f to %.2f)%n",
                      r.group().area().orElse("all"),
                      r.group().year().orElse(0),
                      r.count(),
                      x.rate(),
                      x.lower(),
                      x.upper()));
    }
    for (ChangeResult c : report.changes()) {
      System.out.println(c.change().sentence(Locale.forLanguageTag("es")));
    }
    String json = report.toJson(); // the document atalaya indicators --json prints, byte for byte
    System.out.println(
        "JSON document: " + report.rates().size() + " rates, " + json.length() + " characters");
    // snippet:end
  }
}
