package org.atalaya.indicator.report;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.incident.AgeBand;
import org.atalaya.indicator.Rate;
import org.atalaya.taxonomy.IccsCode;

/**
 * What an {@link IndicatorReport} computes and how its lineage names the inputs. The defaults are
 * those of {@code atalaya indicators}; {@link #defaults()} and every builder start from them:
 *
 * <ul>
 *   <li>{@code groupBy}: area, year, sex, age (in the order given: the JSON lists them so);
 *   <li>{@code areaLevel}: {@link AreaLevel#MUNICIPALITY};
 *   <li>{@code category}: ICCS {@code 0101} (intentional homicide) and the codes within it;
 *   <li>{@code confidence}: 0.95 for every interval;
 *   <li>{@code asOf}: empty, meaning the latest date in the case histories of the category;
 *   <li>{@code followUpYears}: 2, the follow-up that defines the impunity funnel's cohort;
 *   <li>{@code periodPairs}: {@link PeriodPairs#CONSECUTIVE_AND_SPAN};
 *   <li>{@code alarms}: {@link AlarmSettings#defaults()};
 *   <li>{@code defaultAgeBands}: 0-14, 15-29, 30-44, 45-59, 60+, used when the population table has
 *       no age bands;
 *   <li>{@code input}: {@code "incidents"}, {@code rejected}: 0, {@code populationInput}: {@code
 *       "population table"}: the names and the reader's rejections the lineage records.
 * </ul>
 *
 * <p>What is left out is not a setting: attempts, incidents without a code, of another category,
 * without a year of occurrence or (when grouped by area) without an area code are always left out
 * and counted in every lineage, because the indicators are defined on completed, dated and placed
 * incidents. Immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class IndicatorSettings {
  private static final List<AgeBand> DEFAULT_BANDS =
      List.of(
          AgeBand.of(0, 14),
          AgeBand.of(15, 29),
          AgeBand.of(30, 44),
          AgeBand.of(45, 59),
          AgeBand.atLeast(60));
  private static final IndicatorSettings DEFAULTS = builder().build();

  private final ImmutableSet<Grouping> groupBy;
  private final AreaLevel areaLevel;
  private final IccsCode category;
  private final double confidence;
  private final Optional<LocalDate> asOf;
  private final int followUpYears;
  private final PeriodPairs periodPairs;
  private final AlarmSettings alarms;
  private final ImmutableList<AgeBand> defaultAgeBands;
  private final String input;
  private final long rejected;
  private final String populationInput;

  private IndicatorSettings(Builder b) {
    groupBy = ImmutableSet.copyOf(b.groupBy);
    areaLevel = b.areaLevel;
    category = b.category;
    confidence = b.confidence;
    asOf = b.asOf;
    followUpYears = b.followUpYears;
    periodPairs = b.periodPairs;
    alarms = b.alarms;
    defaultAgeBands = ImmutableList.copyOf(b.defaultAgeBands);
    input = b.input;
    rejected = b.rejected;
    populationInput = b.populationInput;
  }

  /**
   * Returns the defaults of {@code atalaya indicators} (see the class description).
   *
   * @return the defaults; never {@code null}
   */
  public static IndicatorSettings defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these settings, to change some of them.
   *
   * @return a new builder; never {@code null}
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.groupBy = groupBy;
    b.areaLevel = areaLevel;
    b.category = category;
    b.confidence = confidence;
    b.asOf = asOf;
    b.followUpYears = followUpYears;
    b.periodPairs = periodPairs;
    b.alarms = alarms;
    b.defaultAgeBands = defaultAgeBands;
    b.input = input;
    b.rejected = rejected;
    b.populationInput = populationInput;
    return b;
  }

  /**
   * @return the dimensions grouped by, in the order given; never {@code null}, immutable
   */
  public Set<Grouping> groupBy() {
    return groupBy;
  }

  /**
   * Returns whether the report groups by {@code grouping}.
   *
   * @param grouping the dimension; never {@code null}
   * @return true if it is among {@link #groupBy()}
   */
  public boolean groupsBy(Grouping grouping) {
    return groupBy.contains(grouping);
  }

  /**
   * @return which location code is the area; never {@code null}
   */
  public AreaLevel areaLevel() {
    return areaLevel;
  }

  /**
   * @return the ICCS category counted for rates, change, alarms and the funnel; never {@code null}
   */
  public IccsCode category() {
    return category;
  }

  /**
   * @return the confidence level of every interval, strictly between 0 and 1
   */
  public double confidence() {
    return confidence;
  }

  /**
   * @return the date the funnel describes; empty for the latest date in the case histories
   */
  public Optional<LocalDate> asOf() {
    return asOf;
  }

  /**
   * @return the follow-up that defines the funnel's cohort, in years; positive
   */
  public int followUpYears() {
    return followUpYears;
  }

  /**
   * @return which years the period changes compare; never {@code null}
   */
  public PeriodPairs periodPairs() {
    return periodPairs;
  }

  /**
   * @return the alarm parameters; never {@code null}
   */
  public AlarmSettings alarms() {
    return alarms;
  }

  /**
   * @return the age bands used when the population table has none; never {@code null}, immutable
   */
  public List<AgeBand> defaultAgeBands() {
    return defaultAgeBands;
  }

  /**
   * @return the name of the incidents' input the lineage records; never {@code null}
   */
  public String input() {
    return input;
  }

  /**
   * @return the records the reader rejected before the incidents reached the report; not negative
   */
  public long rejected() {
    return rejected;
  }

  /**
   * @return the name of the population input the document records; never {@code null}
   */
  public String populationInput() {
    return populationInput;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndicatorSettings s
        && groupBy.asList().equals(s.groupBy.asList())
        && areaLevel == s.areaLevel
        && category.equals(s.category)
        && Double.compare(confidence, s.confidence) == 0
        && asOf.equals(s.asOf)
        && followUpYears == s.followUpYears
        && periodPairs == s.periodPairs
        && alarms.equals(s.alarms)
        && defaultAgeBands.equals(s.defaultAgeBands)
        && input.equals(s.input)
        && rejected == s.rejected
        && populationInput.equals(s.populationInput);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        groupBy.asList(),
        areaLevel,
        category,
        confidence,
        asOf,
        followUpYears,
        periodPairs,
        alarms,
        defaultAgeBands,
        input,
        rejected,
        populationInput);
  }

  @Override
  public String toString() {
    return "IndicatorSettings[groupBy="
        + groupBy
        + ", areaLevel="
        + areaLevel
        + ", category="
        + category.value()
        + ", confidence="
        + confidence
        + ", asOf="
        + asOf
        + ", followUpYears="
        + followUpYears
        + ", periodPairs="
        + periodPairs
        + ", alarms="
        + alarms
        + ", input="
        + input
        + ", rejected="
        + rejected
        + "]";
  }

  /**
   * Builds {@link IndicatorSettings}, starting from the defaults. Not thread-safe; the settings it
   * builds are.
   *
   * @since 0.1
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.1")
  public static final class Builder {
    private Collection<Grouping> groupBy = List.of(Grouping.values());
    private AreaLevel areaLevel = AreaLevel.MUNICIPALITY;
    private IccsCode category = IccsCode.of("0101");
    private double confidence = Rate.DEFAULT_CONFIDENCE;
    private Optional<LocalDate> asOf = Optional.empty();
    private int followUpYears = 2;
    private PeriodPairs periodPairs = PeriodPairs.CONSECUTIVE_AND_SPAN;
    private AlarmSettings alarms = AlarmSettings.defaults();
    private List<AgeBand> defaultAgeBands = DEFAULT_BANDS;
    private String input = "incidents";
    private long rejected;
    private String populationInput = "population table";

    private Builder() {}

    /**
     * Sets the dimensions to group by; a repeated one counts once, the first time.
     *
     * @param groupBy the dimensions, in the order the JSON lists them; never {@code null}, may be
     *     empty
     * @return this builder
     */
    public Builder groupBy(Collection<Grouping> groupBy) {
      Objects.requireNonNull(groupBy, "groupBy must not be null");
      groupBy.forEach(g -> Objects.requireNonNull(g, "groupBy must not hold null"));
      this.groupBy = ImmutableSet.copyOf(groupBy);
      return this;
    }

    /**
     * Sets the dimensions to group by.
     *
     * @param groupBy the dimensions; never {@code null}
     * @return this builder
     */
    public Builder groupBy(Grouping... groupBy) {
      return groupBy(List.of(groupBy));
    }

    /**
     * Sets which location code is the area of the population table.
     *
     * @param areaLevel never {@code null}
     * @return this builder
     */
    public Builder areaLevel(AreaLevel areaLevel) {
      this.areaLevel = Objects.requireNonNull(areaLevel, "areaLevel must not be null");
      return this;
    }

    /**
     * Sets the ICCS category counted for rates, change, alarms and the funnel (SDG 16.1.1 always
     * counts ICCS 0101 victims).
     *
     * @param category never {@code null}
     * @return this builder
     */
    public Builder category(IccsCode category) {
      this.category = Objects.requireNonNull(category, "category must not be null");
      return this;
    }

    /**
     * Sets the confidence level of every interval.
     *
     * @param confidence strictly between 0 and 1
     * @return this builder
     * @throws IllegalArgumentException if it is out of range
     */
    public Builder confidence(double confidence) {
      checkArgument(
          confidence > 0 && confidence < 1,
          "confidence (%s) must be strictly between 0 and 1",
          confidence);
      this.confidence = confidence;
      return this;
    }

    /**
     * Sets the date the impunity funnel describes.
     *
     * @param asOf the date; never {@code null}, empty for the latest date in the case histories
     * @return this builder
     */
    public Builder asOf(Optional<LocalDate> asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf must not be null; use Optional.empty()");
      return this;
    }

    /**
     * Sets the follow-up that defines the funnel's cohort.
     *
     * @param years positive
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder followUpYears(int years) {
      checkArgument(years > 0, "followUpYears (%s) must be positive", years);
      this.followUpYears = years;
      return this;
    }

    /**
     * Sets which years the period changes compare.
     *
     * @param periodPairs never {@code null}
     * @return this builder
     */
    public Builder periodPairs(PeriodPairs periodPairs) {
      this.periodPairs = Objects.requireNonNull(periodPairs, "periodPairs must not be null");
      return this;
    }

    /**
     * Sets the alarm parameters.
     *
     * @param alarms never {@code null}
     * @return this builder
     */
    public Builder alarms(AlarmSettings alarms) {
      this.alarms = Objects.requireNonNull(alarms, "alarms must not be null");
      return this;
    }

    /**
     * Sets the age bands used when the population table has none.
     *
     * @param bands never {@code null} or empty
     * @return this builder
     * @throws IllegalArgumentException if there are no bands
     */
    public Builder defaultAgeBands(List<AgeBand> bands) {
      Objects.requireNonNull(bands, "defaultAgeBands must not be null");
      checkArgument(!bands.isEmpty(), "defaultAgeBands must not be empty");
      this.defaultAgeBands = ImmutableList.copyOf(bands);
      return this;
    }

    /**
     * Sets the name of the incidents' input, recorded in every lineage.
     *
     * @param input a file name or source; never {@code null} or blank
     * @return this builder
     */
    public Builder input(String input) {
      Objects.requireNonNull(input, "input must not be null");
      checkArgument(!input.isBlank(), "input must not be blank: name the file or source");
      this.input = input;
      return this;
    }

    /**
     * Sets how many records the reader rejected, reported as left out in every lineage.
     *
     * @param rejected not negative
     * @return this builder
     */
    public Builder rejected(long rejected) {
      checkArgument(rejected >= 0, "rejected (%s) must not be negative", rejected);
      this.rejected = rejected;
      return this;
    }

    /**
     * Sets the name of the population input, recorded in the document.
     *
     * @param populationInput a file name or source; never {@code null} or blank
     * @return this builder
     */
    public Builder populationInput(String populationInput) {
      Objects.requireNonNull(populationInput, "populationInput must not be null");
      checkArgument(
          !populationInput.isBlank(), "populationInput must not be blank: name the file or source");
      this.populationInput = populationInput;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings; never {@code null}
     */
    public IndicatorSettings build() {
      return new IndicatorSettings(this);
    }
  }
}
