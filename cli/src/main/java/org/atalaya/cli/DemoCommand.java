package org.atalaya.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
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
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.atalaya.incident.Incident;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.synthetic.SyntheticIncidents;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code atalaya demo}: generates the synthetic sample, writes it in every format, reads every
 * file back to prove nothing was lost, and prints a summary by category and year.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Show the toolkit on SYNTHETIC incidents for Tegucigalpa and San Pedro Sula (2023-2025):",
      "write them as CSV, Spanish-Excel CSV, JSON, NDJSON and GeoJSON, validate every file, and summarise."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: ${DEFAULT-VALUE}).", defaultValue = "atalaya-demo")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}); the same seed gives the same files.", defaultValue = "2011")
  long seed;

  @Option(names = "--lang", paramLabel = "es|en", description = "Language of category labels (default: ${DEFAULT-VALUE}).", defaultValue = "es")
  String lang;

  @Spec CommandSpec spec;

  private record Output(String file, IncidentFormat format, CsvLayout layout, String what) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    Texts t = Texts.of(lang);
    Locale locale = t.locale();
    Files.createDirectories(out);
    SyntheticIncidents source = SyntheticIncidents.of(seed);
    List<Incident> incidents = new ArrayList<>(source.stream().toList());
    o.println(t.get("demo.intro", incidents.size(), String.valueOf(seed)));
    o.println(t.get("demo.synthetic"));
    o.println();

    List<Output> outputs =
        List.of(
            new Output("incidents.csv", IncidentFormat.CSV, CsvLayout.canonical(), t.get("demo.file.csv")),
            new Output("incidents-excel.csv", IncidentFormat.CSV, CsvLayout.spanishExcel(), t.get("demo.file.excel")),
            new Output("incidents.json", IncidentFormat.JSON, CsvLayout.canonical(), t.get("demo.file.json")),
            new Output("incidents.ndjson", IncidentFormat.NDJSON, CsvLayout.canonical(), t.get("demo.file.ndjson")),
            new Output("incidents.geojson", IncidentFormat.GEOJSON, CsvLayout.canonical(), t.get("demo.file.geojson")));
    boolean allEqual = true;
    o.println(t.get("demo.files"));
    for (Output f : outputs) {
      Path file = out.resolve(f.file());
      try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          IncidentWriter w = f.format().writer(os, f.layout())) {
        w.writeAll(incidents);
      }
      ReadResult back = f.format().reader().readAll(file, ReadOptions.defaults());
      boolean equal = back.incidents().equals(incidents);
      allEqual &= equal && back.report().rejected() == 0;
      o.printf("  %-20s %-70s %s, %s%n",
          f.file(), f.what(), t.get("demo.counts", back.report().read(), back.report().accepted(), back.report().rejected()),
          t.get(equal ? "demo.identical" : "demo.different"));
    }
    Path readme = out.resolve("README.txt");
    writeReadme(readme, outputs, incidents.size());
    o.printf("  %-20s %s%n", "README.txt", t.get("demo.readme"));
    o.println();
    printSummary(o, incidents, t);
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
    StringBuilder head = new StringBuilder(String.format("  %-8s %-48s", "ICCS", t.get("demo.category")));
    years.forEach(y -> head.append(String.format(" %7d", y)));
    o.println(head);
    Map<IccsCode, String> labels = new LinkedHashMap<>();
    table.keySet().forEach(c -> labels.put(c, taxonomy.catalogue().label(c, locale)));
    for (Map.Entry<IccsCode, Map<Integer, Integer>> row : table.entrySet()) {
      StringBuilder line = new StringBuilder(String.format("  %-8s %-48s", row.getKey().value(), shorten(labels.get(row.getKey()), 48)));
      years.forEach(y -> line.append(String.format(" %,7d", row.getValue().getOrDefault(y, 0))));
      o.println(line);
    }
    StringBuilder total = new StringBuilder(String.format("  %-8s %-48s", "", "total"));
    years.forEach(y -> total.append(String.format(" %,7d", totals.get(y))));
    o.println(total);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private void writeReadme(Path readme, List<Output> outputs, int count) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("Atalaya demo output\n===================\n\n");
    sb.append("SYNTHETIC DATA. These ").append(count).append(" incidents did not happen. They were generated by\n");
    sb.append("org.atalaya.synthetic.SyntheticIncidents with seed ").append(seed).append(" for Tegucigalpa and San Pedro Sula, 2023-2025.\n");
    sb.append("Every record has an id starting with SYN-, the attribute atalaya:synthetic=true and a narrative starting [SINTÉTICO].\n");
    sb.append("Hot spots are fictional 'sectors', not real neighbourhoods.\n\n");
    sb.append("DATOS SINTÉTICOS: estos incidentes no ocurrieron; se generaron para demostrar la herramienta.\n\n");
    for (Output f : outputs) {
      sb.append(String.format("%-20s %s%n", f.file(), f.what()));
    }
    Files.writeString(readme, sb.toString(), StandardCharsets.UTF_8);
  }
}
