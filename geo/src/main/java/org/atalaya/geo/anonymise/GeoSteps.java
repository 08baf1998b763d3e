package org.atalaya.geo.anonymise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.AnonymisationException;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.anonymise.ReleaseStepFactory;
import org.atalaya.anonymise.StepSpec;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;

/**
 * The {@link ReleaseStepFactory} of the spatial steps. Types and options:
 *
 * <ul>
 *   <li>{@code donut-mask} {@code minMetres}, {@code maxMetres}, optional {@code fences} (GeoJSON
 *       of areas to stay within) and {@code idProperty};
 *   <li>{@code perturb} {@code maxMetres}, optional {@code fences}, {@code idProperty};
 *   <li>{@code grid} {@code metres}; {@code h3} {@code resolution};
 *   <li>{@code snap-to-anchors} {@code anchors} (CSV {@code latitude,longitude,places}), {@code
 *       minPlaces};
 *   <li>{@code admin-area} {@code fences}, {@code idProperty}, {@code asColonia};
 *   <li>{@code spatial-k-anonymity} {@code k} and {@code quasiIdentifiers} (default: the policy's),
 *       {@code cells} ({@code grid} or {@code h3}), {@code startMetres}, {@code maxMetres} or
 *       {@code finestResolution}, {@code coarsestResolution}; optional {@code m} with {@code
 *       places} (a CSV like the anchors').
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GeoSteps implements ReleaseStepFactory {
  private static final Set<String> TYPES =
      Set.of(
          "donut-mask",
          "perturb",
          "grid",
          "h3",
          "snap-to-anchors",
          "admin-area",
          "spatial-k-anonymity");

  /** Creates the factory. */
  public GeoSteps() {}

  @Override
  public Set<String> types() {
    return TYPES;
  }

  @Override
  public Optional<ReleaseStep> create(StepSpec s) {
    return Optional.ofNullable(
        switch (s.type()) {
          case "donut-mask" ->
              within(GeoMask.donut(s.number("minMetres"), s.number("maxMetres")), s);
          case "perturb" -> within(GeoMask.perturbation(s.number("maxMetres")), s);
          case "grid" -> LocationGeneralisation.grid(s.number("metres"));
          case "h3" -> LocationGeneralisation.h3((int) s.number("resolution"));
          case "snap-to-anchors" ->
              LocationGeneralisation.snapToAnchors(
                  anchors(required(s, "anchors")), (int) s.number("minPlaces"));
          case "admin-area" ->
              LocationGeneralisation.adminArea(
                  fences(s).orElseThrow(() -> missing(s, "fences")), s.flag("asColonia", false));
          case "spatial-k-anonymity" -> kAnonymity(s);
          default -> null;
        });
  }

  private static ReleaseStep kAnonymity(StepSpec s) {
    int k = (int) s.number("k");
    Set<QuasiIdentifier> qis = EnumSet.of(QuasiIdentifier.LOCATION);
    s.texts("quasiIdentifiers").forEach(q -> qis.add(QuasiIdentifier.parse(q)));
    SpatialKAnonymity step =
        s.text("cells").orElse("grid").equals("h3")
            ? SpatialKAnonymity.onH3(
                k,
                qis,
                (int) s.number("finestResolution", 9),
                (int) s.number("coarsestResolution", 5))
            : SpatialKAnonymity.onGrid(
                k, qis, s.number("startMetres", 250), s.number("maxMetres", 16_000));
    int m = (int) s.number("m", 0);
    if (m > 0) {
      step =
          step.withPlaces(
              m,
              anchors(required(s, "places")).stream()
                  .map(LocationGeneralisation.Anchor::point)
                  .toList());
    }
    return step;
  }

  private static GeoMask within(GeoMask mask, StepSpec s) {
    return fences(s).map(mask::within).orElse(mask);
  }

  private static Optional<FenceIndex> fences(StepSpec s) {
    return s.file("fences")
        .map(
            f -> {
              try {
                AreaReader.Builder r = AreaReader.builder();
                s.text("idProperty").ifPresent(r::idProperty);
                AreaReadResult areas = r.build().readGeoJson(f);
                return FenceIndex.of(areas.areas());
              } catch (IOException e) {
                throw new AnonymisationException(
                    AnonymiseCode.INVALID_POLICY,
                    e,
                    "fences " + f + " of step " + s.type() + " cannot be read: " + e.getMessage());
              }
            });
  }

  private static Path required(StepSpec s, String option) {
    return s.file(option).orElseThrow(() -> missing(s, option));
  }

  private static AnonymisationException missing(StepSpec s, String option) {
    return new AnonymisationException(
        AnonymiseCode.INVALID_POLICY,
        AnonymiseCode.detail("detail.stepNeedsOption", s.type(), option));
  }

  /**
   * Reads anchors from a CSV file with a header and the columns {@code latitude,longitude,places}.
   *
   * @param file the file; never null
   * @return the anchors
   * @throws AnonymisationException ({@link AnonymiseCode#INVALID_POLICY}) if the file cannot be
   *     read
   */
  public static List<LocationGeneralisation.Anchor> anchors(Path file) {
    List<LocationGeneralisation.Anchor> out = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 1; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] c = line.split("[,;]");
        try {
          out.add(
              new LocationGeneralisation.Anchor(
                  LatLon.of(Double.parseDouble(c[0]), Double.parseDouble(c[1])),
                  Integer.parseInt(c[2].strip())));
        } catch (RuntimeException e) {
          throw new AnonymisationException(
              AnonymiseCode.INVALID_POLICY,
              file + " line " + (i + 1) + " (" + line + ") must be latitude,longitude,places");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }

  /** Returns {@code i} with another id and location, sharing both. */
  static Incident with(Incident i, String id, Optional<Location> location) {
    // One construction per published record: this runs each time a released record is read.
    return i.toBuilder().id(id).location(location.orElse(null)).build();
  }

  /** A location that says nothing once its point is removed becomes no location at all. */
  static Location orNull(Location.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
