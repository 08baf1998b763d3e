package org.atalaya.plugin;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.code.Severity;

/**
 * One thing the registry found while discovering or running plugins: its code, the plugin (or the
 * services entry, when no plugin could be identified), where it came from, and a message and a hint
 * in English or Spanish. Immutable and thread-safe.
 *
 * @param code the stable code; its severity is the issue's
 * @param pluginId the plugin's id, when the descriptor could be read
 * @param className the provider class named in the services file, when there is one
 * @param source where the plugin came from: a jar path, a directory, or a module name
 * @param detail the specific cause (an exception's message, a version, the other plugin's source);
 *     never {@code null}, possibly empty
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record PluginIssue(
    PluginCode code,
    Optional<String> pluginId,
    Optional<String> className,
    String source,
    String detail) {

  /** Checks for nulls. */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public PluginIssue {
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(pluginId, "pluginId must not be null; use Optional.empty()");
    Objects.requireNonNull(className, "className must not be null; use Optional.empty()");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(detail, "detail must not be null");
  }

  /**
   * @return the issue's severity, that of its code
   */
  public Severity severity() {
    return code.severity();
  }

  /**
   * Returns who the issue is about: the plugin id, else the class name, else the source.
   *
   * @return the subject; never {@code null}
   */
  public String subject() {
    return pluginId.or(() -> className).orElse(source);
  }

  /**
   * Returns what happened, in Spanish for {@code es} and English otherwise, for example "plugin
   * org.ejemplo.x requires the plugin API [0.2.0,0.3.0) but this Atalaya has 0.1.0".
   *
   * @param locale the language; never null
   * @return the message; never {@code null}
   */
  public String message(Locale locale) {
    return code.message(locale, subject(), detail, source);
  }

  /**
   * Returns what to do about it, in Spanish for {@code es} and English otherwise.
   *
   * @param locale the language; never null
   * @return the hint; never {@code null}
   */
  public String hint(Locale locale) {
    return code.hint(locale, subject(), detail, source);
  }

  /**
   * @return {@code "ATL-PLG-005 org.ejemplo.x (plugins/x.jar): message"} in English
   */
  @Override
  public String toString() {
    return code.code() + " " + subject() + " (" + source + "): " + message(Locale.ENGLISH);
  }
}
