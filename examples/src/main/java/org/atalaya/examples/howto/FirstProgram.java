package org.atalaya.examples.howto;

// snippet:start program
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.incident.Incident;
import org.atalaya.indicator.HomicideVictims;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Rate;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.taxonomy.IccsCode;

/**
 * A first program: reads the demo's incidents, gives the homicide rate of one municipality and year
 * with its interval (counting incidents, then victims), says which area each point is in, and
 * publishes an anonymised open-data release.
 *
 * <p>Run: {@code java FirstProgram DEMO_FOLDER AREAS.geojson release.key OUT.geojson}
 */
public final class FirstProgram {

  public static void main(String[] args) throws Exception {
    Path demo = Path.of(args[0]);
    Path areasFile = Path.of(args[1]);
    Path keyFile = Path.of(args[2]);
    Path out = Path.of(args[3]);

    // 1. Read a CSV. Nothing is dropped silently: every record is accepted or rejected, with why.
    ReadResult read =
        IncidentFormat.CSV.reader().readAll(demo.resolve("incidents.csv"), ReadOptions.defaults());
    List<Incident> incidents = read.incidents();
    System.out.printf(
        "read %d, accepted %d, rejected %d%n",
        read.report().read(), read.report().accepted(), read.report().rejected());

    // 2. The homicide rate of Distrito Central (municipality 0801) in 2024, per 100,000.
    PopulationTable population;
    try (Reader csv = Files.newBufferedReader(demo.resolve("population.csv"))) {
      population =
          PopulationTable.readCsv(csv, "Atalaya demo: ILLUSTRATIVE, SYNTHETIC populations");
    }
    double people =
        population.population("0801", 2024, Optional.empty(), Optional.empty()).orElseThrow();
    IccsCode homicide = IccsCode.of("0101");
    List<Incident> homicides =
        incidents.stream()
            .filter(i -> i.iccs().map(c -> c.isWithin(homicide)).orElse(false))
            .filter(
                i ->
                    i.location().flatMap(l -> l.admin().municipality()).equals(Optional.of("0801")))
            .filter(i -> i.occurred().map(t -> t.from().getYear() == 2024).orElse(false))
            .toList();
    // Incidents: one per event, however many people died in it.
    Rate byIncidents = Rate.of(homicides.size(), people);
    System.out.printf(
        Locale.ROOT,
        "homicide incidents: %d, %.1f per 100,000 (95%% CI %.1f to %.1f)%n",
        byIncidents.count(),
        byIncidents.rate(),
        byIncidents.lower(),
        byIncidents.upper());
    // Victims (SDG 16.1.1): one per person killed, so an incident with two dead counts twice.
    HomicideVictims victims = HomicideVictims.count(homicides, List.of());
    Rate byVictims =
        victims
            .rate(
                population,
                "0801",
                2024,
                Optional.empty(),
                Optional.empty(),
                Rate.PER_100_000,
                Rate.DEFAULT_CONFIDENCE)
            .orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "homicide victims: %d, %.1f per 100,000 (95%% CI %.1f to %.1f)%n",
        byVictims.count(),
        byVictims.rate(),
        byVictims.lower(),
        byVictims.upper());

    // 3. Which area is each point in? (atalaya-geo; a point on a shared border is in both areas.)
    FenceIndex areas =
        FenceIndex.of(
            AreaReader.builder().idProperty("name").build().readGeoJson(areasFile).areas());
    Map<String, Integer> perArea = new TreeMap<>();
    for (Incident i : incidents) {
      i.location()
          .flatMap(l -> l.point())
          .ifPresent(
              p -> {
                List<String> ids = areas.fencesContaining(p.latitude(), p.longitude());
                perArea.merge(ids.isEmpty() ? "(none)" : String.join(" + ", ids), 1, Integer::sum);
              });
    }
    perArea.forEach((area, n) -> System.out.printf("%s: %d incidents%n", area, n));

    // 4. An anonymised release with the policy the CLI calls open-data, and a key from a file.
    ReleaseKey key = ReleaseKey.fromFile(keyFile);
    PrivacyReport report =
        Release.of(ReleasePolicy.named("open-data"))
            .publish(incidents, key, IncidentFormat.GEOJSON, out);
    System.out.printf(
        "published %d of %d incidents to %s; k = %d%n",
        report.recordsOut(), report.recordsIn(), out, report.kAchieved());
  }
}
// snippet:end
