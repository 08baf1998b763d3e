package org.atalaya.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.spi.ExtensionPoints;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's "broken plugins" suite: a plugins directory holding one healthy plugin and one of
 * each kind of broken plugin. Discovery must end with the healthy ones working and every broken
 * one reported with the right state and code, whatever the order the jars are found in.
 */
class BrokenPluginsTest {

  @TempDir static Path dir;
  static PluginRegistry registry;

  private static final String IMPORTER_BODY =
      """
      public String id() { return "%s"; }
      public org.atalaya.spi.Recognition recognise(org.atalaya.spi.FileSample s) {
        %s
        return s.extension().equals("%s") ? org.atalaya.spi.Recognition.CERTAIN : org.atalaya.spi.Recognition.NO;
      }
      public org.atalaya.io.ReadReport read(java.io.InputStream in, org.atalaya.io.ReadOptions o,
          org.atalaya.io.IncidentHandler h) throws java.io.IOException {
        %s
        return org.atalaya.io.IncidentFormat.CSV.reader().read(in, o, h);
      }
      """;

  static String plugin(String pkg, String cls, String constructor, String register) {
    return "package " + pkg + ";\n"
        + "public class " + cls + " implements org.atalaya.spi.AtalayaPlugin {\n"
        + "  public " + cls + "() { " + constructor + " }\n"
        + "  public void register(org.atalaya.spi.PluginContext c) { " + register + " }\n"
        + "}\n";
  }

  static String importer(String pkg, String cls, String id, String ext, String inRecognise, String inRead) {
    return "package " + pkg + ";\n"
        + "public class " + cls + " implements org.atalaya.spi.IncidentImporter {\n"
        + IMPORTER_BODY.formatted(id, inRecognise, ext, inRead)
        + "}\n";
  }

  @BeforeAll
  static void buildPluginsDirectory() throws Exception {
    // healthy: an importer for .sano files, next to a stale services line in the same jar
    TestJars.jar()
        .source("t.sano.Plugin", plugin("t.sano", "Plugin", "", "c.addImporter(new Importer());"))
        .source("t.sano.Importer", importer("t.sano", "Importer", "sano", "sano", "", ""))
        .services("t.sano.Plugin", "t.sano.RenamedAway")
        .descriptor("t.sano.Plugin", "org.test.sano", "^0.1.0", "importer")
        .writeTo(dir.resolve("a-healthy.jar"));
    TestJars.jar()
        .source("t.ctor.Plugin", plugin("t.ctor", "Plugin", "throw new IllegalStateException(\"no config file\");", ""))
        .services("t.ctor.Plugin")
        .descriptor("t.ctor.Plugin", "org.test.ctor", "^0.1.0", "")
        .writeTo(dir.resolve("b-constructor-throws.jar"));
    TestJars.jar()
        .source("t.old.Plugin", plugin("t.old", "Plugin", "", ""))
        .services("t.old.Plugin")
        .descriptor("t.old.Plugin", "org.test.old", "[9.0.0,10.0.0)", "")
        .writeTo(dir.resolve("c-incompatible.jar"));
    for (String side : new String[] {"one", "two"}) {
      TestJars.jar()
          .source("t." + side + ".Plugin", plugin("t." + side, "Plugin", "", ""))
          .services("t." + side + ".Plugin")
          .descriptor("t." + side + ".Plugin", "org.test.twin", "^0.1.0", "")
          .writeTo(dir.resolve("d-twin-" + side + ".jar"));
    }
    TestJars.jar()
        .source("t.fat.Plugin", plugin("t.fat", "Plugin", "", ""))
        .services("t.fat.Plugin")
        .descriptor("t.fat.Plugin", "org.test.fat", "^0.1.0", "")
        .resource("org/atalaya/spi/AtalayaPlugin.class", apiClassBytes())
        .writeTo(dir.resolve("e-bundles-api.jar"));
    TestJars.jar()
        .source("t.bad.Plugin", plugin("t.bad", "Plugin", "", "c.addImporter(new Importer());"))
        .source("t.bad.Importer", importer("t.bad", "Importer", "roto", "roto", "",
            "if (true) throw new NullPointerException(\"column Fecha missing\");"))
        .services("t.bad.Plugin")
        .descriptor("t.bad.Plugin", "org.test.bad", "^0.1.0", "importer")
        .writeTo(dir.resolve("f-throws-in-use.jar"));
    TestJars.jar()
        .source("t.slow.Plugin", plugin("t.slow", "Plugin", "try { Thread.sleep(60_000); } catch (InterruptedException e) { }", ""))
        .services("t.slow.Plugin")
        .descriptor("t.slow.Plugin", "org.test.slow", "^0.1.0", "")
        .writeTo(dir.resolve("g-slow.jar"));
    TestJars.jar()
        .source("t.reg.Plugin", plugin("t.reg", "Plugin", "", "c.addImporter(new t.reg.Importer()); throw new IllegalArgumentException(\"half way\");"))
        .source("t.reg.Importer", importer("t.reg", "Importer", "medio", "medio", "", ""))
        .services("t.reg.Plugin")
        .descriptor("t.reg.Plugin", "org.test.reg", "^0.1.0", "importer")
        .writeTo(dir.resolve("h-register-throws.jar"));
    TestJars.jar()
        .source("t.sly.Plugin", plugin("t.sly", "Plugin", "", "c.addImporter(new t.sly.Importer());"))
        .source("t.sly.Importer", importer("t.sly", "Importer", "sly", "sly", "", ""))
        .services("t.sly.Plugin")
        .descriptor("t.sly.Plugin", "org.test.sly", "^0.1.0", "")
        .writeTo(dir.resolve("i-undeclared.jar"));
    TestJars.jar()
        .source("t.own.Plugin", plugin("t.own", "Plugin", "", ""))
        .services("t.own.Plugin")
        .descriptor("t.own.Plugin", "atalaya.own", "^0.1.0", "")
        .writeTo(dir.resolve("j-reserved-id.jar"));
    TestJars.jar().services("t.nodesc.Plugin").source("t.nodesc.Plugin", plugin("t.nodesc", "Plugin", "", ""))
        .writeTo(dir.resolve("k-no-descriptor.jar"));
    Files.writeString(dir.resolve("l-not-a-jar.jar"), "this is not a zip file");
    TestJars.jar().resource("README.txt", "a library, not a plugin").writeTo(dir.resolve("m-library.jar"));
    registry =
        PluginRegistry.builder().pluginsDirectory(dir).timeout(Duration.ofMillis(500)).discover();
  }

