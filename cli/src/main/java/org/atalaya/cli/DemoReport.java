package org.atalaya.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.cli.report.AreaMap;
import org.atalaya.cli.report.Charts;
import org.atalaya.cli.report.Maps;
import org.atalaya.cli.report.Svg;
import org.atalaya.geo.aggregate.Aggregation;
import org.atalaya.geo.aggregate.CellCounts;
import org.atalaya.geo.aggregate.GridCounts;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.hotspot.FalseDiscoveryRate;
import org.atalaya.geo.hotspot.GetisOrd;
import org.atalaya.geo.hotspot.LocalStatistic;
import org.atalaya.geo.hotspot.Permutations;
import org.atalaya.geo.io.Area;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.geo.join.JoinReport;
import org.atalaya.geo.join.SpatialJoin;
import org.atalaya.geo.nearrepeat.NearRepeat;
import org.atalaya.geo.nearrepeat.NearRepeatCell;
import org.atalaya.geo.nearrepeat.NearRepeatTable;
import org.atalaya.geo.weights.Transform;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.atalaya.indicator.Alarm;
import org.atalaya.indicator.Alarms;
import org.atalaya.indicator.ConfidenceInterval;
import org.atalaya.indicator.Lineage;
import org.atalaya.indicator.MonthlySeries;
import org.atalaya.indicator.PeriodChange;
import org.atalaya.indicator.PoissonIntervals;
import org.atalaya.indicator.PopulationTable;
import org.atalaya.indicator.Proportion;
import org.atalaya.indicator.Rate;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.taxonomy.IccsCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The analysis behind {@code report.html} in {@code atalaya demo}: hot spots (Gi* on a 500 m grid
 * with 999 conditional permutations and a 5% false discovery rate), the near-repeat table of
 * robberies, the anonymised open-data release with its privacy report, the monthly homicide series
 * with intervals and alarms, rates and change sentences, and the real national impunity funnel;
 * then the self-contained HTML page. Raw incident locations never reach the page: the map shows
 * counts per cell and the release's masked points.
 */
final class DemoReport {

  static final double CELL_METRES = 500;
  static final double FDR = 0.05;
  private static final IccsCode HOMICIDE = IccsCode.of("0101");
  private static final IccsCode ROBBERY = IccsCode.of("0401");

  private final List<Incident> incidents;
  private final long seed;
  private final Locale locale;
  private final boolean es;
  private final Settings settings;
  private final int firstYear;
  private final int lastYear;
  private final CrsTransform toUtm = CrsTransform.of(Crs.WGS84, Crs.UTM_16N);

  /** What the demo prints about the analysis. */
  record Summary(
      int hotSpots,
      int coldSpots,
      int cells,
      NearRepeatTable nearRepeat,
      PrivacyReport privacy,
      String keyId,
      JoinReport join) {}

  /** A place the report maps: a municipality code and its name. */
  record City(String code, String name) {}

  /**
   * What the report is about.
   *
   * @param source the input, named in the lineage (for the demo, the synthetic generator)
   * @param synthetic whether the incidents are synthetic (a banner says so)
   * @param cities the places mapped, largest first (series and near repeat use the first)
   * @param population the population table for rates, if any
   * @param policy the release policy
   * @param key the release key
   * @param nationalImpunity whether to show the real national impunity funnel (the demo)
   * @param areas areas to map by rate (their ids are the population table's area codes); may be
   *     empty
   */
  record Settings(
      String source,
      boolean synthetic,
      List<City> cities,
      Optional<PopulationTable> population,
      ReleasePolicy policy,
      ReleaseKey key,
      boolean nationalImpunity,
      List<Area> areas) {}

  DemoReport(List<Incident> incidents, long seed, Locale locale, Settings settings) {
    this.incidents = incidents;
    this.seed = seed;
    this.locale = locale;
    this.es = locale.getLanguage().equals("es");
    this.settings = settings;
    IntSummaryStatistics years =
        incidents.stream()
            .filter(i -> i.occurred().isPresent())
            .mapToInt(
                i -> i.occurred().get().from().withOffsetSameInstant(TimeWindow.HONDURAS).getYear())
            .summaryStatistics();
    this.firstYear = years.getCount() == 0 ? 0 : years.getMin();
    this.lastYear = years.getCount() == 0 ? 0 : years.getMax();
  }

