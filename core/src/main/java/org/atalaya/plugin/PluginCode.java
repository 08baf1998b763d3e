package org.atalaya.plugin;

import java.util.Locale;
import org.apiguardian.api.API;
import org.atalaya.code.AtalayaCode;
import org.atalaya.code.Severity;
import org.atalaya.internal.LocalizedText;

/**
 * The stable codes of plugin issues. Codes never change meaning once released; each has an English
 * and a Spanish message and hint, and {@code sdk-docs/plugins.md} explains them. The arguments of
 * {@link #message} and {@link #hint} are the plugin id or class ({0}), the detail ({1}) and the
 * source ({2}).
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum PluginCode implements AtalayaCode {
  /** A services file names a class that is not there (a stale line after a rename). */
  CLASS_NOT_FOUND("ATL-PLG-001", Severity.ERROR),
  /** A services file names a class that does not implement {@code AtalayaPlugin}. */
  NOT_A_PLUGIN("ATL-PLG-002", Severity.ERROR),
  /** The plugin class ships no descriptor properties file. */
  DESCRIPTOR_MISSING("ATL-PLG-003", Severity.ERROR),
  /** The descriptor file is there but a key is missing or a value invalid. */
  DESCRIPTOR_INVALID("ATL-PLG-004", Severity.ERROR),
  /** The plugin requires a plugin API range that does not include this Atalaya's. */
  INCOMPATIBLE_API("ATL-PLG-005", Severity.ERROR),
  /** Two plugins have the same id; the first found is used. */
  DUPLICATE_ID("ATL-PLG-006", Severity.ERROR),
  /** A jar in the plugins directory contains Atalaya's own API classes. */
  BUNDLES_API("ATL-PLG-007", Severity.ERROR),
  /** A plugin not shipped with Atalaya uses the reserved id prefix {@code atalaya.}. */
  RESERVED_ID("ATL-PLG-008", Severity.ERROR),
  /** The plugin's constructor threw. */
  CONSTRUCTOR_FAILED("ATL-PLG-009", Severity.ERROR),
  /** The plugin's constructor or registration did not finish in time. */
  TIMED_OUT("ATL-PLG-010", Severity.ERROR),
  /** The plugin's {@code register} method threw; none of its extensions is used. */
  REGISTER_FAILED("ATL-PLG-011", Severity.ERROR),
  /** The descriptor the plugin returns in code differs from its descriptor file. */
  DESCRIPTOR_MISMATCH("ATL-PLG-012", Severity.ERROR),
  /** The plugin contributed at an extension point it did not declare as a capability. */
  UNDECLARED_CAPABILITY("ATL-PLG-013", Severity.ERROR),
  /** Another plugin already contributed an extension with the same id at the same point. */
  DUPLICATE_EXTENSION("ATL-PLG-014", Severity.ERROR),
  /** The plugin was disabled by configuration. */
  DISABLED("ATL-PLG-015", Severity.INFO),
  /** A jar in the plugins directory cannot be opened. */
  JAR_UNREADABLE("ATL-PLG-016", Severity.ERROR),
  /** A jar in the plugins directory declares no plugin. */
  NO_PLUGIN_IN_JAR("ATL-PLG-017", Severity.WARNING),
  /** An extension threw while in use. */
  FAILED_IN_USE("ATL-PLG-018", Severity.ERROR),
  /** The plugin declared a capability but contributed nothing there. */
  CAPABILITY_UNUSED("ATL-PLG-019", Severity.WARNING),
  /** The plugins directory does not exist or is not a directory. */
  PLUGINS_DIR_MISSING("ATL-PLG-020", Severity.ERROR),
  /** A line of a services file is not a class name. */
  INVALID_SERVICES_LINE("ATL-PLG-021", Severity.ERROR);

  private static final String BUNDLE = "org.atalaya.plugin.Messages";

  private final String code;
  private final Severity severity;

  PluginCode(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  /**
   * Returns the stable code, for example {@code "ATL-PLG-005"}.
   *
   * @return the code; never {@code null}
   */
  @Override
  public String code() {
    return code;
  }

  /**
   * Returns how serious an issue with this code is.
   *
   * @return the severity; never {@code null}
   */
  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String message(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code, args);
  }

  @Override
  public String hint(Locale locale, Object... args) {
    return LocalizedText.format(BUNDLE, locale, code + ".hint", args);
  }
}
