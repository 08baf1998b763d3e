/**
 * The plugin SPI: what a plugin implements ({@link org.atalaya.spi.AtalayaPlugin}), what it
 * declares ({@link org.atalaya.spi.PluginDescriptor}) and what it can contribute at each {@link
 * org.atalaya.spi.ExtensionPoint}: incident importers and exporters, taxonomy mappings and
 * indicators here, geofence event listeners in atalaya-geo, release steps in the anonymisation
 * package. Types here evolve only by added default methods. The registry that finds and runs
 * plugins is in {@code org.atalaya.plugin}; the guide is {@code sdk-docs/plugins.md}.
 */
package org.atalaya.spi;