  /**
   * The demo's settings: the two synthetic cities, illustrative populations, the open-data policy,
   * a key for this run.
   */
  static Settings demo() throws IOException {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    List<Area> sectors = sectors("0801", 14.0818, -87.2068);
    List<PopulationTable.Row> rows = new ArrayList<>();
    PopulationTable cities = DemoCommand.demoPopulation();
    for (int year = 2023; year <= 2025; year++) {
      rows.add(
          new PopulationTable.Row("0801", year, Optional.empty(), Optional.empty(), 1_300_000));
      rows.add(new PopulationTable.Row("0501", year, Optional.empty(), Optional.empty(), 850_000));
      for (Area a : sectors) {
        rows.add(
            new PopulationTable.Row(
                a.id(), year, Optional.empty(), Optional.empty(), 1_300_000 / 9.0));
      }
    }
    PopulationTable population =
        PopulationTable.of(
            cities.vintage()
                + "; the nine Tegucigalpa sectors are FICTIONAL 4 km squares, each given a ninth of"
                + " the city",
            rows);
    return new Settings(
        "org.atalaya.synthetic.SyntheticIncidents",
        true,
        List.of(new City("0801", "Tegucigalpa"), new City("0501", "San Pedro Sula")),
        Optional.of(population),
        AnonymiseCommand.policy("open-data", PluginRegistry.builder().discover()),
        ReleaseKey.of(secret),
        true,
        sectors);
  }

  /**
   * Nine fictional 4 km square "sectors" around a city centre, for the demo's map of rates by area.
   */
  private static List<Area> sectors(String city, double lat, double lon) {
    GeometryFactory gf = new GeometryFactory(new PrecisionModel(), 4326);
    double dLat = 4000 / 110_600.0;
    double dLon = 4000 / (111_320.0 * Math.cos(Math.toRadians(lat)));
    List<Area> out = new ArrayList<>();
    int n = 1;
    for (int r = 1; r >= -1; r--) {
      for (int c = -1; c <= 1; c++, n++) {
        double x0 = lon + (c - 0.5) * dLon;
        double y0 = lat + (r - 0.5) * dLat;
        out.add(
            Area.of(
                city + "-S" + n,
                "Sector " + n,
                gf.createPolygon(
                    new Coordinate[] {
                      new Coordinate(x0, y0), new Coordinate(x0 + dLon, y0),
                      new Coordinate(x0 + dLon, y0 + dLat), new Coordinate(x0, y0 + dLat),
                      new Coordinate(x0, y0)
                    })));
      }
    }
    return out;
  }

