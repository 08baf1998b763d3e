package org.atalaya.examples.denuncias;

import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.PluginContext;

/**
 * Example plugin: reads the spreadsheet a community crime-reporting network keeps, and teaches
 * Atalaya the words its members use for crimes. Its descriptor is in {@code
 * META-INF/atalaya/plugins/org.atalaya.examples.denuncias.DenunciasPlugin.properties}.
 */
public final class DenunciasPlugin implements AtalayaPlugin {

  @Override
  public void register(PluginContext context) {
    context.addImporter(new DenunciasImporter());
    context.addTaxonomyMapping(new DenunciasTaxonomy());
  }
}
