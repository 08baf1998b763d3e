package org.atalaya.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attempt;
import org.atalaya.incident.CaseEvent;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Sex;
import org.atalaya.indicator.Alarm;
import org.atalaya.indicator.Alarms;
import org.atalaya.indicator.FunnelStage;
import org.atalaya.indicator.HomicideVictims;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.MonthlySeries;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Proportion;
import org.atalaya.indicator.Rate;
import org.atalaya.indicator.StageCount;
import org.atalaya.indicator.StageTime;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadResult;
import org.atalaya.taxonomy.IccsCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code atalaya indicators}: rates with exact intervals, SDG 16.1.1, period change with its plain
 * sentence, monthly alarms and the impunity funnel of an incident file, each with its lineage.
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the indicators of an incident file against a population table:",
      "rates per 100,000 with exact (Garwood) intervals; SDG 16.1.1 victims by sex",
      "and age band; year-over-year change with a sentence that claims no more than",
      "the test supports; monthly alarms (Poisson Z, EWMA, CUSUM); the impunity",
      "funnel. Every result in the JSON document carries its lineage.",
      "Population CSV columns: area,year,sex,age_band,population (a blank or 'all'",
      "sex or age_band is a total).",
      "Exit code 1 when records were rejected or a denominator is missing (the",
      "figures are still computed on the accepted records); 2 for usage errors."
    })
final class IndicatorsCommand implements Callable<Integer> {
  @Option(names = "--incidents", required = true, paramLabel = "FILE", description = "The incident file (.csv or .txt, .json, .ndjson or .jsonl, .geojson).")
  Path incidents;

  @Option(names = "--population", required = true, paramLabel = "POP.csv", description = "Population table: area,year,sex,age_band,population (',' or ';').")
  Path population;

  @Option(names = "--vintage", paramLabel = "TEXT", description = "Who published the population figures, and when (recorded in every lineage; default: 'not stated' and the file name).")
  String vintage;

  @Option(names = "--by", paramLabel = "DIMS", split = ",", defaultValue = "area,year,sex,age", description = "Group by any of area, year, sex, age (default: ${DEFAULT-VALUE}); sex and age apply to SDG 16.1.1 victims.")
  List<String> by;

  @Option(names = "--area", paramLabel = "department|municipality", defaultValue = "municipality", description = "Which code of the incidents' location is the area of the population table (default: ${DEFAULT-VALUE}).")
  String areaLevel;

  @Option(names = "--iccs", paramLabel = "CODE", defaultValue = "0101", description = "ICCS category whose incidents are counted for rates, change, alarms and the funnel (default: ${DEFAULT-VALUE}, intentional homicide).")
  String iccs;