  /**
   * The places of a user's incidents: the (at most two) municipality codes with the most points.
   */
  static List<City> largestMunicipalities(List<Incident> incidents) {
    Map<String, Long> counts = new TreeMap<>();
    for (Incident i : incidents) {
      if (i.location().flatMap(Location::point).isPresent()) {
        counts.merge(i.location().get().admin().municipality().orElse(""), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(2)
        .map(e -> new City(e.getKey(), e.getKey().isEmpty() ? "—" : e.getKey()))
        .toList();
  }

  private String s(String en, String spanish) {
    return es ? spanish : en;
  }

  /** Runs the analysis, writes the release, its privacy report and report.html into {@code dir}. */
  Summary write(Path dir, List<String[]> files) throws IOException {
    return write(dir, dir.resolve("report.html"), files);
  }

  /**
   * Runs the analysis; writes the release and its privacy report into {@code dir}, the page to
   * {@code reportFile}.
   */
  Summary write(Path dir, Path reportFile, List<String[]> files) throws IOException {
    // 1. Anonymised release, fail-closed.
    ReleaseKey key = settings.key();
    ReleasePolicy policy = settings.policy();
    Path releaseFile = dir.resolve("release-" + policy.name() + ".geojson");
    PrivacyReport privacy =
        Release.of(policy).publish(incidents, key, IncidentFormat.GEOJSON, releaseFile);
    Files.writeString(
        dir.resolve("privacy-report-" + policy.name() + ".json"),
        privacy.toJson(),
        StandardCharsets.UTF_8);
    List<Incident> released =
        IncidentFormat.GEOJSON.reader().readAll(releaseFile, ReadOptions.defaults()).incidents();

    // 2. Spatial join: every incident to the country outline that covers it (Natural Earth).
    SpatialJoin join = SpatialJoin.builder().layer("country", FenceIndex.of(countries())).build();
    SpatialJoin.Run joinRun = join.annotating(i -> {});
    for (Incident i : incidents) {
      joinRun.accept(i);
    }
    JoinReport joined = joinRun.report();

    // 3. Hot spots per city on a 500 m grid.
    StringBuilder maps = new StringBuilder();
    int hot = 0;
    int cold = 0;
    int cellsTotal = 0;
    for (City place : settings.cities()) {
      String[] city = {place.code(), place.name()};
      List<double[]> xy = project(incidents.stream().filter(i -> inCity(i, city[0])).toList());
      if (xy.size() < 3) {
        continue;
      }
      double[] x = xy.stream().mapToDouble(p -> p[0]).toArray();
      double[] y = xy.stream().mapToDouble(p -> p[1]).toArray();
      GridCounts grid = GridCounts.count(x, y, CELL_METRES);
      List<LocalStatistic> gi =
          GetisOrd.giStar(
              grid.weights(true, Transform.BINARY), grid.values(), Permutations.of(999, seed));
      double[] p = gi.stream().mapToDouble(l -> l.pSim().orElse(1)).toArray();
      double[] q = FalseDiscoveryRate.adjust(p);
      List<Maps.Cell> cells = new ArrayList<>();
      int cityHot = 0;
      for (int c = 0; c < grid.size(); c++) {
        cells.add(
            new Maps.Cell(
                grid.ids().get(c),
                grid.centreX(c),
                grid.centreY(c),
                grid.count(c),
                gi.get(c).z(),
                q[c]));
        if (q[c] <= FDR && gi.get(c).z() > 0) {
          cityHot++;
        } else if (q[c] <= FDR && gi.get(c).z() < 0) {
          cold++;
        }
      }
      hot += cityHot;
      cellsTotal += grid.size();
      List<double[]> releasedXy =
          project(released.stream().filter(i -> inCity(i, city[0])).toList());
      maps.append("<div class=\"map\">")
          .append(
              Maps.city(
                  "map-" + city[0],
                  city[1],
                  String.format(
                      locale,
                      s(
                          "%s: %d incidents in %d cells of %.0f m; %d hot spots (Gi*, false"
                              + " discovery rate %.0f%%) outlined in black; dots are the %d"
                              + " anonymised points of the release, not real locations.",
                          "%s: %d incidentes en %d celdas de %.0f m; %d puntos calientes (Gi*, tasa"
                              + " de falsos descubrimientos %.0f%%) con borde negro; los puntos son"
                              + " las %d ubicaciones anonimizadas de la publicación, no ubicaciones"
                              + " reales."),
                      city[1],
                      x.length,
                      grid.size(),
                      CELL_METRES,
                      cityHot,
                      100 * FDR,
                      releasedXy.size()),
                  cells,
                  CELL_METRES,
                  FDR,
                  releasedXy,
                  List.of(
                      s("incidents per cell (log scale)", "incidentes por celda (escala log.)"),
                      s("hot spot", "punto caliente"),
                      s("cold spot", "punto frío"),
                      s("anonymised point", "punto anonimizado"))))
          .append("<p class=\"caption\">")
          .append(Svg.esc(city[1]))
          .append("</p></div>");
    }

    // 3. Near repeat: robberies in Tegucigalpa with a day or better.
    List<Incident> robberies =
        incidents.stream()
            .filter(i -> inCity(i, firstCity().code()) && i.classification().isWithin(ROBBERY))
            .filter(
                i ->
                    i.occurred()
                        .map(
                            w ->
                                w.precision() == TimePrecision.INSTANT
                                    || w.precision() == TimePrecision.DAY)
                        .orElse(false))
            .toList();
    List<double[]> rxy = project(robberies);
    double[] days =
        robberies.stream()
            .mapToDouble(
                i -> i.occurred().orElseThrow().from().toInstant().getEpochSecond() / 86_400.0)
            .toArray();
    NearRepeatTable nr =
        NearRepeat.builder()
            .distanceBands(0, 100, 200, 400)
            .timeBands(0, 7, 14, 21, 28)
            .permutations(Permutations.of(999, seed))
            .build()
            .run(
                rxy.stream().mapToDouble(a -> a[0]).toArray(),
                rxy.stream().mapToDouble(a -> a[1]).toArray(),
                days);

    String html = page(maps.toString(), nr, robberies.size(), privacy, key.keyId(), policy, files);
    Files.writeString(reportFile, html, StandardCharsets.UTF_8);
    return new Summary(hot, cold, cellsTotal, nr, privacy, key.keyId(), joined);
  }

  private static boolean inCity(Incident i, String municipality) {
    return i.location()
        .map(l -> l.admin().municipality().orElse("").equals(municipality))
        .orElse(false);
  }

  private City firstCity() {
    return settings.cities().isEmpty() ? new City("", "—") : settings.cities().get(0);
  }

  private List<double[]> project(List<Incident> list) {
    List<double[]> out = new ArrayList<>();
    for (Incident i : list) {
      Optional<LatLon> p = i.location().flatMap(Location::point);
      p.ifPresent(ll -> out.add(toUtm.transform(ll.longitude(), ll.latitude())));
    }
    return out;
  }

  private String page(
      String maps,
      NearRepeatTable nr,
      int robberies,
      PrivacyReport privacy,
      String keyId,
      ReleasePolicy policy,
      List<String[]> files)
      throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"")
        .append(es ? "es" : "en")
        .append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(
            settings.nationalImpunity()
                ? s(
                    "Atalaya demo report (synthetic data)",
                    "Informe de demostración de Atalaya (datos sintéticos)")
                : s("Atalaya report", "Informe de Atalaya")
                    + (settings.synthetic() ? s(" (synthetic data)", " (datos sintéticos)") : ""))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    b.append("<header>");
    if (settings.synthetic()) {
      b.append("<p class=\"banner\">")
          .append(
              s(
                  "SYNTHETIC DATA: these incidents did not happen. National figures (impunity) are"
                      + " real and cited.",
                  "DATOS SINTÉTICOS: estos incidentes no ocurrieron. Las cifras nacionales"
                      + " (impunidad) son reales y se citan."))
          .append("</p>");
    }
    b.append("<h1>")
        .append(
            settings.nationalImpunity()
                ? s("Atalaya demo report", "Informe de demostración de Atalaya")
                : s("Atalaya report", "Informe de Atalaya"))
        .append("</h1><p>")
        .append(
            Svg.esc(
                String.format(
                    locale,
                    s(
                        "%,d incidents, %d-%d; places mapped: %s.",
                        "%,d incidentes, %d-%d; lugares en el mapa: %s."),
                    incidents.size(),
                    firstYear,
                    lastYear,
                    String.join(", ", settings.cities().stream().map(City::name).toList()))))
        .append("</p></header><main>");

    section(b, "where", s("Where: hot spots", "Dónde: puntos calientes"));
    b.append("<p>")
        .append(
            s(
                "Incidents counted in 500 m cells; Getis-Ord Gi* with 999 conditional permutations"
                    + " (seeded) marks cells whose neighbourhood holds significantly more incidents"
                    + " than the city average, after a Benjamini-Hochberg false discovery rate of"
                    + " 5%.",
                "Incidentes contados en celdas de 500 m; Gi* de Getis-Ord con 999 permutaciones"
                    + " condicionales (con semilla) marca las celdas cuyo entorno tiene"
                    + " significativamente más incidentes que el promedio de la ciudad, con una"
                    + " tasa de falsos descubrimientos de Benjamini-Hochberg del 5%."))
        .append("</p><div class=\"maps\">")
        .append(locatorMap())
        .append(maps)
        .append("</div></section>");

    if (!settings.areas().isEmpty()) {
      section(
          b,
          "areas",
          settings.nationalImpunity()
              ? s("Rates by sector (fictional sectors)", "Tasas por sector (sectores ficticios)")
              : s("Areas", "Áreas"));
      b.append(areaMap()).append("</section>");
    }

    section(b, "when", s("When: homicides month by month", "Cuándo: homicidios mes a mes"));
    b.append(seriesFigure()).append("</section>");

    section(b, "rates", s("Rates and change", "Tasas y cambio"));
    b.append(ratesTable()).append("</section>");

    section(b, "repeat", s("Near repeat: robberies", "Repetición cercana: robos"));
    b.append("<p>")
        .append(
            String.format(
                locale,
                s(
                    "%,d robberies in %s with a known day; %,d pairs closer than 400 m. Each cell"
                        + " compares the pairs observed at that distance and time apart with those"
                        + " expected if times were unrelated to places (Knox ratio; 999"
                        + " permutations of times, seeded). Intervals include their lower limit and"
                        + " exclude the upper one: [a, b).",
                    "%,d robos en %s con día conocido; %,d pares a menos de 400 m. Cada celda"
                        + " compara los pares observados a esa distancia y separación en el tiempo"
                        + " con los esperados si el tiempo no dependiera del lugar (razón de Knox;"
                        + " 999 permutaciones de tiempos, con semilla). Los intervalos incluyen su"
                        + " límite inferior y excluyen el superior: [a, b)."),
                robberies,
                firstCity().name(),
                nr.pairs()))
        .append("</p>")
        .append(nearRepeatTable(nr))
        .append("</section>");

    if (settings.nationalImpunity()) {
      section(
          b,
          "impunity",
          s(
              "Impunity: the national funnel (real figures)",
              "Impunidad: el embudo nacional (cifras reales)"));
      b.append(funnelFigure()).append("</section>");
    }

    section(b, "privacy", s("The open-data release", "La publicación de datos abiertos"));
    b.append(privacyText(privacy, keyId, policy)).append("</section>");

    section(b, "lineage", s("Where every number comes from", "De dónde sale cada número"));
    b.append("<ul>")
        .append(
            li(
                s("Incidents: ", "Incidentes: ")
                    + settings.source()
                    + (settings.synthetic() ? s(" (synthetic)", " (sintéticos)") : "")))
        .append(
            li(
                s("Populations for rates: ", "Poblaciones de las tasas: ")
                    + settings
                        .population()
                        .map(PopulationTable::vintage)
                        .orElse(s("none given", "no se dieron"))))
        .append(
            li(
                s(
                        "Hot spots and near repeat: seed ",
                        "Puntos calientes y repetición cercana: semilla ")
                    + seed
                    + s("; 999 permutations.", "; 999 permutaciones.")))
        .append(
            li(
                s(
                    "Country outlines: Natural Earth 1:50m (public domain).",
                    "Contornos de países: Natural Earth 1:50m (dominio público).")))
        .append(
            settings.nationalImpunity()
                ? li(
                    s(
                        "Impunity: APJ/ASJ figures as published, with their sources below the"
                            + " chart.",
                        "Impunidad: cifras de APJ/ASJ como se publicaron, con sus fuentes bajo el"
                            + " gráfico."))
                : "")
        .append(li("Atalaya " + Lineage.atalayaVersion()))
        .append("</ul><h3>")
        .append(s("Files", "Archivos"))
        .append("</h3><table><tbody>");
    for (String[] f : files) {
      b.append("<tr><td><code>")
          .append(Svg.esc(f[0]))
          .append("</code></td><td>")
          .append(Svg.esc(f[1]))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section></main></body></html>\n");
    return b.toString();
  }

  private static void section(StringBuilder b, String id, String title) {
    b.append("<section id=\"").append(id).append("\"><h2>").append(Svg.esc(title)).append("</h2>");
  }

  private static String li(String text) {
    return "<li>" + Svg.esc(text) + "</li>";
  }

  private static List<Area> countries() throws IOException {
    try (Reader in =
        new InputStreamReader(
            DemoReport.class.getResourceAsStream("report/central-america-50m.geojson"),
            StandardCharsets.UTF_8)) {
      return AreaReader.builder()
          .idProperty("name")
          .build()
          .readGeoJson(in, "central-america-50m")
          .areas();
    }
  }

  private String locatorMap() throws IOException {
    List<Area> areas = countries();
    List<Maps.Country> countries =
        areas.stream()
            .map(a -> new Maps.Country(a.id(), a.geometry(), a.id().equals("Honduras")))
            .toList();
    return "<div class=\"map\">"
        + Maps.locator(
            "locator",
            "Honduras",
            s(
                "Honduras among its neighbours, with the two cities of the sample.",
                "Honduras y sus vecinos, con las dos ciudades de la muestra."),
            countries,
            List.of(
                new Maps.Place("Tegucigalpa", 14.0818, -87.2068),
                new Maps.Place("San Pedro Sula", 15.5042, -88.0250)))
        + "<p class=\"caption\">Natural Earth</p></div>";
  }

  private String areaMap() {
    List<LatLon> points =
        incidents.stream().flatMap(i -> i.location().flatMap(Location::point).stream()).toList();
    long noPoint = incidents.size() - points.size();
    // a point on a shared border counts in the first area only
    CellCounts inAreas =
        CellCounts.count(
            Aggregation.areas(),
            settings.areas(),
            points.stream().mapToDouble(LatLon::latitude).toArray(),
            points.stream().mapToDouble(LatLon::longitude).toArray());
    long outside = inAreas.outside();
    Map<String, Long> counts = new TreeMap<>();
    for (int k = 0; k < inAreas.size(); k++) {
      counts.merge(inAreas.ids().get(k), (long) inAreas.count(k), Long::sum);
    }
    List<AreaMap.Shape> shapes = new ArrayList<>();
    for (Area a : settings.areas()) {
      long c = counts.getOrDefault(a.id(), 0L);
      OptionalDouble rate = OptionalDouble.empty();
      if (settings.population().isPresent()) {
        OptionalDouble pop =
            settings
                .population()
                .get()
                .population(a.id(), lastYear, Optional.empty(), Optional.empty());
        if (pop.isPresent() && pop.getAsDouble() > 0) {
          long inYear =
              incidents.stream()
                  .filter(
                      i ->
                          i.occurred()
                              .map(
                                  w ->
                                      w.from().withOffsetSameInstant(TimeWindow.HONDURAS).getYear()
                                          == lastYear)
                              .orElse(false))
                  .filter(
                      i ->
                          i.location()
                              .flatMap(Location::point)
                              .map(
                                  q ->
                                      a.geometry()
                                          .covers(
                                              a.geometry()
                                                  .getFactory()
                                                  .createPoint(
                                                      new Coordinate(q.longitude(), q.latitude()))))
                              .orElse(false))
                  .count();
          rate = OptionalDouble.of(Rate.of(inYear, pop.getAsDouble()).rate());
          c = inYear;
        }
      }
      shapes.add(new AreaMap.Shape(a.id(), a.name().orElse(a.id()), a.geometry(), c, rate));
    }
    boolean rates = shapes.stream().anyMatch(x -> x.rate().isPresent());
    String desc =
        String.format(
            locale,
            s(
                "%d areas coloured by %s; %,d incidents fell outside every area and %,d had no"
                    + " point. Hatched areas have fewer than %d incidents: their rates are"
                    + " unreliable.",
                "%d áreas coloreadas por %s; %,d incidentes cayeron fuera de toda área y %,d no"
                    + " tenían punto. Las áreas rayadas tienen menos de %d incidentes: sus tasas no"
                    + " son fiables."),
            shapes.size(),
            rates
                ? s(
                    "incidents per 100,000 people in " + lastYear,
                    "incidentes por 100.000 habitantes en " + lastYear)
                : s("incidents", "incidentes"),
            outside,
            noPoint,
            AreaMap.UNRELIABLE_BELOW);
    return "<div class=\"map\">"
        + AreaMap.draw(
            "areas-map",
            s("Incidents by area", "Incidentes por área"),
            desc,
            shapes,
            rates
                ? s("incidents per 100,000", "incidentes por 100.000")
                : s("incidents", "incidentes"),
            s("fewer than 20 incidents: unreliable rate", "menos de 20 incidentes: tasa no fiable"))
        + "<p class=\"caption\">"
        + Svg.esc(desc)
        + "</p></div>";
  }

  private String seriesFigure() {
    List<Incident> homicides =
        incidents.stream()
            .filter(i -> i.classification().isWithin(HOMICIDE) && inCity(i, firstCity().code()))
            .toList();
    Map<YearMonth, Long> byMonth = new TreeMap<>();
    for (Incident i : homicides) {
      YearMonth m =
          YearMonth.from(
              i.occurred().orElseThrow().from().withOffsetSameInstant(TimeWindow.HONDURAS));
      byMonth.merge(m, 1L, Long::sum);
    }
    YearMonth start = YearMonth.of(Math.max(firstYear, 1), 1);
    YearMonth end = YearMonth.of(Math.max(lastYear, 1), 12);
    List<Long> counts = new ArrayList<>();
    for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
      counts.add(byMonth.getOrDefault(m, 0L));
    }
    MonthlySeries series =
        MonthlySeries.of(start, counts.stream().mapToLong(Long::longValue).toArray());
    Map<YearMonth, Boolean> alarms = new TreeMap<>();
    for (Alarm a : Alarms.poissonZ(series, 1, 2.0)) {
      alarms.put(a.month(), a.alarm());
    }
    List<Charts.Point> points = new ArrayList<>();
    int alarmCount = 0;
    for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
      long c = series.count(m);
      ConfidenceInterval ci = PoissonIntervals.exact(c, 0.95);
      boolean alarm = alarms.getOrDefault(m, false);
      alarmCount += alarm ? 1 : 0;
      points.add(new Charts.Point(m.toString(), c, ci.lower(), ci.upper(), alarm));
    }
    String title = s("Homicides per month, ", "Homicidios por mes, ") + firstCity().name();
    String desc =
        String.format(
            locale,
            s(
                "Monthly counts from %s to %s with the exact 95%% interval of each month's"
                    + " underlying rate as a band; %d months raised an alarm (Poisson z above 2"
                    + " against the same month a year earlier).",
                "Conteos mensuales de %s a %s con el intervalo exacto del 95%% de la tasa de cada"
                    + " mes como banda; %d meses dieron alarma (z de Poisson mayor que 2 frente al"
                    + " mismo mes del año anterior)."),
            start,
            end,
            alarmCount);
    return Charts.series(
            "series",
            title,
            desc,
            points,
            s("alarm (Poisson z > 2)", "alarma (z de Poisson > 2)"),
            s("exact 95% interval", "intervalo exacto 95%"))
        + "<p class=\"caption\">"
        + Svg.esc(desc)
        + "</p>";
  }

