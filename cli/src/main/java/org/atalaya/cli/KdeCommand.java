package org.atalaya.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.density.DensityGrid;
import org.atalaya.geo.density.KernelDensity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya kde}: kernel density of incidents on a grid in UTM metres, written as GeoJSON
 * square cells (longitude/latitude) with their density in incidents per square kilometre.
 */
@Command(
    name = "kde",
    mixinStandardHelpOptions = true,
    description = {
      "Kernel density of incidents (incidents per km2) on square cells in UTM metres, written as"
          + " GeoJSON polygons with a 'density' property.",
      "Incidents without a point are counted as excluded."
    })
final class KdeCommand implements Callable<Integer> {
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
      names = "--bandwidth",
      required = true,
      paramLabel = "METRES",
      description =
          "Kernel bandwidth in metres (the quartic kernel's radius, the Gaussian's standard"
              + " deviation).")
  double bandwidth;

  @Option(
      names = "--cell",
      required = true,
      paramLabel = "METRES",
      description = "Cell side in metres.")
  double cell;

  @Option(
      names = "--kernel",
      paramLabel = "quartic|gaussian",
      defaultValue = "quartic",
      description = "The kernel (default: ${DEFAULT-VALUE}).")
  String kernel;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.geojson",
      description = "Where to write the cells with a density above 0.")
  Path out;

  @Option(
      names = "--raster",
      paramLabel = "FILE.asc",
      description = "Also write the whole grid as an ESRI ASCII raster (in the UTM zone's metres).")
  Path raster;

  @Option(
      names = "--json",
      description =
          "Print {incidents, used, excluded, crs, columns, rows, cellsWritten, maxDensity}.")
  boolean json;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Texts t = input.texts();
    KernelDensity.Kernel k;
    SpatialInput in;
    try {
      String wrong =
          !List.of("quartic", "gaussian").contains(kernel.toLowerCase(Locale.ROOT))
              ? "--kernel (" + kernel + ") must be quartic or gaussian"
              : !(bandwidth > 0)
                  ? "--bandwidth (" + bandwidth + ") must be a positive number of metres"
                  : !(cell > 0)
                      ? "--cell (" + cell + ") must be a positive number of metres"
                      : Atalaya.outputProblem(t, List.of(incidents), out, raster);
      if (wrong != null) {
        err.println("atalaya kde: " + wrong);
        err.flush();
        return Atalaya.USAGE;
      }
      k = KernelDensity.Kernel.valueOf(kernel.toUpperCase(Locale.ROOT));
      in = SpatialInput.load("kde", incidents, format, input, false, 1, err);
    } catch (SpatialInput.Exit e) {
      return e.code;
    }
    DensityGrid grid;
    try {
      grid = KernelDensity.estimate(in.x, in.y, k, bandwidth, cell);
    } catch (IllegalArgumentException e) {
      err.println("atalaya kde: " + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    }
    int written;
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      written = grid.writeGeoJson(CrsTransform.of(in.crs, Crs.WGS84), 0, w);
    }
    if (raster != null) {
      try (Writer w = Files.newBufferedWriter(raster, StandardCharsets.UTF_8)) {
        grid.writeAsciiGrid(w);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("incidents", in.read);
      m.put("used", in.used());
      m.put("excluded", in.excluded());
      m.put("crs", "EPSG:" + in.crs.epsg());
      m.put("columns", grid.columns());
      m.put("rows", grid.rows());
      m.put("cellsWritten", written);
      m.put("maxDensity", grid.max());
      o.println(new ObjectMapper().writeValueAsString(m));
    } else {
      o.println(
          t.get(
              "kde.summary",
              in.read,
              in.used(),
              in.excluded(),
              kernel,
              bandwidth,
              cell,
              in.crs.name()));
      o.println(
          t.get(
              "kde.written",
              written,
              grid.columns(),
              grid.rows(),
              out,
              String.format(Locale.ROOT, "%.1f", grid.max())));
    }
    o.flush();
    return in.excluded() > 0 ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
  }
}
