package ${package};

import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.PluginContext;

/** The plugin: Atalaya finds it through META-INF/services and calls register once. */
public final class MiPlugin implements AtalayaPlugin {

  @Override
  public void register(PluginContext context) {
    context.addImporter(new MiImporter());
  }
}
