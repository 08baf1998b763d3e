package org.atalaya.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.atalaya.geo.aggregate.Aggregation;
import org.atalaya.geo.aggregate.CellCounts;
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
import org.atalaya.taxonomy.IccsCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya hotspots}: global Moran's I, local Moran, Getis-Ord Gi or Gi* of a value over
 * areas (GeoJSON polygons) or points (CSV), or of incident counts per grid square, H3 cell or area,
 * with seeded permutation inference. Local results come in input (cell) order, with
 * Benjamini-Hochberg q-values in the human output and in the {@code --out} GeoJSON.
 */
@Command(
    name = "hotspots",
    mixinStandardHelpOptions = true,
    description = {
      "Hot spots and spatial autocorrelation of a value: moran, local-moran, gi or gi-star"
          + " (default), as R spdep computes them.",
      "Areas: a GeoJSON FeatureCollection of polygons whose properties hold the value; or points: a"
          + " CSV with lon, lat, id and value columns;",
      "or incidents (--incidents, any incident format) counted per grid square, H3 cell or area"
          + " (--aggregate): the value is the count.",
      "Pseudo p-values (pSim) come from seeded conditional permutations: (min(#sim >= obs, #sim <="
          + " obs) + 1) / (N + 1)."
    })
final class HotspotsCommand implements Callable<Integer> {
  @Option(
      names = "--areas",
      paramLabel = "AREAS.geojson",
      description =
          "Polygons with the value in their properties (--value), or to count --incidents in"
              + " (--aggregate areas).")
  Path areas;

  @Option(
      names = "--points",
      paramLabel = "POINTS.csv",
      description =
          "Points instead of areas: CSV with lon, lat, id and the value column (needs distance or"
              + " knn weights).")
  Path points;

