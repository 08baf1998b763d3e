package org.atalaya.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atalaya.anonymise.AnonymisationException;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseRefusedException;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.io.AreaRejection;
import org.atalaya.incident.Incident;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadResult;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.synthetic.SyntheticIncidents;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atalaya report}: the demo's report for the user's own incidents. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write the report of your own incidents: hot-spot maps of the two municipalities with the"
          + " most points, the monthly series,",
      "rates and change (with --population), the near-repeat table of robberies, and an anonymised"
          + " release with its privacy report.",
      "The release and its privacy report are written next to the report; a release that fails a"
          + " check is not written (exit code 1)."
    })
final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--incidents",
      required = true,
      paramLabel = "FILE",
      description = "The incidents, in any supported format.")
  Path incidents;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Importer id (default: recognised from the file).")
  String format;

  @Option(
      names = "--areas",
      paramLabel = "AREAS.geojson",
      description =
          "Areas to map by rate (GeoJSON polygons); their ids are the population's area codes.")
  Path areas;

  @Option(
      names = "--id-property",
      paramLabel = "NAME",
      description = "The areas' id property (default: the feature's id).")
  String idProperty;

  @Option(
      names = "--population",
      paramLabel = "POP.csv",
      description =
          "Population by municipality code and year (area,year,sex,age_band,population; blank sex"
              + " and age band for totals), for rates.")
  Path population;

  @Option(
      names = "--vintage",
      paramLabel = "TEXT",
      description = "Where the populations come from, for the lineage.")
  String vintage;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      defaultValue = "open-data",
      description =
          "Release policy publishing records: a JSON file, open-data or share-with-police (default:"
              + " ${DEFAULT-VALUE}).")
  String policy;

  @ArgGroup(exclusive = true)
  AnonymiseCommand.KeySource key;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "2011",
      description = "Seed of the permutation tests (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "report.html",
      description = "Where to write the report.")
  Path out;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    String name = "atalaya report: ";
    List<Incident> list;
    Optional<PopulationTable> table = Optional.empty();
    ReleasePolicy p;
    ReleaseKey k;
    List<Area> areaList = List.of();
    try {
      if (!Files.isReadable(incidents)) {
        throw new InputOptions.UsageError(input.texts().get("io.cannotRead", incidents));
      }
      String outputs =
          Atalaya.overwritesInput(input.texts(), Arrays.asList(incidents, areas, population), out);
      if (outputs != null) {
        throw new InputOptions.UsageError(outputs);
      }
      IncidentImporter importer = input.importer(format, incidents, "--format", err);
      ReadResult read = importer.readAll(incidents, input.readOptions(incidents));
      if (read.report().rejected() > 0) {
        err.println(
            name
                + read.report().rejected()
                + " of "
                + read.report().read()
                + " records were rejected; run atalaya validate and fix them first");
        err.flush();
        return Atalaya.DATA_PROBLEMS;
      }
      list = read.incidents();
      if (population != null) {
        try (Reader r = Files.newBufferedReader(population, StandardCharsets.UTF_8)) {
          table =
              Optional.of(
                  PopulationTable.readCsv(
                      r,
                      vintage == null ? "population file " + population.getFileName() : vintage));
        } catch (IOException e) {
          throw Atalaya.naming(population, e);
        }
      }
      p = AnonymiseCommand.policy(policy, input.plugins(err));
      if (!p.publishRecords()) {
        throw new InputOptions.UsageError(
            "policy "
                + p.name()
                + " publishes tables only, but the report maps the released records; use atalaya"
                + " anonymise for it, or give a policy that publishes records (such as open-data)");
      }
      if (areas != null) {
        AreaReader.Builder reader = AreaReader.builder();
        if (idProperty != null) {
          reader.idProperty(idProperty);
        }
        AreaReadResult read2 = reader.build().readGeoJson(areas);
        for (AreaRejection rej : read2.rejections()) {
          err.println(
              name
                  + areas.getFileName()
                  + ": "
                  + rej.reason().code()
                  + " "
                  + rej.message(input.locale()));
        }
        if (read2.areas().isEmpty()) {
          throw new InputOptions.UsageError(
              areas
                  + " has no usable area"
                  + (idProperty == null
                      ? "; if the ids are in a property, give --id-property"
                      : ""));
        }
        areaList = read2.areas();
      }
      if (key == null) {
        // No key given: one for this run only, so masks differ between runs; --key-env keeps them
        // stable.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        k = ReleaseKey.of(secret);
      } else {
        k = key.env != null ? ReleaseKey.fromEnvironment(key.env) : ReleaseKey.fromFile(key.file);
      }
    } catch (InputOptions.UsageError | IllegalArgumentException e) {
      err.println(name + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    } catch (IncidentReadException e) {
      err.println(name + e.message(input.locale()));
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    } catch (AnonymisationException e) {
      err.println(name + e.message(input.locale()));
      err.flush();
      return Atalaya.USAGE;
    }
    Path dir = out.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Synthetic records say so (attribute atalaya:synthetic=true); then the report must say so too.
    boolean synthetic =
        list.stream()
            .anyMatch(
                i ->
                    i.attributes()
                        .get(SyntheticIncidents.SYNTHETIC_ATTRIBUTE)
                        .map("true"::equals)
                        .orElse(false));
    DemoReport.Settings settings =
        new DemoReport.Settings(
            String.valueOf(incidents.getFileName()),
            synthetic,
            DemoReport.largestMunicipalities(list),
            table,
            p,
            k,
            false,
            areaList);
    List<String[]> files = new ArrayList<>();
    files.add(new String[] {"release-" + p.name() + ".geojson", "the anonymised release"});
    files.add(new String[] {"privacy-report-" + p.name() + ".json", "its privacy report"});
    DemoReport.Summary s;
    try {
      s = new DemoReport(list, seed, input.locale(), settings).write(dir, out, files);
    } catch (ReleaseRefusedException e) {
      err.println(name + input.texts().get("report.refused", e.message(input.locale())));
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(input.texts().get("demo.analysis.hotspots", s.hotSpots(), s.cells(), s.coldSpots()));
    o.println(input.texts().get("demo.analysis.report", out));
    o.flush();
    return Atalaya.OK;
  }
}