  private static byte[] apiClassBytes() throws Exception {
    try (var in = org.atalaya.spi.AtalayaPlugin.class.getResourceAsStream("AtalayaPlugin.class")) {
      return in.readAllBytes();
    }
  }

  private static Map<String, PluginRecord> byClass() {
    return registry.plugins().stream().collect(Collectors.toMap(PluginRecord::className, Function.identity()));
  }

  private static PluginCode reasonOf(String className) {
    return byClass().get(className).reason().orElseThrow();
  }

  @Test
  void everyBrokenPluginEndsInItsStateWithItsCode() {
    Map<String, PluginRecord> all = byClass();
    assertThat(all.get("t.sano.Plugin").state()).isEqualTo(PluginState.LOADED);
    assertThat(all.get("t.sano.Plugin").contributions()).containsExactly("importer:sano");
    assertThat(reasonOf("t.sano.RenamedAway")).isEqualTo(PluginCode.CLASS_NOT_FOUND);
    assertThat(reasonOf("t.ctor.Plugin")).isEqualTo(PluginCode.CONSTRUCTOR_FAILED);
    assertThat(all.get("t.old.Plugin").state()).isEqualTo(PluginState.INCOMPATIBLE);
    assertThat(reasonOf("t.old.Plugin")).isEqualTo(PluginCode.INCOMPATIBLE_API);
    assertThat(all.get("t.one.Plugin").state()).isEqualTo(PluginState.LOADED);
    assertThat(all.get("t.two.Plugin").state()).isEqualTo(PluginState.DUPLICATE);
    assertThat(reasonOf("t.fat.Plugin")).isEqualTo(PluginCode.BUNDLES_API);
    assertThat(reasonOf("t.slow.Plugin")).isEqualTo(PluginCode.TIMED_OUT);
    assertThat(reasonOf("t.reg.Plugin")).isEqualTo(PluginCode.REGISTER_FAILED);
    assertThat(reasonOf("t.own.Plugin")).isEqualTo(PluginCode.RESERVED_ID);
    assertThat(reasonOf("t.nodesc.Plugin")).isEqualTo(PluginCode.DESCRIPTOR_MISSING);
    // loaded, but its undeclared contribution refused
    assertThat(all.get("t.sly.Plugin").state()).isEqualTo(PluginState.LOADED);
    assertThat(all.get("t.sly.Plugin").contributions()).isEmpty();
    assertThat(codes()).contains(PluginCode.UNDECLARED_CAPABILITY, PluginCode.JAR_UNREADABLE, PluginCode.NO_PLUGIN_IN_JAR);
  }

