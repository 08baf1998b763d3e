package org.atalaya.plugin;

import org.apiguardian.api.API;

/**
 * The stable codes of plugin issues. Codes never change meaning once released; each has an
 * English and a Spanish message and hint, and {@code sdk-docs/plugins.md} explains them.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PluginCode {
  /** A services file names a class that is not there (a stale line after a rename). */
  CLASS_NOT_FOUND("ATL-PLG-001", IssueSeverity.ERROR),
  /** A services file names a class that does not implement {@code AtalayaPlugin}. */
  NOT_A_PLUGIN("ATL-PLG-002", IssueSeverity.ERROR),
  /** The plugin class ships no descriptor properties file. */
  DESCRIPTOR_MISSING("ATL-PLG-003", IssueSeverity.ERROR),
  /** The descriptor file is there but a key is missing or a value invalid. */
  DESCRIPTOR_INVALID("ATL-PLG-004", IssueSeverity.ERROR),
  /** The plugin requires a plugin API range that does not include this Atalaya's. */
  INCOMPATIBLE_API("ATL-PLG-005", IssueSeverity.ERROR),
  /** Two plugins have the same id; the first found is used. */
  DUPLICATE_ID("ATL-PLG-006", IssueSeverity.ERROR),
  /** A jar in the plugins directory contains Atalaya's own API classes. */
  BUNDLES_API("ATL-PLG-007", IssueSeverity.ERROR),
  /** A plugin not shipped with Atalaya uses the reserved id prefix {@code atalaya.}. */
  RESERVED_ID("ATL-PLG-008", IssueSeverity.ERROR),
  /** The plugin's constructor threw. */
  CONSTRUCTOR_FAILED("ATL-PLG-009", IssueSeverity.ERROR),
  /** The plugin's constructor or registration did not finish in time. */
  TIMED_OUT("ATL-PLG-010", IssueSeverity.ERROR),
  /** The plugin's {@code register} method threw; none of its extensions is used. */
  REGISTER_FAILED("ATL-PLG-011", IssueSeverity.ERROR),
  /** The descriptor the plugin returns in code differs from its descriptor file. */
  DESCRIPTOR_MISMATCH("ATL-PLG-012", IssueSeverity.ERROR),
  /** The plugin contributed at an extension point it did not declare as a capability. */
  UNDECLARED_CAPABILITY("ATL-PLG-013", IssueSeverity.ERROR),
  /** Another plugin already contributed an extension with the same id at the same point. */
  DUPLICATE_EXTENSION("ATL-PLG-014", IssueSeverity.ERROR),
  /** The plugin was disabled by configuration. */
  DISABLED("ATL-PLG-015", IssueSeverity.INFO),
  /** A jar in the plugins directory cannot be opened. */
  JAR_UNREADABLE("ATL-PLG-016", IssueSeverity.ERROR),
  /** A jar in the plugins directory declares no plugin. */
  NO_PLUGIN_IN_JAR("ATL-PLG-017", IssueSeverity.WARNING),
  /** An extension threw while in use. */
  FAILED_IN_USE("ATL-PLG-018", IssueSeverity.ERROR),
  /** The plugin declared a capability but contributed nothing there. */
  CAPABILITY_UNUSED("ATL-PLG-019", IssueSeverity.WARNING),
  /** The plugins directory does not exist or is not a directory. */
  PLUGINS_DIR_MISSING("ATL-PLG-020", IssueSeverity.ERROR),
  /** A line of a services file is not a class name. */
  INVALID_SERVICES_LINE("ATL-PLG-021", IssueSeverity.ERROR);

  private final String code;
  private final IssueSeverity severity;

  PluginCode(String code, IssueSeverity severity) {
    this.code = code;
    this.severity = severity;
  }

  /**
   * Returns the stable code, for example {@code "ATL-PLG-005"}.
   *
   * @return the code; never {@code null}
   */
  public String code() {
    return code;
  }

  /**
   * Returns how serious an issue with this code is.
   *
   * @return the severity; never {@code null}
   */
  public IssueSeverity severity() {
    return severity;
  }
}
