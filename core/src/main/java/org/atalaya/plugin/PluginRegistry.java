package org.atalaya.plugin;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.code.Severity;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoint;
import org.atalaya.spi.ExtensionPoints;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.spi.PluginApi;
import org.atalaya.spi.Recognition;
import org.atalaya.spi.SemanticVersion;
import org.atalaya.spi.TaxonomyMapping;
import org.atalaya.taxonomy.Taxonomy;

/**
 * The plugins found, where each one ended, and the extensions in use. Built by {@link
 * #builder()}{@code ...discover()}, which finds plugins on the class path (through their {@code
 * META-INF/services} files, read line by line so that one stale line loses only itself), in the
 * boot module layer, and in a plugins directory where each jar gets its own class loader.
 *
 * <p>Discovery is lenient by default: every plugin ends in a {@link PluginState} and every problem
 * becomes a {@link PluginIssue}, and the healthy plugins are used. In strict mode the first error
 * throws a {@link PluginLoadException} instead (for tests and CI).
 *
 * <p>Extensions handed out are guarded: a plugin bug surfacing in use throws a {@link
 * PluginFailureException} naming the plugin and is added to {@link #issues()}. The registry is
 * immutable apart from those recorded failures, and safe to share between threads.
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.builder().pluginsDirectory(Path.of("plugins")).discover();
 * for (PluginIssue issue : plugins.issues()) {
 *   System.err.println(issue.message(Locale.forLanguageTag("es")));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginRegistry {

  private final List<PluginRecord> plugins;
  private final List<PluginIssue> discoveryIssues;
  private final List<PluginIssue> runtimeIssues;
  private final Map<String, List<Contribution<?>>> contributions;

  private PluginRegistry(Discovery d, List<PluginIssue> runtimeIssues) {
    this.plugins = ImmutableList.copyOf(d.records());
    this.discoveryIssues = ImmutableList.copyOf(d.issues());
    this.runtimeIssues = runtimeIssues;
    ImmutableMap.Builder<String, List<Contribution<?>>> m = ImmutableMap.builder();
    d.contributions().forEach((k, v) -> m.put(k, ImmutableList.copyOf(v)));
    this.contributions = m.build();
  }

  /**
   * Returns a builder. By default it looks at the class path of the thread's context class loader
   * and the boot module layer, is lenient, and gives each plugin 5 seconds to construct and
   * register.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns every plugin found, in discovery order, each with its state.
   *
   * @return the plugins; never {@code null}
   */
  public List<PluginRecord> plugins() {
    return plugins;
  }

  /**
   * Returns every issue: those found in discovery, then those recorded since, as plugins failed in
   * use.
   *
   * @return a snapshot of the issues; never {@code null}
   */
  public List<PluginIssue> issues() {
    synchronized (runtimeIssues) {
      return ImmutableList.<PluginIssue>builder()
          .addAll(discoveryIssues)
          .addAll(runtimeIssues)
          .build();
    }
  }

  /**
   * Returns whether any issue is an error: a plugin that did not load or failed in use.
   *
   * @return true if there is at least one error
   */
  public boolean hasErrors() {
    return issues().stream().anyMatch(i -> i.severity() == Severity.ERROR);
  }

  /**
   * Returns the contributions at an extension point, in discovery order (Atalaya's own first).
   *
   * @param point the extension point; never null
   * @param <T> its interface
   * @return the contributions; never {@code null}
   */
  @SuppressWarnings("unchecked")
  public <T extends Extension> List<Contribution<T>> contributions(ExtensionPoint<T> point) {
    Objects.requireNonNull(point, "point must not be null");
    List<Contribution<?>> list = contributions.getOrDefault(point.name(), List.of());
    return (List<Contribution<T>>) (List<?>) list;
  }

  /**
   * Returns the guarded extensions at an extension point, in discovery order.
   *
   * @param point the extension point; never null
   * @param <T> its interface
   * @return the extensions; never {@code null}
   */
  public <T extends Extension> List<T> extensions(ExtensionPoint<T> point) {
    return contributions(point).stream()
        .map(Contribution::extension)
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the extension with the given id at a point.
   *
   * @param point the extension point; never null
   * @param id the extension id
   * @param <T> its interface
   * @return the extension, or empty if none has that id
   */
  public <T extends Extension> Optional<T> extension(ExtensionPoint<T> point, String id) {
    return contributions(point).stream()
        .filter(c -> c.id().equals(id))
        .map(Contribution::extension)
        .findFirst();
  }

  /**
   * Returns the importer with the given id: an explicit choice overrides recognition.
   *
   * @param id the importer id, for example {@code csv} or {@code denuncias-csv}
   * @return the importer, or empty if none has that id
   */
  public Optional<IncidentImporter> importer(String id) {
    return extension(ExtensionPoints.IMPORTER, id.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the importer that recognises a file best. On a tie a plugin's importer wins over a
   * built-in one, then the one found first. An importer whose {@code recognise} throws counts as
   * not recognising (and is reported).
   *
   * @param sample the file's name and first bytes; never null
   * @return the importer, or empty if none recognises the file at all
   */
  public Optional<IncidentImporter> importerFor(FileSample sample) {
    Objects.requireNonNull(sample, "sample must not be null");
    Contribution<IncidentImporter> best = null;
    Recognition bestScore = Recognition.NO;
    for (Contribution<IncidentImporter> c : contributions(ExtensionPoints.IMPORTER)) {
      Recognition r;
      try {
        r = Objects.requireNonNullElse(c.extension().recognise(sample), Recognition.NO);
      } catch (PluginFailureException e) {
        continue;
      }
      boolean better =
          r.compareTo(bestScore) > 0
              || (r != Recognition.NO
                  && r == bestScore
                  && best != null
                  && best.builtIn()
                  && !c.builtIn());
      if (better) {
        best = c;
        bestScore = r;
      }
    }
    return Optional.ofNullable(best).map(Contribution::extension);
  }

  /**
   * Returns the exporter with the given id.
   *
   * @param id the exporter id, for example {@code geojson}
   * @return the exporter, or empty if none has that id
   */
  public Optional<IncidentExporter> exporter(String id) {
    return extension(ExtensionPoints.EXPORTER, id.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the exporter for an output file name, by extension: Atalaya's own first, since an
   * output name says nothing more; choose a plugin's exporter by id.
   *
   * @param fileName the output file's name; never null
   * @return the exporter, or empty if no exporter uses the extension
   */
  public Optional<IncidentExporter> exporterFor(String fileName) {
    String ext = FileSample.of(fileName, new byte[0]).extension();
    List<Contribution<IncidentExporter>> all =
        new ArrayList<>(contributions(ExtensionPoints.EXPORTER));
    all.sort(Comparator.comparing(c -> !c.builtIn()));
    for (Contribution<IncidentExporter> c : all) {
      try {
        if (c.extension().fileExtensions().contains(ext)) {
          return Optional.of(c.extension());
        }
      } catch (PluginFailureException e) {
        // reported by the guard; try the next one
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code base} with every plugin's taxonomy mapping added, in discovery order. A mapping
   * that fails (it throws, or maps a name already mapped) is left out whole and reported; the
   * others still apply.
   *
   * @param base the taxonomy to extend, for example {@link Taxonomy#honduras()}; never null
   * @return the extended taxonomy; never {@code null}
   */
  public Taxonomy taxonomy(Taxonomy base) {
    Taxonomy current = Objects.requireNonNull(base, "base must not be null");
    for (TaxonomyMapping mapping : extensions(ExtensionPoints.TAXONOMY)) {
      Taxonomy.Builder b = Taxonomy.builder().catalogue(current.catalogue()).addAll(current);
      try {
        mapping.contribute(b);
        current = b.build();
      } catch (PluginFailureException e) {
        // reported by the guard: the taxonomy stays without this mapping
      } catch (IllegalArgumentException e) {
        // the mapping was accepted name by name but the whole does not build: the plugin's fault
        runtimeIssue(
            new PluginIssue(
                PluginCode.FAILED_IN_USE,
                Optional.of(pluginOf(mapping)),
                Optional.empty(),
                "taxonomy",
                mapping.id() + ": " + e.getMessage()));
      }
    }
    return current;
  }

  private String pluginOf(Extension e) {
    return contributions.values().stream()
        .flatMap(List::stream)
        .filter(c -> c.extension() == e)
        .map(Contribution::pluginId)
        .findFirst()
        .orElse("?");
  }

  private void runtimeIssue(PluginIssue issue) {
    synchronized (runtimeIssues) {
      runtimeIssues.add(issue);
    }
  }

  /** Configures and runs discovery. Not thread-safe. */
  public static final class Builder {
    boolean classPath = true;
    ClassLoader hostLoader;
    ModuleLayer moduleLayer = ModuleLayer.boot();
    Path pluginsDirectory;
    final Set<String> disabled = new HashSet<>();
    boolean strict;
    Duration timeout = Duration.ofSeconds(5);
    SemanticVersion apiVersion = PluginApi.VERSION;
    final Map<String, String> settings = new HashMap<>();

    private Builder() {}

    /**
     * Gives a plugin a setting, read with {@link org.atalaya.spi.PluginContext#setting}; a system
     * property or environment variable of the same name takes precedence.
     *
     * @param pluginId the plugin's id; never null
     * @param key the setting's key; never null
     * @param value the value; never null
     * @return this builder
     */
    public Builder setting(String pluginId, String key, String value) {
      settings.put(
          Objects.requireNonNull(pluginId, "pluginId must not be null")
              + "."
              + Objects.requireNonNull(key, "key must not be null"),
          Objects.requireNonNull(value, "value must not be null"));
      return this;
    }

    /**
     * Sets the class loader whose class path is searched, and the parent of every plugin jar's
     * class loader. Default: the thread's context class loader.
     *
     * @param loader the loader; never null
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      this.hostLoader = Objects.requireNonNull(loader, "loader must not be null");
      return this;
    }

    /**
     * Sets whether to look at the class path. Default true.
     *
     * @param search false to skip the class path (tests of a plugins directory alone)
     * @return this builder
     */
    public Builder classPath(boolean search) {
      this.classPath = search;
      return this;
    }

    /**
     * Sets the module layer searched for named plugin modules, or none. Default: the boot layer.
     *
     * @param layer the layer, or {@code null} not to search one
     * @return this builder
     */
    public Builder moduleLayer(ModuleLayer layer) {
      this.moduleLayer = layer;
      return this;
    }

    /**
     * Sets a directory of plugin jars, each loaded in its own class loader.
     *
     * @param dir the directory; never null (reported if it does not exist)
     * @return this builder
     */
    public Builder pluginsDirectory(Path dir) {
      this.pluginsDirectory = Objects.requireNonNull(dir, "dir must not be null");
      return this;
    }

    /**
     * Disables a plugin by id: it is listed as disabled and none of its code runs.
     *
     * @param pluginId the id; never null
     * @return this builder
     */
    public Builder disable(String pluginId) {
      disabled.add(Objects.requireNonNull(pluginId, "pluginId must not be null"));
      return this;
    }

    /**
     * Sets strict mode: the first error throws {@link PluginLoadException}. Default false.
     *
     * @param strict true to fail fast
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Sets how long a plugin's constructor, and then its {@code register}, may take.
     *
     * @param timeout the limit; positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      checkArgument(
          !timeout.isNegative() && !timeout.isZero(), "timeout must be positive: %s", timeout);
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the plugin API version plugins are checked against; for tests of compatibility rules.
     *
     * @param version the version; never null
     * @return this builder
     */
    public Builder apiVersion(SemanticVersion version) {
      this.apiVersion = Objects.requireNonNull(version, "version must not be null");
      return this;
    }

    ClassLoader hostLoader() {
      if (hostLoader != null) {
        return hostLoader;
      }
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : PluginRegistry.class.getClassLoader();
    }

    /**
     * Finds, checks, constructs and registers the plugins.
     *
     * @return the registry; never {@code null}
     * @throws PluginLoadException in strict mode, at the first error
     */
    public PluginRegistry discover() {
      List<PluginIssue> runtime = new ArrayList<>();
      Discovery d = new Discovery(this, runtime);
      d.run();
      return new PluginRegistry(d, runtime);
    }
  }
}
