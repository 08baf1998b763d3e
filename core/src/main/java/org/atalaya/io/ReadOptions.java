package org.atalaya.io;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.taxonomy.Taxonomy;

/**
 * How to read incidents: the input's name for problem reports, the taxonomy that maps category
 * names, the region points are expected in, the clock that decides what is "in the future", and
 * whether to reject duplicate ids. CSV inputs add a {@link CsvLayout}. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class ReadOptions {
  /** The name problems give as their file when none is set. */
  static final String DEFAULT_SOURCE_NAME = "input";

  private final String sourceName;
  private final Taxonomy taxonomy;
  private final Optional<Region> expectedRegion;
  private final Clock clock;
  private final boolean rejectDuplicateIds;
  private final CsvLayout csvLayout;

  private ReadOptions(Builder b) {
    this.sourceName = b.sourceName;
    this.taxonomy = b.taxonomy;
    this.expectedRegion = Optional.ofNullable(b.expectedRegion);
    this.clock = b.clock;
    this.rejectDuplicateIds = b.rejectDuplicateIds;
    this.csvLayout = b.csvLayout;
  }

  /**
   * Returns the defaults: name "input", the Honduran taxonomy, region Central America, the system
   * clock, duplicate ids rejected, CSV layout detected.
   *
   * @return the default options
   */
  public static ReadOptions defaults() {
    return builder().build();
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a builder; not thread-safe
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder initialised with these options.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.sourceName = sourceName;
    b.taxonomy = taxonomy;
    b.expectedRegion = expectedRegion.orElse(null);
    b.clock = clock;
    b.rejectDuplicateIds = rejectDuplicateIds;
    b.csvLayout = csvLayout;
    return b;
  }

  /**
   * Returns the name problems give as their file.
   *
   * @return the name; never {@code null}
   */
  public String sourceName() {
    return sourceName;
  }

  /**
   * Returns the taxonomy used to map category names to ICCS and to check ICCS codes.
   *
   * @return the taxonomy; never {@code null}
   */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /**
   * Returns the region points are expected in, used to detect swapped coordinates; when empty, only
   * coordinates out of range are recognised as swapped.
   *
   * @return the region; never {@code null} but potentially empty
   */
  public Optional<Region> expectedRegion() {
    return expectedRegion;
  }

  /**
   * Returns the clock that defines "now" for the future-date check.
   *
   * @return the clock; never {@code null}
   */
  public Clock clock() {
    return clock;
  }

  /**
   * Returns whether a record whose id appeared earlier is rejected. Checking keeps every accepted
   * id in memory (a few dozen bytes each).
   *
   * @return true to reject duplicates
   */
  public boolean rejectDuplicateIds() {
    return rejectDuplicateIds;
  }

  /**
   * Returns the CSV layout (ignored by the other formats).
   *
   * @return the layout; never {@code null}
   */
  public CsvLayout csvLayout() {
    return csvLayout;
  }

  /** Builds {@link ReadOptions}. Not thread-safe. */
  public static final class Builder {
    private String sourceName = DEFAULT_SOURCE_NAME;
    private Taxonomy taxonomy = Taxonomy.honduras();
    private Region expectedRegion = Region.CENTRAL_AMERICA;
    private Clock clock = Clock.systemUTC();
    private boolean rejectDuplicateIds = true;
    private CsvLayout csvLayout = CsvLayout.detect();

    private Builder() {}

    /**
     * Sets the input's name for problem reports.
     *
     * @param name for example the file name; never null
     * @return this builder
     */
    public Builder sourceName(String name) {
      this.sourceName = Objects.requireNonNull(name, "sourceName must not be null");
      return this;
    }

    /**
     * Sets the taxonomy.
     *
     * @param taxonomy never null
     * @return this builder
     */
    public Builder taxonomy(Taxonomy taxonomy) {
      this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy must not be null");
      return this;
    }

    /**
     * Sets the expected region, or null for none (worldwide data).
     *
     * @param region the region, or null
     * @return this builder
     */
    public Builder expectedRegion(Region region) {
      this.expectedRegion = region;
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock never null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Sets whether duplicate ids are rejected.
     *
     * @param reject true to reject
     * @return this builder
     */
    public Builder rejectDuplicateIds(boolean reject) {
      this.rejectDuplicateIds = reject;
      return this;
    }

    /**
     * Sets the CSV layout.
     *
     * @param layout never null
     * @return this builder
     */
    public Builder csvLayout(CsvLayout layout) {
      this.csvLayout = Objects.requireNonNull(layout, "layout must not be null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
