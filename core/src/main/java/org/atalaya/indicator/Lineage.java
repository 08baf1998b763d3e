package org.atalaya.indicator;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Where an indicator came from: its input files, the filters applied, how many incidents were used
 * and how many were left out (and why), the population vintage, the confidence level, the method,
 * the seed of any random step and the Atalaya version. Serialises to JSON so a published figure can
 * be traced and recomputed. Every indicator result carries one ({@code lineage()}), filled with
 * what the computation knows (method, confidence level, counts used and left out, version); the
 * caller adds what only it knows (input file, filters, population vintage) with {@link
 * #toBuilder()} and the result's {@code withLineage}. Jackson serialises a lineage as {@link
 * #toJsonTree()}. Immutable and thread-safe.
 *
 * @param indicator what was computed, for example {@code "homicide rate per 100,000"}; never {@code
 *     null} or blank
 * @param inputs the input files or sources; never {@code null}, immutable
 * @param filters the filters applied, in words; never {@code null}, immutable
 * @param used the number of incidents used; not negative
 * @param excluded the incidents left out, by reason; never {@code null}, immutable, no negative
 *     count
 * @param populationVintage the population figures' source; never {@code null} but empty when no
 *     population was used
 * @param confidence the confidence level; never {@code null} but empty when no interval was
 *     computed
 * @param method the method, for example {@code "exact (Garwood)"}; never {@code null} but
 *     potentially empty
 * @param seed the seed of a random step; never {@code null} but empty when nothing was random
 * @param version the Atalaya version, or {@code "development build"}; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Lineage(
    String indicator,
    List<String> inputs,
    List<String> filters,
    long used,
    Map<String, Long> excluded,
    Optional<String> populationVintage,
    OptionalDouble confidence,
    Optional<String> method,
    OptionalLong seed,
    String version) {

  /**
   * Validates the lineage.
   *
   * @throws IllegalArgumentException if the indicator is blank or a count is negative
   */
  public Lineage {
    Objects.requireNonNull(indicator, "indicator must not be null");
    checkArgument(!indicator.isBlank(), "indicator must not be blank: say what was computed");
    inputs = ImmutableList.copyOf(Objects.requireNonNull(inputs, "inputs must not be null"));
    filters = ImmutableList.copyOf(Objects.requireNonNull(filters, "filters must not be null"));
    checkArgument(used >= 0, "used (%s) must not be negative", used);
    excluded = ImmutableMap.copyOf(Objects.requireNonNull(excluded, "excluded must not be null"));
    excluded.forEach(
        (reason, n) ->
            checkArgument(n >= 0, "excluded count (%s) for %s must not be negative", n, reason));
    Objects.requireNonNull(
        populationVintage, "populationVintage must not be null; use Optional.empty()");
    Objects.requireNonNull(confidence, "confidence must not be null; use OptionalDouble.empty()");
    confidence.ifPresent(ConfidenceInterval::checkConfidence);
    Objects.requireNonNull(method, "method must not be null; use Optional.empty()");
    Objects.requireNonNull(seed, "seed must not be null; use OptionalLong.empty()");
    Objects.requireNonNull(version, "version must not be null");
  }

  /**
   * Returns a builder for the lineage of {@code indicator}; the version is read from the jar.
   *
   * @param indicator what was computed; never null or blank
   * @return a new builder; never {@code null}
   */
  public static Builder builder(String indicator) {
    return new Builder(indicator);
  }

  /**
   * Returns the Atalaya version from the jar manifest.
   *
   * @return the version, or {@code "development build"} outside a released jar; never {@code null}
   */
  public static String atalayaVersion() {
    return VERSION;
  }

  private static final String VERSION = readVersion();

  private static String readVersion() {
    String v = Lineage.class.getPackage().getImplementationVersion();
    return v == null ? "development build" : v;
  }

  /**
   * Returns a builder holding every value of this lineage, to add inputs, filters or exclusions or
   * to change a value. The version of the lineage it builds is the running one.
   *
   * @return a new builder; never {@code null}
   * @since 0.1
   */
  public Builder toBuilder() {
    Builder b = new Builder(indicator);
    inputs.forEach(b::input);
    filters.forEach(b::filter);
    b.used(used);
    excluded.forEach(b::excluded);
    populationVintage.ifPresent(b::populationVintage);
    confidence.ifPresent(b::confidence);
    method.ifPresent(b::method);
    seed.ifPresent(b::seed);
    return b;
  }

  /**
   * Returns the number of incidents left out, over every reason.
   *
   * @return the total
   */
  public long excludedTotal() {
    return excluded.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Returns the lineage as a JSON object: {@code indicator, inputs, filters, used, excluded,
   * populationVintage, confidence, method, seed, version}, absent values as {@code null}.
   *
   * @return the JSON text; never {@code null}
   */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(toJsonTree());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of plain values could not be written", e);
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Returns the lineage as a Jackson tree, the object {@link #toJson()} writes. Jackson uses it to
   * serialise a lineage, so a lineage inside any object written with an {@code ObjectMapper} comes
   * out in this form.
   *
   * @return a new tree; never {@code null}
   * @since 0.1
   */
  @JsonValue
  public ObjectNode toJsonTree() {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("indicator", indicator);
    inputs.forEach(o.putArray("inputs")::add);
    filters.forEach(o.putArray("filters")::add);
    o.put("used", used);
    ObjectNode ex = o.putObject("excluded");
    excluded.forEach(ex::put);
    o.put("populationVintage", populationVintage.orElse(null));
    if (confidence.isPresent()) {
      o.put("confidence", confidence.getAsDouble());
    } else {
      o.putNull("confidence");
    }
    o.put("method", method.orElse(null));
    if (seed.isPresent()) {
      o.put("seed", seed.getAsLong());
    } else {
      o.putNull("seed");
    }
    o.put("version", version);
    return o;
  }

  /**
   * Builds a {@link Lineage}. Not thread-safe; the lineages it builds are.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private String indicator;
    private final ImmutableList.Builder<String> inputs = ImmutableList.builder();
    private final ImmutableList.Builder<String> filters = ImmutableList.builder();
    private long used;
    private final Map<String, Long> excluded = new LinkedHashMap<>();
    private Optional<String> populationVintage = Optional.empty();
    private OptionalDouble confidence = OptionalDouble.empty();
    private Optional<String> method = Optional.empty();
    private OptionalLong seed = OptionalLong.empty();

    private Builder(String indicator) {
      this.indicator = Objects.requireNonNull(indicator, "indicator must not be null");
    }

    /**
     * Replaces what was computed.
     *
     * @param indicator what was computed; never null or blank
     * @return this builder
     * @since 0.1
     */
    public Builder indicator(String indicator) {
      this.indicator = Objects.requireNonNull(indicator, "indicator must not be null");
      return this;
    }

    /**
     * Removes the reasons whose count is 0, so a lineage lists only exclusions that happened.
     *
     * @return this builder
     * @since 0.1
     */
    public Builder withoutZeroExclusions() {
      excluded.values().removeIf(n -> n == 0);
      return this;
    }

    /**
     * Adds an input file or source.
     *
     * @param input the file name or source; never null
     * @return this builder
     */
    public Builder input(String input) {
      inputs.add(Objects.requireNonNull(input, "input must not be null"));
      return this;
    }

    /**
     * Adds a filter, in words ({@code "ICCS 0101, completed"}).
     *
     * @param filter the filter; never null
     * @return this builder
     */
    public Builder filter(String filter) {
      filters.add(Objects.requireNonNull(filter, "filter must not be null"));
      return this;
    }

    /**
     * Sets the number of incidents used.
     *
     * @param used not negative
     * @return this builder
     */
    public Builder used(long used) {
      this.used = used;
      return this;
    }

    /**
     * Adds incidents left out for a reason (added to any earlier count for the same reason).
     *
     * @param reason why, in words; never null
     * @param count how many, not negative
     * @return this builder
     */
    public Builder excluded(String reason, long count) {
      excluded.merge(Objects.requireNonNull(reason, "reason must not be null"), count, Long::sum);
      return this;
    }

    /**
     * Sets the population vintage.
     *
     * @param vintage the source of the population figures; never null
     * @return this builder
     */
    public Builder populationVintage(String vintage) {
      this.populationVintage =
          Optional.of(Objects.requireNonNull(vintage, "vintage must not be null"));
      return this;
    }

    /**
     * Sets the confidence level.
     *
     * @param confidence strictly between 0 and 1
     * @return this builder
     */
    public Builder confidence(double confidence) {
      this.confidence = OptionalDouble.of(confidence);
      return this;
    }

    /**
     * Sets the method.
     *
     * @param method the method, in words; never null
     * @return this builder
     */
    public Builder method(String method) {
      this.method = Optional.of(Objects.requireNonNull(method, "method must not be null"));
      return this;
    }

    /**
     * Sets the seed of a random step.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = OptionalLong.of(seed);
      return this;
    }

    /**
     * Builds the lineage with the running Atalaya version.
     *
     * @return the lineage; never {@code null}
     * @throws IllegalArgumentException if a value is out of range
     */
    public Lineage build() {
      return new Lineage(
          indicator,
          inputs.build(),
          filters.build(),
          used,
          excluded,
          populationVintage,
          confidence,
          method,
          seed,
          atalayaVersion());
    }
  }
}
