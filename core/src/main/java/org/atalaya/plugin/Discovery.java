package org.atalaya.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atalaya.code.Severity;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoint;
import org.atalaya.spi.PluginContext;
import org.atalaya.spi.PluginDescriptor;
import org.atalaya.spi.SemanticVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of plugin discovery: finds the candidates (class path services files, the module layer,
 * the plugins directory), then takes each one through the same steps, each of which can end it with
 * a state and an issue: load the class, read its descriptor (no plugin code runs up to here), check
 * id, API range and duplicates, construct it and let it register, both under a time limit. One
 * candidate's failure never reaches the next.
 */
final class Discovery {

  private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
  static final String SERVICES = "META-INF/services/" + AtalayaPlugin.class.getName();
  private static final String API_CLASS =
      AtalayaPlugin.class.getName().replace('.', '/') + ".class";
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  /** A provider class to try, from wherever it was listed. */
  private record Candidate(
      String className,
      String source,
      boolean host,
      ClassLoader loader,
      ServiceLoader.Provider<AtalayaPlugin> provider) {}

  private final PluginRegistry.Builder options;
  private final List<PluginRecord> records = new ArrayList<>();
  private final List<PluginIssue> issues = new ArrayList<>();
  private final Map<String, List<Contribution<?>>> contributions = new LinkedHashMap<>();
  private final Map<String, PluginRecord> loadedById = new HashMap<>();
  private final Map<Class<?>, Boolean> seenClasses = new IdentityHashMap<>();
  private final List<PluginIssue> runtimeIssues;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "atalaya-plugin-loader");
            t.setDaemon(true); // a constructor that never returns must not keep the JVM alive
            return t;
          });

  Discovery(PluginRegistry.Builder options, List<PluginIssue> runtimeIssues) {
    this.options = options;
    this.runtimeIssues = runtimeIssues;
  }

  List<PluginRecord> records() {
    return records;
  }

  List<PluginIssue> issues() {
    return issues;
  }

  Map<String, List<Contribution<?>>> contributions() {
    return contributions;
  }

  void run() {
    try {
      if (options.classPath) {
        classPath(options.hostLoader());
      }
      if (options.moduleLayer != null) {
        moduleLayer(options.moduleLayer);
      }
      if (options.pluginsDirectory != null) {
        pluginsDirectory(options.pluginsDirectory);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  // ---- finding candidates ----

  private void classPath(ClassLoader loader) {
    List<URL> files;
    try {
      files = Collections.list(loader.getResources(SERVICES));
    } catch (IOException e) {
      issue(
          PluginCode.JAR_UNREADABLE,
          null,
          null,
          "class path",
          String.valueOf(e.getMessage()),
          null);
      return;
    }
    for (URL url : files) {
      String source = sourceOf(url);
      try (InputStream in = url.openStream()) {
        for (String name : serviceEntries(in, source)) {
          candidate(new Candidate(name, source, true, loader, null));
        }
      } catch (IOException e) {
        issue(PluginCode.JAR_UNREADABLE, null, null, source, String.valueOf(e.getMessage()), null);
      }
    }
  }

  private void moduleLayer(ModuleLayer layer) {
    // Only named modules: class path plugins were found through their services files above.
    for (ServiceLoader.Provider<AtalayaPlugin> p :
        ServiceLoader.load(layer, AtalayaPlugin.class).stream().toList()) {
      Class<?> type = p.type();
      String source = "module " + type.getModule().getName();
      candidate(new Candidate(type.getName(), source, true, type.getClassLoader(), p));
    }
  }

  private void pluginsDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      issue(PluginCode.PLUGINS_DIR_MISSING, null, null, dir.toString(), "", null);
      return;
    }
    List<Path> jars;
    try (Stream<Path> s = Files.list(dir)) {
      jars = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      issue(
          PluginCode.PLUGINS_DIR_MISSING,
          null,
          null,
          dir.toString(),
          String.valueOf(e.getMessage()),
          null);
      return;
    }
    for (Path jar : jars) {
      pluginJar(jar);
    }
  }

  private void pluginJar(Path jar) {
    String source = jar.toString();
    List<String> entries;
    boolean bundlesApi;
    Map<String, PluginDescriptor> descriptors = new HashMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      bundlesApi = file.getEntry(API_CLASS) != null;
      JarEntry services = file.getJarEntry(SERVICES);
      if (services == null) {
        issue(PluginCode.NO_PLUGIN_IN_JAR, null, null, source, "", null);
        return;
      }
      try (InputStream in = file.getInputStream(services)) {
        entries = serviceEntries(in, source);
      }
      if (bundlesApi) {
        // Read each refused plugin's descriptor from the jar, so the report names it properly.
        for (String name : entries) {
          JarEntry d = file.getJarEntry(PluginDescriptor.resourceName(name));
          if (d != null) {
            try (InputStream in = file.getInputStream(d)) {
              Properties p = new Properties();
              p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
              descriptors.put(
                  name, PluginDescriptor.fromProperties(p, source + "!/" + d.getName()));
            } catch (IllegalArgumentException e) {
              // an invalid descriptor in a refused jar: the class name will do
            }
          }
        }
      }
    } catch (IOException | SecurityException e) {
      issue(PluginCode.JAR_UNREADABLE, null, null, source, String.valueOf(e.getMessage()), null);
      return;
    }
    if (bundlesApi) {
      for (String name : entries) {
        PluginDescriptor d = descriptors.get(name);
        PluginIssue i =
            issue(PluginCode.BUNDLES_API, d == null ? null : d.id(), name, source, API_CLASS, null);
        records.add(record(name, source, d, PluginState.FAILED, i.code()));
      }
      return;
    }
    PluginClassLoader loader;
    try {
      loader = new PluginClassLoader(jar.toUri().toURL(), options.hostLoader());
    } catch (IOException e) {
      issue(PluginCode.JAR_UNREADABLE, null, null, source, String.valueOf(e.getMessage()), null);
      return;
    }
    for (String name : entries) {
      candidate(new Candidate(name, source, false, loader, null));
    }
  }

  private List<String> serviceEntries(InputStream in, String source) throws IOException {
    List<String> names = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int number = 0;
    while ((line = r.readLine()) != null) {
      number++;
      int hash = line.indexOf('#');
      String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (name.isEmpty()) {
        continue;
      }
      if (!CLASS_NAME.matcher(name).matches()) {
        issue(
            PluginCode.INVALID_SERVICES_LINE,
            null,
            null,
            source,
            number + " (" + line.strip() + ")",
            null);
        continue;
      }
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  // ---- one candidate, step by step ----

  private void candidate(Candidate c) {
    Class<?> type;
    try {
      type = c.provider != null ? c.provider.type() : Class.forName(c.className, false, c.loader);
    } catch (ClassNotFoundException | LinkageError e) {
      PluginIssue i =
          issue(PluginCode.CLASS_NOT_FOUND, null, c.className, c.source, String.valueOf(e), e);
      records.add(record(c.className, c.source, null, PluginState.FAILED, i.code()));
      return;
    }
    if (seenClasses.put(type, Boolean.TRUE) != null) {
      return; // the same class listed twice (a jar on the class path twice): one plugin, not a
      // duplicate
    }
    if (!AtalayaPlugin.class.isAssignableFrom(type)) {
      PluginIssue i = issue(PluginCode.NOT_A_PLUGIN, null, c.className, c.source, "", null);
      records.add(record(c.className, c.source, null, PluginState.FAILED, i.code()));
      return;
    }
    PluginDescriptor d;
    URL url =
        type.getClassLoader() == null
            ? null
            : type.getClassLoader().getResource(PluginDescriptor.resourceName(c.className));
    if (url == null) {
      PluginIssue i = issue(PluginCode.DESCRIPTOR_MISSING, null, c.className, c.source, "", null);
      records.add(record(c.className, c.source, null, PluginState.FAILED, i.code()));
      return;
    }
    try {
      d =
          PluginDescriptor.read(url)
              .orElseThrow(() -> new IllegalArgumentException("cannot open " + url));
    } catch (IllegalArgumentException | NullPointerException e) {
      PluginIssue i =
          issue(
              PluginCode.DESCRIPTOR_INVALID,
              null,
              c.className,
              c.source,
              String.valueOf(e.getMessage()),
              e);
      records.add(record(c.className, c.source, null, PluginState.FAILED, i.code()));
      return;
    }
    String id = d.id();
    if (options.disabled.contains(id)) {
      PluginIssue i = issue(PluginCode.DISABLED, id, c.className, c.source, "", null);
      records.add(record(c.className, c.source, d, PluginState.DISABLED, i.code()));
      return;
    }
    boolean builtIn = c.host && c.className.startsWith("org.atalaya.") && d.hasReservedId();
    if (d.hasReservedId() && !builtIn) {
      PluginIssue i = issue(PluginCode.RESERVED_ID, id, c.className, c.source, "", null);
      records.add(record(c.className, c.source, d, PluginState.FAILED, i.code()));
      return;
    }
    SemanticVersion api = options.apiVersion;
    if (!d.requires().contains(api)) {
      PluginIssue i =
          issue(
              PluginCode.INCOMPATIBLE_API,
              id,
              c.className,
              c.source,
              "it requires the plugin API " + d.requires() + " but this Atalaya has " + api,
              null);
      records.add(record(c.className, c.source, d, PluginState.INCOMPATIBLE, i.code()));
      return;
    }
    PluginRecord first = loadedById.get(id);
    if (first != null) {
      PluginIssue i =
          issue(
              PluginCode.DUPLICATE_ID,
              id,
              c.className,
              c.source,
              "used: "
                  + first.className()
                  + " from "
                  + first.source()
                  + "; ignored: "
                  + c.className
                  + " from "
                  + c.source,
              null);
      records.add(record(c.className, c.source, d, PluginState.DUPLICATE, i.code()));
      return;
    }
    construct(c, type, d, builtIn);
  }

  private void construct(Candidate c, Class<?> type, PluginDescriptor d, boolean builtIn) {
    String id = d.id();
    AtalayaPlugin plugin;
    try {
      plugin = timed(() -> instantiate(c, type), "construction");
    } catch (TimeoutException e) {
      fail(
          c,
          d,
          PluginCode.TIMED_OUT,
          "construction (limit " + options.timeout.toMillis() + " ms)",
          e);
      return;
    } catch (ExecutionException e) {
      Throwable cause =
          e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
      fail(
          c,
          d,
          cause instanceof LinkageError
              ? PluginCode.CLASS_NOT_FOUND
              : PluginCode.CONSTRUCTOR_FAILED,
          String.valueOf(cause),
          cause);
      return;
    }
    Staging staging = new Staging(d, c.source, builtIn);
    try {
      PluginDescriptor inCode = timed(plugin::descriptor, "descriptor()");
      if (!d.equals(inCode)) {
        fail(
            c,
            d,
            PluginCode.DESCRIPTOR_MISMATCH,
            "file says " + d.toProperties() + ", code says " + inCode.toProperties(),
            null);
        return;
      }
      timed(
          () -> {
            plugin.register(staging);
            return null;
          },
          "register()");
    } catch (TimeoutException e) {
      fail(
          c,
          d,
          PluginCode.TIMED_OUT,
          "register() (limit " + options.timeout.toMillis() + " ms)",
          e);
      return;
    } catch (ExecutionException e) {
      fail(c, d, PluginCode.REGISTER_FAILED, String.valueOf(e.getCause()), e.getCause());
      return;
    } finally {
      staging.closed = true;
    }
    List<String> made = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Staged<?> s : staging.staged) {
      if (commit(s, c, d, builtIn)) {
        made.add(s.point.name() + ":" + s.extension.id());
        used.add(s.point.name());
      }
    }
    for (String capability : d.capabilities()) {
      if (!used.contains(capability)) {
        issue(PluginCode.CAPABILITY_UNUSED, id, c.className, c.source, capability, null);
      }
    }
    PluginRecord r =
        new PluginRecord(
            c.className, c.source, Optional.of(d), PluginState.LOADED, Optional.empty(), made);
    records.add(r);
    loadedById.put(id, r);
    LOG.debug("plugin {} {} loaded from {}: {}", id, d.version(), c.source, made);
  }

  private <T extends Extension> boolean commit(
      Staged<T> s, Candidate c, PluginDescriptor d, boolean builtIn) {
    String what = s.point.name() + ":" + s.extension.id();
    if (!d.capabilities().contains(s.point.name())) {
      issue(PluginCode.UNDECLARED_CAPABILITY, d.id(), c.className, c.source, what, null);
      return false;
    }
    List<Contribution<?>> list =
        contributions.computeIfAbsent(s.point.name(), k -> new ArrayList<>());
    for (Contribution<?> other : list) {
      if (other.id().equals(s.extension.id())) {
        issue(
            PluginCode.DUPLICATE_EXTENSION,
            d.id(),
            c.className,
            c.source,
            what + " (already from " + other.pluginId() + ")",
            null);
        return false;
      }
    }
    T guarded = Guard.extension(s.point.type(), s.extension, d.id(), c.source, this::runtimeIssue);
    list.add(new Contribution<>(d.id(), s.point, guarded, builtIn));
    return true;
  }

  private void runtimeIssue(PluginIssue issue) {
    synchronized (runtimeIssues) {
      runtimeIssues.add(issue);
    }
    LOG.warn("{}", issue);
  }

  private static AtalayaPlugin instantiate(Candidate c, Class<?> type) throws Exception {
    if (c.provider != null) {
      return c.provider.get();
    }
    return (AtalayaPlugin) type.getConstructor().newInstance();
  }

  private <V> V timed(Callable<V> work, String what) throws TimeoutException, ExecutionException {
    Future<V> f = executor.submit(work);
    try {
      return f.get(options.timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      throw new ExecutionException("interrupted during " + what, e);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw e;
    }
  }

  private void fail(
      Candidate c, PluginDescriptor d, PluginCode code, String detail, Throwable cause) {
    PluginIssue i = issue(code, d.id(), c.className, c.source, detail, cause);
    records.add(record(c.className, c.source, d, PluginState.FAILED, i.code()));
  }

  private PluginIssue issue(
      PluginCode code, String id, String className, String source, String detail, Throwable cause) {
    PluginIssue i =
        new PluginIssue(
            code, Optional.ofNullable(id), Optional.ofNullable(className), source, detail);
    issues.add(i);
    if (options.strict && code.severity() == Severity.ERROR) {
      executor.shutdownNow();
      throw new PluginLoadException(i, cause);
    }
    LOG.debug("{}", i);
    return i;
  }

  private static PluginRecord record(
      String className, String source, PluginDescriptor d, PluginState state, PluginCode reason) {
    return new PluginRecord(
        className, source, Optional.ofNullable(d), state, Optional.of(reason), List.of());
  }

  static String sourceOf(URL servicesFile) {
    try {
      if ("jar".equals(servicesFile.getProtocol())) {
        URL jar = ((JarURLConnection) servicesFile.openConnection()).getJarFileURL();
        return Path.of(jar.toURI()).toString();
      }
      if ("file".equals(servicesFile.getProtocol())) {
        Path p = Path.of(servicesFile.toURI());
        return p.getParent().getParent().getParent().toString();
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException | NullPointerException e) {
      // fall through: the URL itself still says where it came from
    }
    return servicesFile.toString();
  }

  private record Staged<T extends Extension>(ExtensionPoint<T> point, T extension) {}

  /** The context one plugin registers with; contributions are kept only if register() returns. */
  private final class Staging implements PluginContext {
    private final PluginDescriptor descriptor;
    private final List<Staged<?>> staged = new ArrayList<>();
    private volatile boolean closed;

    Staging(PluginDescriptor descriptor, String source, boolean builtIn) {
      this.descriptor = descriptor;
    }

    @Override
    public String pluginId() {
      return descriptor.id();
    }

    @Override
    public SemanticVersion apiVersion() {
      return options.apiVersion;
    }

    @Override
    public Optional<String> setting(String key) {
      Objects.requireNonNull(key, "key must not be null");
      String name = pluginId() + "." + key;
      String property = System.getProperty(name);
      if (property != null) {
        return Optional.of(property);
      }
      String env = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
      if (env != null) {
        return Optional.of(env);
      }
      return Optional.ofNullable(options.settings.get(name));
    }

    @Override
    public <T extends Extension> void contribute(ExtensionPoint<T> point, T extension) {
      Objects.requireNonNull(point, "point must not be null");
      Objects.requireNonNull(
          extension, () -> "plugin " + pluginId() + ": the " + point.name() + " must not be null");
      if (closed) {
        throw new IllegalStateException(
            "plugin "
                + pluginId()
                + " contributed after register() returned; contribute only inside register()");
      }
      if (!point.type().isInstance(extension)) {
        throw new IllegalArgumentException(
            "plugin "
                + pluginId()
                + ": "
                + extension.getClass().getName()
                + " is not a "
                + point.type().getName());
      }
      String id = extension.id();
      if (id == null || !id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException(
            "plugin "
                + pluginId()
                + ": extension id '"
                + id
                + "' of "
                + extension.getClass().getName()
                + " must be lower-case words joined by dashes, for example denuncias-csv");
      }
      synchronized (staged) {
        staged.add(new Staged<>(point, extension));
      }
    }
  }
}
