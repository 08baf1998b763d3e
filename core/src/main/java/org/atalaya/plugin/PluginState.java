package org.atalaya.plugin;

import org.apiguardian.api.API;

/**
 * Where a plugin ended after discovery. Every plugin found ends in exactly one state, and every
 * state other than {@link #LOADED} comes with an issue saying why.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PluginState {
  /** Loaded and registered: its extensions are in use. */
  LOADED,
  /** Switched off by configuration ({@code disable(id)}); its code was not run. */
  DISABLED,
  /** Its required API range does not include this Atalaya's plugin API; its code was not run. */
  INCOMPATIBLE,
  /** Another plugin found earlier has the same id; that one is used, this one is not. */
  DUPLICATE,
  /** It could not be loaded, constructed or registered; the issue carries the cause. */
  FAILED
}
