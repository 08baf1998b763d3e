package org.atalaya.spi;

import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a plugin registers its extensions with, during {@link AtalayaPlugin#register}. The context
 * is valid only during that call; keeping it and calling it later is an error.
 *
 * <p>A contribution is refused, and reported, when the plugin did not declare the extension point
 * among its capabilities, or when another plugin already contributed an extension with the same id
 * at the same point. A refused contribution does not stop the plugin's other contributions.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface PluginContext {

  /**
   * Returns the id of the plugin being registered.
   *
   * @return the id; never {@code null}
   */
  String pluginId();

  /**
   * Returns the version of the plugin API of the running Atalaya.
   *
   * @return the version; never {@code null}
   */
  SemanticVersion apiVersion();

  /**
   * Returns a setting the user gave this plugin, such as a URL or a file: the system property
   * {@code <pluginId>.<key>} (for example {@code -Dorg.ejemplo.webhook.url=...}), else the
   * environment variable made of the same words in upper case joined by underscores ({@code
   * ORG_EJEMPLO_WEBHOOK_URL}), else a value set on the registry's builder. Settings are how users
   * configure plugins without code; secrets belong in environment variables.
   *
   * @param key the setting's key: lower case words joined by dashes; never null
   * @return the value, or empty if the user gave none
   */
  default Optional<String> setting(String key) {
    return Optional.empty();
  }

  /**
   * Contributes an extension at any extension point, including those other modules define.
   *
   * @param point the extension point; never null
   * @param extension the extension; never null
   * @param <T> the point's interface
   */
  <T extends Extension> void contribute(ExtensionPoint<T> point, T extension);

  /**
   * Contributes an incident importer.
   *
   * @param importer the importer; never null
   */
  default void addImporter(IncidentImporter importer) {
    contribute(ExtensionPoints.IMPORTER, importer);
  }

  /**
   * Contributes an incident exporter.
   *
   * @param exporter the exporter; never null
   */
  default void addExporter(IncidentExporter exporter) {
    contribute(ExtensionPoints.EXPORTER, exporter);
  }

  /**
   * Contributes a taxonomy mapping.
   *
   * @param mapping the mapping; never null
   */
  default void addTaxonomyMapping(TaxonomyMapping mapping) {
    contribute(ExtensionPoints.TAXONOMY, mapping);
  }

  /**
   * Contributes anonymisation step types for release policies.
   *
   * @param steps the provider; never null
   */
  default void addReleaseSteps(ReleaseStepProvider steps) {
    contribute(ExtensionPoints.ANONYMISATION_STEP, steps);
  }

  /**
   * Contributes an indicator.
   *
   * @param indicator the indicator; never null
   */
  default void addIndicator(IncidentIndicator indicator) {
    contribute(ExtensionPoints.INDICATOR, indicator);
  }
}
