package org.atalaya.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.atalaya.incident.AgeBand;
import org.atalaya.incident.Attributes;
import org.atalaya.incident.Classification;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.SourceRef;
import org.atalaya.incident.TimeWindow;
import org.atalaya.incident.Victim;
import org.atalaya.taxonomy.IccsCode;

/**
 * The non-spatial release steps: keep or drop fields, pseudonymise fields, redact narratives,
 * generalise time, age and category, and apply the stricter defaults for sensitive incidents. Every
 * step returned is immutable and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Steps {
  private Steps() {}

  /** Changes one record; returns false to suppress it. */
  @FunctionalInterface
  private interface Edit {
    boolean edit(RecordEditor record, ReleaseContext context);
  }

  /** A record step from a name and an edit. */
  private record Simple(
      String name,
      Edit e,
      Set<QuasiIdentifier> pseudonymises,
      Optional<SpatialGuarantee> spatialGuarantee)
      implements RecordStep {
    Simple(String name, Edit e) {
      this(name, e, Set.of(), Optional.empty());
    }

    @Override
    public boolean edit(RecordEditor record, ReleaseContext context) {
      return e.edit(record, context);
    }
  }

  /**
   * Returns a step that keeps the listed fields and drops every other {@link IncidentField}: the
   * safe default for free text, since a field added to the model later is dropped, not leaked.
   *
   * @param keep the fields to keep; never null
   * @return the step
   */
  public static RecordStep keepFields(Collection<IncidentField> keep) {
    EnumSet<IncidentField> drop = EnumSet.allOf(IncidentField.class);
    drop.removeAll(keep);
    return dropFields("keep-fields", drop);
  }

  /**
   * Returns a step that drops the listed fields.
   *
   * @param drop the fields to drop; never null
   * @return the step
   */
  public static RecordStep dropFields(Collection<IncidentField> drop) {
    return dropFields(
        "drop-fields", EnumSet.copyOf(drop.isEmpty() ? EnumSet.noneOf(IncidentField.class) : drop));
  }

  private static RecordStep dropFields(String name, Set<IncidentField> drop) {
    // An enum set: every incident of a release asks it a dozen questions.
    Set<IncidentField> fields =
        Collections.unmodifiableSet(
            drop.isEmpty() ? EnumSet.noneOf(IncidentField.class) : EnumSet.copyOf(drop));
    return new Simple(
        name,
        (d, ctx) -> {
          IncidentField.dropAll(d, fields);
          return true;
        });
  }

  /**
   * Returns a step that replaces the ids of source references and the values of the listed
   * attributes by keyed pseudonyms (one derived key per field). The incident id itself is
   * pseudonymised by the {@link Release} after the last step (see {@link
   * ReleasePolicy#pseudonymiseIds()}).
   *
   * @param attributeKeys attribute keys whose values are identifiers; never null
   * @return the step
   */
  public static RecordStep pseudonymise(Collection<String> attributeKeys) {
    List<String> keys = List.copyOf(attributeKeys);
    return new Simple(
        "pseudonymise",
        (d, ctx) -> {
          Pseudonyms p = ctx.pseudonyms("pseudonymise");
          List<SourceRef> refs = new ArrayList<>();
          for (SourceRef r : d.sourceRefs()) {
            refs.add(SourceRef.of(r.system(), p.pseudonym("source:" + r.system(), r.id())));
          }
          Map<String, String> attrs = new TreeMap<>(d.attributes().values());
          for (String k : keys) {
            attrs.computeIfPresent(k, (kk, v) -> p.pseudonym("attribute:" + kk, v));
          }
          d.sourceRefs(refs).attributes(new Attributes(attrs));
          return true;
        },
        Set.of(QuasiIdentifier.SOURCE_REFS),
        Optional.empty());
  }

  /**
   * Returns a step that redacts the narrative, the address and the attribute values.
   *
   * @param redactor the redactor; never null
   * @return the step
   */
  public static RecordStep redact(PiiRedactor redactor) {
    Objects.requireNonNull(redactor, "redactor must not be null");
    return new Simple(
        "redact",
        (d, ctx) -> {
          d.narrative(d.narrative().map(redactor::redact));
          Optional<Location> l = d.location();
          if (l.isPresent() && l.get().address().isPresent()) {
            d.location(
                Optional.of(
                    l.get().toBuilder().address(redactor.redact(l.get().address().get())).build()));
          }
          Map<String, String> attrs = new TreeMap<>(d.attributes().values());
          attrs.replaceAll((k, v) -> redactor.redact(v));
          d.attributes(new Attributes(attrs));
          return true;
        });
  }

  /**
   * Returns a step that widens every time (occurred and reported) to whole units of {@code
   * granularity}.
   *
   * @param granularity the unit; never null
   * @return the step
   */
  public static RecordStep generaliseTime(TimeGranularity granularity) {
    Objects.requireNonNull(granularity, "granularity must not be null");
    return new Simple(
        "generalise-time",
        (d, ctx) -> {
          withTime(d, granularity);
          return true;
        });
  }

  private static void withTime(RecordEditor d, TimeGranularity g) {
    // A reporting time can give away the occurrence time: keep only its start at the same grain.
    d.occurred(g.generalise(d.occurred()));
    if (d.reportedAt().isPresent()) {
      d.reportedAt(Optional.of(g.generalise(TimeWindow.instant(d.reportedAt().get())).from()));
    }
  }

  /**
   * Returns a step that replaces victims' ages by bands. The bands start at the given lower bounds;
   * the last is open-ended. A band never straddles 18 when 18 is a bound, so minors stay
   * recognisable as minors.
   *
   * @param lowerBounds increasing lower bounds starting at 0, for example 0, 12, 18, 30, 45, 60
   * @return the step
   * @throws IllegalArgumentException if the bounds do not start at 0 or do not increase
   */
  public static RecordStep generaliseAge(int... lowerBounds) {
    int[] bounds = lowerBounds.clone();
    checkArgument(
        bounds.length >= 1 && bounds[0] == 0,
        "age bounds (%s) must start at 0",
        Arrays.toString(bounds));
    for (int i = 1; i < bounds.length; i++) {
      checkArgument(
          bounds[i] > bounds[i - 1] && bounds[i] <= 150,
          "age bounds (%s) must increase, up to 150",
          Arrays.toString(bounds));
    }
    return new Simple(
        "generalise-age",
        (d, ctx) -> {
          List<Victim> vs = new ArrayList<>();
          for (Victim v : d.victims()) {
            Optional<AgeBand> band =
                v.age().isPresent()
                    ? Optional.of(band(bounds, v.age().getAsInt()))
                    : v.ageBand().map(b -> widen(bounds, b));
            vs.add(new Victim(v.sex(), OptionalInt.empty(), band, v.relationship(), v.outcome()));
          }
          d.victims(vs);
          return true;
        });
  }

  private static AgeBand band(int[] bounds, int age) {
    for (int i = bounds.length - 1; i >= 0; i--) {
      if (age >= bounds[i]) {
        return i == bounds.length - 1
            ? AgeBand.atLeast(bounds[i])
            : AgeBand.of(bounds[i], bounds[i + 1] - 1);
      }
    }
    throw new AssertionError(age);
  }

  /** The smallest configured band covering a recorded band. */
  private static AgeBand widen(int[] bounds, AgeBand b) {
    AgeBand low = band(bounds, b.min());
    if (b.max().isEmpty() || low.max().isEmpty()) {
      return AgeBand.atLeast(low.min());
    }
    AgeBand high = band(bounds, b.max().getAsInt());
    return high.max().isPresent()
        ? AgeBand.of(low.min(), high.max().getAsInt())
        : AgeBand.atLeast(low.min());
  }

  /**
   * Returns a step that truncates ICCS codes to {@code level} (1 = section such as {@code 01}, 2 =
   * division such as {@code 0101}) and drops the source's own category label and codes, which are
   * finer than the ICCS level.
   *
   * @param level 1 to 4
   * @return the step
   */
  public static RecordStep generaliseCategory(int level) {
    checkArgument(level >= 1 && level <= 4, "ICCS level (%s) must be from 1 to 4", level);
    // One classification per code, shared by every incident with that code: a release otherwise
    // keeps a million equal copies. Codes are few (the ICCS has hundreds).
    Map<IccsCode, Classification> byCode = new ConcurrentHashMap<>();
    return new Simple(
        "generalise-category",
        (d, ctx) -> {
          Optional<IccsCode> code = d.iccs();
          d.classification(
              code.isEmpty()
                  ? Classification.UNCLASSIFIED
                  : byCode.computeIfAbsent(
                      code.get(),
                      c -> Classification.iccs(c.level() > level ? c.truncate(level) : c)));
          return true;
        });
  }

  /**
   * Returns the stricter defaults for sensitive incidents (sexual violence, domestic violence, any
   * minor victim, detected by {@link SensitiveCategories#detect}, narrative keywords included): the
   * detected flags are set, the point, address and colonia are removed (department and municipality
   * stay), and times are widened to the month.
   *
   * @return the step
   */
  public static RecordStep sensitiveDefaults() {
    return new Simple(
        "sensitive-defaults",
        (d, ctx) -> {
          Set<SensitivityFlag> flags = SensitiveCategories.detect(d);
          if (flags.isEmpty()) {
            return true;
          }
          withTime(d, TimeGranularity.MONTH);
          d.sensitivity(flags);
          d.location(
              d.location()
                  .flatMap(
                      l ->
                          IncidentField.location(
                              Optional.empty(),
                              OptionalDouble.empty(),
                              LocationPrecision.AREA,
                              IncidentField.withoutColonia(l.admin()),
                              Optional.empty())));
          return true;
        },
        Set.of(),
        Optional.of(
            new SpatialGuarantee(
                SpatialGuarantee.Kind.REMOVAL,
                "sensitive incidents (sexual or domestic violence, minor victims) lose their point,"
                    + " address and colonia; municipality and month stay")));
  }
}