  private String ratesTable() {
    if (settings.population().isEmpty()) {
      return "<p>"
          + Svg.esc(
              s(
                  "No population was given (--population), so no rates are shown.",
                  "No se dio población (--population), así que no se muestran tasas."))
          + "</p>";
    }
    PopulationTable pop = settings.population().get();
    StringBuilder t =
        new StringBuilder("<table><thead><tr><th>")
            .append(s("City", "Ciudad"))
            .append("</th><th>")
            .append(s("Year", "Año"))
            .append("</th><th>")
            .append(s("Homicides", "Homicidios"))
            .append("</th><th>")
            .append(s("Rate per 100,000 (95% CI)", "Tasa por 100.000 (IC 95%)"))
            .append("</th></tr></thead><tbody>");
    StringBuilder sentences = new StringBuilder("<ul>");
    for (City place : settings.cities()) {
      String[] city = {place.code(), place.name()};
      Rate previous = null;
      for (int year = firstYear; year <= lastYear; year++) {
        int y = year;
        long n =
            incidents.stream()
                .filter(
                    i ->
                        i.classification().isWithin(HOMICIDE)
                            && inCity(i, city[0])
                            && i.occurred()
                                    .orElseThrow()
                                    .from()
                                    .withOffsetSameInstant(ZoneOffset.ofHours(-6))
                                    .getYear()
                                == y)
                .count();
        OptionalDouble known = pop.population(city[0], year, Optional.empty(), Optional.empty());
        if (known.isEmpty()) {
          continue;
        }
        double population = known.getAsDouble();
        Rate r = Rate.of(n, population);
        t.append("<tr><td>")
            .append(city[1])
            .append("</td><td>")
            .append(year)
            .append("</td><td class=\"num\">")
            .append(n)
            .append("</td><td class=\"num\">")
            .append(String.format(Locale.ROOT, "%.1f (%.1f-%.1f)", r.rate(), r.lower(), r.upper()))
            .append("</td></tr>");
        if (previous != null && year == lastYear) {
          PeriodChange change =
              PeriodChange.of(city[1] + " homicide", "homicidios en " + city[1], previous, r);
          sentences.append(li(change.sentence(locale)));
        }
        previous = r;
      }
    }
    return t.append("</tbody></table><p class=\"caption\">")
        .append(Svg.esc(s("Population: ", "Población: ") + pop.vintage()))
        .append("</p>")
        .append(sentences)
        .append("</ul>")
        .toString();
  }

