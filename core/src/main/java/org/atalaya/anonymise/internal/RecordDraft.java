package org.atalaya.anonymise.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.RecordEditor;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.CaseHistory;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Location;
import org.atalaya.incident.PublicationState;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.SourceType;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.taxonomy.IccsCode;

/**
 * The {@link RecordEditor} of a release's record pass: one record's parts, each readable and
 * replaceable, and the incident built once when every record step is done ({@link #build}). A chain
 * of five record steps builds one incident per record instead of five. {@link #build} validates as
 * {@link Incident}'s constructor does. Not thread-safe: a draft belongs to one thread, and one
 * draft serves every record of a chunk in turn ({@link #reset}).
 *
 * <p>Internal: use outside Atalaya is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class RecordDraft implements RecordEditor {
  private Incident original;
  private boolean changed;
  private List<SourceRef> sourceRefs;
  private Classification classification;
  private Optional<TimeWindow> occurred;
  private Optional<OffsetDateTime> reportedAt;
  private Optional<Location> location;
  private List<Victim> victims;
  private IncidentContext context;
  private CaseHistory caseHistory;
  private PublicationState publication;
  private SourceType source;
  private Optional<String> narrative;
  private Set<SensitivityFlag> sensitivity;
  private Attributes attributes;

  private RecordDraft(Incident incident) {
    reset(incident);
  }

  /**
   * Returns a draft of {@code incident}, unchanged.
   *
   * @param incident the incident; never null
   * @return the draft
   */
  public static RecordDraft of(Incident incident) {
    return new RecordDraft(incident);
  }

  /**
   * Makes this a draft of {@code incident}, unchanged, forgetting every earlier change.
   *
   * @param incident the incident; never null
   * @return this draft
   */
  public RecordDraft reset(Incident incident) {
    original = Objects.requireNonNull(incident, "incident must not be null");
    changed = false;
    sourceRefs = incident.sourceRefs();
    classification = incident.classification();
    occurred = incident.occurred();
    reportedAt = incident.reportedAt();
    location = incident.location();
    victims = incident.victims();
    context = incident.context();
    caseHistory = incident.caseHistory();
    publication = incident.publication();
    source = incident.source();
    narrative = incident.narrative();
    sensitivity = incident.sensitivity();
    attributes = incident.attributes();
    return this;
  }

  /**
   * Returns the incident with every change: the original itself when no part was replaced by
   * another value.
   *
   * @return the incident; never {@code null}
   * @throws IllegalArgumentException or NullPointerException if a part is invalid, as {@link
   *     Incident.Builder#build}
   */
  public Incident build() {
    if (!changed) {
      return original;
    }
    // Starting from the original, a part added to Incident needs no change here.
    return original.toBuilder()
        .sourceRefs(sourceRefs)
        .classification(classification)
        .occurred(occurred.orElse(null))
        .reportedAt(reportedAt.orElse(null))
        .location(location.orElse(null))
        .victims(victims)
        .context(context)
        .caseHistory(caseHistory)
        .publication(publication)
        .source(source)
        .narrative(narrative.orElse(null))
        .sensitivity(sensitivity)
        .attributes(attributes)
        .build();
  }

  /** Records a change when {@code after} is another object than {@code before}. */
  private void changed(Object before, Object after) {
    changed |= before != after;
  }

  /**
   * @return the id, which steps keep
   */
  @Override
  public String id() {
    return original.id();
  }

  /**
   * @return the source references
   */
  @Override
  public List<SourceRef> sourceRefs() {
    return sourceRefs;
  }

  /**
   * @param refs the source references; never null
   * @return this draft
   */
  @Override
  public RecordDraft sourceRefs(List<SourceRef> refs) {
    changed(sourceRefs, refs);
    sourceRefs = refs;
    return this;
  }

  /**
   * @return the classification
   */
  @Override
  public Classification classification() {
    return classification;
  }

  /**
   * @return the ICCS code, if classified
   */
  @Override
  public Optional<IccsCode> iccs() {
    return classification.iccs();
  }

  /**
   * @param c the classification; never null
   * @return this draft
   */
  @Override
  public RecordDraft classification(Classification c) {
    changed(classification, c);
    classification = c;
    return this;
  }

  /**
   * @return when it happened
   */
  @Override
  public Optional<TimeWindow> occurred() {
    return occurred;
  }

  /**
   * @param window when it happened; never null
   * @return this draft
   */
  @Override
  public RecordDraft occurred(Optional<TimeWindow> window) {
    changed(occurred, window);
    occurred = window;
    return this;
  }

  /**
   * @return when it was reported
   */
  @Override
  public Optional<OffsetDateTime> reportedAt() {
    return reportedAt;
  }

  /**
   * @param time when it was reported; never null
   * @return this draft
   */
  @Override
  public RecordDraft reportedAt(Optional<OffsetDateTime> time) {
    changed(reportedAt, time);
    reportedAt = time;
    return this;
  }

  /**
   * @return where it happened
   */
  @Override
  public Optional<Location> location() {
    return location;
  }

  /**
   * @param where where it happened; never null
   * @return this draft
   */
  @Override
  public RecordDraft location(Optional<Location> where) {
    changed(location, where);
    location = where;
    return this;
  }

  /**
   * @return the victims
   */
  @Override
  public List<Victim> victims() {
    return victims;
  }

  /**
   * @param people the victims; never null
   * @return this draft
   */
  @Override
  public RecordDraft victims(List<Victim> people) {
    changed(victims, people);
    victims = people;
    return this;
  }

  /**
   * @return the circumstances
   */
  @Override
  public IncidentContext context() {
    return context;
  }

  /**
   * @param c the circumstances; never null
   * @return this draft
   */
  @Override
  public RecordDraft context(IncidentContext c) {
    changed(context, c);
    context = c;
    return this;
  }

  /**
   * @return the case history
   */
  @Override
  public CaseHistory caseHistory() {
    return caseHistory;
  }

  /**
   * @param history the case history; never null
   * @return this draft
   */
  @Override
  public RecordDraft caseHistory(CaseHistory history) {
    changed(caseHistory, history);
    caseHistory = history;
    return this;
  }

  /**
   * @return the publication workflow state
   */
  @Override
  public PublicationState publication() {
    return publication;
  }

  /**
   * @param state the publication workflow state; never null
   * @return this draft
   */
  @Override
  public RecordDraft publication(PublicationState state) {
    changed(publication, state);
    publication = state;
    return this;
  }

  /**
   * @return who reported it
   */
  @Override
  public SourceType source() {
    return source;
  }

  /**
   * @param type who reported it; never null
   * @return this draft
   */
  @Override
  public RecordDraft source(SourceType type) {
    changed(source, type);
    source = type;
    return this;
  }

  /**
   * @return the narrative
   */
  @Override
  public Optional<String> narrative() {
    return narrative;
  }

  /**
   * @param text the narrative; never null
   * @return this draft
   */
  @Override
  public RecordDraft narrative(Optional<String> text) {
    changed(narrative, text);
    narrative = text;
    return this;
  }

  /**
   * @return the protection flags
   */
  @Override
  public Set<SensitivityFlag> sensitivity() {
    return sensitivity;
  }

  /**
   * @param flags the protection flags; never null
   * @return this draft
   */
  @Override
  public RecordDraft sensitivity(Set<SensitivityFlag> flags) {
    changed(sensitivity, flags);
    sensitivity = flags;
    return this;
  }

  /**
   * @return the unmodelled source fields
   */
  @Override
  public Attributes attributes() {
    return attributes;
  }

  /**
   * @param a the unmodelled source fields; never null
   * @return this draft
   */
  @Override
  public RecordDraft attributes(Attributes a) {
    changed(attributes, a);
    attributes = a;
    return this;
  }
}
