package org.atalaya.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * each kind of broken plugin. Discovery must end with the healthy ones working and every broken one
 * reported with the right state and code, whatever the order the jars are found in.
 */
class BrokenPluginsTest {

  @TempDir static Path dir;
  static PluginRegistry registry;

  @BeforeAll
  static void buildPluginsDirectory() throws Exception {
    BrokenPluginsFixture.write(dir);
    registry =
        PluginRegistry.builder().pluginsDirectory(dir).timeout(Duration.ofMillis(500)).discover();
  }

  private static Map<String, PluginRecord> byClass() {
    return registry.plugins().stream()
        .collect(Collectors.toMap(PluginRecord::className, Function.identity()));
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
    assertThat(codes())
        .contains(
            PluginCode.UNDECLARED_CAPABILITY,
            PluginCode.JAR_UNREADABLE,
            PluginCode.NO_PLUGIN_IN_JAR);
  }

  @Test
  void aPluginThatFailsInRegisterContributesNothing() {
    assertThat(registry.importer("medio")).isEmpty();
  }

  @Test
  void theHealthyPluginWorksAndIsChosenByRecognition() throws Exception {
    byte[] csv = "id,occurred_from\nx-1,2024-03-01\n".getBytes(StandardCharsets.UTF_8);
    IncidentImporter importer =
        registry.importerFor(FileSample.of("reportes.sano", csv)).orElseThrow();
    assertThat(importer.id()).isEqualTo("sano");
    ReadResult r = importer.readAll(new ByteArrayInputStream(csv), ReadOptions.defaults());
    assertThat(r.report().read()).isEqualTo(1);
    // the built-in CSV importer still answers for .csv
    assertThat(registry.importerFor(FileSample.of("x.csv", csv)).orElseThrow().id())
        .isEqualTo("csv");
  }

  @Test
  void aPluginThatThrowsInUseIsNamedAndRecorded() {
    IncidentImporter bad = registry.importer("roto").orElseThrow();
    byte[] csv = "id\nx\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> bad.read(new ByteArrayInputStream(csv), ReadOptions.defaults(), i -> {}))
        .isInstanceOf(PluginFailureException.class)
        .hasMessageContaining("org.test.bad")
        .hasMessageContaining("column Fecha missing")
        .satisfies(
            e -> assertThat(((PluginFailureException) e).pluginId()).isEqualTo("org.test.bad"));
    assertThat(registry.issues())
        .anySatisfy(
            i -> {
              assertThat(i.code()).isEqualTo(PluginCode.FAILED_IN_USE);
              assertThat(i.pluginId()).contains("org.test.bad");
            });
    // other importers are unaffected
    assertThat(registry.importer("sano")).isPresent();
  }

  @Test
  void issuesSpeakSpanishAndEnglishAndGiveAHint() {
    PluginIssue incompatible =
        registry.issues().stream()
            .filter(i -> i.code() == PluginCode.INCOMPATIBLE_API)
            .findFirst()
            .orElseThrow();
    assertThat(incompatible.message(Locale.ENGLISH))
        .contains("org.test.old")
        .contains("[9.0.0,10.0.0)")
        .contains("0.1.0");
    assertThat(incompatible.message(Locale.forLanguageTag("es")))
        .startsWith("el plugin org.test.old no es compatible");
    assertThat(incompatible.hint(Locale.forLanguageTag("es"))).contains("requires");
    PluginIssue fat =
        registry.issues().stream()
            .filter(i -> i.code() == PluginCode.BUNDLES_API)
            .findFirst()
            .orElseThrow();
    assertThat(fat.hint(Locale.ENGLISH)).contains("provided");
    assertThat(fat.pluginId()).contains("org.test.fat");
  }

  @Test
  void strictModeStopsAtTheFirstError() {
    assertThatThrownBy(
            () ->
                PluginRegistry.builder()
                    .pluginsDirectory(dir)
                    .strict(true)
                    .timeout(Duration.ofMillis(500))
                    .discover())
        .isInstanceOf(PluginLoadException.class)
        .satisfies(
            e ->
                assertThat(((PluginLoadException) e).issue().code())
                    .isEqualTo(PluginCode.CLASS_NOT_FOUND));
  }

  @Test
  void aDisabledPluginRunsNoCode() {
    PluginRegistry r =
        PluginRegistry.builder()
            .pluginsDirectory(dir)
            .disable("org.test.ctor")
            .timeout(Duration.ofMillis(500))
            .discover();
    PluginRecord ctor =
        r.plugins().stream()
            .filter(p -> p.className().equals("t.ctor.Plugin"))
            .findFirst()
            .orElseThrow();
    assertThat(ctor.state()).isEqualTo(PluginState.DISABLED);
    assertThat(r.issues()).noneMatch(i -> i.code() == PluginCode.CONSTRUCTOR_FAILED);
  }

  @Test
  void builtInFormatsComeFromTheClassPathLikeAnyPlugin() {
    assertThat(registry.plugins())
        .anySatisfy(
            p -> {
              assertThat(p.id()).isEqualTo("atalaya.formats");
              assertThat(p.state()).isEqualTo(PluginState.LOADED);
            });
    assertThat(registry.extensions(ExtensionPoints.IMPORTER))
        .extracting(i -> i.id())
        .contains("csv", "json", "ndjson", "geojson", "sano", "roto");
    assertThat(registry.exporterFor("out.geojson").orElseThrow().id()).isEqualTo("geojson");
  }

  private static Set<PluginCode> codes() {
    return registry.issues().stream().map(PluginIssue::code).collect(Collectors.toSet());
  }
}
