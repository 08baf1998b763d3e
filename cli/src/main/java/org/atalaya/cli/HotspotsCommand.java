package org.atalaya.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atalaya.geo.hotspot.FalseDiscoveryRate;
import org.atalaya.geo.hotspot.GetisOrd;
import org.atalaya.geo.hotspot.GlobalMoran;
import org.atalaya.geo.hotspot.LocalMoran;
import org.atalaya.geo.hotspot.LocalStatistic;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.io.AreaRejection;
import org.atalaya.geo.weights.Contiguity;
import org.atalaya.geo.weights.PointWeights;
import org.atalaya.geo.weights.SpatialWeights;
import org.atalaya.geo.weights.Transform;
import org.atalaya.geo.weights.WeightsFiles;
import org.locationtech.jts.geom.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya hotspots}: global Moran's I, local Moran, Getis-Ord Gi or Gi* of a value over
 * areas (GeoJSON polygons) or points (CSV), with seeded permutation inference. Local results come
 * in input order, with Benjamini-Hochberg q-values in the human output.
 */
@Command(
    name = "hotspots",
    mixinStandardHelpOptions = true,
    description = {
      "Hot spots and spatial autocorrelation of a value: moran, local-moran, gi or gi-star (default), as R spdep computes them.",
      "Areas: a GeoJSON FeatureCollection of polygons whose properties hold the value; or points: a CSV with lon, lat, id and value columns.",
      "Pseudo p-values (pSim) come from seeded conditional permutations: (min(#sim >= obs, #sim <= obs) + 1) / (N + 1)."
    })
final class HotspotsCommand implements Callable<Integer> {
  @Option(names = "--areas", paramLabel = "AREAS.geojson", description = "Polygons with the value in their properties.")
  Path areas;

  @Option(names = "--points", paramLabel = "POINTS.csv", description = "Points instead of areas: CSV with lon, lat, id and the value column (needs distance or knn weights).")
  Path points;

  @Option(names = "--id-property", paramLabel = "NAME", description = "Property (areas) or column (points, default 'id') holding each id (areas default: the feature's own id).")
  String idProperty;

  @Option(names = "--value", required = true, paramLabel = "FIELD", description = "The property or column holding the value (a count or a rate).")
  String value;

  @Option(names = "--weights", paramLabel = "queen|rook|distance:METRES|knn:K", defaultValue = "queen", description = "How neighbours are defined (default: ${DEFAULT-VALUE}). Distances use centroids in UTM metres.")
  String weights;

  @Option(names = "--weights-file", paramLabel = "FILE.gal", description = "Read the neighbours from a GeoDa GAL (or GWT) file instead; its ids must be those of the data.")
  Path weightsFile;

  @Option(names = "--transform", paramLabel = "binary|row", defaultValue = "row", description = "Binary or row-standardised weights (default: ${DEFAULT-VALUE}).")
  String transform;

  @Option(names = "--snap", paramLabel = "DEGREES", defaultValue = "1.4901161193847656E-8", description = "Snap tolerance for queen and rook, in degrees (default: spdep's, ${DEFAULT-VALUE}).")
  double snap;

  @Option(names = "--stat", paramLabel = "moran|local-moran|gi|gi-star", defaultValue = "gi-star", description = "The statistic (default: ${DEFAULT-VALUE}).")
  String stat;

  @Option(names = "--permutations", paramLabel = "N", defaultValue = "999", description = "Permutations for the pseudo p-values, 0 for none (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the permutations (default: ${DEFAULT-VALUE}); the same seed gives the same p-values on any machine.")
  long seed;

  @Option(names = "--json", description = "Print JSON: {stat, areas: [{id, value, statistic, z, pSim, ...}]} or, for moran, {stat, I, expected, ...}.")
  boolean json;

  @Option(names = "--lang", paramLabel = "es|en", defaultValue = "en", description = "Language of messages (default: ${DEFAULT-VALUE}).")
  String lang;

  @Spec CommandSpec spec;

  /** A problem with the options or files: exit code 2. */
  private static final class Usage extends Exception {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }

  /** A problem with the data: exit code 1. */
  private static final class DataProblem extends Exception {
    private static final long serialVersionUID = 1L;

    DataProblem(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Texts t = Texts.of(lang);
    try {
      if ((areas == null) == (points == null)) {
        throw new Usage(t.get("hotspots.oneInput"));
      }
      Path input = areas != null ? areas : points;
      if (!Files.isReadable(input)) {
        throw new Usage(t.get("spatial.unreadable", input));
      }
      if (!List.of("moran", "local-moran", "gi", "gi-star").contains(stat)) {
        throw new Usage(t.get("hotspots.badStat", stat));
      }
      if (!transform.equals("binary") && !transform.equals("row")) {
        throw new Usage(t.get("hotspots.badTransform", transform));
      }
      if (permutations < 0) {
        throw new Usage("--permutations (" + permutations + ") must not be negative");
      }
      Data data = areas != null ? readAreas(err, t) : readPoints(t);
      SpatialWeights w = buildWeights(data, t).transform(transform.equals("row") ? Transform.ROW : Transform.BINARY);
      if (!w.islands().isEmpty()) {
        err.println(t.get("hotspots.islands", w.islands().size(), String.join(", ", w.islands().subList(0, Math.min(10, w.islands().size())))));
      }
      report(w, data, t);
      err.flush();
      return data.problems ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
    } catch (Usage e) {
      err.println("atalaya hotspots: " + e.getMessage());
      err.flush();
      return Atalaya.USAGE;
    } catch (DataProblem | IllegalArgumentException e) {
      err.println("atalaya hotspots: " + e.getMessage());
      err.flush();
      return Atalaya.DATA_PROBLEMS;
    }
  }

  /** The ids, values and (for distance weights) positions in metres, in input order. */
  private static final class Data {
    final List<String> ids = new ArrayList<>();
    final List<Area> areas = new ArrayList<>();
    double[] values;
    double[] x;
    double[] y;
    boolean problems;
  }

  private Data readAreas(PrintWriter err, Texts t) throws IOException, DataProblem {
    AreaReader.Builder b = AreaReader.builder();
    if (idProperty != null) {
      b.idProperty(idProperty);
    }
    AreaReadResult read = b.build().readGeoJson(areas);
    Data d = new Data();
    for (AreaRejection r : read.rejections()) {
      err.println(t.get("hotspots.rejectedFeature", areas.getFileName(), r.featureIndex(), (r.id().isEmpty() ? "?" : r.id()), r.reason() + " " + r.detail()));
      d.problems = true;
    }
    Map<String, JsonNode> properties = new HashMap<>();
    JsonNode root = new ObjectMapper().readTree(areas.toFile());
    for (JsonNode f : root.path("features")) {
      JsonNode idNode = idProperty == null ? f.path("id") : f.path("properties").path(idProperty);
      if (!idNode.isMissingNode() && !idNode.isNull()) {
        properties.putIfAbsent(idNode.asText(), f.path("properties"));
      }
    }
    double[] lon = new double[read.areas().size()];
    double[] lat = new double[read.areas().size()];
    d.values = new double[read.areas().size()];
    for (int i = 0; i < read.areas().size(); i++) {
      Area a = read.areas().get(i);
      d.ids.add(a.id());
      d.areas.add(a);
      d.values[i] = number(properties.getOrDefault(a.id(), null), a.id(), t);
      Point c = a.geometry().getCentroid();
      lon[i] = c.getX();
      lat[i] = c.getY();
    }
    project(d, lat, lon);
    return d;
  }

