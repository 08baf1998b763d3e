package org.atalaya.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.nearrepeat.NearRepeat;
import org.atalaya.geo.nearrepeat.NearRepeatCell;
import org.atalaya.geo.nearrepeat.NearRepeatTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya near-repeat}: the near-repeat table (distance bands x time bands, each [a, b))
 * with Knox ratios and seeded Monte Carlo p-values, as Ratcliffe's Near Repeat Calculator but
 * seeded, with correctly labelled intervals, and in seconds.
 */
@Command(
    name = "near-repeat",
    mixinStandardHelpOptions = true,
    description = {
      "Near-repeat table: pairs of incidents by distance band and time band ([a, b) intervals),"
          + " observed vs expected when times are shuffled,",
      "the Knox ratio and a one-sided Monte Carlo p-value (#{simulated >= observed} + 1) / (N +"
          + " 1).",
      "Incidents need a point and a time to the day or finer; others are counted as excluded."
    })
final class NearRepeatCommand implements Callable<Integer> {
  @Option(
      names = "--incidents",
      required = true,
      paramLabel = "FILE",
      description = "The incident file (.csv, .json, .ndjson, .geojson).")
  Path incidents;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv, json, ndjson or geojson (default: from the extension).")
  String format;

  @Option(
      names = "--distance-bands",
      required = true,
      split = ",",
      paramLabel = "0,100,200,400",
      description = "Distance band limits in metres, ascending.")
  double[] distanceBands;

  @Option(
      names = "--time-bands",
      required = true,
      split = ",",
      paramLabel = "0,7,14,21,28",
      description = "Time band limits in days, ascending.")
  double[] timeBands;

  @Option(
      names = "--permutations",
      paramLabel = "N",
      defaultValue = "999",
      description = "Monte Carlo permutations (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--json",
      description =
          "Print JSON: {incidents, used, excluded, pairs, permutations, seed, cells: [{distance,"
              + " time, observed, expected, knoxRatio, pSim}]}.")
  boolean json;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Texts t = input.texts();
    NearRepeat calculator;
    SpatialInput in;
    try {
      calculator =
          NearRepeat.builder()
              .distanceBands(distanceBands)
              .timeBands(timeBands)
              .permutations(Permutations.of(permutations, seed))
              .build();
    } catch (IllegalArgumentException e) {
      err.println("atalaya near-repeat: " + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    }
    try {
      in = SpatialInput.load("near-repeat", incidents, format, input, true, 2, err);
    } catch (SpatialInput.Exit e) {
      return e.code;
    }
    NearRepeatTable table = calculator.run(in.x, in.y, in.days);
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ObjectNode n = mapper.createObjectNode();
      n.put("incidents", in.read);
      n.put("used", in.used());
      n.put("excluded", in.excluded());
      n.put("pairs", table.pairs());
      n.put("permutations", table.permutations());
      n.put("seed", table.seed());
      ArrayNode cells = n.putArray("cells");
      for (NearRepeatCell c : table.cells()) {
        ObjectNode cell = cells.addObject();
        cell.put("distance", c.distance().label());
        cell.put("time", c.time().label());
        cell.put("observed", c.observed());
        cell.put("expected", SpatialInput.json(c.expected()));
        cell.put("knoxRatio", SpatialInput.json(c.knoxRatio()));
        cell.put("pSim", SpatialInput.json(c.pSim()));
      }
      o.println(mapper.writeValueAsString(n));
    } else {
      o.println(
          t.get(
              "nearRepeat.summary",
              in.read,
              in.used(),
              in.rejected,
              in.noPoint,
              in.coarseTime,
              table.pairs(),
              in.crs.name()));
      o.println(t.get("nearRepeat.how", table.permutations(), table.seed()));
      int columns = timeBands.length - 1;
      StringBuilder head =
          new StringBuilder(String.format(Locale.ROOT, "%-16s", t.get("nearRepeat.metresDays")));
      for (int b = 0; b < columns; b++) {
        head.append(String.format(Locale.ROOT, "%16s", table.cells().get(b).time().label()));
      }
      o.println(head);
      for (int d = 0; d < distanceBands.length - 1; d++) {
        StringBuilder row =
            new StringBuilder(
                String.format(
                    Locale.ROOT, "%-16s", table.cells().get(d * columns).distance().label()));
        for (int b = 0; b < columns; b++) {
          NearRepeatCell c = table.cells().get(d * columns + b);
          String mark = c.pSim() <= 0.01 ? "**" : c.pSim() <= 0.05 ? "* " : "  ";
          row.append(
              String.format(Locale.ROOT, "%10d %4.2f%s", c.observed(), c.knoxRatio(), mark)
                  .replace("NaN", " -- "));
        }
        o.println(row);
      }
      o.println(t.get("nearRepeat.legend"));
    }
    o.flush();
    return in.excluded() > 0 ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
  }
}
