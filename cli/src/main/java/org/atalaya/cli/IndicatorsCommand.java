package org.atalaya.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atalaya.incident.Sex;
import org.atalaya.indicator.FunnelStage;
import org.atalaya.indicator.HomicideVictims;
import org.atalaya.indicator.ImpunityFunnel;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Rate;
import org.atalaya.indicator.StageCount;
import org.atalaya.indicator.report.AlarmResult;
import org.atalaya.indicator.report.AreaLevel;
import org.atalaya.indicator.report.ChangeResult;
import org.atalaya.indicator.report.FunnelResult;
import org.atalaya.indicator.report.Group;
import org.atalaya.indicator.report.Grouping;
import org.atalaya.indicator.report.IndicatorReport;
import org.atalaya.indicator.report.IndicatorSettings;
import org.atalaya.indicator.report.RateResult;
import org.atalaya.indicator.report.RuleAlarms;
import org.atalaya.indicator.report.SdgResult;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.taxonomy.IccsCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
  @Option(
      names = "--incidents",
      required = true,
      paramLabel = "FILE",
      description = "The incident file (.csv or .txt, .json, .ndjson or .jsonl, .geojson).")
  Path incidents;

  @Option(
      names = "--population",
      required = true,
      paramLabel = "POP.csv",
      description = "Population table: area,year,sex,age_band,population (',' or ';').")
  Path population;

  @Option(
      names = "--vintage",
      paramLabel = "TEXT",
      description =
          "Who published the population figures, and when (recorded in every lineage; default: 'not"
              + " stated' and the file name).")
  String vintage;

  @Option(
      names = "--by",
      paramLabel = "DIMS",
      split = ",",
      defaultValue = "area,year,sex,age",
      description =
          "Group by any of area, year, sex, age (default: ${DEFAULT-VALUE}); sex and age apply to"
              + " SDG 16.1.1 victims.")
  List<String> by;

  @Option(
      names = "--area",
      paramLabel = "department|municipality",
      defaultValue = "municipality",
      description =
          "Which code of the incidents' location is the area of the population table (default:"
              + " ${DEFAULT-VALUE}).")
  String areaLevel;

  @Option(
      names = "--iccs",
      paramLabel = "CODE",
      defaultValue = "0101",
      description =
          "ICCS category whose incidents are counted for rates, change, alarms and the funnel"
              + " (default: ${DEFAULT-VALUE}, intentional homicide).")
  String iccs;

  @Option(
      names = "--confidence",
      paramLabel = "LEVEL",
      defaultValue = "0.95",
      description = "Confidence level, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double confidence;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Date the impunity funnel describes (default: the latest date in the file's case"
              + " histories).")
  LocalDate asOf;

  @Option(
      names = "--follow-up-years",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Follow-up that defines the funnel's cohort, in years (default: ${DEFAULT-VALUE}).")
  int followUpYears;

  @Option(
      names = "--out",
      paramLabel = "indicators.json",
      description = "Write the JSON document to this file.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv, json, ndjson or geojson (default: from the extension).")
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
    String outputs =
        out == null
            ? null
            : Atalaya.overwritesInput(input.texts(), List.of(incidents, population), out);
    if (outputs != null) {
      err.println(name + outputs);
      err.flush();
      return Atalaya.USAGE;
    }
    IndicatorSettings settings;
    IncidentImporter f;
    ReadOptions options;
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
        vintage == null || vintage.isBlank()
            ? "not stated (population file " + population.getFileName() + ")"
            : vintage;
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
      err.println(name + e.message(input.locale()));
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    IndicatorReport report = IndicatorReport.compute(read, table, settings);
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
      printSummary(report, o, t);
      if (out != null) {
        o.println(t.get("indicators.written", out));
      }
    }
    o.flush();
    if (read.report().rejected() > 0 || !report.missingPopulation().isEmpty()) {
      if (read.report().rejected() > 0) {
        err.println(
            name
                + t.get(
                    "indicators.rejectedNote",
                    String.valueOf(read.report().rejected()),
                    incidents.getFileName()));
      }
      if (!report.missingPopulation().isEmpty()) {
        err.println(
            name
                + t.get(
                    "indicators.missingNote", String.valueOf(report.missingPopulation().size())));
      }
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    return Atalaya.OK;
  }

  private IndicatorSettings settings() throws InputOptions.UsageError {
    Texts t = input.texts();
    List<Grouping> dims = new ArrayList<>();
    for (String d : by) {
      String s = d.strip().toLowerCase(Locale.ROOT);
      if (!List.of("area", "year", "sex", "age").contains(s)) {
        throw new InputOptions.UsageError(t.get("arg.by", d));
      }
      dims.add(Grouping.of(s));
    }
    String level = areaLevel.strip().toLowerCase(Locale.ROOT);
    if (!level.equals("department") && !level.equals("municipality")) {
      throw new InputOptions.UsageError(t.get("arg.area", areaLevel));
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new InputOptions.UsageError(
          t.get("arg.confidence", "--confidence", String.valueOf(confidence)));
    }
    if (followUpYears <= 0) {
      throw new InputOptions.UsageError(t.get("arg.followUp", String.valueOf(followUpYears)));
    }
    return IndicatorSettings.builder()
        .groupBy(dims)
        .areaLevel(AreaLevel.of(level))
        .category(IccsCode.of(iccs.strip()))
        .confidence(confidence)
        .asOf(Optional.ofNullable(asOf))
        .followUpYears(followUpYears)
        .input(String.valueOf(incidents.getFileName()))
        .populationInput(String.valueOf(population.getFileName()))
        .build();
  }

  /** A group's label in the summary: its area (or all areas) and its year. */
  static String label(Group g, Texts t) {
    List<String> parts = new ArrayList<>();
    parts.add(g.area().orElse(t.get("indicators.allAreas")));
    g.year().ifPresent(y -> parts.add(String.valueOf(y)));
    return String.join(" ", parts);
  }

  /** A rate and its interval, two decimals: {@code 10.00 (4.80 - 18.39)}. */
  static String rateText(Rate r, Locale locale) {
    return String.format(locale, "%.2f (%.2f - %.2f)", r.rate(), r.lower(), r.upper());
  }

  /** Prints the summary of the report in the language of {@code t}. */
  static void printSummary(IndicatorReport report, PrintWriter o, Texts t) {
    Locale locale = t.locale();
    IndicatorSettings settings = report.settings();
    String level = String.format(Locale.ROOT, "%.0f", settings.confidence() * 100);
    o.println(t.get("indicators.head", settings.input(), report.populationVintage()));
    if (!report.excluded().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      report
          .excluded()
          .forEach(
              (k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(v));
      o.println(t.get("indicators.excluded", sb.toString()));
    }
    o.println();
    String subject = report.subjectEnglish();
    o.println(
        t.get(
            "indicators.rates",
            subject.equals("homicide") ? t.get("indicators.homicide") : subject,
            level));
    for (RateResult x : report.rates()) {
      if (x.rate().isPresent()) {
        Rate r = x.rate().get();
        o.printf(
            locale,
            "  %-14s %,6d / %,12.0f  %s%n",
            label(x.group(), t),
            r.count(),
            r.population(),
            rateText(r, locale));
      }
    }
    List<SdgResult> sdgTotals =
        report.sdg().stream().filter(x -> x.isTotal() && x.rate().isPresent()).toList();
    if (!sdgTotals.isEmpty()) {
      o.println();
      o.println(t.get("indicators.sdg", level));
      for (SdgResult line : sdgTotals) {
        Rate r = line.rate().get();
        HomicideVictims hv = line.counts();
        o.printf(
            locale,
            "  %-14s %,6d / %,12.0f  %s%n",
            label(line.group(), t),
            r.count(),
            r.population(),
            rateText(r, locale));
        o.println(
            "  "
                + " ".repeat(14)
                + " "
                + t.get(
                    "indicators.sdgBySex",
                    String.valueOf(hv.victims(Optional.of(Sex.FEMALE), Optional.empty())),
                    String.valueOf(hv.victims(Optional.of(Sex.MALE), Optional.empty())),
                    String.valueOf(hv.victimsOfUnknownAge())));
      }
    }
    if (!report.changes().isEmpty()) {
      o.println();
      o.println(t.get("indicators.changes"));
      for (ChangeResult c : report.changes()) {
        o.println(
            "  "
                + c.area().map(a -> a + ", ").orElse("")
                + c.from()
                + " -> "
                + c.to()
                + ": "
                + c.change().sentence(locale));
      }
    }
    if (report.alarms().stream().anyMatch(a -> !a.rules().isEmpty())) {
      o.println();
      o.println(t.get("indicators.alarms"));
      for (AlarmResult a : report.alarms()) {
        for (RuleAlarms rule : a.rules()) {
          List<String> flagged = rule.alarms().stream().map(x -> x.month().toString()).toList();
          o.println(
              "  "
                  + a.area().orElse(t.get("indicators.allAreas"))
                  + ", "
                  + rule.rule().label()
                  + ": "
                  + t.get(
                      "indicators.alarmCount",
                      String.valueOf(flagged.size()),
                      String.valueOf(rule.checks().size()))
                  + (flagged.isEmpty() ? "" : " " + String.join(", ", flagged)));
        }
      }
    }
    if (!report.funnels().isEmpty()) {
      o.println();
      o.println(t.get("indicators.funnel", level));
      for (FunnelResult h : report.funnels()) {
        ImpunityFunnel f = h.funnel();
        StringBuilder sb =
            new StringBuilder(String.format(Locale.ROOT, "  %-14s ", label(h.group(), t)));
        sb.append(
            t.get(
                "indicators.cohort",
                String.valueOf(f.cases()),
                String.valueOf(f.cohort()),
                String.valueOf(f.younger())));
        for (StageCount s : f.stages()) {
          if (s.stage() == FunnelStage.REPORTED) {
            continue;
          }
          sb.append("; ").append(s.stage().name().toLowerCase(Locale.ROOT)).append(' ');
          sb.append(
              s.ofCohort()
                  .map(
                      p ->
                          String.format(
                              locale,
                              "%,d (%.1f%%, %.1f-%.1f%%)",
                              p.successes(),
                              100 * p.estimate(),
                              100 * p.lower(),
                              100 * p.upper()))
                  .orElse("-"));
        }
        o.println(sb);
      }
    }
    if (!report.missingPopulation().isEmpty()) {
      o.println();
      o.println(t.get("indicators.missing", String.valueOf(report.missingPopulation().size())));
      report.missingPopulation().stream().limit(10).forEach(m -> o.println("  " + m));
    }
  }
}
