package org.atalaya.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.atalaya.indicator.ConfidenceInterval;
import org.atalaya.indicator.Lineage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small values a plugin sees: what each accepts, refuses and compares. */
class SpiValuesTest {

  private static final Lineage LINEAGE = Lineage.builder("tasa por 100.000").build();

  // --- IndicatorValue ---

  @Test
  void anIndicatorValueKeepsAnEstimateInsideItsInterval() {
    ConfidenceInterval ci = new ConfidenceInterval(10, 20, 0.95);
    IndicatorValue v =
        new IndicatorValue(10, Optional.of(ci), 3, 30_000, "per 100,000", "m", LINEAGE);
    assertThat(v.interval()).contains(ci);
    assertThat(new IndicatorValue(20, Optional.of(ci), 0, 1, "u", "m", LINEAGE).estimate())
        .isEqualTo(20);
    assertThat(new IndicatorValue(0, Optional.empty(), 0, 0.5, "u", "m", LINEAGE).denominator())
        .isEqualTo(0.5);
  }

  @Test
  void anIndicatorValueRefusesWhatNoFigureCanBe() {
    ConfidenceInterval ci = new ConfidenceInterval(10, 20, 0.95);
    assertThatThrownBy(() -> value(20.5, Optional.of(ci), 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20.5 lies outside its interval");
    assertThatThrownBy(() -> value(9.5, Optional.of(ci), 1, 1))
        .hasMessageContaining("outside its interval");
    assertThatThrownBy(() -> value(Double.NaN, Optional.empty(), 1, 1))
        .hasMessageContaining("finite number, not NaN");
    assertThatThrownBy(() -> value(Double.POSITIVE_INFINITY, Optional.empty(), 1, 1))
        .hasMessageContaining("finite number");
    assertThatThrownBy(() -> value(1, Optional.empty(), -1, 1))
        .hasMessageContaining("not -1 and 1.0");
    assertThatThrownBy(() -> value(1, Optional.empty(), 0, 0)).hasMessageContaining("0 and 0.0");
    assertThatThrownBy(() -> value(1, Optional.empty(), 0, Double.NaN))
        .hasMessageContaining("denominator > 0");
    assertThatThrownBy(() -> value(1, null, 0, 1)).isInstanceOf(NullPointerException.class);
  }

  private static IndicatorValue value(
      double estimate, Optional<ConfidenceInterval> ci, long numerator, double denominator) {
    return new IndicatorValue(estimate, ci, numerator, denominator, "u", "m", LINEAGE);
  }

  // --- ExtensionPoint ---

  @Test
  void anExtensionPointIsNamedByLowerCaseWordsAndIsAnInterface() {
    ExtensionPoint<Extension> p = ExtensionPoint.of("geofence-listener", Extension.class);
    assertThat(p.name()).isEqualTo("geofence-listener");
    assertThat(p.type()).isEqualTo(Extension.class);
    assertThat(p).hasToString("geofence-listener (Extension)");
    assertThatThrownBy(() -> ExtensionPoint.of("Geofence", Extension.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Geofence' must be lower case words joined by dashes");
    assertThatThrownBy(() -> ExtensionPoint.of("oyente-", Extension.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ExtensionPoint.of("oyente", String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'oyente' needs an interface, not java.lang.String");
  }

  @Test
  void extensionPointsAreEqualByNameAlone() {
    ExtensionPoint<Extension> a = ExtensionPoint.of("alerta", Extension.class);
    ExtensionPoint<IncidentImporter> sameName = ExtensionPoint.of("alerta", IncidentImporter.class);
    assertThat(a).isEqualTo(sameName).hasSameHashCodeAs(sameName);
    assertThat(a).isNotEqualTo(ExtensionPoint.of("aviso", Extension.class)).isNotEqualTo("alerta");
    assertThat(a.hashCode()).isEqualTo("alerta".hashCode());
  }

  // --- PluginContext ---

  @Test
  void theContextsShortcutsContributeToTheirOwnPoints() {
    List<String> contributed = new ArrayList<>();
    PluginContext context =
        new PluginContext() {
          @Override
          public String pluginId() {
            return "org.ejemplo.p";
          }

          @Override
          public SemanticVersion apiVersion() {
            return PluginApi.VERSION;
          }

          @Override
          public <T extends Extension> void contribute(ExtensionPoint<T> point, T extension) {
            assertThat(point.type().isInstance(extension)).isTrue();
            contributed.add(point.name());
          }
        };
    context.addImporter(stub(IncidentImporter.class));
    context.addExporter(stub(IncidentExporter.class));
    context.addTaxonomyMapping(stub(TaxonomyMapping.class));
    context.addReleaseSteps(stub(ReleaseStepProvider.class));
    context.addIndicator(stub(IncidentIndicator.class));
    assertThat(contributed)
        .containsExactly("importer", "exporter", "taxonomy", "anonymisation-step", "indicator");
    assertThat(context.setting("cualquiera")).isEmpty();
  }

  private static <T> T stub(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> null));
  }

  // --- PluginDescriptor ---

  private static PluginDescriptor.Builder minimal(String id) {
    return PluginDescriptor.builder(id)
        .version(SemanticVersion.of(1, 2, 3))
        .requires(VersionRange.parse("^0.1.0"))
        .licence("MIT");
  }

  @Test
  void aDescriptorsNameDefaultsToItsIdAndItPrintsAsIdAndVersion() {
    PluginDescriptor d = minimal("org.ejemplo.denuncias").build();
    assertThat(d.name()).isEqualTo("org.ejemplo.denuncias");
    assertThat(d.description()).isEmpty();
    assertThat(d.capabilities()).isEmpty();
    assertThat(d.hasReservedId()).isFalse();
    assertThat(d).hasToString("org.ejemplo.denuncias 1.2.3");
    assertThat(d.toProperties().getProperty("description")).isNull();
    assertThat(minimal("atalaya.extra").build().hasReservedId()).isTrue();
  }

  @Test
  void aDescriptorBuilderNamesWhatIsMissingOrBlank() {
    assertThatThrownBy(() -> PluginDescriptor.builder("org.ejemplo.p").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("plugin org.ejemplo.p: version is missing");
    assertThatThrownBy(
            () ->
                PluginDescriptor.builder("org.ejemplo.p")
                    .version(SemanticVersion.of(1, 0, 0))
                    .build())
        .hasMessage("plugin org.ejemplo.p: requires (API range) is missing");
    assertThatThrownBy(
            () ->
                PluginDescriptor.builder("org.ejemplo.p")
                    .version(SemanticVersion.of(1, 0, 0))
                    .requires(VersionRange.parse("^0.1.0"))
                    .build())
        .hasMessage("plugin org.ejemplo.p: licence is missing");
    assertThatThrownBy(() -> minimal("org.ejemplo.p").name(" "))
        .hasMessage("plugin org.ejemplo.p: name must not be blank");
    assertThatThrownBy(() -> minimal("org.ejemplo.p").licence(""))
        .hasMessage("plugin org.ejemplo.p: licence must not be blank");
    assertThatThrownBy(() -> minimal("org.ejemplo.p").capability("Importer"))
        .hasMessageContaining("capability 'Importer' must be an extension point name");
    assertThatThrownBy(() -> PluginDescriptor.builder("sinpunto"))
        .hasMessageContaining("'sinpunto' must be lower-case words joined by dots");
  }

  @Test
  void descriptorsDifferInEveryField() {
    PluginDescriptor d = minimal("org.ejemplo.p").description("Importa denuncias").build();
    assertThat(minimal("org.ejemplo.p").description("Importa denuncias").build())
        .isEqualTo(d)
        .hasSameHashCodeAs(d);
    assertThat(d)
        .isNotEqualTo(minimal("org.ejemplo.q").description("Importa denuncias").build())
        .isNotEqualTo(
            minimal("org.ejemplo.p").name("Otro").description("Importa denuncias").build())
        .isNotEqualTo(
            minimal("org.ejemplo.p")
                .version(SemanticVersion.of(1, 2, 4))
                .description("Importa denuncias")
                .build())
        .isNotEqualTo(
            minimal("org.ejemplo.p")
                .requires(VersionRange.parse("^0.2.0"))
                .description("Importa denuncias")
                .build())
        .isNotEqualTo(
            minimal("org.ejemplo.p").licence("Apache-2.0").description("Importa denuncias").build())
        .isNotEqualTo(
            minimal("org.ejemplo.p")
                .capability("importer")
                .description("Importa denuncias")
                .build())
        .isNotEqualTo(
            minimal("org.ejemplo.p")
                .reads(PersonalField.NARRATIVE)
                .description("Importa denuncias")
                .build())
        .isNotEqualTo(
            minimal("org.ejemplo.p")
                .writes(PersonalField.NARRATIVE)
                .description("Importa denuncias")
                .build())
        .isNotEqualTo(minimal("org.ejemplo.p").description("Otra").build())
        .isNotEqualTo(minimal("org.ejemplo.p").build())
        .isNotEqualTo("org.ejemplo.p 1.2.3");
  }

  @Test
  void propertiesAreTrimmedAndABlankDescriptionIsNone() {
    Properties p = new Properties();
    p.setProperty("id", " org.ejemplo.p ");
    p.setProperty("name", "  Denuncias  ");
    p.setProperty("version", " 1.0.0 ");
    p.setProperty("requires", " ^0.1.0 ");
    p.setProperty("license", " MIT ");
    p.setProperty("capabilities", " importer , , exporter ");
    p.setProperty("description", "   ");
    PluginDescriptor d = PluginDescriptor.fromProperties(p, "p.properties");
    assertThat(d.id()).isEqualTo("org.ejemplo.p");
    assertThat(d.name()).isEqualTo("Denuncias");
    assertThat(d.licence()).isEqualTo("MIT");
    assertThat(d.capabilities()).containsExactly("exporter", "importer");
    assertThat(d.description()).isEmpty();
    p.setProperty("description", "  Importa denuncias ");
    assertThat(PluginDescriptor.fromProperties(p, "p.properties").description())
        .contains("Importa denuncias");
    p.remove("name");
    assertThat(PluginDescriptor.fromProperties(p, "p.properties").name())
        .isEqualTo("org.ejemplo.p");
    p.setProperty("version", "  ");
    assertThatThrownBy(() -> PluginDescriptor.fromProperties(p, "p.properties"))
        .hasMessage("p.properties: the key 'version' is missing or empty");
    p.setProperty("version", "1.0.0");
    p.remove("license");
    assertThatThrownBy(() -> PluginDescriptor.fromProperties(p, "p.properties"))
        .hasMessage("p.properties: the key 'licence' is missing or empty");
  }

  @Test
  void readingADescriptorThatIsNotThereIsEmptyAndOneThatFailsIsAnError(@TempDir Path dir)
      throws IOException {
    assertThat(PluginDescriptor.read(dir.resolve("ninguno.properties").toUri().toURL())).isEmpty();

    Path file = dir.resolve("p.properties");
    Files.writeString(
        file, "id=org.ejemplo.p\nversion=1.0.0\nrequires=^0.1.0\nlicence=MIT\nname=Denuncias ñ\n");
    assertThat(PluginDescriptor.read(file.toUri().toURL()).orElseThrow().name())
        .isEqualTo("Denuncias ñ");

    URL broken =
        new URL(
            null,
            "roto:p.properties",
            new URLStreamHandler() {
              @Override
              protected URLConnection openConnection(URL u) {
                return new URLConnection(u) {
                  @Override
                  public void connect() {}

                  @Override
                  public InputStream getInputStream() throws IOException {
                    throw new IOException("disco sin leer");
                  }
                };
              }
            });
    assertThatThrownBy(() -> PluginDescriptor.read(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the plugin descriptor roto:p.properties: disco sin leer");
  }

  @Test
  void aProviderWithoutADescriptorIsToldWhereToPutIt() {
    assertThatThrownBy(() -> PluginDescriptor.forProvider(SpiValuesTest.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "plugin class org.atalaya.spi.SpiValuesTest has no descriptor: add the file "
                + "src/main/resources/META-INF/atalaya/plugins/org.atalaya.spi.SpiValuesTest.properties");
    assertThatThrownBy(() -> PluginDescriptor.forProvider(String.class))
        .hasMessageContaining("plugin class java.lang.String has no descriptor");
  }
}