  private String nearRepeatTable(NearRepeatTable nr) {
    List<String> times = new ArrayList<>();
    List<String> distances = new ArrayList<>();
    for (NearRepeatCell c : nr.cells()) {
      if (!times.contains(c.time().label())) {
        times.add(c.time().label());
      }
      if (!distances.contains(c.distance().label())) {
        distances.add(c.distance().label());
      }
    }
    StringBuilder t =
        new StringBuilder("<table class=\"heat\"><caption>")
            .append(
                s(
                    "Knox ratio (observed / expected pairs); bold: p < 0.05",
                    "Razón de Knox (pares observados / esperados); en negrita: p < 0,05"))
            .append("</caption><thead><tr><th>")
            .append(s("metres \\ days", "metros \\ días"))
            .append("</th>");
    times.forEach(x -> t.append("<th>").append(Svg.esc(x)).append("</th>"));
    t.append("</tr></thead><tbody>");
    for (String d : distances) {
      t.append("<tr><th>").append(Svg.esc(d)).append("</th>");
      for (String tm : times) {
        NearRepeatCell c =
            nr.cells().stream()
                .filter(x -> x.distance().label().equals(d) && x.time().label().equals(tm))
                .findFirst()
                .orElseThrow();
        double ratio = c.knoxRatio();
        String colour =
            Double.isFinite(ratio) && ratio > 1 ? Svg.colour(Math.min(ratio, 3), 1, 3) : "#f2f2f2";
        boolean light =
            colour.equals("#f2f2f2")
                || colour.equals(Svg.SEQUENTIAL[4])
                || colour.equals(Svg.SEQUENTIAL[5]);
        t.append("<td style=\"background:")
            .append(colour)
            .append(";color:")
            .append(light ? "#111" : "#fff")
            .append("\"")
            .append(c.pSim() < 0.05 ? " class=\"sig\"" : "")
            .append(" title=\"")
            .append(
                String.format(
                    Locale.ROOT,
                    "%d observed, %.1f expected, p = %.3f",
                    c.observed(),
                    c.expected(),
                    c.pSim()))
            .append("\">")
            .append(Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f", ratio) : "-")
            .append("</td>");
      }
      t.append("</tr>");
    }
    return t.append("</tbody></table>").toString();
  }

  private String funnelFigure() throws IOException {
    DemoCommand.ImpunityRow row =
        DemoCommand.impunityRows().stream()
            .filter(
                r ->
                    r.homicides().isPresent()
                        && r.casesInCourt().isPresent()
                        && r.convictions().isPresent())
            .reduce((a, b) -> b)
            .orElseThrow();
    long h = row.homicides().getAsLong();
    long court = row.casesInCourt().getAsLong();
    long conv = row.convictions().getAsLong();
    Proportion pc = Proportion.of(court, h, 0.95);
    Proportion pv = Proportion.of(conv, h, 0.95);
    List<Charts.Stage> stages =
        List.of(
            new Charts.Stage(s("homicides", "homicidios"), h, 1, 1, 1),
            new Charts.Stage(
                s("cases entering court", "casos judicializados"),
                court,
                pc.estimate(),
                pc.lower(),
                pc.upper()),
            new Charts.Stage(
                s("convictions", "condenas"), conv, pv.estimate(), pv.lower(), pv.upper()));
    String desc =
        String.format(
            locale,
            s(
                "%d: of %,d homicides, %,d cases entered court (%.1f%%) and %,d ended in a"
                    + " conviction (%.1f%%, 95%% CI %.1f-%.1f%%).",
                "%d: de %,d homicidios, %,d casos llegaron a los tribunales (%.1f%%) y %,d"
                    + " terminaron en condena (%.1f%%, IC 95%% %.1f-%.1f%%)."),
            row.year(),
            h,
            court,
            100 * pc.estimate(),
            conv,
            100 * pv.estimate(),
            100 * pv.lower(),
            100 * pv.upper());
    return Charts.funnel(
            "funnel",
            s("Impunity funnel, Honduras ", "Embudo de impunidad, Honduras ") + row.year(),
            desc,
            stages)
        + "<p class=\"caption\">"
        + Svg.esc(desc)
        + "</p><p class=\"source\">"
        + Svg.esc(s("Source: ", "Fuente: ") + row.source())
        + "</p>"
        + "<p class=\"caption\">"
        + Svg.esc(
            s(
                "Same-year ratios: a conviction in one year may be for a homicide of an earlier"
                    + " year.",
                "Razones del mismo año: una condena de un año puede ser por un homicidio de un año"
                    + " anterior."))
        + "</p>";
  }

  private String privacyText(PrivacyReport r, String keyId, ReleasePolicy policy) {
    StringBuilder b = new StringBuilder("<p>");
    b.append(
        Svg.esc(
            String.format(
                locale,
                s(
                    "Policy \"%s\": of %,d incidents, %,d were published and %,d suppressed. Every"
                        + " published combination of place and month is shared by at least %d"
                        + " incidents (k = %d, so the risk of singling one out is at most 1 in %d)."
                        + " Points were moved between %.0f and %.0f m (median %.0f m); the move is"
                        + " derived from a keyed pseudonym (key %s, not kept), so repeated releases"
                        + " cannot be averaged back. %.0f%% of the busiest cells before are still"
                        + " among the busiest after.",
                    "Política \"%s\": de %,d incidentes se publicaron %,d y se suprimieron %,d."
                        + " Cada combinación publicada de lugar y mes la comparten al menos %d"
                        + " incidentes (k = %d: el riesgo de identificar uno es a lo sumo 1 en %d)."
                        + " Los puntos se movieron entre %.0f y %.0f m (mediana %.0f m); el"
                        + " desplazamiento sale de un seudónimo con clave (clave %s, no se guarda),"
                        + " así que publicaciones repetidas no permiten promediarlo. El %.0f%% de"
                        + " las celdas más concurridas antes sigue entre las más concurridas"
                        + " después."),
                policy.name(),
                r.recordsIn(),
                r.recordsOut(),
                r.suppressed(),
                r.kAchieved(),
                r.kAchieved(),
                r.kAchieved(),
                r.displacementMeters().min(),
                r.displacementMeters().max(),
                r.displacementMeters().median(),
                keyId,
                100 * r.hotCellOverlap())));
    b.append("</p><ul class=\"checks\">");
    for (PrivacyReport.Check c : r.checks()) {
      b.append("<li class=\"")
          .append(c.passed() ? "ok" : "fail")
          .append("\">")
          .append(c.passed() ? "&#10003; " : "&#10007; ")
          .append(Svg.esc(c.label(locale) + ": " + c.detail(locale)))
          .append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private static final String CSS =
      String.join(
          "",
          "body{font-family:system-ui,-apple-system,'Segoe"
              + " UI',Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.45}",
          "header{background:#1f2937;color:#fff;padding:1rem 1.5rem}header h1{margin:.2rem 0}",
          ".banner{background:#fde725;color:#111;display:inline-block;padding:.2rem"
              + " .6rem;font-weight:700;border-radius:3px;margin:0}",
          "main{max-width:1100px;margin:0 auto;padding:0 1.2rem 3rem}section{border-bottom:1px"
              + " solid #ddd;padding:1rem 0}",
          "h2{margin:.4rem"
              + " 0}.maps{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}.map{flex:1 1"
              + " 320px;max-width:560px}",
          "svg.figure{width:100%;height:auto;display:block}.caption{font-size:.85rem;color:#444;margin:.3rem"
              + " 0}.source{font-size:.8rem;color:#555}",
          ".sea{fill:#e8f1f8}.land{fill:#d9d9d9;stroke:#fff;stroke-width:.8}.land.focus{fill:#9aa5b1}.place{fill:#1a1a1a}",
          ".arealabel{font-size:13px;font-weight:700;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:3px}.label{font-size:12px;fill:#1a1a1a}.axis{font-size:11px;fill:#444}.grid{stroke:#e3e3e3}",
          ".band{fill:#22a884;fill-opacity:.25}.line{fill:none;stroke:#414487;stroke-width:2}.alarm{fill:#1a1a1a}",
          ".whisker{stroke:#1a1a1a;stroke-width:1.5;fill:none}.hot{fill:none;stroke:#000;stroke-width:2.5}",
          ".cold{fill:none;stroke:#000;stroke-width:1.5;stroke-dasharray:3"
              + " 2}.released{fill:#fff;stroke:#000;stroke-width:.6}",
          "table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem"
              + " .6rem;text-align:left}td.num{text-align:right}",
          "table.heat td{text-align:center;min-width:4.5rem}table.heat"
              + " td.sig{font-weight:700;outline:2px solid #000;outline-offset:-3px}",
          ".checks{list-style:none;padding-left:0}.checks .ok{color:#14532d}.checks"
              + " .fail{color:#7f1d1d;font-weight:700}",
          "@media print{header{background:#fff;color:#000}.banner{border:1px solid"
              + " #000}section{break-inside:avoid}}");
}
