package org.atalaya.geo.join;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.Rejection;

/**
 * Assigns each incident to the areas, in one or more layers (municipalities, colonias, patrol
 * sectors), whose fence index contains its point under the index's {@code covers} rule: a point on
 * a shared border belongs to both areas. Built once, immutable and thread-safe.
 *
 * <p>It streams: {@link #annotating} wraps the handler a reader feeds, so a file of any size is
 * joined in constant memory. Each incident leaves annotated with the attribute {@code
 * atalaya:area.LAYER} holding the ids of its areas joined by {@code |} (empty when none), and, for
 * a layer bound to an administrative level, with that code filled in when the source left it empty.
 * A code the source gave is never overwritten: when the point says otherwise, the disagreement is
 * counted ({@link JoinReport#conflicts()}) for someone to look at.
 *
 * <p>Nothing is lost: every incident is counted in exactly one of {@link JoinReport.Outcome}
 * (joined in every layer, in some, outside all, or without a point to join), and passed on.
 *
 * <pre>{@code
 * SpatialJoin join = SpatialJoin.builder()
 *     .layer("municipio", municipios, SpatialJoin.AdminLevel.MUNICIPALITY)
 *     .layer("colonia", colonias)
 *     .build();
 * SpatialJoin.Run run = join.annotating(writer::write);
 * IncidentFormat.CSV.reader().read(file, ReadOptions.defaults(), run);
 * JoinReport report = run.report();
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpatialJoin {

  /** The prefix of the attribute that holds a layer's area ids: {@code atalaya:area.} + layer. */
  public static final String ATTRIBUTE_PREFIX = "atalaya:area.";

  /** The administrative level a layer's ids are codes of. */
  public enum AdminLevel {
    /** Department codes. */
    DEPARTMENT,
    /** Municipality codes. */
    MUNICIPALITY,
    /** Colonia (neighbourhood) codes or names. */
    COLONIA
  }

  private record Layer(String name, FenceIndex index, Optional<AdminLevel> level) {}

  private final List<Layer> layers;

  private SpatialJoin(List<Layer> layers) {
    this.layers = ImmutableList.copyOf(layers);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder; never {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The areas one incident was joined to.
   *
   * @param incident the incident, annotated
   * @param areas for each layer in order, the ids of the areas containing the point (possibly none)
   * @param outcome which of the four outcomes it had
   * @param conflict whether a code the source gave disagrees with the point's area
   */
  public record Joined(
      Incident incident,
      Map<String, List<String>> areas,
      JoinReport.Outcome outcome,
      boolean conflict) {}

  /**
   * Joins one incident.
   *
   * @param incident the incident; never null
   * @return the annotated incident and its areas; never {@code null}
   */
  public Joined join(Incident incident) {
    Objects.requireNonNull(incident, "incident must not be null");
    Optional<LatLon> point = incident.location().flatMap(Location::point);
    Map<String, List<String>> areas = new LinkedHashMap<>();
    if (point.isEmpty()) {
      layers.forEach(l -> areas.put(l.name(), List.of()));
      return new Joined(incident, ImmutableMap.copyOf(areas), JoinReport.Outcome.NO_POINT, false);
    }
    LatLon p = point.get();
    Incident.Builder b = incident.toBuilder();
    Location location = incident.location().orElseThrow();
    AdminArea admin = location.admin();
    boolean conflict = false;
    int hit = 0;
    for (Layer l : layers) {
      List<String> ids = l.index().fencesContaining(p.latitude(), p.longitude());
      areas.put(l.name(), ids);
      b.attribute(ATTRIBUTE_PREFIX + l.name(), String.join("|", ids));
      if (!ids.isEmpty()) {
        hit++;
        if (l.level().isPresent()) {
          Optional<String> given = level(admin, l.level().get());
          if (given.isEmpty()) {
            admin = withLevel(admin, l.level().get(), ids.get(0));
          } else if (!ids.contains(given.get())) {
            conflict = true;
          }
        }
      }
    }
    b.location(location.toBuilder().admin(admin).build());
    JoinReport.Outcome outcome =
        hit == layers.size()
            ? JoinReport.Outcome.JOINED
            : hit == 0 ? JoinReport.Outcome.OUTSIDE : JoinReport.Outcome.PARTIAL;
    return new Joined(b.build(), ImmutableMap.copyOf(areas), outcome, conflict);
  }

  private static Optional<String> level(AdminArea a, AdminLevel level) {
    return switch (level) {
      case DEPARTMENT -> a.department();
      case MUNICIPALITY -> a.municipality();
      case COLONIA -> a.colonia();
    };
  }

  private static AdminArea withLevel(AdminArea a, AdminLevel level, String code) {
    return switch (level) {
      case DEPARTMENT -> new AdminArea(Optional.of(code), a.municipality(), a.colonia());
      case MUNICIPALITY -> new AdminArea(a.department(), Optional.of(code), a.colonia());
      case COLONIA -> new AdminArea(a.department(), a.municipality(), Optional.of(code));
    };
  }

  /**
   * Returns a handler that joins each incident it receives and passes the annotated incident on;
   * rejections pass through untouched. One run per read: not thread-safe, like the readers that
   * call it.
   *
   * @param downstream receives the annotated incidents; never null
   * @return the joining handler, which also counts; never {@code null}
   */
  public Run annotating(IncidentHandler downstream) {
    return new Run(Objects.requireNonNull(downstream, "downstream must not be null"));
  }

  /** A joining handler and its counts. */
  public final class Run implements IncidentHandler {
    private final IncidentHandler downstream;
    private final long[] outcomes = new long[JoinReport.Outcome.values().length];
    private final Map<String, long[]> perLayer = new LinkedHashMap<>();
    private long conflicts;

    private Run(IncidentHandler downstream) {
      this.downstream = downstream;
      layers.forEach(l -> perLayer.put(l.name(), new long[3]));
    }

    @Override
    public void accept(Incident incident) throws IOException {
      Joined j = join(incident);
      outcomes[j.outcome().ordinal()]++;
      if (j.conflict()) {
        conflicts++;
      }
      if (j.outcome() != JoinReport.Outcome.NO_POINT) {
        j.areas()
            .forEach(
                (layer, ids) -> {
                  long[] c = perLayer.get(layer);
                  c[ids.isEmpty() ? 1 : 0]++;
                  if (ids.size() > 1) {
                    c[2]++;
                  }
                });
      }
      downstream.accept(j.incident());
    }

    @Override
    public void reject(Rejection rejection) throws IOException {
      downstream.reject(rejection);
    }

    /**
     * Returns the counts so far.
     *
     * @return a snapshot; never {@code null}
     */
    public JoinReport report() {
      Map<String, JoinReport.LayerCounts> layersOut = new LinkedHashMap<>();
      perLayer.forEach((k, v) -> layersOut.put(k, new JoinReport.LayerCounts(v[0], v[1], v[2])));
      return new JoinReport(
          outcomes[JoinReport.Outcome.JOINED.ordinal()],
          outcomes[JoinReport.Outcome.PARTIAL.ordinal()],
          outcomes[JoinReport.Outcome.OUTSIDE.ordinal()],
          outcomes[JoinReport.Outcome.NO_POINT.ordinal()],
          conflicts,
          layersOut);
    }
  }

  /** Builds a {@link SpatialJoin}. Not thread-safe. */
  public static final class Builder {
    private final List<Layer> layers = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a layer whose ids are only recorded in the {@code atalaya:area.NAME} attribute.
     *
     * @param name the layer's name: lower case letters, digits, {@code _} or {@code -}
     * @param index the layer's areas; never null
     * @return this builder
     */
    public Builder layer(String name, FenceIndex index) {
      return add(name, index, Optional.empty());
    }

    /**
     * Adds a layer whose ids are codes of an administrative level: an incident without a code at
     * that level gets the (first) containing area's id.
     *
     * @param name the layer's name
     * @param index the layer's areas; never null
     * @param level the level its ids are codes of; never null
     * @return this builder
     */
    public Builder layer(String name, FenceIndex index, AdminLevel level) {
      return add(name, index, Optional.of(Objects.requireNonNull(level, "level must not be null")));
    }

    private Builder add(String name, FenceIndex index, Optional<AdminLevel> level) {
      Objects.requireNonNull(name, "name must not be null");
      Objects.requireNonNull(index, "index must not be null");
      checkArgument(
          name.matches("[a-z0-9_-]+"),
          "layer name '%s' must be lower case letters, digits, _ or -",
          name);
      checkArgument(
          layers.stream().noneMatch(l -> l.name().equals(name)), "layer '%s' is given twice", name);
      layers.add(new Layer(name, index, level));
      return this;
    }

    /**
     * Builds the join.
     *
     * @return the join; never {@code null}
     * @throws IllegalStateException if no layer was added
     */
    public SpatialJoin build() {
      if (layers.isEmpty()) {
        throw new IllegalStateException("a spatial join needs at least one layer");
      }
      return new SpatialJoin(layers);
    }
  }
}