  @Option(
      names = "--incidents",
      paramLabel = "FILE",
      description =
          "Incidents (.csv, .json, .ndjson, .geojson) to count per cell of --aggregate; the value"
              + " is the count (no --value).")
  Path incidents;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Format of --incidents: csv, json, ndjson, geojson or a plugin's importer id (default:"
              + " from the file).")
  String format;

  @Option(
      names = "--aggregate",
      paramLabel = "grid:METRES|h3:RES|areas",
      description =
          "With --incidents: count them on squares of METRES in UTM metres (every square of their"
              + " extent), in H3 cells of resolution RES (0-15; the cells with incidents and the"
              + " empty ring around them), or in the polygons of --areas (all of them).")
  String aggregate;

  @Option(
      names = "--category",
      paramLabel = "ICCS",
      description =
          "With --incidents: count only incidents of this ICCS code and the codes within it (e.g."
              + " 0401 robbery); the others are counted as left out.")
  String category;

  @Option(
      names = "--out",
      paramLabel = "CELLS.geojson",
      description =
          "Also write the cells or areas as GeoJSON polygons (lon/lat) with id, count (or value),"
              + " statistic, z, pSim, q and significant (q <= 0.05).")
  Path out;

  @Option(
      names = "--id-property",
      paramLabel = "NAME",
      description =
          "Property (areas) or column (points, default 'id') holding each id (areas default: the"
              + " feature's own id).")
  String idProperty;

  @Option(
      names = "--value",
      paramLabel = "FIELD",
      description =
          "With --areas or --points: the property or column holding the value (a count or a rate).")
  String value;

  @Option(
      names = "--weights",
      paramLabel = "queen|rook|distance:METRES|knn:K",
      defaultValue = "queen",
      description =
          "How neighbours are defined (default: ${DEFAULT-VALUE}). Distances use centroids (cell"
              + " centres) in UTM metres; H3 cells are neighbours when they share an edge, for"
              + " queen and rook alike.")
  String weights;

  @Option(
      names = "--weights-file",
      paramLabel = "FILE.gal",
      description =
          "Read the neighbours from a GeoDa GAL (or GWT) file instead; its ids must be those of the"
              + " data.")
  Path weightsFile;

  @Option(
      names = "--transform",
      paramLabel = "binary|row",
      defaultValue = "row",
      description = "Binary or row-standardised weights (default: ${DEFAULT-VALUE}).")
  String transform;

  @Option(
      names = "--snap",
      paramLabel = "DEGREES",
      defaultValue = "1.4901161193847656E-8",
      description =
          "Snap tolerance for queen and rook, in degrees (default: spdep's, ${DEFAULT-VALUE}).")
  double snap;

  @Option(
      names = "--stat",
      paramLabel = "moran|local-moran|gi|gi-star",
      defaultValue = "gi-star",
      description = "The statistic (default: ${DEFAULT-VALUE}).")
  String stat;

  @Option(
      names = "--permutations",
      paramLabel = "N",
      defaultValue = "999",
      description = "Permutations for the pseudo p-values, 0 for none (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description =
          "Seed of the permutations (default: ${DEFAULT-VALUE}); the same seed gives the same"
              + " p-values on any machine.")
  long seed;

  @Option(
      names = "--json",
      description =
          "Print JSON: {stat, areas: [{id, value, statistic, z, pSim, ...}]} or, for moran, {stat,"
              + " I, expected, ...}; with --incidents also {aggregate, incidents: {read, rejected,"
              + " otherCategory, withoutLocation, outside, aggregated}}.")
  boolean json;

  @Mixin InputOptions input;

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
    Texts t = input.texts();
    try {
      Aggregation aggregation = checkInputs(t);
      if (!List.of("moran", "local-moran", "gi", "gi-star").contains(stat)) {
        throw new Usage(t.get("hotspots.badStat", stat));
      }
      if (!transform.equals("binary") && !transform.equals("row")) {
        throw new Usage(t.get("hotspots.badTransform", transform));
      }
      if (permutations < 0) {
        throw new Usage("--permutations (" + permutations + ") must not be negative");
      }
      if (out != null && (points != null || stat.equals("moran"))) {
        throw new Usage(t.get("hotspots.outNeeds"));
      }
      String outputs =
          Atalaya.outputProblem(t, Arrays.asList(areas, points, incidents, weightsFile), out);
      if (outputs != null) {
        throw new Usage(outputs);
      }
      Data data =
          incidents != null
              ? readIncidents(aggregation, err, t)
              : areas != null ? readAreas(err, t) : readPoints(t);
      SpatialWeights w =
          buildWeights(data, t)
              .transform(transform.equals("row") ? Transform.ROW : Transform.BINARY);
      if (!w.islands().isEmpty()) {
        err.println(
            t.get(
                "hotspots.islands",
                w.islands().size(),
                String.join(", ", w.islands().subList(0, Math.min(10, w.islands().size())))));
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
    } catch (SpatialInput.Exit e) {
      return e.code;
    }
  }

  /**
   * Checks that the options name one input and fit it: {@code --areas --value}, {@code --points
   * --value}, or {@code --incidents --aggregate} (with {@code --areas} for {@code areas}).
   *
   * @return the parsed {@code --aggregate}, or null without {@code --incidents}
   */
  private Aggregation checkInputs(Texts t) throws Usage {
    if (incidents == null) {
      if ((areas == null) == (points == null)) {
        throw new Usage(t.get("hotspots.oneInput"));
      }
      Object[][] incidentsOnly = {
        {"--aggregate", aggregate},
        {"--category", category},
        {"--format", format},
        {"--mapping", input.mapping},
        {"--charset", input.charset},
        {"--delimiter", input.delimiter},
        {"--plugins-dir", input.pluginsDir}
      };
      for (Object[] only : incidentsOnly) {
        if (only[1] != null) {
          throw new Usage(t.get("hotspots.needsIncidents", only[0]));
        }
      }
      if (value == null) {
        throw new Usage(t.get("hotspots.needsValue"));
      }
      readable(areas != null ? areas : points, t);
      return null;
    }
    if (value != null) {
      throw new Usage(t.get("hotspots.valueOrIncidents", value));
    }
    if (points != null) {
      throw new Usage(t.get("hotspots.pointsOrIncidents"));
    }
    if (aggregate == null) {
      throw new Usage(t.get("hotspots.needsAggregate"));
    }
    Aggregation aggregation;
    try {
      aggregation = IncidentCells.parse(aggregate, t);
      if (category != null) {
        IccsCode.of(category);
      }
    } catch (IllegalArgumentException e) {
      throw new Usage(e.getMessage());
    }
    if ((aggregation.kind() == Aggregation.Kind.AREAS) != (areas != null)) {
      throw new Usage(
          t.get(areas == null ? "hotspots.areasNeeded" : "hotspots.areasUnused", aggregate));
    }
    readable(incidents, t);
    if (areas != null) {
      readable(areas, t);
    }
    return aggregation;
  }

  private static void readable(Path file, Texts t) throws Usage {
    if (!Files.isReadable(file)) {
      throw new Usage(t.get("spatial.unreadable", file));
    }
  }

  /** The ids, values and (for distance weights) positions in metres, in input (cell) order. */
  private static final class Data {
    final List<String> ids = new ArrayList<>();
    final List<Area> areas = new ArrayList<>();
    double[] values;
    double[] x;
    double[] y;
    boolean problems;

    /** The incidents counted per cell, or null when the values were given. */
    IncidentCells cells;

    /** Each area's or cell's polygon in lon/lat, or null for points. */
    IntFunction<Geometry> polygon;
  }

  private Data readIncidents(Aggregation aggregation, PrintWriter err, Texts t)
      throws IOException, SpatialInput.Exit, Usage {
    IccsCode code = category == null ? null : IccsCode.of(category);
    SpatialInput in = SpatialInput.load("hotspots", incidents, format, input, false, 1, code, err);
    Data d = new Data();
    if (aggregation.kind() == Aggregation.Kind.AREAS) {
      AreaReadResult read = readAreaPolygons(d, err, t);
      if (read.areas().isEmpty()) {
        throw new IllegalArgumentException(t.get("hotspots.noAreas", areas));
      }
      d.cells = IncidentCells.of(aggregation, in, read.areas());
    } else {
      try {
        d.cells = IncidentCells.of(aggregation, in);
      } catch (IllegalArgumentException e) {
        throw new Usage(
            "--aggregate "
                + aggregate
                + ": "
                + e.getMessage()); // too many cells: the user picks larger ones
      }
    }
    CellCounts c = d.cells.cells;
    d.ids.clear();
    d.ids.addAll(c.ids());
    d.values = c.values();
    d.x = c.centresX();
    d.y = c.centresY();
    d.polygon = c::polygon;
    d.problems |= d.cells.lostAny();
    return d;
  }

  private AreaReadResult readAreaPolygons(Data d, PrintWriter err, Texts t) throws IOException {
    AreaReader.Builder b = AreaReader.builder();
    if (idProperty != null) {
      b.idProperty(idProperty);
    }
    AreaReadResult read = b.build().readGeoJson(areas);
    for (AreaRejection r : read.rejections()) {
      err.println(
          t.get(
              "hotspots.rejectedFeature",
              areas.getFileName(),
              r.featureIndex(),
              (r.id().isEmpty() ? "?" : r.id()),
              r.reason() + " " + r.detail()));
      d.problems = true;
    }
    for (Area a : read.areas()) {
      d.ids.add(a.id());
      d.areas.add(a);
    }
    d.polygon = i -> d.areas.get(i).geometry();
    return read;
  }

  private Data readAreas(PrintWriter err, Texts t) throws IOException, DataProblem {
    Data d = new Data();
    AreaReadResult read = readAreaPolygons(d, err, t);
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
    throw new DataProblem(
        t.get("hotspots.badValue", id, value, v == null ? "missing" : v.toString()));
  }

  private Data readPoints(Texts t) throws IOException, DataProblem, Usage {
    String first =
        Files.readAllLines(points, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    char delimiter =
        first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(delimiter);
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(points, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it =
            new CsvMapper()
                .enable(CsvParser.Feature.TRIM_SPACES)
                .readerFor(Map.class)
                .with(schema)
                .readValues(r)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    } catch (IOException e) {
      throw Atalaya.naming(points, e);
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
      lon[i] = parse(lonText, i + 1, "lon", t);
      lat[i] = parse(latText, i + 1, "lat", t);
      d.values[i] = parse(row.get(value), i + 1, value, t);
    }
    project(d, lat, lon);
    return d;
  }

  /**
   * Parses a cell; {@code row} counts data rows from 1, as validate and fence's rejected file do.
   */
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
        fromFile =
            weightsFile.toString().toLowerCase(Locale.ROOT).endsWith(".gwt")
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
      if (d.cells != null) {
        return d.cells.cells.contiguity(kind.equals("queen"), snap);
      }
      return kind.equals("queen")
          ? Contiguity.queen(d.areas, snap, Transform.BINARY)
          : Contiguity.rook(d.areas, snap, Transform.BINARY);
    }
    try {
      if (kind.startsWith("distance:")) {
        return PointWeights.distanceBand(
            d.ids, d.x, d.y, Double.parseDouble(kind.substring(9)), Transform.BINARY);
      }
      if (kind.startsWith("knn:")) {
        return PointWeights.knn(
            d.ids, d.x, d.y, Integer.parseInt(kind.substring(4)), Transform.BINARY);
      }
    } catch (NumberFormatException e) {
      // falls through to the usage message
    }
    throw new Usage(t.get("hotspots.badWeights", weights));
  }

  /** Puts the file's weights in the data's order, checking that the ids are the same. */
  private static SpatialWeights reorder(SpatialWeights w, List<String> ids, Texts t)
      throws DataProblem {
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
        if (d.cells != null) {
          d.cells.describe(n);
        }
        n.put("I", SpatialInput.json(m.i()));
        n.put("expected", SpatialInput.json(m.expected()));
        n.put("varianceNormal", SpatialInput.json(m.varianceNormal()));
        n.put("varianceRandomisation", SpatialInput.json(m.varianceRandomisation()));
        n.put("zNormal", SpatialInput.json(m.zNormal()));
        n.put("zRandomisation", SpatialInput.json(m.zRandomisation()));
        n.put("pSim", m.pSim().isPresent() ? m.pSim().getAsDouble() : null);
        o.println(mapper.writeValueAsString(n));
      } else {
        if (d.cells != null) {
          d.cells.describe(o, incidents.getFileName().toString(), t);
        }
        o.println(t.get("hotspots.moran", w.size(), fmt(m.i()), fmt(m.expected())));
        o.println(
            t.get(
                "hotspots.moranZ",
                fmt(m.varianceNormal()),
                fmt(m.zNormal()),
                fmt(m.varianceRandomisation()),
                fmt(m.zRandomisation())));
        if (m.pSim().isPresent()) {
          o.println(t.get("hotspots.moranP", fmt(m.pSim().getAsDouble()), permutations, seed));
        }
      }
      o.flush();
      return;
    }
    List<LocalStatistic> s =
        switch (stat) {
          case "local-moran" -> LocalMoran.of(w, d.values, p);
          case "gi" -> GetisOrd.gi(w, d.values, p);
          default -> GetisOrd.giStar(w, d.values, p);
        };
    boolean moran = stat.equals("local-moran");
    double[] pv = s.stream().mapToDouble(l -> l.pSim().orElse(Double.NaN)).toArray();
    double[] q = FalseDiscoveryRate.adjust(pv);
    if (out != null) {
      HotspotsGeoJson.write(out, s, d.cells != null ? "count" : "value", q, moran, d.polygon);
    }
    if (json) {
      ObjectNode n = mapper.createObjectNode();
      n.put("stat", stat);
      if (d.cells != null) {
        d.cells.describe(n);
      }
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
          a.put(
              "cluster",
              l.cluster()
                  .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                  .orElse(null));
        }
      }
      o.println(mapper.writeValueAsString(n));
      o.flush();
      return;
    }
    if (d.cells != null) {
      d.cells.describe(o, incidents.getFileName().toString(), t);
    }
    o.println(t.get("hotspots.header", stat, w.size(), permutations, seed));
    o.printf(
        Locale.ROOT,
        "%-20s %12s %12s %9s %8s %8s%s%n",
        "id",
        "value",
        "statistic",
        "z",
        "pSim",
        "q(BH)",
        moran ? "  cluster" : "");
    int significant = 0;
    int discoveries = 0;
    for (int i = 0; i < s.size(); i++) {
      LocalStatistic l = s.get(i);
      significant += pv[i] <= 0.05 ? 1 : 0;
      discoveries += q[i] <= 0.05 ? 1 : 0;
      o.printf(
          Locale.ROOT,
          "%-20s %12.4f %12.6f %9.3f %8s %8s%s%n",
          l.id(),
          l.value(),
          l.statistic(),
          l.z(),
          Double.isNaN(pv[i]) ? "-" : String.format(Locale.ROOT, "%.4f", pv[i]),
          Double.isNaN(q[i]) ? "-" : String.format(Locale.ROOT, "%.4f", q[i]),
          moran ? "  " + l.cluster().map(Enum::name).orElse("") : "");
    }
    if (permutations > 0) {
      o.println(t.get("hotspots.summary", significant, s.size(), discoveries));
    }
    if (out != null) {
      o.println(t.get("hotspots.written", s.size(), out));
    }
    o.flush();
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