  @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95", description = "Confidence level, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--as-of", paramLabel = "DATE", description = "Date the impunity funnel describes (default: the latest date in the file's case histories).")
  LocalDate asOf;

  @Option(names = "--follow-up-years", paramLabel = "N", defaultValue = "2", description = "Follow-up that defines the funnel's cohort, in years (default: ${DEFAULT-VALUE}).")
  int followUpYears;

  @Option(names = "--out", paramLabel = "indicators.json", description = "Write the JSON document to this file.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = "csv, json, ndjson or geojson (default: from the extension).")
  String format;

  @Option(names = "--json", description = "Print the JSON document instead of the summary.")
  boolean json;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String name = "atalaya indicators: ";
    if (!Files.isReadable(incidents)) {
      err.println(name + input.texts().get("io.cannotRead", incidents));
      err.flush();
      return Atalaya.USAGE;
    }
    if (!Files.isReadable(population)) {
      err.println(name + input.texts().get("io.cannotRead", population));
      err.flush();
      return Atalaya.USAGE;
    }
    // (a missing folder of --out is created, as documented)
    String outputs = out == null ? null : Atalaya.overwritesInput(input.texts(), List.of(incidents, population), out);
    if (outputs != null) {
      err.println(name + outputs);
      err.flush();
      return Atalaya.USAGE;
    }
    Settings settings;
    IncidentImporter f;
    org.atalaya.io.ReadOptions options;
    try {
      settings = settings();
      f = input.importer(format, incidents, "--format", err);
      options = input.readOptions(incidents);
    } catch (IllegalArgumentException | InputOptions.UsageError e) {
      err.println(name + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    }
    PopulationTable table;
    String popVintage =
        vintage == null || vintage.isBlank() ? "not stated (population file " + population.getFileName() + ")" : vintage;
    try (Reader r = Files.newBufferedReader(population, StandardCharsets.UTF_8)) {
      table = PopulationTable.readCsv(r, popVintage);
    } catch (IOException e) {
      throw Atalaya.naming(population, e);
    } catch (IllegalArgumentException e) {
      err.println(name + population.getFileName() + ": " + e.getMessage());
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    ReadResult read;
    try {
      read = f.readAll(incidents, options);
    } catch (IncidentReadException e) {
      err.println(name + e.getMessage());
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    Report report =
        Report.compute(
            read.incidents(),
            read.report().read(),
            read.report().rejected(),
            String.valueOf(incidents.getFileName()),
            String.valueOf(population.getFileName()),
            table,
            settings);
    Texts t = input.texts();
    if (out != null) {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, report.toJson(), StandardCharsets.UTF_8);
    }
    if (json) {
      o.println(report.toJson());
    } else {
      report.printSummary(o, t);
      if (out != null) {
        o.println(t.get("indicators.written", out));
      }
    }
    o.flush();
    if (read.report().rejected() > 0 || !report.missing().isEmpty()) {
      if (read.report().rejected() > 0) {
        err.println(name + t.get("indicators.rejectedNote", String.valueOf(read.report().rejected()), incidents.getFileName()));
      }
      if (!report.missing().isEmpty()) {
        err.println(name + t.get("indicators.missingNote", String.valueOf(report.missing().size())));
      }
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    return Atalaya.OK;
  }

  private Settings settings() {
    Set<String> dims = new LinkedHashSet<>();
    for (String d : by) {
      String s = d.strip().toLowerCase(Locale.ROOT);
      if (!List.of("area", "year", "sex", "age").contains(s)) {
        throw new IllegalArgumentException("--by (" + d + ") must list area, year, sex or age");
      }
      dims.add(s);
    }
    String level = areaLevel.strip().toLowerCase(Locale.ROOT);
    if (!level.equals("department") && !level.equals("municipality")) {
      throw new IllegalArgumentException("--area (" + areaLevel + ") must be department or municipality");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence (" + confidence + ") must be strictly between 0 and 1");
    }
    if (followUpYears <= 0) {
      throw new IllegalArgumentException("--follow-up-years (" + followUpYears + ") must be positive");
    }
    return new Settings(dims, level, IccsCode.of(iccs.strip()), confidence, Optional.ofNullable(asOf), followUpYears);
  }

  /** What to compute: grouping, area level, category, confidence and funnel settings. */
  record Settings(
      Set<String> by, String areaLevel, IccsCode code, double confidence, Optional<LocalDate> asOf, int followUpYears) {
    boolean has(String dim) {
      return by.contains(dim);
    }
  }

  /** A group of incidents: an area and a year, each empty when not grouped by it. */
  record Key(Optional<String> area, Optional<Integer> year) {
    static final Comparator<Key> ORDER =
        Comparator.comparing((Key k) -> k.area().orElse("")).thenComparing(k -> k.year().orElse(0));

    void write(ObjectNode group) {
      area.ifPresent(a -> group.put("area", a));
      year.ifPresent(y -> group.put("year", y));
    }

    String label(Texts t) {
      List<String> parts = new ArrayList<>();
      parts.add(area.orElse(t.get("indicators.allAreas")));
      year.ifPresent(y -> parts.add(String.valueOf(y)));
      return String.join(" ", parts);
    }
  }

  /** The results of one run, ready to print or write as JSON. */
  static final class Report {
    private static final double PER = Rate.PER_100_000;
    private static final List<AgeBand> DEFAULT_BANDS =
        List.of(AgeBand.of(0, 14), AgeBand.of(15, 29), AgeBand.of(30, 44), AgeBand.of(45, 59), AgeBand.atLeast(60));

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode root = mapper.createObjectNode();
    private final List<String> missing = new ArrayList<>();
    private final Settings settings;
    private final String file;
    private final PopulationTable table;
    private final Map<String, Long> excluded = new LinkedHashMap<>();
    private final List<String> filters = new ArrayList<>();
    private final String subjectEn;
    private final String subjectEs;
    final Map<Key, Rate> rates = new TreeMap<>(Key.ORDER);
    final List<Change> changes = new ArrayList<>();
    private final List<SdgLine> sdgLines = new ArrayList<>();
    private final List<AlarmLine> alarmLines = new ArrayList<>();
    private final List<FunnelLine> funnelLines = new ArrayList<>();

    /** A change between two years of one area (or all). */
    record Change(Optional<String> area, int from, int to, PeriodChange change) {}

    /** The SDG 16.1.1 total of one group, for the summary. */
    private record SdgLine(Key key, Rate rate, HomicideVictims victims) {}

    /** The alarms of one rule in one area, for the summary. */
    private record AlarmLine(Optional<String> area, String rule, int checked, List<String> flagged) {}

    /** The funnel of one group, for the summary. */
    private record FunnelLine(Key key, ImpunityFunnel funnel) {}

    private Report(Settings settings, String file, PopulationTable table) {
      this.settings = settings;
      this.file = file;
      this.table = table;
      boolean homicide = settings.code().isWithin(HomicideVictims.INTENTIONAL_HOMICIDE);
      this.subjectEn = homicide ? "homicide" : "ICCS " + settings.code().value();
      this.subjectEs = homicide ? "homicidios" : "ICCS " + settings.code().value();
    }

    List<String> missing() {
      return missing;
    }

    /**
     * Computes every indicator.
     *
     * @param accepted the incidents the reader accepted
     * @param read the records read
     * @param rejected the records the reader rejected
     */
    static Report compute(
        List<Incident> accepted,
        long read,
        long rejected,
        String file,
        String populationFile,
        PopulationTable table,
        Settings settings) {
      Report r = new Report(settings, file, table);
      r.run(accepted, read, rejected, populationFile);
      return r;
    }

    private Optional<String> areaOf(Incident i) {
      return i.location()
          .flatMap(l -> settings.areaLevel().equals("department") ? l.admin().department() : l.admin().municipality());
    }

    /** The year of occurrence, when the window lies within one year (whatever its stated precision). */
    private static Optional<Integer> yearOf(Incident i) {
      return monthRange(i).filter(m -> m[0].getYear() == m[1].getYear()).map(m -> m[0].getYear());
    }

    /** The month of occurrence, when the window lies within one month. */
    private static Optional<YearMonth> monthOf(Incident i) {
      return monthRange(i).filter(m -> m[0].equals(m[1])).map(m -> m[0]);
    }

    /** The first and last month the occurrence window touches (its end is exclusive). */
    private static Optional<YearMonth[]> monthRange(Incident i) {
      return i.occurred()
          .map(w -> new YearMonth[] {
              YearMonth.from(w.from()), YearMonth.from(w.to().equals(w.from()) ? w.from() : w.to().minusNanos(1))});
    }

    private void run(List<Incident> accepted, long read, long rejected, String populationFile) {
      if (rejected > 0) {
        excluded.put("rejected by the reader (see atalaya validate)", rejected);
      }
      boolean byArea = settings.has("area");
      // Incidents of the category, dated (and with an area when grouped by area).
      List<Incident> used = new ArrayList<>();
      // Every dated incident (with an area when needed): the base of SDG 16.1.1, which picks ICCS 0101 itself.
      List<Incident> located = new ArrayList<>();
      long noCode = 0;
      long other = 0;
      long attempts = 0;
      long noDate = 0;
      long noArea = 0;
      for (Incident i : accepted) {
        boolean dated = yearOf(i).isPresent();
        boolean placed = !byArea || areaOf(i).isPresent();
        if (dated && placed) {
          located.add(i);
        }
        if (i.iccs().isEmpty()) {
          noCode++;
        } else if (!i.iccs().get().isWithin(settings.code())) {
          other++;
        } else if (i.context().attempt() == Attempt.ATTEMPTED) {
          attempts++;
        } else if (!dated) {
          noDate++;
        } else if (!placed) {
          noArea++;
        } else {
          used.add(i);
        }
      }
      putIfPositive("no ICCS code", noCode);
      putIfPositive("other ICCS category than " + settings.code().value(), other);
      putIfPositive("recorded as an attempt", attempts);
      putIfPositive("year of occurrence not known (no date, or a window across years)", noDate);
      putIfPositive("no " + settings.areaLevel() + " code", noArea);
      filters.add("ICCS " + settings.code().value() + " and the codes within it, attempts left out");
      if (byArea) {
        filters.add("area = the incident's " + settings.areaLevel() + " code");
      }

      root.put("document", "atalaya-indicators");
      root.put("schemaVersion", 1);
      root.put("atalayaVersion", Lineage.atalayaVersion());
      ObjectNode in = root.putObject("input");
      in.put("file", file);
      in.put("read", read);
      in.put("accepted", accepted.size());
      in.put("rejected", rejected);
      in.put("population", populationFile);
      in.put("populationVintage", table.vintage());
      in.put("iccs", settings.code().value());
      in.put("areaLevel", settings.areaLevel());
      settings.by().forEach(in.putArray("by")::add);
      in.put("confidence", settings.confidence());
      in.put("per", (long) PER);

      Function<Incident, Key> keyOf =
          i -> new Key(byArea ? areaOf(i) : Optional.empty(), settings.has("year") ? yearOf(i) : Optional.empty());
      TreeSet<String> areas = new TreeSet<>();
      TreeSet<Integer> years = new TreeSet<>();
      for (Incident i : used) {
        if (byArea) {
          areas.add(areaOf(i).orElseThrow());
        }
        years.add(yearOf(i).orElseThrow());
      }
      rates(used, keyOf, areas, years);
      changes(used, areas, years);
      sdg(accepted, located, rejected);
      alarms(used, areas);
      funnel(used, keyOf);
      if (!missing.isEmpty()) {
        missing.forEach(root.putArray("missingPopulation")::add);
      }
    }

    private void putIfPositive(String reason, long n) {
      if (n > 0) {
        excluded.put(reason, n);
      }
    }

    private Lineage.Builder lineage(String indicator, long usedCount, String method) {
      Lineage.Builder b = Lineage.builder(indicator).input(file).used(usedCount).confidence(settings.confidence()).method(method);
      filters.forEach(b::filter);
      excluded.forEach(b::excluded);
      return b;
    }

    private ObjectNode lineageNode(Lineage l) {
      try {
        return (ObjectNode) mapper.readTree(l.toJson());
      } catch (IOException e) {
        throw new IllegalStateException("the lineage's own JSON could not be read back", e);
      }
    }

    /** Population of the areas (all the table's areas when empty) over the years, or empty if any cell is missing. */
    private OptionalDouble population(Optional<String> area, List<Integer> years, Optional<Sex> sex, Optional<AgeBand> band) {
      Set<String> areas = new TreeSet<>();
      if (area.isPresent()) {
        areas.add(area.get());
      } else {
        table.rows().forEach(row -> areas.add(row.area()));
      }
      double sum = 0;
      boolean complete = !areas.isEmpty() && !years.isEmpty();
      for (String a : areas) {
        for (int y : years) {
          OptionalDouble p = table.population(a, y, sex, band);
          if (p.isEmpty()) {
            complete = false;
            String cell =
                "area " + a + ", year " + y
                    + sex.map(s -> ", sex " + s.name().toLowerCase(Locale.ROOT)).orElse("")
                    + band.map(b -> ", age " + b).orElse("");
            if (!missing.contains(cell)) {
              missing.add(cell);
            }
          } else {
            sum += p.getAsDouble();
          }
        }
      }
      return complete && sum > 0 ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private Optional<Rate> rate(long count, OptionalDouble pop) {
      return pop.isPresent()
          ? Optional.of(Rate.builder().count(count).population(pop.getAsDouble()).per(PER).confidence(settings.confidence()).build())
          : Optional.empty();
    }

    private List<Integer> yearsOf(Key k, TreeSet<Integer> years) {
      return k.year().map(List::of).orElseGet(() -> List.copyOf(years));
    }

    private void rates(List<Incident> used, Function<Incident, Key> keyOf, TreeSet<String> areas, TreeSet<Integer> years) {
      Map<Key, Long> counts = new TreeMap<>(Key.ORDER);
      List<Optional<String>> areaKeys = new ArrayList<>();
      if (settings.has("area")) {
        areas.forEach(a -> areaKeys.add(Optional.of(a)));
      } else {
        areaKeys.add(Optional.empty());
      }
      List<Optional<Integer>> yearKeys = new ArrayList<>();
      if (settings.has("year") && !years.isEmpty()) {
        for (int y = years.first(); y <= years.last(); y++) {
          yearKeys.add(Optional.of(y));
        }
      } else {
        yearKeys.add(Optional.empty());
      }
      for (Optional<String> a : areaKeys) {
        for (Optional<Integer> y : yearKeys) {
          counts.put(new Key(a, y), 0L);
        }
      }
      used.forEach(i -> counts.merge(keyOf.apply(i), 1L, Long::sum));
      ArrayNode arr = root.putArray("rates");
      TreeSet<Integer> span = new TreeSet<>();
      if (!years.isEmpty()) {
        for (int y = years.first(); y <= years.last(); y++) {
          span.add(y);
        }
      }
      for (Map.Entry<Key, Long> e : counts.entrySet()) {
        Key k = e.getKey();
        Optional<Rate> rate = rate(e.getValue(), population(k.area(), yearsOf(k, span), Optional.empty(), Optional.empty()));
        ObjectNode n = arr.addObject();
        k.write(n.putObject("group"));
        n.put("count", e.getValue());
        rate.ifPresentOrElse(x -> writeRate(n, x), () -> n.putNull("rate"));
        n.set(
            "lineage",
            lineageNode(
                lineage(subjectEn + " incidents per 100,000", e.getValue(), "exact (Garwood) interval, as R poisson.test")
                    .populationVintage(table.vintage())
                    .build()));
        rate.ifPresent(x -> rates.put(k, x));
      }
    }

    private static void writeRate(ObjectNode n, Rate r) {
      n.put("population", r.population());
      n.put("per", (long) r.per());
      n.put("rate", r.rate());
      n.put("lower", r.lower());
      n.put("upper", r.upper());
      n.put("confidence", r.confidence());
      n.put("method", RateCommand.methodName(r.method()));
    }

    private void changes(List<Incident> used, TreeSet<String> areas, TreeSet<Integer> years) {
      ArrayNode arr = root.putArray("changes");
      if (years.size() < 1 || years.first().equals(years.last())) {
        return;
      }
      List<Optional<String>> areaKeys = new ArrayList<>();
      if (settings.has("area")) {
        areas.forEach(a -> areaKeys.add(Optional.of(a)));
      } else {
        areaKeys.add(Optional.empty());
      }
      for (Optional<String> a : areaKeys) {
        Map<Integer, Long> byYear = new TreeMap<>();
        for (int y = years.first(); y <= years.last(); y++) {
          byYear.put(y, 0L);
        }
        for (Incident i : used) {
          if (a.isEmpty() || a.equals(areaOf(i))) {
            byYear.merge(yearOf(i).orElseThrow(), 1L, Long::sum);
          }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int y = years.first(); y < years.last(); y++) {
          pairs.add(new int[] {y, y + 1});
        }
        if (years.last() - years.first() > 1) {
          pairs.add(new int[] {years.first(), years.last()});
        }
        for (int[] p : pairs) {
          Optional<Rate> before = rate(byYear.get(p[0]), population(a, List.of(p[0]), Optional.empty(), Optional.empty()));
          Optional<Rate> after = rate(byYear.get(p[1]), population(a, List.of(p[1]), Optional.empty(), Optional.empty()));
          if (before.isEmpty() || after.isEmpty() || before.get().count() + after.get().count() == 0) {
            continue;
          }
          PeriodChange c = PeriodChange.of(subjectEn, subjectEs, before.get(), after.get());
          changes.add(new Change(a, p[0], p[1], c));
          ObjectNode n = arr.addObject();
          ObjectNode g = n.putObject("group");
          a.ifPresent(x -> g.put("area", x));
          n.put("from", p[0]);
          n.put("to", p[1]);
          ObjectNode b = n.putObject("before");
          b.put("count", before.get().count());
          writeRate(b, before.get());
          ObjectNode af = n.putObject("after");
          af.put("count", after.get().count());
          writeRate(af, after.get());
          n.put("rateRatio", c.comparison().rateRatio());
          n.put("lower", c.comparison().lower());
          n.put("upper", c.comparison().upper());
          n.put("pValue", c.comparison().pValue());
          n.put("verdict", c.verdict().name());
          ObjectNode s = n.putObject("sentence");
          s.put("en", c.english());
          s.put("es", c.spanish());
          n.set(
              "lineage",
              lineageNode(
                  lineage(
                          subjectEn + " rate change " + p[0] + " to " + p[1],
                          before.get().count() + after.get().count(),
                          "conditional binomial test and exact interval of the rate ratio, as R poisson.test(c(x2, x1), c(T2, T1))")
                      .populationVintage(table.vintage())
                      .build()));
        }
      }
    }

    private List<AgeBand> bands() {
      TreeSet<AgeBand> bands = new TreeSet<>(Comparator.comparingInt(AgeBand::min));
      table.rows().forEach(r -> r.ageBand().ifPresent(bands::add));
      return bands.isEmpty() ? DEFAULT_BANDS : List.copyOf(bands);
    }

    private void sdg(List<Incident> accepted, List<Incident> located, long rejected) {
      ArrayNode arr = root.putArray("sdg16_1_1");
      Map<String, Long> sdgExcluded = new LinkedHashMap<>();
      if (rejected > 0) {
        sdgExcluded.put("rejected by the reader (see atalaya validate)", rejected);
      }
      long undated = 0;
      long unplaced = 0;
      for (Incident i : accepted) {
        if (i.iccs().filter(c -> c.isWithin(HomicideVictims.INTENTIONAL_HOMICIDE)).isPresent()
            && i.context().attempt() != Attempt.ATTEMPTED) {
          if (yearOf(i).isEmpty()) {
            undated++;
          } else if (settings.has("area") && areaOf(i).isEmpty()) {
            unplaced++;
          }
        }
      }
      if (undated > 0) {
        sdgExcluded.put("ICCS 0101 incidents whose year of occurrence is not known", undated);
      }
      if (unplaced > 0) {
        sdgExcluded.put("ICCS 0101 incidents without a " + settings.areaLevel() + " code", unplaced);
      }
      boolean byArea = settings.has("area");
      boolean byYear = settings.has("year");
      TreeSet<String> sdgAreas = new TreeSet<>();
      TreeSet<Integer> sdgYears = new TreeSet<>();
      for (Incident i : located) {
        if (i.iccs().filter(c -> c.isWithin(HomicideVictims.INTENTIONAL_HOMICIDE)).isPresent()) {
          areaOf(i).filter(x -> byArea).ifPresent(sdgAreas::add);
          yearOf(i).ifPresent(sdgYears::add);
        }
      }
      if (sdgYears.isEmpty()) {
        return;
      }
      List<Optional<String>> areaKeys = new ArrayList<>();
      if (byArea) {
        sdgAreas.forEach(a -> areaKeys.add(Optional.of(a)));
      } else {
        areaKeys.add(Optional.empty());
      }
      List<Optional<Integer>> yearKeys = new ArrayList<>();
      if (byYear) {
        sdgYears.forEach(y -> yearKeys.add(Optional.of(y)));
      } else {
        yearKeys.add(Optional.empty());
      }
      List<AgeBand> bands = bands();
      List<Optional<Sex>> sexes = new ArrayList<>();
      sexes.add(Optional.empty());
      if (settings.has("sex")) {
        sexes.add(Optional.of(Sex.FEMALE));
        sexes.add(Optional.of(Sex.MALE));
      }
      List<Optional<AgeBand>> bandKeys = new ArrayList<>();
      bandKeys.add(Optional.empty());
      if (settings.has("age")) {
        bands.forEach(b -> bandKeys.add(Optional.of(b)));
      }
      for (Optional<String> a : areaKeys) {
        for (Optional<Integer> y : yearKeys) {
          List<Incident> group = new ArrayList<>();
          for (Incident i : located) {
            if ((a.isEmpty() || a.equals(areaOf(i))) && (y.isEmpty() || y.equals(yearOf(i)))) {
              group.add(i);
            }
          }
          HomicideVictims hv = HomicideVictims.count(group, bands);
          List<Integer> popYears = y.map(List::of).orElseGet(() -> List.copyOf(sdgYears));
          for (Optional<Sex> sex : sexes) {
            for (Optional<AgeBand> band : bandKeys) {
              long victims = hv.victims(sex, band);
              Optional<Rate> rate = rate(victims, population(a, popYears, sex, band));
              ObjectNode n = arr.addObject();
              ObjectNode g = n.putObject("group");
              new Key(a, y).write(g);
              g.put("sex", sex.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("all"));
              g.put("ageBand", band.map(AgeBand::toString).orElse("all"));
              n.put("victims", victims);
              rate.ifPresentOrElse(x -> writeRate(n, x), () -> n.putNull("rate"));
              if (sex.isEmpty() && band.isEmpty()) {
                n.put("victimsOfUnknownAge", hv.victimsOfUnknownAge());
                n.put("victimsOfOtherOrUnknownSex", hv.victims(Optional.of(Sex.OTHER), Optional.empty()) + hv.victims(Optional.of(Sex.UNKNOWN), Optional.empty()));
                rate.ifPresent(x -> sdgLines.add(new SdgLine(new Key(a, y), x, hv)));
              }
              Lineage.Builder l =
                  Lineage.builder("SDG 16.1.1 victims of intentional homicide per 100,000")
                      .input(file)
                      .filter("victims KILLED in ICCS 0101 incidents (and codes within it), attempts left out")
                      .used(hv.incidents())
                      .confidence(settings.confidence())
                      .method("victims, not incidents; exact (Garwood) interval")
                      .populationVintage(table.vintage());
              sdgExcluded.forEach(l::excluded);
              if (hv.attemptsExcluded() > 0) {
                l.excluded("ICCS 0101 recorded as an attempt", hv.attemptsExcluded());
              }
              if (hv.incidentsWithoutVictims() > 0) {
                l.excluded("homicide incidents without victim records", hv.incidentsWithoutVictims());
              }
              if (hv.victimsNotKilled() > 0) {
                l.excluded("victims not killed (victims, not incidents)", hv.victimsNotKilled());
              }
              if (hv.victimsOutcomeUnknown() > 0) {
                l.excluded("victims of unknown outcome (victims, not incidents)", hv.victimsOutcomeUnknown());
              }
              n.set("lineage", lineageNode(l.build()));
            }
          }
        }
      }
    }

    private void alarms(List<Incident> used, TreeSet<String> areas) {
      ArrayNode arr = root.putArray("alarms");
      List<Optional<String>> areaKeys = new ArrayList<>();
      if (settings.has("area")) {
        areas.forEach(a -> areaKeys.add(Optional.of(a)));
      } else {
        areaKeys.add(Optional.empty());
      }
      for (Optional<String> a : areaKeys) {
        TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
        long noMonth = 0;
        long inArea = 0;
        for (Incident i : used) {
          if (a.isPresent() && !a.equals(areaOf(i))) {
            continue;
          }
          inArea++;
          Optional<YearMonth> m = monthOf(i);
          if (m.isEmpty()) {
            noMonth++;
          } else {
            byMonth.merge(m.get(), 1L, Long::sum);
          }
        }
        if (byMonth.isEmpty()) {
          continue;
        }
        YearMonth start = byMonth.firstKey();
        int size = (int) (start.until(byMonth.lastKey(), java.time.temporal.ChronoUnit.MONTHS) + 1);
        long[] counts = new long[size];
        byMonth.forEach((m, c) -> counts[(int) start.until(m, java.time.temporal.ChronoUnit.MONTHS)] = c);
        MonthlySeries series = MonthlySeries.of(start, counts);
        ObjectNode n = arr.addObject();
        ObjectNode g = n.putObject("group");
        a.ifPresent(x -> g.put("area", x));
        n.put("start", start.toString());
        n.put("end", series.end().toString());
        ArrayNode cs = n.putArray("counts");
        for (long c : counts) {
          cs.add(c);
        }
        ArrayNode rules = n.putArray("rules");
        int baselineYears = Math.min(2, (size - 1) / 12);
        if (baselineYears > 0) {
          ObjectNode rule = rules.addObject();
          rule.put("rule", "poissonZ");
          rule.putObject("parameters").put("baselineYears", baselineYears).put("threshold", 2.0);
          addAlarms(rule, Alarms.poissonZ(series, baselineYears, 2.0), a, "Poisson Z");
        }
        double mu0 = 0;
        if (size >= 13) {
          for (int k = 0; k < 12; k++) {
            mu0 += counts[k];
          }
          mu0 /= 12;
        }
        if (mu0 > 0) {
          ObjectNode ewma = rules.addObject();
          ewma.put("rule", "ewma");
          ewma.putObject("parameters").put("mu0", mu0).put("lambda", 0.2).put("L", 3.0);
          addAlarms(ewma, Alarms.ewma(series, mu0, 0.2, 3.0), a, "EWMA");
          ObjectNode cusum = rules.addObject();
          cusum.put("rule", "cusum");
          cusum.putObject("parameters").put("mu0", mu0).put("mu1", 1.5 * mu0).put("h", 5.0);
          addAlarms(cusum, Alarms.cusum(series, mu0, 1.5 * mu0, 5.0), a, "CUSUM");
        }
        Lineage.Builder l =
            lineage(subjectEn + " incidents per month: alarms", inArea - noMonth, "Poisson Z against the mean of the same months of earlier years; Poisson EWMA and CUSUM with mu0 the mean of the first 12 months");
        if (noMonth > 0) {
          l.excluded("month of occurrence not known", noMonth);
        }
        n.set("lineage", lineageNode(l.build()));
      }
    }

    private void addAlarms(ObjectNode rule, List<Alarm> checks, Optional<String> area, String label) {
      ArrayNode months = rule.putArray("alarmMonths");
      List<String> hit = new ArrayList<>();
      for (Alarm x : checks) {
        if (x.alarm()) {
          ObjectNode m = months.addObject();
          m.put("month", x.month().toString());
          m.put("count", x.count());
          m.put("expected", x.expected());
          if (Double.isFinite(x.statistic())) {
            m.put("statistic", x.statistic());
          } else {
            m.putNull("statistic");
          }
          m.put("threshold", x.threshold());
          hit.add(x.month().toString());
        }
      }
      rule.put("monthsChecked", checks.size());
      alarmLines.add(new AlarmLine(area, label, checks.size(), List.copyOf(hit)));
    }

    private void funnel(List<Incident> used, Function<Incident, Key> keyOf) {
      ArrayNode arr = root.putArray("impunity");
      LocalDate date =
          settings.asOf()
              .orElseGet(
                  () -> used.stream()
                      .flatMap(i -> i.caseHistory().events().stream())
                      .map(CaseEvent::date)
                      .max(Comparator.naturalOrder())
                      .orElse(null));
      if (date == null) {
        return;
      }
      ImpunityFunnel.Settings fs = new ImpunityFunnel.Settings(date, Period.ofYears(settings.followUpYears()), settings.confidence());
      Map<Key, ImpunityFunnel> funnels = new TreeMap<>(Key.ORDER);
      funnels.putAll(ImpunityFunnel.byGroup(used, keyOf::apply, fs));
      for (Map.Entry<Key, ImpunityFunnel> e : funnels.entrySet()) {
        ImpunityFunnel f = e.getValue();
        ObjectNode n = arr.addObject();
        e.getKey().write(n.putObject("group"));
        n.put("asOf", date.toString());
        n.put("followUpYears", settings.followUpYears());
        n.put("cases", f.cases());
        n.put("withoutHistory", f.withoutHistory());
        n.put("notYetEntered", f.notYetEntered());
        n.put("cohort", f.cohort());
        n.put("younger", f.younger());
        ArrayNode stages = n.putArray("stages");
        for (StageCount s : f.stages()) {
          ObjectNode st = stages.addObject();
          st.put("stage", s.stage().name());
          st.put("reached", s.reached());
          st.put("censored", s.censored());
          st.put("cohortReached", s.cohortReached());
          writeProportion(st, "ofCohort", s.ofCohort());
          writeProportion(st, "ofPrevious", s.ofPrevious());
        }
        // Where the cases stand now, including the exits the stages do not show.
        ObjectNode now = n.putObject("currentStatus");
        for (org.atalaya.incident.CaseStatus s : org.atalaya.incident.CaseStatus.values()) {
          now.put(s.name(), f.currentlyAt(s));
        }
        ObjectNode med = n.putObject("medianDays");
        FunnelStage[] all = FunnelStage.values();
        for (int k = 0; k + 1 < all.length; k++) {
          OptionalDouble d = f.medianDays(all[k], all[k + 1]);
          String name = all[k].name() + "->" + all[k + 1].name();
          if (d.isPresent()) {
            med.put(name, d.getAsDouble());
          } else {
            med.putNull(name);
          }
        }
        ObjectNode times = n.putObject("timeToStage");
        for (int k = 0; k + 1 < all.length; k++) {
          StageTime st = f.timeBetween(all[k], all[k + 1]);
          ObjectNode o = times.putObject(all[k].name() + "->" + all[k + 1].name());
          o.put("atRisk", st.atRisk());
          o.put("events", st.events());
          o.put("stillWaiting", st.stillWaiting());
          o.put("endedOtherwise", st.endedOtherwise());
          o.put("startUnknown", st.startUnknown());
          putOptional(o, "medianDays", st.medianDays());
          putOptional(o, "medianLower", st.estimate().medianLower());
          putOptional(o, "medianUpper", st.estimate().medianUpper());
        }
        Lineage.Builder l =
            lineage(subjectEn + " impunity funnel", f.cases(), "case histories; cohort with " + settings.followUpYears() + "-year follow-up, right-censored; Clopper-Pearson intervals; Kaplan-Meier times to the next stage (cases that ended elsewhere never reach it)");
        if (f.withoutHistory() > 0) {
          l.excluded("no case history", f.withoutHistory());
        }
        if (f.notYetEntered() > 0) {
          l.excluded("entered after " + date, f.notYetEntered());
        }
        n.set("lineage", lineageNode(l.build()));
        funnelLines.add(new FunnelLine(e.getKey(), f));
      }
    }

    private static void putOptional(ObjectNode o, String name, OptionalDouble value) {
      if (value.isPresent()) {
        o.put(name, value.getAsDouble());
      } else {
        o.putNull(name);
      }
    }

    private static void writeProportion(ObjectNode st, String name, Optional<Proportion> p) {
      if (p.isEmpty()) {
        st.putNull(name);
        return;
      }
      ObjectNode o = st.putObject(name);
      o.put("successes", p.get().successes());
      o.put("trials", p.get().trials());
      o.put("estimate", p.get().estimate());
      o.put("lower", p.get().lower());
      o.put("upper", p.get().upper());
    }

    String toJson() {
      try {
        return mapper.writeValueAsString(root);
      } catch (IOException e) {
        throw new IllegalStateException("a JSON tree of plain values could not be written", e);
      }
    }

    static String rateText(Rate r, Locale locale) {
      return String.format(
          locale,
          "%.2f (%.2f - %.2f)",
          r.rate(),
          r.lower(),
          r.upper());
    }

    void printSummary(PrintWriter o, Texts t) {
      Locale locale = t.locale();
      String level = String.format(Locale.ROOT, "%.0f", settings.confidence() * 100);
      o.println(t.get("indicators.head", file, table.vintage()));
      if (!excluded.isEmpty()) {
        StringBuilder sb = new StringBuilder();
        excluded.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
        o.println(t.get("indicators.excluded", sb.toString()));
      }
      o.println();
      o.println(t.get("indicators.rates", subjectEn.equals("homicide") ? t.get("indicators.homicide") : subjectEn, level));
      for (Map.Entry<Key, Rate> e : rates.entrySet()) {
        Rate r = e.getValue();
        o.printf(
            t.locale(), "  %-14s %,6d / %,12.0f  %s%n", e.getKey().label(t), r.count(), r.population(), rateText(r, t.locale()));
      }
      if (!sdgLines.isEmpty()) {
        o.println();
        o.println(t.get("indicators.sdg", level));
        for (SdgLine line : sdgLines) {
          Rate r = line.rate();
          HomicideVictims hv = line.victims();
          o.printf(t.locale(), "  %-14s %,6d / %,12.0f  %s%n", line.key().label(t), r.count(), r.population(), rateText(r, t.locale()));
          o.println(
              "  " + " ".repeat(14) + " "
                  + t.get(
                      "indicators.sdgBySex",
                      String.valueOf(hv.victims(Optional.of(Sex.FEMALE), Optional.empty())),
                      String.valueOf(hv.victims(Optional.of(Sex.MALE), Optional.empty())),
                      String.valueOf(hv.victimsOfUnknownAge())));
        }
      }
      if (!changes.isEmpty()) {
        o.println();
        o.println(t.get("indicators.changes"));
        for (Change c : changes) {
          o.println("  " + c.area().map(a -> a + ", ").orElse("") + c.from() + " -> " + c.to() + ": " + c.change().sentence(locale));
        }
      }
      if (!alarmLines.isEmpty()) {
        o.println();
        o.println(t.get("indicators.alarms"));
        for (AlarmLine a : alarmLines) {
          o.println(
              "  " + a.area().orElse(t.get("indicators.allAreas")) + ", " + a.rule() + ": "
                  + t.get("indicators.alarmCount", String.valueOf(a.flagged().size()), String.valueOf(a.checked()))
                  + (a.flagged().isEmpty() ? "" : " " + String.join(", ", a.flagged())));
        }
      }
      if (!funnelLines.isEmpty()) {
        o.println();
        o.println(t.get("indicators.funnel", level));
        for (FunnelLine h : funnelLines) {
          Key k = h.key();
          ImpunityFunnel f = h.funnel();
          StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  %-14s ", k.label(t)));
          sb.append(t.get("indicators.cohort", String.valueOf(f.cases()), String.valueOf(f.cohort()), String.valueOf(f.younger())));
          for (StageCount s : f.stages()) {
            if (s.stage() == FunnelStage.REPORTED) {
              continue;
            }
            sb.append("; ").append(s.stage().name().toLowerCase(Locale.ROOT)).append(' ');
            sb.append(
                s.ofCohort()
                    .map(p -> String.format(t.locale(), "%,d (%.1f%%, %.1f-%.1f%%)", p.successes(), 100 * p.estimate(), 100 * p.lower(), 100 * p.upper()))
                    .orElse("-"));
          }
          o.println(sb);
        }
      }
      if (!missing.isEmpty()) {
        o.println();
        o.println(t.get("indicators.missing", String.valueOf(missing.size())));
        missing.stream().limit(10).forEach(m -> o.println("  " + m));
      }
    }
  }
}
