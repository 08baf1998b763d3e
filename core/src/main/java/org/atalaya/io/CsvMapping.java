package org.atalaya.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.atalaya.internal.JsonErrors;

/**
 * Reads CSV files whose columns are not the canonical ones: which header holds which field, how
 * dates are written, the offset of local times, values for fields the file lacks, and where the
 * other columns go.
 *
 * <p>Columns the mapping does not name are kept as attributes {@code namespace:HEADER} (namespace
 * {@code src} by default), so nothing is lost. When the file has a category column but no ICCS
 * column, categories are mapped through the taxonomy; an unknown category is kept with a warning. A
 * mapping is usually written as JSON (see {@link #fromJson(Path)} and {@code sdk-docs/io.md}):
 *
 * <pre>{@code
 * {
 *   "columns": {"id": "No. Caso", "occurred_from": "Fecha", "category": "Delito",
 *               "latitude": "Latitud", "longitude": "Longitud", "municipality": "Municipio"},
 *   "dateFormats": ["dd/MM/yyyy HH:mm", "dd/MM/yyyy"],
 *   "zoneOffset": "-06:00",
 *   "defaults": {"source": "POLICE"}
 * }
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class CsvMapping {
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private static final List<String> KEYS =
      List.of(
          "columns",
          "dateFormats",
          "zoneOffset",
          "defaults",
          "attributeNamespace",
          "delimiter",
          "charset");

  /** Month and day names in date patterns are read in Honduran Spanish ("15-mar-2024"). */
  static final Locale DATE_LOCALE = Locale.forLanguageTag("es-HN");

  private final Map<String, String> columns;
  private final List<String> dateFormats;
  private final List<DateTimeFormatter> formatters;
  private final ZoneOffset zoneOffset;
  private final Map<String, String> defaults;
  private final String attributeNamespace;
  private final Character delimiter;
  private final Charset charset;

  private CsvMapping(Builder b) {
    this.columns = ImmutableMap.copyOf(b.columns);
    this.dateFormats = ImmutableList.copyOf(b.dateFormats);
    List<DateTimeFormatter> f = new ArrayList<>();
    for (String p : dateFormats) {
      try {
        f.add(
            new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(p)
                // Strict, so 31/02/2024 is rejected instead of read as 29/02; the era lets yyyy
                // resolve.
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(DATE_LOCALE)
                .withResolverStyle(ResolverStyle.STRICT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "date format (" + p + ") is not a valid pattern: " + e.getMessage(), e);
      }
    }
    this.formatters = ImmutableList.copyOf(f);
    this.zoneOffset = b.zoneOffset;
    this.defaults = ImmutableMap.copyOf(b.defaults);
    this.attributeNamespace = b.attributeNamespace;
    this.delimiter = b.delimiter;
    this.charset = b.charset;
    for (String key : columns.keySet()) {
      checkArgument(
          CanonicalField.named(key).isPresent(),
          "mapped field (%s) must be one of %s",
          key,
          CanonicalField.names());
    }
    for (String key : defaults.keySet()) {
      checkArgument(
          CanonicalField.named(key).isPresent(),
          "default for field (%s) must name one of %s",
          key,
          CanonicalField.names());
    }
    checkArgument(
        columns.containsKey(CanonicalField.ID.canonicalName()),
        "the mapping must name the column that holds the incident id (\"id\": \"...\")");
  }

  /**
   * Returns a new builder: no columns, no date formats (ISO 8601 only), offset -06:00, no defaults,
   * attribute namespace {@code src}.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a mapping from a JSON file.
   *
   * @param file the file; never null
   * @return the mapping
   * @throws IOException if the file cannot be read or is not a valid mapping (the message names the
   *     file and the problem)
   */
  public static CsvMapping fromJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, file.toString());
    }
  }

  /**
   * Reads a mapping from JSON.
   *
   * @param in the JSON; never null
   * @param name the input's name for error messages
   * @return the mapping
   * @throws IOException if the JSON cannot be read or is not a valid mapping
   */
  public static CsvMapping fromJson(InputStream in, String name) throws IOException {
    JsonNode root;
    try {
      root = JsonIo.MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new IOException(name + ": the mapping is not valid JSON" + JsonErrors.where(e), e);
    } catch (IOException e) {
      throw new IOException(name + ": the mapping cannot be read: " + e.getMessage(), e);
    }
    try {
      Builder b = builder();
      if (!root.isObject()) {
        throw new IllegalArgumentException("a mapping must be a JSON object");
      }
      for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!KEYS.contains(key)) {
          throw new IllegalArgumentException("unknown key \"" + key + "\"; the keys are " + KEYS);
        }
      }
      JsonNode cols = root.path("columns");
      if (!cols.isObject()) {
        throw new IllegalArgumentException("\"columns\" must be an object of field: header");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.column(e.getKey(), e.getValue().asText());
      }
      for (JsonNode f : root.path("dateFormats")) {
        b.dateFormat(f.asText());
      }
      if (root.hasNonNull("zoneOffset")) {
        b.zoneOffset(ZoneOffset.of(root.get("zoneOffset").asText()));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = root.path("defaults").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        b.defaultValue(e.getKey(), e.getValue().asText());
      }
      if (root.hasNonNull("attributeNamespace")) {
        b.attributeNamespace(root.get("attributeNamespace").asText());
      }
      if (root.hasNonNull("delimiter")) {
        String d = root.get("delimiter").asText();
        checkArgument(
            d.length() == 1 || d.equals("\\t"), "\"delimiter\" (%s) must be one character", d);
        b.delimiter(d.equals("\\t") ? '\t' : d.charAt(0));
      }
      if (root.hasNonNull("charset")) {
        b.charset(Charset.forName(root.get("charset").asText()));
      }
      return b.build();
    } catch (RuntimeException e) {
      throw new IOException(name + ": the mapping is not valid: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the header that holds a canonical field.
   *
   * @param field a canonical field name, for example {@code "occurred_from"}
   * @return the header; never {@code null} but potentially empty
   */
  public Optional<String> column(String field) {
    return Optional.ofNullable(columns.get(field));
  }

  /**
   * Returns the mapped fields and their headers.
   *
   * @return canonical field to header; never {@code null}
   */
  public Map<String, String> columns() {
    return columns;
  }

  /**
   * Returns the date patterns tried, in order, after ISO 8601 (java.time patterns).
   *
   * @return the patterns; never {@code null}
   */
  public List<String> dateFormats() {
    return dateFormats;
  }

  List<DateTimeFormatter> formatters() {
    return formatters;
  }

  /**
   * Returns the offset of local dates and times without one.
   *
   * @return the offset; never {@code null}
   */
  public ZoneOffset zoneOffset() {
    return zoneOffset;
  }

  /**
   * Returns the values used for fields the file does not have.
   *
   * @return canonical field to value; never {@code null}
   */
  public Map<String, String> defaults() {
    return defaults;
  }

  /**
   * Returns the namespace of attributes made from unmapped columns.
   *
   * @return the namespace; never {@code null}
   */
  public String attributeNamespace() {
    return attributeNamespace;
  }

  /**
   * Returns the delimiter the mapping fixes, if any.
   *
   * @return the delimiter; never {@code null} but potentially empty
   */
  public Optional<Character> delimiter() {
    return Optional.ofNullable(delimiter);
  }

  /**
   * Returns the character set the mapping fixes, if any.
   *
   * @return the character set; never {@code null} but potentially empty
   */
  public Optional<Charset> charset() {
    return Optional.ofNullable(charset);
  }

  /** Builds a {@link CsvMapping}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> columns = new LinkedHashMap<>();
    private final List<String> dateFormats = new ArrayList<>();
    private ZoneOffset zoneOffset = ZoneOffset.ofHours(-6);
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private String attributeNamespace = "src";
    private Character delimiter;
    private Charset charset;

    private Builder() {}

    /**
     * Maps a canonical field to the header that holds it.
     *
     * @param field canonical field name, for example {@code "latitude"}
     * @param header the file's header, for example {@code "LAT"}
     * @return this builder
     */
    public Builder column(String field, String header) {
      Objects.requireNonNull(field, "field must not be null");
      Objects.requireNonNull(header, "header must not be null");
      columns.put(field, header);
      return this;
    }

    /**
     * Adds a date pattern to try after ISO 8601, for example {@code "dd/MM/yyyy HH:mm"}. A pattern
     * without a time gives a day-precision window. Month and day names are read in Spanish (es-HN,
     * case-insensitive), whatever the machine's language: {@code MMMM} reads "marzo"; {@code MMM}
     * reads the abbreviations of the Unicode CLDR data, which end in a dot ("mar.").
     *
     * @param pattern a {@link DateTimeFormatter} pattern
     * @return this builder
     */
    public Builder dateFormat(String pattern) {
      dateFormats.add(Objects.requireNonNull(pattern, "pattern must not be null"));
      return this;
    }

    /**
     * Sets the offset of local times.
     *
     * @param offset never null
     * @return this builder
     */
    public Builder zoneOffset(ZoneOffset offset) {
      this.zoneOffset = Objects.requireNonNull(offset, "offset must not be null");
      return this;
    }

    /**
     * Sets a value for a field the file does not hold (or leaves blank).
     *
     * @param field canonical field name
     * @param value the value as it would appear in a canonical cell
     * @return this builder
     */
    public Builder defaultValue(String field, String value) {
      defaults.put(
          Objects.requireNonNull(field, "field must not be null"),
          Objects.requireNonNull(value, "value must not be null"));
      return this;
    }

    /**
     * Sets the namespace of attributes made from unmapped columns.
     *
     * @param namespace lower-case letters, digits, {@code . _ -}
     * @return this builder
     */
    public Builder attributeNamespace(String namespace) {
      checkArgument(
          namespace != null && NAMESPACE.matcher(namespace).matches(),
          "attribute namespace (%s) must be lower-case letters, digits, '.', '_' or '-'",
          namespace);
      this.attributeNamespace = namespace;
      return this;
    }

    /**
     * Fixes the delimiter.
     *
     * @param d the delimiter
     * @return this builder
     */
    public Builder delimiter(char d) {
      this.delimiter = d;
      return this;
    }

    /**
     * Fixes the character set.
     *
     * @param cs the character set; never null
     * @return this builder
     */
    public Builder charset(Charset cs) {
      this.charset = Objects.requireNonNull(cs, "charset must not be null");
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     * @throws IllegalArgumentException if a field is not canonical, a pattern is invalid, or no id
     *     column is mapped
     */
    public CsvMapping build() {
      return new CsvMapping(this);
    }
  }
}