  @Test
  void aPluginThatFailsInRegisterContributesNothing() {
    assertThat(registry.importer("medio")).isEmpty();
  }

  @Test
  void theHealthyPluginWorksAndIsChosenByRecognition() throws Exception {
    byte[] csv = "id,occurred_from\nx-1,2024-03-01\n".getBytes(StandardCharsets.UTF_8);
    IncidentImporter importer = registry.importerFor(FileSample.of("reportes.sano", csv)).orElseThrow();
    assertThat(importer.id()).isEqualTo("sano");
    ReadResult r = importer.readAll(new ByteArrayInputStream(csv), ReadOptions.defaults());
    assertThat(r.report().read()).isEqualTo(1);
    // the built-in CSV importer still answers for .csv
    assertThat(registry.importerFor(FileSample.of("x.csv", csv)).orElseThrow().id()).isEqualTo("csv");
  }

  @Test
  void aPluginThatThrowsInUseIsNamedAndRecorded() {
    IncidentImporter bad = registry.importer("roto").orElseThrow();
    byte[] csv = "id\nx\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> bad.read(new ByteArrayInputStream(csv), ReadOptions.defaults(), i -> {}))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("org.test.bad")
        .hasMessageContaining("column Fecha missing")
        .satisfies(e -> assertThat(((PluginFailureException) e).pluginId()).isEqualTo("org.test.bad"));
    assertThat(registry.issues())
        .anySatisfy(i -> {
          assertThat(i.code()).isEqualTo(PluginCode.FAILED_IN_USE);
          assertThat(i.pluginId()).contains("org.test.bad");
        });
    // other importers are unaffected
    assertThat(registry.importer("sano")).isPresent();
  }

  @Test
  void issuesSpeakSpanishAndEnglishAndGiveAHint() {
    PluginIssue incompatible =
        registry.issues().stream().filter(i -> i.code() == PluginCode.INCOMPATIBLE_API).findFirst().orElseThrow();
    assertThat(incompatible.message(Locale.ENGLISH)).contains("org.test.old").contains("[9.0.0,10.0.0)").contains("0.1.0");
    assertThat(incompatible.message(Locale.forLanguageTag("es"))).startsWith("el plugin org.test.old no es compatible");
    assertThat(incompatible.hint(Locale.forLanguageTag("es"))).contains("requires");
    PluginIssue fat =
        registry.issues().stream().filter(i -> i.code() == PluginCode.BUNDLES_API).findFirst().orElseThrow();
    assertThat(fat.hint(Locale.ENGLISH)).contains("provided");
    assertThat(fat.pluginId()).contains("org.test.fat");
  }

  @Test
  void strictModeStopsAtTheFirstError() {
    assertThatThrownBy(
            () -> PluginRegistry.builder().pluginsDirectory(dir).strict(true).timeout(Duration.ofMillis(500)).discover())
        .isInstanceOf(PluginLoadException.class)
        .satisfies(e -> assertThat(((PluginLoadException) e).issue().code()).isEqualTo(PluginCode.CLASS_NOT_FOUND));
  }

  @Test
  void aDisabledPluginRunsNoCode() {
    PluginRegistry r =
        PluginRegistry.builder().pluginsDirectory(dir).disable("org.test.ctor").timeout(Duration.ofMillis(500)).discover();
    PluginRecord ctor =
        r.plugins().stream().filter(p -> p.className().equals("t.ctor.Plugin")).findFirst().orElseThrow();
    assertThat(ctor.state()).isEqualTo(PluginState.DISABLED);
    assertThat(r.issues()).noneMatch(i -> i.code() == PluginCode.CONSTRUCTOR_FAILED);
  }

  @Test
  void builtInFormatsComeFromTheClassPathLikeAnyPlugin() {
    assertThat(registry.plugins()).anySatisfy(p -> {
      assertThat(p.id()).isEqualTo("atalaya.formats");
      assertThat(p.state()).isEqualTo(PluginState.LOADED);
    });
    assertThat(registry.extensions(ExtensionPoints.IMPORTER)).extracting(i -> i.id())
        .contains("csv", "json", "ndjson", "geojson", "sano", "roto");
    assertThat(registry.exporterFor("out.geojson").orElseThrow().id()).isEqualTo("geojson");
  }

  private static java.util.Set<PluginCode> codes() {
    return registry.issues().stream().map(PluginIssue::code).collect(Collectors.toSet());
  }
}
