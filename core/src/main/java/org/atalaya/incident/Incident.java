package org.atalaya.incident;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.taxonomy.IccsCode;

/**
 * A crime or violent event as one record: what it was, when and where it happened, who was harmed,
 * its circumstances, how far its case went, and where the record came from.
 *
 * <p>Every part is an immutable value, validated when built; unknowns are explicit ({@code
 * Optional}, {@code UNKNOWN} constants) rather than nulls or sentinel values. Source fields the
 * model does not name are kept in {@link #attributes()} so that importing and exporting loses
 * nothing. Two incidents are equal when all their parts are equal. Immutable and thread-safe.
 *
 * <p>{@link #toString()} leaves out the narrative, location and victims, so that logging an
 * incident does not leak personal data.
 *
 * <p>Build an incident with {@link #builder(String)}, derive a changed copy with {@link
 * #toBuilder()} or a {@code withX} method such as {@link #withId}; the builder is the one mutable
 * form of an incident. Code outside this file does not call the canonical constructor (an
 * architecture test enforces it), so that adding a part to the model changes two places: the
 * record's components and its {@link Builder}.
 *
 * @param id stable identifier, unique within a data set; never {@code null} or blank
 * @param sourceRefs records of this incident in other systems; never {@code null}, copied
 * @param classification what kind of crime; never {@code null}
 * @param occurred when it happened; never {@code null} but potentially empty
 * @param reportedAt when it was reported; never {@code null} but potentially empty
 * @param location where it happened; never {@code null} but potentially empty (never the point (0,
 *     0))
 * @param victims the people harmed; never {@code null}, copied, potentially empty
 * @param context the circumstances; never {@code null}
 * @param caseHistory the case's dated history; never {@code null}
 * @param publication the publication workflow state; never {@code null}
 * @param source who reported it; never {@code null}
 * @param narrative free-text description as the source wrote it; never {@code null} but potentially
 *     empty
 * @param sensitivity protection flags; never {@code null}, copied
 * @param attributes unmodelled source fields; never {@code null}
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Incident(
    String id,
    List<SourceRef> sourceRefs,
    Classification classification,
    Optional<TimeWindow> occurred,
    Optional<OffsetDateTime> reportedAt,
    Optional<Location> location,
    List<Victim> victims,
    IncidentContext context,
    CaseHistory caseHistory,
    PublicationState publication,
    SourceType source,
    Optional<String> narrative,
    Set<SensitivityFlag> sensitivity,
    Attributes attributes) {

  /** Longest accepted id, in characters. */
  public static final int MAX_ID_LENGTH = 200;

  /**
   * Validates the incident. Not for callers: a record cannot hide its canonical constructor, and a
   * call with every part breaks when a part is added; use {@link #builder}, {@link #toBuilder} or a
   * {@code withX} method instead.
   *
   * @throws IllegalArgumentException if the id is blank, too long or holds a control character
   * @throws NullPointerException if a component is null
   */
  @API(status = API.Status.INTERNAL, since = "0.1")
  public Incident {
    Objects.requireNonNull(id, "id must not be null");
    checkArgument(!id.isBlank(), "incident id must not be blank");
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "incident id ("
              + id.substring(0, 20)
              + "...) must be at most "
              + MAX_ID_LENGTH
              + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException(
            "incident id ("
                + id.replaceAll("\\p{Cntrl}", "?")
                + ") must not contain control characters such as line breaks");
      }
    }
    sourceRefs =
        ImmutableList.copyOf(Objects.requireNonNull(sourceRefs, "sourceRefs must not be null"));
    Objects.requireNonNull(
        classification, "classification must not be null; use Classification.UNCLASSIFIED");
    Objects.requireNonNull(occurred, "occurred must not be null; use Optional.empty()");
    Objects.requireNonNull(reportedAt, "reportedAt must not be null; use Optional.empty()");
    Objects.requireNonNull(location, "location must not be null; use Optional.empty()");
    victims = ImmutableList.copyOf(Objects.requireNonNull(victims, "victims must not be null"));
    Objects.requireNonNull(context, "context must not be null; use IncidentContext.UNKNOWN");
    Objects.requireNonNull(caseHistory, "caseHistory must not be null; use CaseHistory.EMPTY");
    Objects.requireNonNull(publication, "publication must not be null");
    Objects.requireNonNull(source, "source must not be null; use SourceType.UNKNOWN");
    Objects.requireNonNull(narrative, "narrative must not be null; use Optional.empty()");
    narrative.ifPresent(
        n -> checkArgument(!n.isBlank(), "narrative must not be blank; use Optional.empty()"));
    Objects.requireNonNull(sensitivity, "sensitivity must not be null");
    // Guava gives sets of one or no flag as plain immutable sets, not enum sets: those are kept as
    // they are, not copied again for every incident derived from this one.
    sensitivity =
        sensitivity instanceof ImmutableSet ? sensitivity : Sets.immutableEnumSet(sensitivity);
    Objects.requireNonNull(attributes, "attributes must not be null; use Attributes.EMPTY");
  }

  /**
   * Returns a new builder for an incident with the given id; everything else starts unknown, empty,
   * {@link PublicationState#DRAFT} and {@link SourceType#UNKNOWN}.
   *
   * @param id the incident's id; never null or blank
   * @return a builder; not thread-safe
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns a builder initialised with this incident's values, to derive a changed copy. The
   * builder shares this incident's immutable parts until one is changed, so deriving a copy costs
   * no copying of lists or sets.
   *
   * @return a builder; not thread-safe
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.sourceRefs = sourceRefs;
    b.classification = classification;
    b.occurred = occurred;
    b.reportedAt = reportedAt;
    b.location = location;
    b.victims = victims;
    b.context = context;
    b.caseHistory = caseHistory;
    b.publication = publication;
    b.source = source;
    b.narrative = narrative;
    b.sensitivity = sensitivity;
    b.attributes = attributes;
    return b;
  }

  /**
   * Returns this incident with another id and every other part shared, as a release does when it
   * replaces ids by pseudonyms.
   *
   * @param newId the id; never null or blank
   * @return the incident; this one when {@code newId} equals the id
   * @throws IllegalArgumentException as {@link #builder(String)}'s {@code build}
   * @since 0.1
   */
  public Incident withId(String newId) {
    return id.equals(newId) ? this : toBuilder().id(newId).build();
  }

  /**
   * Returns this incident with another location and every other part shared, as location steps do
   * when they coarsen or move points.
   *
   * @param newLocation the location; never null but potentially empty
   * @return the incident; this one when {@code newLocation} holds this incident's own location
   *     object (equal but distinct locations are not compared, to keep release steps fast)
   * @since 0.1
   */
  public Incident withLocation(Optional<Location> newLocation) {
    Objects.requireNonNull(newLocation, "location must not be null; use Optional.empty()");
    if (newLocation.orElse(null) == location.orElse(null)) {
      return this;
    }
    Builder b = toBuilder();
    b.location = newLocation;
    return b.build();
  }

  /**
   * Returns the ICCS code, if the incident is classified.
   *
   * @return the code; never {@code null} but potentially empty
   */
  public Optional<IccsCode> iccs() {
    return classification.iccs();
  }

  /** Returns a summary without narrative, location or victims (see the class comment). */
  @Override
  public String toString() {
    return "Incident[id="
        + id
        + ", iccs="
        + classification.iccs().map(IccsCode::value).orElse("?")
        + ", occurred="
        + occurred.map(w -> w.from() + "/" + w.precision()).orElse("?")
        + ", victims="
        + victims.size()
        + "]";
  }

  /**
   * Builds an {@link Incident}: the one mutable form of an incident. A builder can build several
   * incidents; changing it after {@link #build} leaves the incidents built unchanged. Not
   * thread-safe.
   */
  public static final class Builder {
    // Parts are held as the record holds them; lists and sets stay the immutable ones given (or
    // shared by toBuilder) until an add* call copies them into a private mutable one.
    private String id;
    private List<SourceRef> sourceRefs = ImmutableList.of();
    private Classification classification = Classification.UNCLASSIFIED;
    private Optional<TimeWindow> occurred = Optional.empty();
    private Optional<OffsetDateTime> reportedAt = Optional.empty();
    private Optional<Location> location = Optional.empty();
    private List<Victim> victims = ImmutableList.of();
    private IncidentContext context = IncidentContext.UNKNOWN;
    private CaseHistory caseHistory = CaseHistory.EMPTY;
    private PublicationState publication = PublicationState.DRAFT;
    private SourceType source = SourceType.UNKNOWN;
    private Optional<String> narrative = Optional.empty();
    private Set<SensitivityFlag> sensitivity = ImmutableSet.of();
    private Attributes attributes = Attributes.EMPTY;

    private Builder(String id) {
      this.id = id;
    }

    /**
     * Sets the id.
     *
     * @param id the id; never null or blank
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Adds a source reference.
     *
     * @param ref the reference; never null
     * @return this builder
     */
    public Builder addSourceRef(SourceRef ref) {
      Objects.requireNonNull(ref, "ref must not be null");
      if (!(sourceRefs instanceof ArrayList)) {
        sourceRefs = new ArrayList<>(sourceRefs);
      }
      sourceRefs.add(ref);
      return this;
    }

    /**
     * Replaces the source references.
     *
     * @param refs the references; never null, without null elements; copied
     * @return this builder
     * @since 0.1
     */
    public Builder sourceRefs(Collection<SourceRef> refs) {
      sourceRefs = immutableCopy(refs, "sourceRefs");
      return this;
    }

    /**
     * Sets the classification.
     *
     * @param classification the classification; never null
     * @return this builder
     */
    public Builder classification(Classification classification) {
      this.classification =
          Objects.requireNonNull(classification, "classification must not be null");
      return this;
    }

    /**
     * Classifies the incident by ICCS code only.
     *
     * @param code the code, for example {@code "0101"}
     * @return this builder
     */
    public Builder iccs(String code) {
      this.classification = Classification.iccs(IccsCode.of(code));
      return this;
    }

    /**
     * Sets when the incident happened.
     *
     * @param occurred the window, or null when unknown
     * @return this builder
     */
    public Builder occurred(TimeWindow occurred) {
      this.occurred = Optional.ofNullable(occurred);
      return this;
    }

    /**
     * Sets when the incident was reported.
     *
     * @param reportedAt the moment, or null when unknown
     * @return this builder
     */
    public Builder reportedAt(OffsetDateTime reportedAt) {
      this.reportedAt = Optional.ofNullable(reportedAt);
      return this;
    }

    /**
     * Sets where the incident happened.
     *
     * @param location the location, or null when unknown
     * @return this builder
     */
    public Builder location(Location location) {
      this.location = Optional.ofNullable(location);
      return this;
    }

    /**
     * Adds a victim.
     *
     * @param victim the victim; never null
     * @return this builder
     */
    public Builder addVictim(Victim victim) {
      Objects.requireNonNull(victim, "victim must not be null");
      if (!(victims instanceof ArrayList)) {
        victims = new ArrayList<>(victims);
      }
      victims.add(victim);
      return this;
    }

    /**
     * Replaces the victims.
     *
     * @param all the victims; never null, without null elements; copied
     * @return this builder
     */
    public Builder victims(Collection<Victim> all) {
      victims = immutableCopy(all, "victims");
      return this;
    }

    /**
     * Sets the circumstances.
     *
     * @param context the context; never null
     * @return this builder
     */
    public Builder context(IncidentContext context) {
      this.context = Objects.requireNonNull(context, "context must not be null");
      return this;
    }

    /**
     * Sets the case history.
     *
     * @param caseHistory the history; never null
     * @return this builder
     */
    public Builder caseHistory(CaseHistory caseHistory) {
      this.caseHistory = Objects.requireNonNull(caseHistory, "caseHistory must not be null");
      return this;
    }

    /**
     * Sets the publication state.
     *
     * @param publication the state; never null
     * @return this builder
     */
    public Builder publication(PublicationState publication) {
      this.publication = Objects.requireNonNull(publication, "publication must not be null");
      return this;
    }

    /**
     * Sets who reported the incident.
     *
     * @param source the source; never null
     * @return this builder
     */
    public Builder source(SourceType source) {
      this.source = Objects.requireNonNull(source, "source must not be null");
      return this;
    }

    /**
     * Sets the narrative.
     *
     * @param narrative the text, or null for none
     * @return this builder
     */
    public Builder narrative(String narrative) {
      this.narrative = Optional.ofNullable(narrative);
      return this;
    }

    /**
     * Adds sensitivity flags.
     *
     * @param flags the flags
     * @return this builder
     */
    public Builder addSensitivity(SensitivityFlag... flags) {
      if (!(sensitivity instanceof EnumSet)) {
        sensitivity =
            sensitivity.isEmpty()
                ? EnumSet.noneOf(SensitivityFlag.class)
                : EnumSet.copyOf(sensitivity);
      }
      sensitivity.addAll(List.of(flags));
      return this;
    }

    /**
     * Replaces the sensitivity flags.
     *
     * @param flags the flags; never null, without null elements; copied
     * @return this builder
     */
    public Builder sensitivity(Collection<SensitivityFlag> flags) {
      Objects.requireNonNull(flags, "flags must not be null");
      sensitivity =
          flags instanceof ImmutableSet<SensitivityFlag> set ? set : Sets.immutableEnumSet(flags);
      return this;
    }

    /**
     * Sets the unmodelled attributes.
     *
     * @param attributes the attributes; never null
     * @return this builder
     */
    public Builder attributes(Attributes attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes must not be null");
      return this;
    }

    /**
     * Sets one unmodelled attribute.
     *
     * @param key a namespaced key such as {@code src:BARRIO}
     * @param value the value; never null
     * @return this builder
     */
    public Builder attribute(String key, String value) {
      this.attributes = attributes.with(key, value);
      return this;
    }

    /**
     * Builds the incident.
     *
     * @return the incident
     * @throws IllegalArgumentException as {@link Incident#Incident}
     */
    public Incident build() {
      return new Incident(
          id,
          sourceRefs,
          classification,
          occurred,
          reportedAt,
          location,
          victims,
          context,
          caseHistory,
          publication,
          source,
          narrative,
          sensitivity,
          attributes);
    }

    private static <T> List<T> immutableCopy(Collection<T> all, String name) {
      Objects.requireNonNull(all, name + " must not be null");
      try {
        return ImmutableList.copyOf(all); // no copy when all is already immutable
      } catch (NullPointerException e) {
        throw new NullPointerException(name + " must not contain null: " + all);
      }
    }
  }
}
