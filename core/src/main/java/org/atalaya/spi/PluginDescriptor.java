package org.atalaya.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * Who a plugin is and what it promises: id, name, version, the plugin API versions it works with,
 * licence, the capabilities (extension points) it contributes to, and which personal fields of an
 * incident it reads and writes.
 *
 * <p>A plugin ships its descriptor as a properties file at {@link #resourceName(String)} next to
 * its classes, so that the registry (and {@code atalaya plugins list}) can read it and check the
 * API range <em>without running plugin code</em>. The file is UTF-8:
 *
 * <pre>
 * id=org.ejemplo.denuncias
 * name=Denuncias comunitarias
 * version=1.0.0
 * requires=[0.1.0,1.0.0)
 * licence=Apache-2.0
 * capabilities=importer
 * reads=narrative, exact-location
 * writes=
 * </pre>
 *
 * <p>Ids are lower case, dot-separated words ({@code org.ejemplo.denuncias}); the prefix {@code
 * atalaya.} is reserved for plugins shipped with Atalaya. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class PluginDescriptor {

  /** The folder, inside a plugin jar, that holds descriptor files. */
  public static final String RESOURCE_FOLDER = "META-INF/atalaya/plugins/";

  /** The id prefix reserved for plugins shipped with Atalaya. */
  public static final String RESERVED_PREFIX = "atalaya.";

  private static final Splitter LIST = Splitter.on(',').trimResults().omitEmptyStrings();

  private final String id;
  private final String name;
  private final SemanticVersion version;
  private final VersionRange requires;
  private final String licence;
  private final Set<String> capabilities;
  private final Set<PersonalField> reads;
  private final Set<PersonalField> writes;
  private final String description;

  private PluginDescriptor(Builder b) {
    this.id = b.id;
    this.name = b.name == null ? b.id : b.name;
    this.version =
        Objects.requireNonNull(b.version, () -> "plugin " + b.id + ": version is missing");
    this.requires =
        Objects.requireNonNull(
            b.requires, () -> "plugin " + b.id + ": requires (API range) is missing");
    this.licence =
        Objects.requireNonNull(b.licence, () -> "plugin " + b.id + ": licence is missing");
    this.capabilities = ImmutableSet.copyOf(new TreeSet<>(b.capabilities));
    this.reads = ImmutableSet.copyOf(b.reads);
    this.writes = ImmutableSet.copyOf(b.writes);
    this.description = b.description;
  }

  /**
   * Returns where the descriptor of the provider class {@code providerClassName} lives in its jar,
   * for example {@code META-INF/atalaya/plugins/org.ejemplo.DenunciasPlugin.properties}.
   *
   * @param providerClassName the binary name of the plugin's provider class; never null
   * @return the resource name; never {@code null}
   */
  public static String resourceName(String providerClassName) {
    return RESOURCE_FOLDER + providerClassName + ".properties";
  }

  /**
   * Returns a builder for a descriptor with the given id.
   *
   * @param id the plugin id: lower case, dot-separated words; never null
   * @return a builder; never {@code null}
   * @throws IllegalArgumentException if the id is malformed, saying what is allowed
   */
  public static Builder builder(String id) {
    return new Builder(checkId(id));
  }

  /**
   * Reads the descriptor that a provider class ships at {@link #resourceName(String)}, through the
   * class's own class loader. This reads a file; it runs no plugin code.
   *
   * @param providerClass the plugin's provider class; never null
   * @return the descriptor; never {@code null}
   * @throws IllegalArgumentException if the file is missing or invalid, naming the file and the key
   */
  public static PluginDescriptor forProvider(Class<?> providerClass) {
    ClassLoader loader = providerClass.getClassLoader();
    String resource = resourceName(providerClass.getName());
    URL url =
        loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
    checkArgument(
        url != null,
        "plugin class %s has no descriptor: add the file src/main/resources/%s",
        providerClass.getName(),
        resource);
    return read(url).orElseThrow();
  }

  /**
   * Reads a descriptor file.
   *
   * @param url where the file is; never null
   * @return the descriptor, or empty if the file does not exist
   * @throws IllegalArgumentException if the file cannot be read or is invalid, naming it and the
   *     key
   */
  public static Optional<PluginDescriptor> read(URL url) {
    Properties p = new Properties();
    try (InputStream in = url.openStream();
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the plugin descriptor " + url + ": " + e.getMessage(), e);
    }
    return Optional.of(fromProperties(p, url.toString()));
  }

  /**
   * Builds a descriptor from properties as the class description shows.
   *
   * @param p the properties; never null
   * @param source where they come from, for messages; never null
   * @return the descriptor; never {@code null}
   * @throws IllegalArgumentException if a key is missing or a value invalid, naming the source, the
   *     key and the value
   */
  public static PluginDescriptor fromProperties(Properties p, String source) {
    try {
      String id = required(p, "id");
      Builder b =
          builder(id)
              .name(p.getProperty("name", id).trim())
              .version(SemanticVersion.parse(required(p, "version")))
              .requires(VersionRange.parse(required(p, "requires")))
              .licence(required(p, hasOnlyUsSpelling(p) ? "license" : "licence"));
      for (String c : LIST.split(p.getProperty("capabilities", ""))) {
        b.capability(c);
      }
      for (String f : LIST.split(p.getProperty("reads", ""))) {
        b.reads(PersonalField.fromKey(f));
      }
      for (String f : LIST.split(p.getProperty("writes", ""))) {
        b.writes(PersonalField.fromKey(f));
      }
      String d = p.getProperty("description");
      if (d != null && !d.isBlank()) {
        b.description(d.trim());
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasOnlyUsSpelling(Properties p) {
    return p.getProperty("licence") == null && p.getProperty("license") != null;
  }

  private static String required(Properties p, String key) {
    String v = p.getProperty(key);
    checkArgument(v != null && !v.isBlank(), "the key '%s' is missing or empty", key);
    return v.trim();
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "plugin id must not be null");
    checkArgument(
        id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+"),
        "plugin id '%s' must be lower-case words joined by dots, with at least one dot, "
            + "for example org.ejemplo.denuncias",
        id);
    return id;
  }

  /**
   * Returns the descriptor as properties, in the form {@link #fromProperties} reads.
   *
   * @return new properties; never {@code null}
   */
  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("id", id);
    p.setProperty("name", name);
    p.setProperty("version", version.toString());
    p.setProperty("requires", requires.toString());
    p.setProperty("licence", licence);
    p.setProperty("capabilities", String.join(",", capabilities));
    p.setProperty("reads", String.join(",", reads.stream().map(PersonalField::key).toList()));
    p.setProperty("writes", String.join(",", writes.stream().map(PersonalField::key).toList()));
    description().ifPresent(d -> p.setProperty("description", d));
    return p;
  }

  /**
   * @return the id, unique among installed plugins; never {@code null}
   */
  public String id() {
    return id;
  }

  /**
   * @return the name shown to people (the id when none was given); never {@code null}
   */
  public String name() {
    return name;
  }

  /**
   * @return the plugin's own version; never {@code null}
   */
  public SemanticVersion version() {
    return version;
  }

  /**
   * @return the plugin API versions the plugin works with; never {@code null}
   */
  public VersionRange requires() {
    return requires;
  }

  /**
   * @return the licence, preferably an SPDX id such as {@code Apache-2.0}; never {@code null}
   */
  public String licence() {
    return licence;
  }

  /**
   * @return the names of the extension points it contributes to, sorted; never {@code null}
   */
  public Set<String> capabilities() {
    return capabilities;
  }

  /**
   * @return the personal fields it declares it reads; never {@code null}
   */
  public Set<PersonalField> reads() {
    return reads;
  }

  /**
   * @return the personal fields it declares it writes; never {@code null}
   */
  public Set<PersonalField> writes() {
    return writes;
  }

  /**
   * @return a one-line description, if given
   */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /**
   * Returns whether the id uses the prefix reserved for Atalaya's own plugins.
   *
   * @return true if the id starts with {@value #RESERVED_PREFIX}
   */
  public boolean hasReservedId() {
    return id.startsWith(RESERVED_PREFIX);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginDescriptor d
        && d.id.equals(id)
        && d.name.equals(name)
        && d.version.equals(version)
        && d.requires.equals(requires)
        && d.licence.equals(licence)
        && d.capabilities.equals(capabilities)
        && d.reads.equals(reads)
        && d.writes.equals(writes)
        && Objects.equals(d.description, description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, capabilities);
  }

  /**
   * @return {@code id version}, for example {@code org.ejemplo.denuncias 1.0.0}
   */
  @Override
  public String toString() {
    return id + " " + version;
  }

  /** Builds a {@link PluginDescriptor}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String name;
    private SemanticVersion version;
    private VersionRange requires;
    private String licence;
    private final Set<String> capabilities = new TreeSet<>();
    private final Set<PersonalField> reads = EnumSet.noneOf(PersonalField.class);
    private final Set<PersonalField> writes = EnumSet.noneOf(PersonalField.class);
    private String description;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * @param name the name shown to people; never null
     * @return this builder
     */
    public Builder name(String name) {
      checkArgument(
          !Objects.requireNonNull(name, "name").isBlank(), "plugin %s: name must not be blank", id);
      this.name = name;
      return this;
    }

    /**
     * @param version the plugin's version; never null
     * @return this builder
     */
    public Builder version(SemanticVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * @param requires the plugin API versions the plugin works with; never null
     * @return this builder
     */
    public Builder requires(VersionRange requires) {
      this.requires = Objects.requireNonNull(requires, "requires");
      return this;
    }

    /**
     * @param licence the licence, preferably an SPDX id; never null
     * @return this builder
     */
    public Builder licence(String licence) {
      checkArgument(
          !Objects.requireNonNull(licence, "licence").isBlank(),
          "plugin %s: licence must not be blank",
          id);
      this.licence = licence;
      return this;
    }

    /**
     * @param capability the name of an extension point the plugin contributes to
     * @return this builder
     * @throws IllegalArgumentException if the name is malformed
     */
    public Builder capability(String capability) {
      checkArgument(
          capability.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"),
          "plugin %s: capability '%s' must be an extension point name such as importer",
          id,
          capability);
      capabilities.add(capability);
      return this;
    }

    /**
     * @param field a personal field the plugin reads
     * @return this builder
     */
    public Builder reads(PersonalField field) {
      reads.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * @param field a personal field the plugin writes
     * @return this builder
     */
    public Builder writes(PersonalField field) {
      writes.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /**
     * @param description a one-line description; never null
     * @return this builder
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * Builds the descriptor.
     *
     * @return the descriptor; never {@code null}
     * @throws NullPointerException if version, requires or licence is missing, naming it
     */
    public PluginDescriptor build() {
      return new PluginDescriptor(this);
    }
  }
}
