package org.atalaya.spi;

import org.apiguardian.api.API;

/**
 * The version of the plugin API, which a plugin's {@code requires} range is checked against.
 *
 * <p>It is versioned apart from the Atalaya artifacts on purpose: a release that changes nothing in
 * the SPI keeps it, an added default method raises the minor version, and a change that breaks
 * plugins (never intended after 1.0) raises the major one. While it is below 1.0.0, a minor raise
 * may break plugins, which the caret range {@code ^0.1.0} already accounts for.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginApi {

  /** The plugin API version of this Atalaya. */
  public static final SemanticVersion VERSION = SemanticVersion.of(0, 1, 0);

  private PluginApi() {}
}
