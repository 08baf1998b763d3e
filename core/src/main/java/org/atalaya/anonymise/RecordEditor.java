package org.atalaya.anonymise;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
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
 * The record a {@link RecordStep} changes: each part of an {@link Incident}, readable and
 * replaceable under the name {@code Incident} gives it. The id can be read but not set (steps keep
 * ids). Nothing is validated when a part is set: the release builds and validates the incident
 * once, after the last record step of its pass, as {@link Incident}'s constructor does.
 *
 * <p>Atalaya implements this interface; steps only use it. An editor belongs to one thread and is
 * valid only during the {@link RecordStep#edit} call it is handed to: a step must not keep it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface RecordEditor {

  /**
   * Returns the id, which steps keep.
   *
   * @return the id; never {@code null}
   */
  String id();

  /**
   * @return the source references; never {@code null}
   */
  List<SourceRef> sourceRefs();

  /**
   * Replaces the source references.
   *
   * @param refs the source references; never null
   * @return this editor
   */
  RecordEditor sourceRefs(List<SourceRef> refs);

  /**
   * @return the classification; never {@code null}
   */
  Classification classification();

  /**
   * Returns the ICCS code of the classification.
   *
   * @return the code; never {@code null} but empty when unclassified
   */
  default Optional<IccsCode> iccs() {
    return classification().iccs();
  }

  /**
   * Replaces the classification.
   *
   * @param classification the classification; never null
   * @return this editor
   */
  RecordEditor classification(Classification classification);

  /**
   * @return when it happened; never {@code null} but potentially empty
   */
  Optional<TimeWindow> occurred();

  /**
   * Replaces when it happened.
   *
   * @param window when it happened; never null, empty for unknown
   * @return this editor
   */
  RecordEditor occurred(Optional<TimeWindow> window);

  /**
   * @return when it was reported; never {@code null} but potentially empty
   */
  Optional<OffsetDateTime> reportedAt();

  /**
   * Replaces when it was reported.
   *
   * @param time when it was reported; never null, empty for unknown
   * @return this editor
   */
  RecordEditor reportedAt(Optional<OffsetDateTime> time);

  /**
   * @return where it happened; never {@code null} but potentially empty
   */
  Optional<Location> location();

  /**
   * Replaces where it happened.
   *
   * @param where where it happened; never null, empty for unknown
   * @return this editor
   */
  RecordEditor location(Optional<Location> where);

  /**
   * @return the victims; never {@code null}
   */
  List<Victim> victims();

  /**
   * Replaces the victims.
   *
   * @param victims the victims; never null
   * @return this editor
   */
  RecordEditor victims(List<Victim> victims);

  /**
   * @return the circumstances; never {@code null}
   */
  IncidentContext context();

  /**
   * Replaces the circumstances.
   *
   * @param context the circumstances; never null
   * @return this editor
   */
  RecordEditor context(IncidentContext context);

  /**
   * @return the case history; never {@code null}
   */
  CaseHistory caseHistory();

  /**
   * Replaces the case history.
   *
   * @param history the case history; never null
   * @return this editor
   */
  RecordEditor caseHistory(CaseHistory history);

  /**
   * @return the publication workflow state; never {@code null}
   */
  PublicationState publication();

  /**
   * Replaces the publication workflow state.
   *
   * @param state the state; never null
   * @return this editor
   */
  RecordEditor publication(PublicationState state);

  /**
   * @return who reported it; never {@code null}
   */
  SourceType source();

  /**
   * Replaces who reported it.
   *
   * @param type who reported it; never null
   * @return this editor
   */
  RecordEditor source(SourceType type);

  /**
   * @return the narrative; never {@code null} but potentially empty
   */
  Optional<String> narrative();

  /**
   * Replaces the narrative.
   *
   * @param text the narrative; never null, empty for none
   * @return this editor
   */
  RecordEditor narrative(Optional<String> text);

  /**
   * @return the protection flags; never {@code null}
   */
  Set<SensitivityFlag> sensitivity();

  /**
   * Replaces the protection flags.
   *
   * @param flags the flags; never null
   * @return this editor
   */
  RecordEditor sensitivity(Set<SensitivityFlag> flags);

  /**
   * @return the unmodelled source fields; never {@code null}
   */
  Attributes attributes();

  /**
   * Replaces the unmodelled source fields.
   *
   * @param attributes the fields; never null
   * @return this editor
   */
  RecordEditor attributes(Attributes attributes);
}
