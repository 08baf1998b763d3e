package org.atalaya.geo.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;
import org.atalaya.anonymise.RecordEditor;
import org.atalaya.anonymise.RecordStep;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.SpatialGuarantee;
import org.atalaya.geo.crs.Geodesy;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;

/**
 * Geomasking: moves each point a distance from {@code rMin} to {@code rMax} metres in a random
 * direction. With {@code rMin > 0} this is donut masking (Hampton et al., 2010): the true point is
 * never in the release and never too near it; with {@code rMin = 0} it is plain random perturbation
 * in a disc. The radius is drawn uniformly over the annulus's area.
 *
 * <p>The direction and distance come from the keyed digest of the incident's id ({@link
 * org.atalaya.anonymise.Pseudonyms#uniforms}), not from fresh randomness: the same incident and key
 * give the same masked point in every release, so averaging many releases converges to the masked
 * point, not to the true one. Another key gives an unrelated displacement.
 *
 * <p>When a {@link FenceIndex} of administrative areas is given, the masked point must stay in the
 * same areas as the true one (so municipal counts are unchanged); up to {@value #ATTEMPTS} derived
 * draws are tried, after which the point is removed and only the administrative codes remain.
 * Distances are geodesic (WGS 84). Thread-safe, and immutable but for a cache of shared accuracy
 * values.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GeoMask implements RecordStep {
  /** Draws tried to stay inside the same area before the point is dropped. */
  public static final int ATTEMPTS = 16;

  /** Distance corrections tried at most: {@link #displace} stops once within 0.1 mm. */
  private static final int REFINEMENTS = 6;

  private final double rMin;
  private final double rMax;
  private final FenceIndex areas;
  private final String[] purposes = new String[ATTEMPTS];

  /**
   * The accuracies of masked points whose stated accuracy was a whole number of metres below 1,024
   * (or none: 0), shared: a release otherwise keeps one object per record. Filled as met; a race
   * only builds an equal value twice.
   */
  private final OptionalDouble[] maskedAccuracies = new OptionalDouble[1024];

  private GeoMask(double rMin, double rMax, FenceIndex areas) {
    checkArgument(
        rMin >= 0 && Double.isFinite(rMin), "rMin (%s) must be zero or more metres", rMin);
    checkArgument(
        rMax > rMin && rMax <= 100_000,
        "rMax (%s) must be more than rMin (%s) and at most 100 km",
        rMax,
        rMin);
    this.rMin = rMin;
    this.rMax = rMax;
    this.areas = areas;
    for (int a = 0; a < ATTEMPTS; a++) {
      purposes[a] = name() + ":" + a;
    }
  }

  /**
   * Returns donut masking between {@code rMin} and {@code rMax} metres.
   *
   * @param rMin the smallest displacement, more than 0
   * @param rMax the largest displacement, more than rMin
   * @return the step
   */
  public static GeoMask donut(double rMin, double rMax) {
    checkArgument(rMin > 0, "rMin (%s) of a donut mask must be more than 0 metres", rMin);
    return new GeoMask(rMin, rMax, null);
  }

  /**
   * Returns random perturbation within {@code rMax} metres.
   *
   * @param rMax the largest displacement, more than 0
   * @return the step
   */
  public static GeoMask perturbation(double rMax) {
    return new GeoMask(0, rMax, null);
  }

  /**
   * Returns this mask constrained to keep each point in the same areas of {@code areas}.
   *
   * @param areas administrative areas; never null
   * @return a new step
   */
  public GeoMask within(FenceIndex areas) {
    return new GeoMask(rMin, rMax, Objects.requireNonNull(areas, "areas must not be null"));
  }

  @Override
  public String name() {
    return rMin > 0 ? "donut-mask" : "perturb";
  }

  /** Masking moves points a bounded distance; on its own it is not k-anonymity. */
  @Override
  public Optional<SpatialGuarantee> spatialGuarantee() {
    return Optional.of(
        new SpatialGuarantee(
            SpatialGuarantee.Kind.MASKING,
            String.format(
                Locale.ROOT,
                "points moved %.0f to %.0f m (the stated accuracy includes the mask); masking alone"
                    + " is not k-anonymity: someone who knows the true point finds the record"
                    + " within %.0f m of it",
                rMin,
                rMax,
                rMax)));
  }

  @Override
  public boolean edit(RecordEditor draft, ReleaseContext context) {
    Optional<Location> loc = draft.location();
    if (loc.isEmpty() || loc.get().point().isEmpty()) {
      return true;
    }
    LatLon p = loc.get().point().get();
    List<String> home = areas == null ? null : areas.fencesContaining(p.latitude(), p.longitude());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      double[] u = context.pseudonyms(name()).uniforms(purposes[attempt], draft.id(), 2);
      LatLon q = displace(p, rMin, rMax, u[0], u[1]);
      if (home == null || areas.fencesContaining(q.latitude(), q.longitude()).equals(home)) {
        Location l = loc.get();
        // The stated accuracy now includes the mask, so nobody mistakes the point for the place.
        // Built directly: a builder per record is a million objects.
        draft.location(
            Optional.of(
                new Location(
                    Optional.of(q),
                    maskedAccuracy(l.accuracyMetres().orElse(0)),
                    l.precision(),
                    l.admin(),
                    l.address())));
        return true;
      }
    }
    Location.Builder b = loc.get().toBuilder().point(null).accuracyMetres(OptionalDouble.empty());
    draft.location(Optional.ofNullable(GeoSteps.orNull(b)));
    return true;
  }

  /** Returns the accuracy of a point stated to {@code stated} metres once masked: rMax more. */
  private OptionalDouble maskedAccuracy(double stated) {
    int whole = (int) stated;
    // A location's accuracy is never negative: the whole part is an index from 0 when it equals it.
    if (whole != stated || whole >= maskedAccuracies.length) {
      return OptionalDouble.of(rMax + stated);
    }
    OptionalDouble known = maskedAccuracies[whole];
    if (known == null) {
      known = OptionalDouble.of(rMax + whole);
      maskedAccuracies[whole] = known;
    }
    return known;
  }

  /**
   * Returns the point {@code distance} metres from {@code p} towards {@code bearing} radians, with
   * the distance corrected against the geodesic so it is exact to a millimetre. The north and east
   * offsets are taken on the WGS 84 ellipsoid's radii of curvature at {@code p}.
   */
  static LatLon displace(LatLon p, double rMin, double rMax, double u, double v) {
    double r = Math.sqrt(rMin * rMin + u * (rMax * rMax - rMin * rMin));
    // Keep a millimetre inside the bounds so rounding never pushes a point across them.
    r = Math.min(Math.max(r, rMin + 1e-3), rMax - 1e-3);
    double bearing = 2 * Math.PI * v;
    double cos = Math.cos(bearing);
    double sin = Math.sin(bearing);
    double target = r;
    double lat = Math.toRadians(p.latitude());
    double e2 = Geodesy.WGS84_F * (2 - Geodesy.WGS84_F);
    double w = Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
    double meridian = Geodesy.WGS84_A * (1 - e2) / (w * w * w);
    double parallel = Geodesy.WGS84_A / w * Math.cos(lat);
    // Coordinates kept as numbers until the last attempt: a point per attempt was three objects
    // per incident of a million-record release.
    double qLat = p.latitude();
    double qLon = p.longitude();
    // Each correction squares the relative error: from the flat first try, three corrections reach
    // a tenth of a millimetre even 100 km from p at 60 degrees of latitude (two did not).
    for (int i = 0; i < REFINEMENTS; i++) {
      qLat = p.latitude() + Math.toDegrees(r * cos / meridian);
      qLon = p.longitude() + Math.toDegrees(r * sin / parallel);
      double actual = Geodesy.distanceMetres(p.latitude(), p.longitude(), qLat, qLon);
      if (Math.abs(actual - target) < 1e-4 || actual == 0) {
        break;
      }
      r *= target / actual;
    }
    return LatLon.of(qLat, qLon);
  }
}
