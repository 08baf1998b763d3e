package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.code.AtalayaCode;
import org.atalaya.geo.io.AreaRejection;
import org.atalaya.geo.io.AreaRepair;
import org.atalaya.io.ProblemCode;
import org.atalaya.plugin.PluginCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Spanish all the way: every help page and every message in Spanish when asked, with no English
 * left in (a list of tell-tale English words is checked against every Spanish rendering).
 */
class SpanishAllTheWayTest {
  private static final Locale ES = Locale.forLanguageTag("es");

  /**
   * Words that are English and never Spanish: one of them in a Spanish text is English leaking in.
   */
  private static final Set<String> ENGLISH =
      Set.of(
          "the",
          "of",
          "and",
          "with",
          "is",
          "are",
          "not",
          "must",
          "cannot",
          "file",
          "files",
          "default",
          "which",
          "when",
          "would",
          "should",
          "print",
          "show",
          "write",
          "written",
          "read",
          "found",
          "missing",
          "failed",
          "loaded",
          "needs",
          "release",
          "step",
          "key",
          "rejected",
          "accepted",
          "every",
          "only",
          "this",
          "that",
          "nothing",
          "was",
          "were",
          "has",
          "have",
          "will",
          "than",
          "also",
          "or",
          "to",
          "for",
          "by",
          "at",
          "it",
          "an",
          "from",
          "where",
          "what",
          "how",
          "why",
          "be",
          "can",
          "does",
          "did",
          "its",
          "their",
          "instead",
          "give",
          "exit",
          "usage",
          "commands",
          "options",
          "display",
          "message",
          "messages",
          "language",
          "seed",
          "incidents");

  /** Names, identifiers and technical terms a Spanish text keeps as they are. */
  private static final List<String> KEPT =
      List.of(
          "Natural Earth",
          "San Pedro Sula",
          "R poisson.test",
          "Monte Carlo",
          "Clopper-Pearson",
          "Benjamini-Hochberg",
          "GeoJSON",
          "FeatureCollection",
          "Feature",
          "MultiPolygon",
          "Polygon",
          "LineString",
          "Point",
          "GeoDa",
          "ESRI ASCII",
          "atalaya plugins doctor",
          "atalaya validate",
          "atalaya demo",
          "not stated",
          "help",
          "id, name, version, requires",
          "Estado de Pais: Seguridad y Justicia",
          "Nodal, Revistazo and Tiempo" /* outlets cited by the data */);

