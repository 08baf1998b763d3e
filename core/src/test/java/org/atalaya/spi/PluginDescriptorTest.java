package org.atalaya.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.atalaya.plugin.BuiltInFormats;
import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

  @Test
  void propertiesRoundTrip() {
    PersonalField[] fields = PersonalField.values();
    String[] points = {"importer", "exporter", "taxonomy", "indicator", "geofence-listener"};
    qt().forAll(
            integers().between(0, 50),
            lists().of(integers().between(0, fields.length - 1)).ofSizeBetween(0, 5),
            lists().of(integers().between(0, points.length - 1)).ofSizeBetween(0, 5))
        .checkAssert(
            (minor, fs, ps) -> {
              PluginDescriptor.Builder b =
                  PluginDescriptor.builder("org.ejemplo.p" + minor)
                      .name("Plugin de ejemplo ñ " + minor)
                      .version(SemanticVersion.of(1, minor, 0))
                      .requires(VersionRange.parse("[0.1.0,1.0.0)"))
                      .licence("Apache-2.0");
              fs.forEach(i -> b.reads(fields[i]).writes(fields[(i + 1) % fields.length]));
              ps.forEach(i -> b.capability(points[i]));
              PluginDescriptor d = b.build();
              assertThat(PluginDescriptor.fromProperties(d.toProperties(), "test")).isEqualTo(d);
            });
  }

  @Test
  void badDescriptorsNameTheKeyAndTheValue() {
    Properties p = new Properties();
    p.setProperty("id", "Mi Plugin");
    assertThatThrownBy(() -> PluginDescriptor.fromProperties(p, "mi.properties"))
        .hasMessageContaining("mi.properties")
        .hasMessageContaining("'Mi Plugin'");
    p.setProperty("id", "org.ejemplo.mio");
    assertThatThrownBy(() -> PluginDescriptor.fromProperties(p, "mi.properties"))
        .hasMessageContaining("'version' is missing");
    p.setProperty("version", "1.0.0");
    p.setProperty("requires", "^0.1.0");
    p.setProperty("licence", "MIT");
    p.setProperty("reads", "nombre");
    assertThatThrownBy(() -> PluginDescriptor.fromProperties(p, "mi.properties"))
        .hasMessageContaining("'nombre' is not a personal field")
        .hasMessageContaining("exact-location");
    p.setProperty("reads", "narrative");
    p.setProperty("license", "ignored when licence is given");
    assertThat(PluginDescriptor.fromProperties(p, "mi.properties").licence()).isEqualTo("MIT");
  }

  @Test
  void theBuiltInPluginShipsADescriptorReadableWithoutRunningIt() {
    PluginDescriptor d = PluginDescriptor.forProvider(BuiltInFormats.class);
    assertThat(d.id()).isEqualTo("atalaya.formats");
    assertThat(d.hasReservedId()).isTrue();
    assertThat(d.requires().contains(PluginApi.VERSION)).isTrue();
    assertThat(d.capabilities()).containsExactly("exporter", "importer");
  }

  @Test
  void fileSamplesKnowTheirExtensionAndFirstLine() {
    FileSample s =
        FileSample.of(
            "Denuncias.CSV",
            "\uFEFFFecha;Tipo\r\n01/02/2024;robo\n".getBytes(StandardCharsets.UTF_8));
    assertThat(s.extension()).isEqualTo("csv");
    assertThat(s.firstLine()).isEqualTo("Fecha;Tipo");
  }
}
