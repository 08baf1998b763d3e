package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.plugin.PluginRecord;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.plugin.PluginState;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoint;
import org.atalaya.spi.PluginApi;
import org.atalaya.spi.PluginContext;
import org.atalaya.spi.PluginDescriptor;
import org.atalaya.spi.SemanticVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every plugin keeps. Extend it in your plugin's tests and return a new instance of
 * your plugin; you inherit every test below.
 *
 * <pre>{@code
 * class DenunciasPluginTest extends PluginContract {
 *   @Override
 *   protected AtalayaPlugin plugin() {
 *     return new DenunciasPlugin();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the descriptor file exists, is valid and matches the code; that the plugin is
 * listed in {@code META-INF/services}; that it works with this Atalaya's plugin API; that it
 * contributes exactly what it declares, under stable, well-formed ids; that it prints nothing; and
 * that the real registry finds and loads it.
 *
 * @since 0.1
 */
@DisplayName("plugin contract / contrato del plugin")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class PluginContract extends ConsoleGuard {

  /**
   * Returns a new instance of the plugin under test.
   *
   * @return the plugin; never {@code null}
   */
  protected abstract AtalayaPlugin plugin();

  private record Contributed(String point, String id) {}

  private static List<Contributed> register(AtalayaPlugin plugin) {
    List<Contributed> out = new ArrayList<>();
    plugin.register(
        new PluginContext() {
          @Override
          public String pluginId() {
            return plugin.descriptor().id();
          }

          @Override
          public SemanticVersion apiVersion() {
            return PluginApi.VERSION;
          }

          @Override
          public <T extends Extension> void contribute(ExtensionPoint<T> point, T extension) {
            assertThat(extension).as("contribution at %s", point.name()).isNotNull();
            assertThat(point.type().isInstance(extension)).isTrue();
            out.add(new Contributed(point.name(), extension.id()));
          }
        });
    return out;
  }

  @Test
  @DisplayName(
      "the descriptor file exists, is valid and matches the code / el archivo descriptor existe, es"
          + " válido y coincide con el código")
  void descriptorFileExistsIsValidAndMatchesTheCode() {
    AtalayaPlugin plugin = plugin();
    PluginDescriptor fromFile = PluginDescriptor.forProvider(plugin.getClass());
    assertThat(plugin.descriptor())
        .as(
            "descriptor() must return what %s says",
            PluginDescriptor.resourceName(plugin.getClass().getName()))
        .isEqualTo(fromFile);
  }

  @Test
  @DisplayName("is listed in META-INF/services / figura en META-INF/services")
  void isListedInMetaInfServices() throws IOException {
    Class<?> type = plugin().getClass();
    Set<String> listed = new LinkedHashSet<>();
    ClassLoader loader = type.getClassLoader();
    for (URL url :
        Collections.list(
            loader.getResources("META-INF/services/" + AtalayaPlugin.class.getName()))) {
      try (InputStream in = url.openStream();
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        r.lines()
            .map(l -> l.replaceAll("#.*", "").strip())
            .filter(l -> !l.isEmpty())
            .forEach(listed::add);
      }
    }
    assertThat(listed)
        .as(
            "add the line %s to src/main/resources/META-INF/services/%s",
            type.getName(), AtalayaPlugin.class.getName())
        .contains(type.getName());
  }

  @Test
  @DisplayName(
      "works with this Atalaya's plugin API / funciona con la API de plugins de este Atalaya")
  void worksWithThisAtalayasPluginApi() {
    PluginDescriptor d = plugin().descriptor();
    assertThat(d.requires().contains(PluginApi.VERSION))
        .as(
            "the plugin requires the plugin API %s; this Atalaya has %s",
            d.requires(), PluginApi.VERSION)
        .isTrue();
  }

  @Test
  @DisplayName(
      "contributes exactly what it declares, under well-formed ids / aporta exactamente lo que"
          + " declara, con identificadores bien formados")
  void contributesExactlyWhatItDeclaresUnderWellFormedIds() {
    AtalayaPlugin plugin = plugin();
    List<Contributed> made = register(plugin);
    Set<String> points = new LinkedHashSet<>();
    made.forEach(c -> points.add(c.point()));
    assertThat(points)
        .as("extension points contributed to vs capabilities declared")
        .containsExactlyInAnyOrderElementsOf(plugin.descriptor().capabilities());
    for (Contributed c : made) {
      assertThat(c.id()).as("extension id at %s", c.point()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    }
    assertThat(made).as("two extensions at one point share an id").doesNotHaveDuplicates();
  }

  @Test
  @DisplayName(
      "ids are the same in every instance / los identificadores son los mismos en cada instancia")
  void idsAreStableAcrossInstances() {
    assertThat(register(plugin())).isEqualTo(register(plugin()));
    assertThat(plugin().descriptor()).isEqualTo(plugin().descriptor());
  }

  @Test
  @DisplayName("the registry finds and loads it / el registro lo encuentra y lo carga")
  void theRegistryFindsAndLoadsIt() {
    String className = plugin().getClass().getName();
    PluginRegistry registry =
        PluginRegistry.builder().classLoader(plugin().getClass().getClassLoader()).discover();
    PluginRecord record =
        registry.plugins().stream()
            .filter(p -> p.className().equals(className))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "the registry did not find "
                            + className
                            + "; issues: "
                            + registry.issues()));
    assertThat(record.state())
        .as("state of %s; issues: %s", className, registry.issues())
        .isEqualTo(PluginState.LOADED);
  }

  @Test
  @DisplayName("creating and registering it do not fail / crearlo y registrarlo no falla")
  void constructionAndRegistrationDoNotFail() {
    assertThatCode(() -> register(plugin())).doesNotThrowAnyException();
  }
}
