package org.atalaya.spi;

import org.apiguardian.api.API;

/**
 * The one type a plugin implements to be found: its provider. Register the implementing class in
 * {@code META-INF/services/org.atalaya.spi.AtalayaPlugin} (and with {@code provides} in {@code
 * module-info.java} if the plugin is a named module), and ship its descriptor at {@link
 * PluginDescriptor#resourceName(String)}.
 *
 * <p>The class needs a public no-argument constructor that does nothing slow: Atalaya gives it a
 * few seconds before reporting the plugin as failed. Work belongs in {@link #register}, which adds
 * the plugin's extensions through the context, or in the extensions themselves.
 *
 * <pre>{@code
 * public final class DenunciasPlugin implements AtalayaPlugin {
 *   @Override
 *   public void register(PluginContext context) {
 *     context.addImporter(new DenunciasImporter());
 *   }
 * }
 * }</pre>
 *
 * <p><b>Threading:</b> {@code register} is called once, from one thread. <b>Failure:</b> an
 * exception from the constructor or from {@code register} marks this plugin failed, with its cause,
 * and no extension of it is used; other plugins are not affected.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface AtalayaPlugin {

  /**
   * Returns the descriptor. The default reads the properties file the plugin ships, which is the
   * single place to write it; the registry reads the same file before running any plugin code.
   *
   * @return the descriptor; never {@code null}
   * @throws IllegalArgumentException if the descriptor file is missing or invalid
   */
  default PluginDescriptor descriptor() {
    return PluginDescriptor.forProvider(getClass());
  }

  /**
   * Adds this plugin's extensions.
   *
   * @param context where to add them; valid during this call only; never null
   */
  void register(PluginContext context);
}
