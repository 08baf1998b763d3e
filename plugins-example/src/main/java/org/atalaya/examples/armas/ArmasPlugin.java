package org.atalaya.examples.armas;

import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.PluginContext;

/** Example plugin: the share of homicides committed with a firearm. */
public final class ArmasPlugin implements AtalayaPlugin {

  @Override
  public void register(PluginContext context) {
    context.addIndicator(new FirearmShare());
  }
}
