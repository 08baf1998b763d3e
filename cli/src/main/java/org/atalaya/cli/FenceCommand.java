package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.io.AreaRejection;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.Rejection;
import org.atalaya.spi.IncidentImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya fence}: joins points to the fences (areas) that cover them. Every input row is
 * written again with one more column, {@code fences}: the ids of the covering fences joined by
 * {@code |} (empty when none), in input order. A point on a shared border is in both fences (the
 * index's {@code covers} rule). Rows whose coordinates cannot be used keep an empty {@code fences}
 * cell and are also listed, with the reason, in {@code OUT.rejected.csv}.
 */
@Command(
    name = "fence",
    mixinStandardHelpOptions = true,
    description = {
      "Add to every point the ids of the fences (areas) that contain it, as a column 'fences' (ids"
          + " joined by |).",
      "Points: a CSV with longitude/latitude columns, or an incident file (.json, .ndjson,"
          + " .geojson).",
      "Rows with unusable coordinates keep an empty 'fences' and are listed in OUT.rejected.csv;"
          + " exit code 1 when there are any."
    })
final class FenceCommand implements Callable<Integer> {
  @Option(
      names = "--fences",
      required = true,
      paramLabel = "AREAS.geojson",
      description = "The fences: a GeoJSON FeatureCollection of polygons.")
  Path fences;

  @Option(
      names = "--id-property",
      paramLabel = "NAME",
      description = "The feature property holding each fence's id (default: the feature's own id).")
  String idProperty;

  @Option(
      names = "--points",
      required = true,
      paramLabel = "POINTS",
      description = "The points: CSV, or an incident file in any supported format.")
  Path points;

  @Option(
      names = "--lon-column",
      paramLabel = "NAME",
      defaultValue = "lon",
      description =
          "CSV column of longitudes (default: ${DEFAULT-VALUE}; 'longitude' is also recognised).")
  String lonColumn;

  @Option(
      names = "--lat-column",
      paramLabel = "NAME",
      defaultValue = "lat",
      description =
          "CSV column of latitudes (default: ${DEFAULT-VALUE}; 'latitude' is also recognised).")
  String latColumn;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.csv",
      description = "Where to write the rows with their 'fences' column.")
  Path out;

  @Option(names = "--json", description = "Print {points, matched, unmatched, rejected, seconds}.")
  boolean json;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Read the points as incidents with this importer (csv, json, ndjson, geojson or a plugin"
              + " importer's id).")
  String format;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description = "Also use the importers of the plugin jars in DIR.")
  Path pluginsDir;

  @Mixin LangOption language;

  @Spec CommandSpec spec;

  /** What happened to the points, for the summary. */
  private static final class Counts {
    long points;
    long matched;
    long unmatched;
    long rejected;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Texts t = language.texts();
    for (Path p : List.of(fences, points)) {
      if (!Files.isReadable(p)) {
        err.println("atalaya fence: " + t.get("io.cannotRead", p));
        return Atalaya.USAGE;
      }
    }
    String outputs =
        Atalaya.outputProblem(
            t,
            List.of(fences, points),
            out,
            out.resolveSibling(out.getFileName() + ".rejected.csv"));
    if (outputs != null) {
      err.println("atalaya fence: " + outputs);
      return Atalaya.USAGE;
    }
    long started = System.nanoTime();
    AreaReader.Builder reader = AreaReader.builder();
    if (idProperty != null) {
      reader.idProperty(idProperty);
    }
    AreaReadResult areas = reader.build().readGeoJson(fences);
    for (AreaRejection r : areas.rejections()) {
      err.println(
          "atalaya fence: "
              + fences.getFileName()
              + ": "
              + r.reason().code()
              + " "
              + r.message(t.locale())
              + " ("
              + t.get("fence.notUsed")
              + "; "
              + r.hint(t.locale())
              + ")");
    }
    if (areas.areas().isEmpty()) {
      err.println(
          "atalaya fence: "
              + t.get(idProperty == null ? "fence.noneUsableGiveId" : "fence.noneUsable", fences));
      return Atalaya.DATA_PROBLEMS;
    }
    FenceIndex index = FenceIndex.of(areas.areas());
    Path rejectedFile = out.resolveSibling(out.getFileName() + ".rejected.csv");
    Counts counts = new Counts();
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        Writer rej = Files.newBufferedWriter(rejectedFile, StandardCharsets.UTF_8)) {
      rej.write("row,field,value,reason\r\n");
      boolean csv =
          format == null
              && IncidentFormat.fromFileName(points).map(f -> f == IncidentFormat.CSV).orElse(true)
              && !looksLikeIncidentCsv(points);
      if (csv) {
        joinCsv(index, w, rej, counts);
      } else {
        joinIncidents(index, w, rej, counts);
      }
    } catch (UsageProblem e) {
      Files.deleteIfExists(out);
      Files.deleteIfExists(rejectedFile);
      err.println("atalaya fence: " + e.getMessage());
      return Atalaya.USAGE;
    } catch (IncidentReadException e) {
      Files.deleteIfExists(out);
      Files.deleteIfExists(rejectedFile);
      err.println(
          "atalaya fence: " + e.message(t.locale()) + " (" + t.get("anonymise.nothing") + ")");
      return Atalaya.DATA_PROBLEMS;
    }
    if (counts.rejected == 0) {
      Files.deleteIfExists(rejectedFile);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("points", counts.points);
      m.put("matched", counts.matched);
      m.put("unmatched", counts.unmatched);
      m.put("rejected", counts.rejected);
      m.put("seconds", Math.round(seconds * 1000) / 1000.0);
      o.println(new ObjectMapper().writeValueAsString(m));
    } else {
      o.println(
          t.get(
              "fence.summary",
              fences.getFileName(),
              index.size(),
              points.getFileName(),
              counts.points,
              counts.matched,
              counts.unmatched,
              counts.rejected,
              String.format(t.locale(), "%.2f", seconds)));
      if (counts.rejected > 0) {
        o.println(t.get("fence.rejected", rejectedFile));
      }
    }
    o.flush();
    return counts.rejected > 0 ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
  }

  /** A canonical incident CSV (an id column and latitude/longitude) is read as incidents. */
  private boolean looksLikeIncidentCsv(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        return false;
      }
      header = header.replace("\uFEFF", "");
      return header.startsWith("id,iccs,") || header.startsWith("id;iccs;");
    } catch (MalformedInputException e) {
      return false;
    }
  }

  /** The user named a column the file does not have. */
  private static final class UsageProblem extends IOException {
    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
      super(message);
    }
  }

  private void joinCsv(FenceIndex index, Writer w, Writer rej, Counts counts) throws IOException {
    String first;
    try (BufferedReader r = Files.newBufferedReader(points, StandardCharsets.UTF_8)) {
      first = r.readLine();
    }
    if (first == null) {
      throw new UsageProblem(points + " is empty; it needs a header row");
    }
    char delimiter =
        first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
    try (BufferedReader r = Files.newBufferedReader(points, StandardCharsets.UTF_8);
        CsvParser p = new CsvFactory().createParser(r)) {
      p.setSchema(schema);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      List<String> header = nextRow(p);
      if (header == null) {
        throw new UsageProblem(points + " is empty; it needs a header row");
      }
      if (!header.isEmpty()) {
        header.set(0, header.get(0).replace("\uFEFF", ""));
      }
      int lon = column(header, lonColumn, "longitude");
      int lat = column(header, latColumn, "latitude");
      if (lon < 0 || lat < 0) {
        throw new UsageProblem(
            points
                + " has no column "
                + (lon < 0 ? lonColumn : latColumn)
                + "; its header is "
                + header
                + ". Give --lon-column and --lat-column");
      }
      List<String> outHeader = new ArrayList<>(header);
      outHeader.add("fences");
      writeRow(w, outHeader, delimiter);
      int[] found = new int[8];
      long row = 0;
      List<String> cells;
      while ((cells = nextRow(p)) != null) {
        row++;
        counts.points++;
        String fencesCell = "";
        String lonText = lon < cells.size() ? cells.get(lon) : "";
        String latText = lat < cells.size() ? cells.get(lat) : "";
        double x = number(lonText);
        double y = number(latText);
        String problem = problem(y, x);
        if (problem != null) {
          counts.rejected++;
          rej.write(
              row
                  + ","
                  + quote(Double.isNaN(y) || Math.abs(y) > 90 ? header.get(lat) : header.get(lon))
                  + ","
                  + quote(latText + " " + lonText)
                  + ","
                  + quote(problem)
                  + "\r\n");
        } else {
          int n = index.containing(y, x, found);
          if (n > found.length) {
            found = new int[n];
            n = index.containing(y, x, found);
          }
          fencesCell = join(index, found, n);
          if (n > 0) {
            counts.matched++;
          } else {
            counts.unmatched++;
          }
        }
        List<String> outRow = new ArrayList<>(cells);
        while (outRow.size() < header.size()) {
          outRow.add("");
        }
        outRow.add(fencesCell);
        writeRow(w, outRow, delimiter);
      }
    }
  }

  private void joinIncidents(FenceIndex index, Writer w, Writer rej, Counts counts)
      throws IOException {
    InputOptions input = new InputOptions();
    input.pluginsDir = pluginsDir;
    input.language = language;
    IncidentImporter importer;
    try {
      importer = input.importer(format, points, "--format", spec.commandLine().getErr());
    } catch (InputOptions.UsageError e) {
      throw new UsageProblem(e.getMessage());
    }
    writeRow(w, List.of("id", "latitude", "longitude", "fences"), ',');
    int[][] found = {new int[8]};
    importer.read(
        points,
        ReadOptions.defaults(),
        new IncidentHandler() {
          @Override
          public void accept(Incident incident) throws IOException {
            counts.points++;
            LatLon p = incident.location().flatMap(l -> l.point()).orElse(null);
            if (p == null) {
              counts.rejected++;
              rej.write(
                  counts.points
                      + ",location,,"
                      + quote("the incident " + incident.id() + " has no point")
                      + "\r\n");
              writeRow(w, List.of(incident.id(), "", "", ""), ',');
              return;
            }
            int n = index.containing(p.latitude(), p.longitude(), found[0]);
            if (n > found[0].length) {
              found[0] = new int[n];
              n = index.containing(p.latitude(), p.longitude(), found[0]);
            }
            if (n > 0) {
              counts.matched++;
            } else {
              counts.unmatched++;
            }
            writeRow(
                w,
                List.of(
                    incident.id(),
                    Double.toString(p.latitude()),
                    Double.toString(p.longitude()),
                    join(index, found[0], n)),
                ',');
          }

          @Override
          public void reject(Rejection r) throws IOException {
            counts.points++;
            counts.rejected++;
            String reason =
                r.problems().isEmpty()
                    ? "rejected"
                    : r.problems().get(0).code().code()
                        + " "
                        + r.problems().get(0).message(Locale.ENGLISH);
            rej.write(
                r.row()
                    + ","
                    + quote(r.problems().isEmpty() ? "" : r.problems().get(0).field())
                    + ","
                    + quote(r.problems().isEmpty() ? "" : r.problems().get(0).value())
                    + ","
                    + quote(reason)
                    + "\r\n");
          }
        });
  }

  private static String join(FenceIndex index, int[] found, int n) {
    if (n == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append('|');
      }
      sb.append(index.id(found[i]));
    }
    return sb.toString();
  }

  /** Why a coordinate pair cannot be used, or null when it can. */
  private static String problem(double lat, double lon) {
    if (Double.isNaN(lat) || Double.isNaN(lon)) {
      return "latitude and longitude must be numbers";
    }
    if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
      return "latitude and longitude are probably swapped";
    }
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      return "coordinates out of range";
    }
    if (lat == 0 && lon == 0) {
      return "the point (0, 0) almost always means a missing location";
    }
    return null;
  }

  /** Parses a decimal number with a point or a decimal comma; NaN when blank or not a number. */
  private static double number(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    if (t.indexOf('.') < 0 && t.indexOf(',') == t.lastIndexOf(',')) {
      t = t.replace(',', '.');
    }
    try {
      double v = Double.parseDouble(t);
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int column(List<String> header, String wanted, String alternative) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(wanted)) {
        return i;
      }
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().equalsIgnoreCase(alternative)) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the next row's cells, or null at the end of the file. */
  private static List<String> nextRow(CsvParser p) throws IOException {
    List<String> cells = new ArrayList<>();
    JsonToken t = p.nextToken();
    while (t != null && t != JsonToken.START_ARRAY) {
      t = p.nextToken();
    }
    if (t == null) {
      return null;
    }
    while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
      cells.add(p.getText());
    }
    return cells;
  }

  private static void writeRow(Writer w, List<String> cells, char delimiter) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String c = cells.get(i);
      sb.append(
          c.indexOf(delimiter) >= 0
                  || c.indexOf('"') >= 0
                  || c.indexOf('\n') >= 0
                  || c.indexOf('\r') >= 0
              ? "\"" + c.replace("\"", "\"\"") + "\""
              : c);
    }
    sb.append("\r\n");
    w.write(sb.toString());
  }

  private static String quote(String v) {
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
