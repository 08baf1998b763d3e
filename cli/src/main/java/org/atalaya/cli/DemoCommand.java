package org.atalaya.cli;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.atalaya.incident.Incident;
import org.atalaya.indicator.ApjImpunity;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Proportion;
import org.atalaya.indicator.Rate;
import org.atalaya.indicator.report.ChangeResult;
import org.atalaya.indicator.report.Grouping;
import org.atalaya.indicator.report.IndicatorReport;
import org.atalaya.indicator.report.IndicatorSettings;
import org.atalaya.indicator.report.RateResult;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.synthetic.SyntheticIncidents;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya demo}: generates the synthetic sample, writes it in every format, reads every file
 * back to prove nothing was lost, and prints a summary by category and year.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show the toolkit on SYNTHETIC incidents for Tegucigalpa and San Pedro Sula (2023-2025):",
      "write them as CSV, Spanish-Excel CSV, JSON, NDJSON and GeoJSON, validate every file, and"
          + " summarise;",
      "show their rates with exact intervals over illustrative, synthetic denominators,",
      "print the REAL national APJ impunity funnel with its sources, and write indicators.json."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write the files (default: ${DEFAULT-VALUE}).",
      defaultValue = "atalaya-demo")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the synthetic data (default: ${DEFAULT-VALUE}); the same seed gives the same"
              + " incident files (the release uses a fresh key each run).",
      defaultValue = "2011")
  long seed;

  @Mixin LangOption language;

  @Spec CommandSpec spec;

  private record Output(String file, IncidentFormat format, CsvLayout layout, String what) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    Texts t = language.texts();
    Locale locale = t.locale();
    Files.createDirectories(out);
    SyntheticIncidents source = SyntheticIncidents.of(seed);
    List<Incident> incidents = new ArrayList<>(source.stream().toList());
    o.println(t.get("demo.intro", incidents.size(), String.valueOf(seed)));
    o.println(t.get("demo.synthetic"));
    o.println();

    List<Output> outputs =
        List.of(
            new Output(
                "incidents.csv", IncidentFormat.CSV, CsvLayout.canonical(), t.get("demo.file.csv")),
            new Output(
                "incidents-excel.csv",
                IncidentFormat.CSV,
                CsvLayout.spanishExcel(),
                t.get("demo.file.excel")),
            new Output(
                "incidents.json",
                IncidentFormat.JSON,
                CsvLayout.canonical(),
                t.get("demo.file.json")),
            new Output(
                "incidents.ndjson",
                IncidentFormat.NDJSON,
                CsvLayout.canonical(),
                t.get("demo.file.ndjson")),
            new Output(
                "incidents.geojson",
                IncidentFormat.GEOJSON,
                CsvLayout.canonical(),
                t.get("demo.file.geojson")));
    boolean allEqual = true;
    Progress progress = Progress.of(spec.commandLine().getErr(), outputs.size() + 2);
    List<String> lines = new ArrayList<>();
    for (Output f : outputs) {
      progress.step(f.file());
      Path file = out.resolve(f.file());
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          IncidentWriter w = f.format().writer(os, f.layout())) {
        w.writeAll(incidents);
      }
      ReadResult back = f.format().reader().readAll(file, ReadOptions.defaults());
      boolean equal = back.incidents().equals(incidents);
      allEqual &= equal && back.report().rejected() == 0;
      lines.add(
          String.format(
              "  %-26s %-70s %s, %s",
              f.file(),
              f.what(),
              t.get(
                  "demo.counts",
                  back.report().read(),
                  back.report().accepted(),
                  back.report().rejected()),
              t.get(equal ? "demo.identical" : "demo.different")));
    }
    progress.step(INDICATORS);
    IndicatorReport indicators = indicators(incidents);
    Files.writeString(out.resolve(INDICATORS), indicators.toJson(), StandardCharsets.UTF_8);
    writePopulation(out.resolve(POPULATION));
    List<String[]> files = new ArrayList<>();
    outputs.forEach(f -> files.add(new String[] {f.file(), f.what()}));
    files.add(new String[] {INDICATORS, t.get("demo.file.indicators")});
    files.add(new String[] {POPULATION, t.get("demo.file.population")});
    files.add(new String[] {"release-open-data.geojson", t.get("demo.file.release")});
    files.add(new String[] {"privacy-report-open-data.json", t.get("demo.file.privacy")});
    files.add(new String[] {"report.html", t.get("demo.file.report")});
    files.add(new String[] {"README.txt", t.get("demo.readme")});
    progress.step("hot spots, near repeat, release, report.html");
    DemoReport.Summary analysis =
        new DemoReport(incidents, seed, locale, DemoReport.demo()).write(out, files);
    progress.done();
    o.println(t.get("demo.files"));
    lines.forEach(o::println);
    o.printf("  %-26s %s%n", INDICATORS, t.get("demo.file.indicators"));
    o.printf("  %-26s %s%n", POPULATION, t.get("demo.file.population"));
    o.printf("  %-26s %s%n", "release-open-data.geojson", t.get("demo.file.release"));
    o.printf("  %-26s %s%n", "privacy-report-open-data.json", t.get("demo.file.privacy"));
    o.printf("  %-26s %s%n", "report.html", t.get("demo.file.report"));
    Path readme = out.resolve("README.txt");
    writeReadme(readme, outputs, incidents.size());
    o.printf("  %-26s %s%n", "README.txt", t.get("demo.readme"));
    o.println();
    o.println(
        t.get(
            "demo.analysis.join",
            analysis.join().joined(),
            analysis.join().incidents(),
            analysis.join().outside(),
            analysis.join().noPoint()));
    o.println(
        t.get(
            "demo.analysis.hotspots", analysis.hotSpots(), analysis.cells(), analysis.coldSpots()));
    o.println(
        t.get(
            "demo.analysis.release",
            analysis.privacy().recordsOut(),
            analysis.privacy().recordsIn(),
            analysis.privacy().kAchieved(),
            String.format(Locale.ROOT, "%.0f", analysis.privacy().displacementMeters().median()),
            analysis.privacy().passed() ? "ok" : "FAILED"));
    o.println(t.get("demo.analysis.report", out.resolve("report.html")));
    o.println();
    printSummary(o, incidents, t);
    o.println();
    printRates(o, indicators, t);
    o.println();
    printImpunity(o, t);
    o.flush();
    return allEqual ? Atalaya.OK : Atalaya.DATA_PROBLEMS;
  }

  private void printSummary(PrintWriter o, List<Incident> incidents, Texts t) {
    Locale locale = t.locale();
    Taxonomy taxonomy = Taxonomy.honduras();
    Map<IccsCode, Map<Integer, Integer>> table = new TreeMap<>();
    Map<Integer, Integer> totals = new TreeMap<>();
    for (Incident i : incidents) {
      int year = i.occurred().orElseThrow().from().getYear();
      IccsCode code = i.iccs().orElseThrow();
      table.computeIfAbsent(code, k -> new TreeMap<>()).merge(year, 1, Integer::sum);
      totals.merge(year, 1, Integer::sum);
    }
    List<Integer> years = new ArrayList<>(totals.keySet());
    o.println(t.get("demo.table"));
    StringBuilder head =
        new StringBuilder(String.format("  %-8s %-48s", "ICCS", t.get("demo.category")));
    years.forEach(y -> head.append(String.format(" %7d", y)));
    o.println(head);
    Map<IccsCode, String> labels = new LinkedHashMap<>();
    table.keySet().forEach(c -> labels.put(c, taxonomy.catalogue().label(c, locale)));
    for (Map.Entry<IccsCode, Map<Integer, Integer>> row : table.entrySet()) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "  %-8s %-48s", row.getKey().value(), shorten(labels.get(row.getKey()), 48)));
      years.forEach(y -> line.append(String.format(" %,7d", row.getValue().getOrDefault(y, 0))));
      o.println(line);
    }
    StringBuilder total = new StringBuilder(String.format("  %-8s %-48s", "", "total"));
    years.forEach(y -> total.append(String.format(" %,7d", totals.get(y))));
    o.println(total);
  }

  /** File name of the indicators document the demo writes. */
  static final String INDICATORS = "indicators.json";

  /** File name of the population table the demo's rates use, in the form --population reads. */
  static final String POPULATION = "population.csv";

  /** Vintage of the demo's denominators: they are made up, and say so. */
  static final String DEMO_VINTAGE =
      "ILLUSTRATIVE, SYNTHETIC denominators for the demo (not INE figures): 0801 Distrito Central"
          + " 1,300,000; 0501 San Pedro Sula 850,000; the same every year";

  private static final Map<String, String> CITY =
      Map.of("0801", "Tegucigalpa", "0501", "San Pedro Sula");

  static PopulationTable demoPopulation() {
    List<PopulationTable.Row> rows = new ArrayList<>();
    for (int year = 2023; year <= 2025; year++) {
      rows.add(
          new PopulationTable.Row("0801", year, Optional.empty(), Optional.empty(), 1_300_000));
      rows.add(new PopulationTable.Row("0501", year, Optional.empty(), Optional.empty(), 850_000));
    }
    return PopulationTable.of(DEMO_VINTAGE, rows);
  }

  /**
   * Writes the demo's denominators as {@code area,year,sex,age_band,population} (blank sex and
   * band: totals).
   */
  static void writePopulation(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("area,year,sex,age_band,population\n");
    for (PopulationTable.Row r : demoPopulation().rows()) {
      csv.append(String.format(Locale.ROOT, "%s,%d,,,%.0f\n", r.area(), r.year(), r.population()));
    }
    Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
  }

  private IndicatorReport indicators(List<Incident> incidents) {
    IndicatorSettings settings =
        IndicatorSettings.builder()
            .groupBy(Grouping.AREA, Grouping.YEAR)
            .asOf(Optional.of(SyntheticIncidents.AS_OF))
            .input("incidents.csv (SYNTHETIC, seed " + seed + ")")
            .populationInput("built-in")
            .build();
    return IndicatorReport.compute(incidents, demoPopulation(), settings);
  }

  private void printRates(PrintWriter o, IndicatorReport report, Texts t) {
    o.println(t.get("demo.rates"));
    o.println("  " + t.get("demo.denominators"));
    for (RateResult x : report.rates()) {
      if (x.rate().isEmpty()) {
        continue;
      }
      Rate r = x.rate().get();
      String area = x.group().area().orElse("");
      o.printf(
          Locale.ROOT,
          "  %-15s %d  %,5d / %,9.0f  %s%n",
          CITY.getOrDefault(area, area),
          x.group().year().orElse(0),
          r.count(),
          r.population(),
          IndicatorsCommand.rateText(r, Locale.ROOT));
    }
    for (ChangeResult c : report.changes()) {
      if (c.from() == 2023 && c.to() == 2025) {
        String area = c.area().orElse("");
        o.println(
            "  "
                + t.get("demo.synthetic.tag")
                + " "
                + CITY.getOrDefault(area, area)
                + ": "
                + c.change().sentence(t.locale()));
      }
    }
  }

  /** One row of the embedded APJ/ASJ impunity file. */
  record ImpunityRow(
      int year,
      String source,
      OptionalLong homicides,
      OptionalLong casesInCourt,
      OptionalLong convictions,
      Optional<String> publishedIih) {}

  static List<ImpunityRow> impunityRows() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream("data/honduras-impunity.csv")) {
      if (in == null) {
        throw new IOException(
            "the embedded file data/honduras-impunity.csv is missing from the jar");
      }
      CsvMapper mapper = new CsvMapper();
      CsvSchema schema = CsvSchema.emptySchema().withHeader();
      List<ImpunityRow> rows = new ArrayList<>();
      try (MappingIterator<Map<String, String>> it =
          mapper
              .readerForMapOf(String.class)
              .with(schema)
              .readValues(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        while (it.hasNext()) {
          Map<String, String> c = it.next();
          String iih = c.getOrDefault("impunity_index_pct", "").strip();
          rows.add(
              new ImpunityRow(
                  Integer.parseInt(c.get("year").strip()),
                  c.get("source").strip(),
                  count(c.get("homicides")),
                  count(c.get("cases_entering_court")),
                  count(c.get("convictions")),
                  iih.isEmpty() ? Optional.empty() : Optional.of(iih)));
        }
      }
      return rows;
    }
  }

  private static OptionalLong count(String cell) {
    return cell == null || cell.isBlank()
        ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(cell.strip()));
  }

  private static String pct(double p) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * p);
  }

  private static String pct(Proportion p) {
    return String.format(
        Locale.ROOT,
        "%.2f%% (%.2f%% - %.2f%%)",
        100 * p.estimate(),
        100 * p.lower(),
        100 * p.upper());
  }

  private void printImpunity(PrintWriter o, Texts t) throws IOException {
    o.println(t.get("demo.impunity"));
    o.println("  " + t.get("demo.impunity.how"));
    for (ImpunityRow r : impunityRows()) {
      if (r.homicides().isEmpty() || r.convictions().isEmpty()) {
        continue;
      }
      long h = r.homicides().getAsLong();
      long conv = r.convictions().getAsLong();
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT, "  %d  %s %,d", r.year(), t.get("demo.impunity.homicides"), h));
      r.casesInCourt()
          .ifPresent(
              c ->
                  line.append(
                      String.format(Locale.ROOT, ", %s %,d", t.get("demo.impunity.court"), c)));
      line.append(String.format(Locale.ROOT, ", %s %,d", t.get("demo.impunity.convictions"), conv));
      o.println(line);
      StringBuilder p =
          new StringBuilder(
              "        "
                  + t.get("demo.impunity.convRatio")
                  + " "
                  + pct(Proportion.of(conv, h, Rate.DEFAULT_CONFIDENCE)));
      if (r.casesInCourt().isPresent()) {
        p.append("; ")
            .append(t.get("demo.impunity.courtRatio"))
            .append(' ')
            .append(pct(Proportion.of(r.casesInCourt().getAsLong(), h, Rate.DEFAULT_CONFIDENCE)));
      }
      o.println(p);
      StringBuilder idx = new StringBuilder("        ");
      if (r.casesInCourt().isPresent()) {
        ApjImpunity apj = ApjImpunity.of(h, r.casesInCourt().getAsLong(), conv);
        idx.append("IIH ")
            .append(pct(apj.impunityIndex()))
            .append("  IJH ")
            .append(pct(apj.judicialisationIndex()))
            .append("  IRC ")
            .append(
                apj.resolutionIndex().isPresent() ? pct(apj.resolutionIndex().getAsDouble()) : "-");
      } else {
        idx.append("IIH ")
            .append(pct(1 - (double) conv / h))
            .append("  IJH -  IRC -  (")
            .append(t.get("demo.impunity.noCourt"))
            .append(')');
      }
      r.publishedIih()
          .ifPresent(
              v -> idx.append("  [").append(t.get("demo.impunity.published", v)).append(']'));
      o.println(idx);
      // the data file cites "publication, as reported by outlet; address": say the link word in the
      // user's language
      o.println(
          "        "
              + t.get(
                  "demo.impunity.source",
                  r.source().replace(", as reported by ", t.get("demo.impunity.reportedBy"))));
    }
    o.println("  " + t.get("demo.impunity.caveat"));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private void writeReadme(Path readme, List<Output> outputs, int count) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Atalaya demo output\n===================\n\n");
    sb.append("SYNTHETIC DATA. These ")
        .append(count)
        .append(" incidents did not happen. They were generated by\n");
    sb.append("org.atalaya.synthetic.SyntheticIncidents with seed ")
        .append(seed)
        .append(" for Tegucigalpa and San Pedro Sula, 2023-2025.\n");
    sb.append(
        "Every record has an id starting with SYN-, the attribute atalaya:synthetic=true and a"
            + " narrative starting [SINTÉTICO].\n");
    sb.append("Hot spots are fictional 'sectors', not real neighbourhoods.\n\n");
    sb.append(
        "DATOS SINTÉTICOS: estos incidentes no ocurrieron; se generaron para demostrar la"
            + " herramienta.\n\n");
    for (Output f : outputs) {
      sb.append(String.format("%-20s %s%n", f.file(), f.what()));
    }
    sb.append(
        String.format(
            "%-20s %s%n",
            INDICATORS,
            "indicators of the SYNTHETIC homicides (rates with exact intervals, SDG 16.1.1, change,"
                + " alarms, impunity funnel),"));
    sb.append(
        String.format(
            "%-20s %s%n",
            "",
            "each with its lineage; the populations are ILLUSTRATIVE, SYNTHETIC denominators, not"
                + " INE figures"));
    sb.append(
        String.format(
            "%-20s %s%n",
            POPULATION,
            "the ILLUSTRATIVE, SYNTHETIC populations of those rates"
                + " (area,year,sex,age_band,population), for --population"));
    sb.append(
        String.format(
            "%-20s %s%n",
            "release-open-data.geojson",
            "anonymised open-data release (a fresh key each run: masks differ between runs)"));
    sb.append(
        String.format(
            "%-20s %s%n",
            "privacy-report-open-data.json",
            "its privacy report: k achieved, suppressions, displacement, checks"));
    sb.append(
        String.format(
            "%-20s %s%n",
            "report.html", "the report: maps, charts and tables; opens offline in any browser"));
    Files.writeString(readme, sb.toString(), StandardCharsets.UTF_8);
  }
}
