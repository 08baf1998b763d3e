package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.atalaya.code.Severity;
import org.atalaya.plugin.PluginIssue;
import org.atalaya.plugin.PluginRecord;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.plugin.PluginState;
import org.atalaya.spi.PersonalField;
import org.atalaya.spi.PluginApi;
import org.atalaya.spi.PluginDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya plugins list|doctor}: what plugins were found and, for each, why it did or did not
 * load.
 */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = "List the installed plugins, or explain why some did not load.",
    subcommands = {PluginsCommand.ListCommand.class, PluginsCommand.DoctorCommand.class})
final class PluginsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Mixin LangOption language;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Discovers Atalaya's own plugin and those of the class path, and those of {@code dir} if given.
   */
  static PluginRegistry discover(Path dir) {
    PluginRegistry.Builder b = PluginRegistry.builder();
    if (dir != null) {
      b.pluginsDirectory(dir);
    }
    return b.discover();
  }

  /** Options of both subcommands. */
  abstract static class Base implements Callable<Integer> {
    @Option(
        names = "--plugins-dir",
        paramLabel = "DIR",
        description = "A directory of plugin jars (besides those on the class path).")
    Path pluginsDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin LangOption language;

    @Spec CommandSpec spec;

    abstract boolean doctor();

    @Override
    public Integer call() throws IOException {
      PluginRegistry registry = discover(pluginsDir);
      PrintWriter out = spec.commandLine().getOut();
      Texts t = language.texts();
      if (json) {
        json(registry, out, t.locale());
      } else {
        text(registry, out, t);
      }
      out.flush();
      boolean failed = registry.issues().stream().anyMatch(i -> i.severity() == Severity.ERROR);
      return doctor() && failed ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
    }

    private void text(PluginRegistry registry, PrintWriter out, Texts t) {
      Locale l = t.locale();
      out.println(t.get("plugins.heading", PluginApi.VERSION));
      if (registry.plugins().isEmpty()) {
        out.println("  " + t.get("plugins.none"));
      }
      for (PluginRecord p : registry.plugins()) {
        String version = p.descriptor().map(d -> d.version().toString()).orElse("");
        out.printf("  %-12s %s %s%n", t.get("state." + p.state().name()), p.id(), version);
        if (!doctor()) {
          continue;
        }
        out.println("      " + t.get("plugins.from") + ": " + p.source());
        p.descriptor()
            .ifPresent(
                d ->
                    out.println(
                        "      "
                            + t.get(
                                "plugins.declares", fields(d.reads(), t), fields(d.writes(), t))));
        if (!p.contributions().isEmpty()) {
          out.println(
              "      "
                  + t.get("plugins.contributes")
                  + ": "
                  + String.join(", ", p.contributions()));
        }
        for (PluginIssue i : issuesOf(registry, p)) {
          out.println(
              "      "
                  + t.get("severity." + i.severity().name())
                  + " "
                  + i.code().code()
                  + " "
                  + i.message(l));
          out.println("        " + t.get("plugins.hint") + ": " + i.hint(l));
        }
      }
      List<PluginIssue> loose =
          registry.issues().stream()
              .filter(i -> registry.plugins().stream().noneMatch(p -> belongs(i, p)))
              .toList();
      if (!doctor() && !loose.isEmpty()) {
        // a missing plugins folder or a broken jar belongs to no plugin: point to where it is told
        out.println(t.get("plugins.looseInList", loose.size()));
      }
      if (doctor()) {
        if (!loose.isEmpty()) {
          out.println(t.get("plugins.other"));
          for (PluginIssue i : loose) {
            out.println(
                "  "
                    + t.get("severity." + i.severity().name())
                    + " "
                    + i.code().code()
                    + " "
                    + i.message(l));
            out.println("    " + t.get("plugins.hint") + ": " + i.hint(l));
          }
        }
        Map<PluginState, Long> n = new EnumMap<>(PluginState.class);
        registry.plugins().forEach(p -> n.merge(p.state(), 1L, Long::sum));
        out.println(
            t.get(
                "plugins.summary",
                n.getOrDefault(PluginState.LOADED, 0L),
                n.getOrDefault(PluginState.DISABLED, 0L),
                n.getOrDefault(PluginState.INCOMPATIBLE, 0L),
                n.getOrDefault(PluginState.DUPLICATE, 0L),
                n.getOrDefault(PluginState.FAILED, 0L)));
        // a broken jar or services line is no plugin at all, so the states above do not count it
        long looseErrors = loose.stream().filter(i -> i.severity() == Severity.ERROR).count();
        if (looseErrors > 0) {
          out.println(t.get("plugins.summaryLoose", looseErrors));
        }
        boolean failed = registry.issues().stream().anyMatch(i -> i.severity() == Severity.ERROR);
        out.println(t.get(failed ? "plugins.unhealthy" : "plugins.healthy"));
      }
    }

    private static String fields(Set<PersonalField> fields, Texts t) {
      return fields.isEmpty()
          ? t.get("plugins.nothing")
          : fields.stream().map(PersonalField::key).collect(Collectors.joining(", "));
    }

    private static boolean belongs(PluginIssue i, PluginRecord p) {
      return i.className().map(c -> c.equals(p.className())).orElse(false)
              && i.source().equals(p.source())
          || i.pluginId().isPresent()
              && i.className().isEmpty()
              && p.descriptor().isPresent()
              && i.pluginId().get().equals(p.id());
    }

    private static List<PluginIssue> issuesOf(PluginRegistry registry, PluginRecord p) {
      return registry.issues().stream().filter(i -> belongs(i, p)).toList();
    }

    private void json(PluginRegistry registry, PrintWriter out, Locale l) throws IOException {
      JsonGenerator g =
          new ObjectMapper().getFactory().createGenerator(out).useDefaultPrettyPrinter();
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("apiVersion", PluginApi.VERSION.toString());
      g.writeArrayFieldStart("plugins");
      for (PluginRecord p : registry.plugins()) {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("state", p.state().name());
        g.writeStringField("class", p.className());
        g.writeStringField("source", p.source());
        if (p.reason().isPresent()) {
          g.writeStringField("reason", p.reason().get().code());
        }
        if (p.descriptor().isPresent()) {
          PluginDescriptor d = p.descriptor().get();
          g.writeStringField("name", d.name());
          g.writeStringField("version", d.version().toString());
          g.writeStringField("requires", d.requires().toString());
          g.writeStringField("licence", d.licence());
          stringArray(g, "capabilities", d.capabilities().stream().toList());
          stringArray(g, "reads", d.reads().stream().map(PersonalField::key).toList());
          stringArray(g, "writes", d.writes().stream().map(PersonalField::key).toList());
        }
        stringArray(g, "contributions", p.contributions());
        g.writeEndObject();
      }
      g.writeEndArray();
      if (doctor()) {
        g.writeArrayFieldStart("issues");
        for (PluginIssue i : registry.issues()) {
          g.writeStartObject();
          g.writeStringField("severity", i.severity().name());
          g.writeStringField("code", i.code().code());
          g.writeStringField("plugin", i.pluginId().orElse(null));
          g.writeStringField("class", i.className().orElse(null));
          g.writeStringField("source", i.source());
          g.writeStringField("message", i.message(l));
          g.writeStringField("hint", i.hint(l));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.flush();
      out.println();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values)
        throws IOException {
      g.writeArrayFieldStart(name);
      for (String v : values) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  /** {@code atalaya plugins list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every plugin found, with its id, version and state.")
  static final class ListCommand extends Base {
    @Override
    boolean doctor() {
      return false;
    }
  }

  /** {@code atalaya plugins doctor}. */
  @Command(
      name = "doctor",
      mixinStandardHelpOptions = true,
      description = {
        "For every plugin and every services entry: what loaded and why not, with the code, the"
            + " hint and the jar it came from.",
        "Exit code 1 when any plugin failed."
      })
  static final class DoctorCommand extends Base {
    @Override
    boolean doctor() {
      return true;
    }
  }
}