  private double number(JsonNode props, String id, Texts t) throws DataProblem {
    JsonNode v = props == null ? null : props.get(value);
    if (v != null && v.isNumber()) {
      return v.asDouble();
    }
    String text = v == null || v.isNull() ? "" : v.asText().strip();
    try {
      double parsed = Double.parseDouble(text.replace(',', '.'));
      if (Double.isFinite(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the id and the value
    }
    throw new DataProblem(t.get("hotspots.badValue", id, value, v == null ? "missing" : v.toString()));
  }

  private Data readPoints(Texts t) throws IOException, DataProblem, Usage {
    String first = Files.readAllLines(points, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    char delimiter = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter);
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(points, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .readerFor(Map.class).with(schema).readValues(r)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    String idColumn = idProperty == null ? "id" : idProperty;
    Data d = new Data();
    double[] lat = new double[rows.size()];
    double[] lon = new double[rows.size()];
    d.values = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> row = rows.get(i);
      String lonText = row.getOrDefault("lon", row.get("longitude"));
      String latText = row.getOrDefault("lat", row.get("latitude"));
      if (lonText == null || latText == null || !row.containsKey(value)) {
        throw new Usage(t.get("hotspots.columns", points, value, row.keySet()));
      }
      String id = row.getOrDefault(idColumn, Integer.toString(i + 1));
      d.ids.add(id);
      lon[i] = parse(lonText, i + 2, "lon", t);
      lat[i] = parse(latText, i + 2, "lat", t);
      d.values[i] = parse(row.get(value), i + 2, value, t);
    }
    project(d, lat, lon);
    return d;
  }

  private static double parse(String text, int row, String column, Texts t) throws DataProblem {
    try {
      double v = Double.parseDouble(text.strip().replace(',', '.'));
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the row and the column
    }
    throw new DataProblem(t.get("hotspots.badCell", row, column, text));
  }

  private static void project(Data d, double[] lat, double[] lon) {
    double[][] xy = SpatialInput.project(lat, lon, SpatialInput.zoneFor(lon));
    d.x = xy[0];
    d.y = xy[1];
  }

  private SpatialWeights buildWeights(Data d, Texts t) throws IOException, Usage, DataProblem {
    if (weightsFile != null) {
      if (!Files.isReadable(weightsFile)) {
        throw new Usage(t.get("spatial.unreadable", weightsFile));
      }
      SpatialWeights fromFile;
      try (Reader r = Files.newBufferedReader(weightsFile, StandardCharsets.UTF_8)) {
        fromFile = weightsFile.toString().toLowerCase(Locale.ROOT).endsWith(".gwt")
            ? WeightsFiles.readGwt(r, weightsFile.getFileName().toString(), d.ids)
            : WeightsFiles.readGal(r, weightsFile.getFileName().toString());
      }
      return reorder(fromFile, d.ids, t);
    }
    String kind = weights.toLowerCase(Locale.ROOT);
    if (kind.equals("queen") || kind.equals("rook")) {
      if (points != null) {
        throw new Usage(t.get("hotspots.contiguityNeedsAreas", kind));
      }
      return kind.equals("queen") ? Contiguity.queen(d.areas, snap, Transform.BINARY) : Contiguity.rook(d.areas, snap, Transform.BINARY);
    }
    try {
      if (kind.startsWith("distance:")) {
        return PointWeights.distanceBand(d.ids, d.x, d.y, Double.parseDouble(kind.substring(9)), Transform.BINARY);
      }
      if (kind.startsWith("knn:")) {
        return PointWeights.knn(d.ids, d.x, d.y, Integer.parseInt(kind.substring(4)), Transform.BINARY);
      }
    } catch (NumberFormatException e) {
      // falls through to the usage message
    }
    throw new Usage(t.get("hotspots.badWeights", weights));
  }

  /** Puts the file's weights in the data's order, checking that the ids are the same. */
  private static SpatialWeights reorder(SpatialWeights w, List<String> ids, Texts t) throws DataProblem {
    SpatialWeights.Builder b = SpatialWeights.builder(ids);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    for (String id : w.ids()) {
      if (!index.containsKey(id)) {
        throw new DataProblem(t.get("hotspots.weightsId", id));
      }
    }
    for (String id : ids) {
      if (w.indexOf(id).isEmpty()) {
        throw new DataProblem(t.get("hotspots.dataId", id));
      }
    }
    for (int i = 0; i < w.size(); i++) {
      for (int k = 0; k < w.cardinality(i); k++) {
        b.link(index.get(w.id(i)), index.get(w.id(w.neighbour(i, k))), w.weight(i, k));
      }
    }
    return b.build(Transform.GENERAL);
  }

  private void report(SpatialWeights w, Data d, Texts t) throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    Permutations p = permutations == 0 ? Permutations.none() : Permutations.of(permutations, seed);
    ObjectMapper mapper = new ObjectMapper();
    if (stat.equals("moran")) {
      GlobalMoran.Result m = GlobalMoran.test(w, d.values, p);
      if (json) {
        ObjectNode n = mapper.createObjectNode();
        n.put("stat", "moran");
        n.put("I", SpatialInput.json(m.i()));
        n.put("expected", SpatialInput.json(m.expected()));
        n.put("varianceNormal", SpatialInput.json(m.varianceNormal()));
        n.put("varianceRandomisation", SpatialInput.json(m.varianceRandomisation()));
        n.put("zNormal", SpatialInput.json(m.zNormal()));
        n.put("zRandomisation", SpatialInput.json(m.zRandomisation()));
        n.put("pSim", m.pSim().isPresent() ? m.pSim().getAsDouble() : null);
        o.println(mapper.writeValueAsString(n));
      } else {
        o.println(t.get("hotspots.moran", w.size(), fmt(m.i()), fmt(m.expected())));
        o.println(t.get("hotspots.moranZ", fmt(m.varianceNormal()), fmt(m.zNormal()), fmt(m.varianceRandomisation()), fmt(m.zRandomisation())));
        if (m.pSim().isPresent()) {
          o.println(t.get("hotspots.moranP", fmt(m.pSim().getAsDouble()), permutations, seed));
        }
      }
      o.flush();
      return;
    }
    List<LocalStatistic> s = switch (stat) {
      case "local-moran" -> LocalMoran.of(w, d.values, p);
      case "gi" -> GetisOrd.gi(w, d.values, p);
      default -> GetisOrd.giStar(w, d.values, p);
    };
    boolean moran = stat.equals("local-moran");
    if (json) {
      ObjectNode n = mapper.createObjectNode();
      n.put("stat", stat);
      ArrayNode list = n.putArray("areas");
      for (LocalStatistic l : s) {
        ObjectNode a = list.addObject();
        a.put("id", l.id());
        a.put("value", l.value());
        a.put("statistic", SpatialInput.json(l.statistic()));
        a.put("z", SpatialInput.json(l.z()));
        a.put("pSim", l.pSim().isPresent() ? SpatialInput.json(l.pSim().getAsDouble()) : null);
        if (moran) {
          a.put("expected", SpatialInput.json(l.expected()));
          a.put("variance", SpatialInput.json(l.variance()));
          a.put("cluster", l.cluster().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).orElse(null));
        }
      }
      o.println(mapper.writeValueAsString(n));
      o.flush();
      return;
    }
    double[] pv = s.stream().mapToDouble(l -> l.pSim().orElse(Double.NaN)).toArray();
    double[] q = FalseDiscoveryRate.adjust(pv);
    o.println(t.get("hotspots.header", stat, w.size(), permutations, seed));
    o.printf(Locale.ROOT, "%-20s %12s %12s %9s %8s %8s%s%n", "id", "value", "statistic", "z", "pSim", "q(BH)", moran ? "  cluster" : "");
    int significant = 0;
    int discoveries = 0;
    for (int i = 0; i < s.size(); i++) {
      LocalStatistic l = s.get(i);
      significant += pv[i] <= 0.05 ? 1 : 0;
      discoveries += q[i] <= 0.05 ? 1 : 0;
      o.printf(Locale.ROOT, "%-20s %12.4f %12.6f %9.3f %8s %8s%s%n", l.id(), l.value(), l.statistic(), l.z(),
          Double.isNaN(pv[i]) ? "-" : String.format(Locale.ROOT, "%.4f", pv[i]),
          Double.isNaN(q[i]) ? "-" : String.format(Locale.ROOT, "%.4f", q[i]),
          moran ? "  " + l.cluster().map(Enum::name).orElse("") : "");
    }
    if (permutations > 0) {
      o.println(t.get("hotspots.summary", significant, s.size(), discoveries));
    }
    o.flush();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