  private static final List<Pattern> IDENTIFIERS =
      List.of(
          Pattern.compile("ATL-[A-Z]+-[0-9]{3}"), // codes
          Pattern.compile("(?<![A-Za-z0-9])--?[A-Za-z][A-Za-z0-9-]*(=\\S+)?"), // options
          Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`"), // quoted names and values
          Pattern.compile(
              "\\{[^{}]*\\}"), // JSON shapes and placeholders (innermost first, repeated below)
          Pattern.compile("https?://\\S+"), // addresses
          Pattern.compile("\\S*[/\\\\]\\S*"), // paths
          Pattern.compile(
              "[A-Za-z0-9_-]+(\\.[A-Za-z0-9_*-]+)+(\\(\\))?"), // file names, classes, dotted keys
          Pattern.compile("[A-Za-z]+\\(\\)"), // methods
          Pattern.compile(
              "\\b[a-z0-9]+(-[a-z0-9]+)+\\b"), // hyphenated identifiers: local-moran, open-data,
          // k-anonymity
          Pattern.compile(
              "\\b[A-Z][A-Z0-9_]+\\b"), // parameter labels and constants: FILE, METRES, ICCS
          Pattern.compile(
              "\\b(lon|lat|id|csv|json|ndjson|geojson|queen|rook|binary|row|exact|byar|quartic|gaussian|moran|gi|"
                  + "area|year|sex|age|age_band|population|all|department|municipality|distance|knn|grid|h3|areas|count|value|"
                  + "statistic|significant|density|fences|longitude|latitude|observed|expected|jar|jars|plugin|plugins|"
                  + "services|capabilities|register|location|time|category|publication|sensitivity|attributes|neighbour|victim|"
                  + "null|true|false|ok|verify|dp)\\b"));

  @TempDir Path dir;

  /**
   * Returns the English words left in {@code text} once names, codes and identifiers are taken out.
   */
  static Set<String> englishIn(String text) {
    String t = text;
    for (String kept : KEPT) {
      t = t.replace(kept, " ");
    }
    for (int i = 0; i < 3; i++) { // nested JSON shapes
      for (Pattern p : IDENTIFIERS) {
        t = p.matcher(t).replaceAll(" ");
      }
    }
    Set<String> found = new TreeSet<>();
    for (String word : t.split("[^A-Za-zÁÉÍÓÚÑáéíóúñü]+")) {
      if (ENGLISH.contains(word.toLowerCase(Locale.ROOT))) {
        found.add(word);
      }
    }
    return found;
  }

  /** Every command and subcommand, as the arguments that name it (aliases once). */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    collect(Atalaya.commandLine(), new ArrayList<>(), all);
    return all.stream();
  }

  private static void collect(CommandLine line, List<String> path, List<List<String>> all) {
    all.add(List.copyOf(path));
    for (var e : line.getSubcommands().entrySet()) {
      if (e.getKey().equals(e.getValue().getCommandName())) {
        path.add(e.getKey());
        collect(e.getValue(), path, all);
        path.remove(path.size() - 1);
      }
    }
  }

  static CliTest.Run run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(Arrays.asList(more));
    return CliTest.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "atalaya {0} --help")
  @MethodSource("commands")
  @DisplayName(
      "every command takes --lang and its help follows it: Spanish with es, English with en")
  void helpFollowsLang(List<String> command) {
    CliTest.Run es = run(command, "--help", "--lang", "es");
    CliTest.Run en = run(command, "--help", "--lang=en");
    assertThat(es.exit()).as(es.err()).isZero();
    assertThat(en.exit()).as(en.err()).isZero();
    assertThat(es.out()).contains("Uso: atalaya").contains("--lang=es|en");
    assertThat(en.out()).contains("Usage: atalaya");
    assertThat(englishIn(es.out())).as(es.out()).isEmpty();
  }

  @Test
  @DisplayName("help pages ask for through the help command and usage errors are Spanish too")
  void helpCommandAndUsageErrors() {
    CliTest.Run help = CliTest.run("help", "anonymise", "--lang", "es");
    assertThat(help.out()).startsWith("Uso: atalaya anonymise").contains("Anonimiza incidentes");
    CliTest.Run missing = CliTest.run("validate", "--lang", "es");
    assertThat(missing.exit()).isEqualTo(Atalaya.USAGE);
    assertThat(missing.err()).startsWith("falta: FILE").contains("Uso: atalaya validate");
    CliTest.Run wrong =
        CliTest.run("rate", "--count", "muchos", "--population", "10", "--lang", "es");
    assertThat(wrong.err()).startsWith("valor no válido para --count: 'muchos'");
    CliTest.Run unknown = CliTest.run("demo", "--nada", "--lang", "es");
    assertThat(unknown.err()).startsWith("argumento desconocido: --nada");
    CliTest.Run badLang = CliTest.run("rate", "--count", "1", "--population", "10", "--lang", "fr");
    assertThat(badLang.exit()).isEqualTo(Atalaya.USAGE);
    assertThat(badLang.err()).contains("--lang (fr) must be es or en");
  }

  static Stream<AtalayaCode> allCodes() {
    return Stream.of(
            ProblemCode.values(),
            PluginCode.values(),
            AnonymiseCode.values(),
            AreaRejection.Reason.values(),
            AreaRepair.Code.values())
        .flatMap(Stream::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCodes")
  @DisplayName(
      "every code of every family has its message and hint in both languages, the Spanish ones"
          + " without English")
  void everyCodeInBothLanguages(AtalayaCode code) {
    Object[] args = {"12", "0801", "detalle"};
    assertThat(code.code()).matches(AtalayaCode.FORMAT);
    for (Locale l : List.of(Locale.ENGLISH, ES)) {
      assertThat(code.message(l, args)).isNotBlank();
      assertThat(code.hint(l, args)).isNotBlank();
    }
    assertThat(code.message(ES, args)).isNotEqualTo(code.message(Locale.ENGLISH, args));
    assertThat(englishIn(code.message(ES, args))).as(code.message(ES, args)).isEmpty();
    assertThat(englishIn(code.hint(ES, args))).as(code.hint(ES, args)).isEmpty();
  }

  @Test
  @DisplayName(
      "the word list finds English in an English sentence and keeps names, codes and options")
  void wordListFindsEnglish() {
    assertThat(
            englishIn(
                "ATL-ANON-001 no hay clave de publicación: step donut-mask needs a release key"))
        .containsExactlyInAnyOrder("step", "needs", "release", "key");
    assertThat(
            englishIn(
                "revise --key-file y 'atalaya plugins doctor' en San Pedro Sula (ATL-IO-022)"))
        .isEmpty();
  }

  @Test
  @DisplayName("codes are unique across families")
  void codesUniqueAcrossFamilies() {
    Set<String> seen = new HashSet<>();
    assertThat(allCodes().map(AtalayaCode::code)).allMatch(seen::add);
  }

  @Test
  @DisplayName(
      "the command line's texts have the same keys in both languages, and the Spanish ones carry no"
          + " English")
  void cliTextsInBothLanguages() throws IOException {
    Properties en = load("Messages.properties");
    Properties es = load("Messages_es.properties");
    assertThat(es.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : es.stringPropertyNames()) {
      assertThat(englishIn(es.getProperty(key))).as(key + " = " + es.getProperty(key)).isEmpty();
    }
    Properties help = load("Help_es.properties");
    for (String key : help.stringPropertyNames()) {
      assertThat(englishIn(help.getProperty(key))).as(key).isEmpty();
    }
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        SpanishAllTheWayTest.class.getResourceAsStream("/org/atalaya/cli/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  @DisplayName(
      "commands' output in Spanish carries no English: rate, compare-rates, plugins, a missing key,"
          + " the demo")
  void outputInSpanish() throws IOException {
    List<CliTest.Run> runs = new ArrayList<>();
    runs.add(CliTest.run("rate", "--count", "12", "--population", "30000", "--lang", "es"));
    runs.add(
        CliTest.run(
            "compare-rates",
            "--count1",
            "3",
            "--population1",
            "100",
            "--count2",
            "0",
            "--population2",
            "100",
            "--lang",
            "es"));
    runs.add(CliTest.run("plugins", "list", "--lang", "es"));
    runs.add(CliTest.run("plugins", "doctor", "--lang", "es"));
    runs.add(
        CliTest.run(
            "plugins",
            "doctor",
            "--plugins-dir",
            dir.resolve("no-such-folder").toString(),
            "--lang",
            "es"));
    runs.add(CliTest.run("demo", "--out", dir.resolve("demo").toString(), "--lang", "es"));
    runs.add(
        CliTest.run(
            "anonymise",
            dir.resolve("demo/incidents.csv").toString(),
            "--policy",
            "open-data",
            "--out",
            dir.resolve("r.geojson").toString(),
            "--key-env",
            "ATALAYA_TEST_NO_SUCH_KEY",
            "--lang",
            "es"));
    for (CliTest.Run r : runs) {
      assertThat(englishIn(r.out() + r.err())).as(r.err()).isEmpty();
    }
    assertThat(runs.get(0).out()).contains("intervalo exacto de Garwood");
    assertThat(runs.get(1).out()).contains("razón de tasas infinito");
    assertThat(runs.get(3).out()).contains("CARGADO").containsPattern("Resumen: 1 cargado,");
    assertThat(runs.get(6).err())
        .contains(
            "ATL-ANON-001 no hay clave de publicación: la variable de entorno"
                + " ATALAYA_TEST_NO_SUCH_KEY no está definida");
    assertThat(Files.exists(dir.resolve("r.geojson"))).isFalse();
  }

  @Test
  @DisplayName(
      "anonymise in Spanish prints every check's name and detail in Spanish (records, tables,"
          + " attacks); in English the same checks are the report's English")
  void privacyChecksInSpanish() throws IOException {
    CliTest.Run demo = CliTest.run("demo", "--out", dir.resolve("demo").toString(), "--lang", "es");
    assertThat(demo.exit()).as(demo.err()).isZero();
    Path key = dir.resolve("release.key");
    Files.writeString(key, "k".repeat(20) + "0123456789abcdefghijklmnop");
    String in = dir.resolve("demo/incidents.csv").toString();
    List<CliTest.Run> runs = new ArrayList<>();
    for (String policy : List.of("open-data", "aggregate-statistics", "share-with-police")) {
      runs.add(
          CliTest.run(
              "anonymise",
              in,
              "--policy",
              policy,
              "--out",
              dir.resolve(policy + ".geojson").toString(),
              "--key-file",
              key.toString(),
              "--attack",
              "--lang",
              "es"));
    }
    for (CliTest.Run r : runs) {
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(englishIn(r.out() + r.err())).as(r.out()).isEmpty();
    }
    assertThat(runs.get(0).out())
        .contains("k-anonimidad: la clase más pequeña tiene")
        .contains("supresión: ")
        .contains("ataque neighbour: ");
    assertThat(runs.get(1).out())
        .contains("no se aplica, los registros no se publican")
        .contains("tabla dp-by-category-year: ")
        .contains("intervalos exactos al 95 %");
    assertThat(runs.get(2).out()).contains("la política no exige protegerlos");
    CliTest.Run en =
        CliTest.run(
            "anonymise",
            in,
            "--policy",
            "open-data",
            "--out",
            dir.resolve("en.geojson").toString(),
            "--key-file",
            key.toString(),
            "--lang",
            "en");
    assertThat(en.out()).contains("k-anonymity: smallest class");
    assertThat(englishIn(en.out())).isNotEmpty();
    assertThat(Files.readString(dir.resolve("open-data.geojson"))).isNotEmpty();
  }

  @Test
  @DisplayName(
      "unreadable inputs, unknown formats, invalid option values and unusable fences are said in"
          + " Spanish")
  void errorsInSpanish() throws IOException {
    Path noId = dir.resolve("sin-id.csv");
    Files.writeString(noId, "fecha,lugar\n2024-01-01,x\n");
    Path empty = dir.resolve("vacio.csv");
    Files.writeString(empty, "");
    Path feature = dir.resolve("uno.geojson");
    Files.writeString(feature, "{\"type\":\"Feature\"}");
    Path array = dir.resolve("objeto.json");
    Files.writeString(array, "{}");
    Path fences = dir.resolve("cercas.geojson");
    Files.writeString(
        fences,
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87,14]}}]}");
    Path population = dir.resolve("poblacion.csv");
    Files.writeString(population, "area,year,sex,age_band,population\n0801,2024,,,1000\n");
    List<CliTest.Run> runs = new ArrayList<>();
    runs.add(CliTest.run("validate", noId.toString(), "--lang", "es"));
    runs.add(CliTest.run("validate", empty.toString(), "--lang", "es"));
    runs.add(CliTest.run("validate", feature.toString(), "--lang", "es"));
    runs.add(CliTest.run("validate", array.toString(), "--lang", "es"));
    runs.add(CliTest.run("validate", noId.toString(), "--format", "nada", "--lang", "es"));
    runs.add(CliTest.run("rate", "--count", "-3", "--population", "10", "--lang", "es"));
    runs.add(
        CliTest.run(
            "rate", "--count", "3", "--population", "10", "--confidence", "1.5", "--lang", "es"));
    runs.add(
        CliTest.run(
            "compare-rates",
            "--count1",
            "0",
            "--population1",
            "10",
            "--count2",
            "0",
            "--population2",
            "10",
            "--lang",
            "es"));
    for (String[] bad :
        List.of(
            new String[] {"--by", "nada"},
            new String[] {"--area", "barrio"},
            new String[] {"--confidence", "2"})) {
      runs.add(
          CliTest.run(
              "indicators",
              "--incidents",
              noId.toString(),
              "--population",
              population.toString(),
              bad[0],
              bad[1],
              "--lang",
              "es"));
    }
    runs.add(
        CliTest.run(
            "fence",
            "--points",
            noId.toString(),
            "--fences",
            fences.toString(),
            "--out",
            dir.resolve("dentro.csv").toString(),
            "--lang",
            "es"));
    for (CliTest.Run r : runs) {
      assertThat(r.exit()).as(r.err()).isNotZero();
      // An area's rejection detail (ATL-GEO-...) is still the reader's English: left out.
      String said =
          r.err().lines().filter(l -> !l.contains("ATL-GEO-")).collect(Collectors.joining("\n"));
      assertThat(englishIn(r.out() + said)).as(r.err()).isEmpty();
    }
    assertThat(runs.get(0).err()).contains("no hay columna 'id'; el encabezado es [fecha, lugar]");
    assertThat(runs.get(1).err()).contains("el archivo CSV está vacío");
    assertThat(runs.get(2).err()).contains("el tipo GeoJSON es Feature");
    assertThat(runs.get(3).err()).contains("debe ser un arreglo de objetos de incidente");
    assertThat(runs.get(4).err()).contains("ningún importador tiene el id 'nada'");
    assertThat(runs.get(5).err()).contains("--count (-3) no puede ser negativo");
    assertThat(runs.get(6).err()).contains("--confidence (1.5) debe estar estrictamente entre");
    assertThat(runs.get(7).err()).contains("sin eventos en ningún grupo");
    assertThat(runs.get(8).err()).contains("--by (nada) debe enumerar");
    assertThat(runs.get(9).err()).contains("--area (barrio) debe ser");
    assertThat(runs.get(10).err()).contains("--confidence (2.0) debe estar estrictamente entre");
    assertThat(runs.get(11).err()).contains("no tiene ninguna geocerca utilizable");
    CliTest.Run en = CliTest.run("validate", noId.toString(), "--lang", "en");
    assertThat(en.err()).contains("no 'id' column; the header is [fecha, lugar]");
  }
}
