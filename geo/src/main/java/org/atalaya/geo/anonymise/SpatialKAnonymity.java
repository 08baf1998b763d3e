package org.atalaya.geo.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;

/**
 * Spatial k-anonymity: replaces each point by the centre of the smallest cell that, together with
 * the incident's other quasi-identifiers, holds at least {@code k} incidents (and, when a places
 * layer is given, at least {@code m} places), or suppresses the incident when even the largest
 * cell is too small.
 *
 * <p>Cells are tried from the finest level up; at each level the incidents still pending are
 * grouped by (cell, department, municipality, other quasi-identifiers), and every group of at
 * least k is released at that level. Incidents without a point are grouped by municipality, then
 * by department. The colonia and the address are removed (they would split the classes again).
 * Suppressions are recorded with their area, so a failing release names the areas that fell
 * short. Immutable and thread-safe; the work of one call is local to it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpatialKAnonymity implements ReleaseStep {
  private final int k;
  private final int m;
  private final List<LatLon> places;
  private final Cells cells;
  private final Set<QuasiIdentifier> others;

  private SpatialKAnonymity(int k, int m, List<LatLon> places, Cells cells, Set<QuasiIdentifier> qis) {
    checkArgument(k >= 1, "k (%s) must be at least 1", k);
    checkArgument(m >= 0, "m (%s) must be zero or more", m);
    checkArgument(m == 0 || !places.isEmpty(), "m (%s) needs a places layer", m);
    this.k = k;
    this.m = m;
    this.places = List.copyOf(places);
    this.cells = cells;
    EnumSet<QuasiIdentifier> o = qis.isEmpty() ? EnumSet.noneOf(QuasiIdentifier.class) : EnumSet.copyOf(qis);
    o.remove(QuasiIdentifier.LOCATION);
    this.others = o;
  }

  /**
   * Returns the step on a square metric grid (UTM 16N) from {@code startMetres} doubling up to
   * {@code maxMetres}.
   *
   * @param k the smallest class, at least 1
   * @param quasiIdentifiers the release's quasi-identifiers (the location is implied); never null
   * @param startMetres the finest cell side, at least 10
   * @param maxMetres the coarsest cell side
   * @return the step
   */
  public static SpatialKAnonymity onGrid(int k, Set<QuasiIdentifier> quasiIdentifiers, double startMetres, double maxMetres) {
    return new SpatialKAnonymity(k, 0, List.of(), Cells.grid(startMetres, maxMetres, org.atalaya.geo.crs.Crs.UTM_16N), quasiIdentifiers);
  }

  /**
   * Returns the step on H3 cells from resolution {@code finest} up to {@code coarsest}.
   *
   * @param k the smallest class, at least 1
   * @param quasiIdentifiers the release's quasi-identifiers; never null
   * @param finest the finest resolution, 0 to 15
   * @param coarsest the coarsest resolution, no finer than {@code finest}
   * @return the step
   */
  public static SpatialKAnonymity onH3(int k, Set<QuasiIdentifier> quasiIdentifiers, int finest, int coarsest) {
    return new SpatialKAnonymity(k, 0, List.of(), Cells.h3(finest, coarsest), quasiIdentifiers);
  }

  /**
   * Returns this step also requiring at least {@code m} places (addresses, anchor points) in every
   * released cell.
   *
   * @param m the fewest places, at least 1
   * @param places the places; never null or empty
   * @return a new step
   */
  public SpatialKAnonymity withPlaces(int m, List<LatLon> places) {
    return new SpatialKAnonymity(k, m, places, cells, others);
  }

  @Override
  public String name() {
    return "spatial-k-anonymity";
  }

  /** A single incident cannot be k-anonymous on its own: this step works on the whole set. */
  @Override
  public Optional<Incident> apply(Incident incident, ReleaseContext context) {
    return applyAll(List.of(incident), context).stream().findFirst();
  }

  @Override
  public List<Incident> applyAll(List<Incident> incidents, ReleaseContext context) {
    int n = incidents.size();
    Incident[] out = new Incident[n];
    String[] rest = new String[n];
    List<Integer> pending = new ArrayList<>();
    List<Integer> pointless = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Incident in = incidents.get(i);
      Optional<Location> loc = in.location();
      rest[i] = QuasiIdentifier.key(in, others);
      if (loc.isPresent() && loc.get().point().isPresent()) {
        pending.add(i);
      } else if (loc.isPresent()) {
        pointless.add(i);
      } else {
        out[i] = in; // nothing to generalise; the check still counts its class
      }
    }
    // One projection per incident; the class key is (cell, id of department/municipality + other
    // quasi-identifiers), so no string is built per level.
    long[][] cellIds = new long[n][];
    int[] group = new int[n];
    Map<String, Integer> groups = new HashMap<>();
    for (int i : pending) {
      cellIds[i] = cells.cells(incidents.get(i).location().get().point().get());
      group[i] = groups.computeIfAbsent(admin(incidents.get(i), 2) + rest[i], g -> groups.size());
    }
    for (int level = 0; level < cells.levels() && !pending.isEmpty(); level++) {
      Map<ClassKey, Integer> placeCounts = m == 0 ? Map.of() : placeCounts(level);
      Map<ClassKey, Integer> counts = new HashMap<>(pending.size() * 2);
      for (int i : pending) {
        counts.merge(new ClassKey(cellIds[i][level], group[i]), 1, Integer::sum);
      }
      List<Integer> next = new ArrayList<>();
      Map<ClassKey, LatLon> centres = new HashMap<>();
      double radius = cells.radiusMetres(level);
      for (int i : pending) {
        long cell = cellIds[i][level];
        boolean enough = counts.get(new ClassKey(cell, group[i])) >= k && (m == 0 || placeCounts.getOrDefault(new ClassKey(cell, 0), 0) >= m);
        if (enough) {
          final int lv = level;
          LatLon c = centres.computeIfAbsent(new ClassKey(cell, 0), id -> cells.centre(id.cell(), lv));
          out[i] = relocate(incidents.get(i), c, radius, 2);
        } else {
          next.add(i);
        }
      }
      pending = next;
    }
    pointless.addAll(pending);
    // Without a point, or when the largest cell was too small: municipality, then department.
    for (int depth = 2; depth >= 1 && !pointless.isEmpty(); depth--) {
      Map<String, Integer> counts = new HashMap<>();
      for (int i : pointless) {
        counts.merge(admin(incidents.get(i), depth) + rest[i], 1, Integer::sum);
      }
      List<Integer> next = new ArrayList<>();
      for (int i : pointless) {
        Incident in = incidents.get(i);
        AdminArea a = in.location().get().admin();
        boolean known = depth == 2 ? a.municipality().isPresent() : a.department().isPresent();
        if (known && counts.get(admin(in, depth) + rest[i]) >= k) {
          out[i] = relocate(in, null, 0, depth);
        } else {
          next.add(i);
        }
      }
      pointless = next;
    }
    for (int i : pointless) {
      context.suppress(incidents.get(i), name());
    }
    List<Incident> released = new ArrayList<>(n);
    for (Incident i : out) {
      if (i != null) {
        released.add(i);
      }
    }
    return released;
  }

  /** An equivalence class while cells grow: a cell and the rest of the quasi-identifiers. */
  private record ClassKey(long cell, int group) {
    /** Grid ids pack two similar numbers; mixed, so neighbouring cells do not collide in a map. */
    @Override
    public int hashCode() {
      long h = (cell + 31L * group) * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 29));
    }
  }

  private Map<ClassKey, Integer> placeCounts(int level) {
    Map<ClassKey, Integer> counts = new HashMap<>();
    for (LatLon p : places) {
      counts.merge(new ClassKey(cells.cell(p, level), 0), 1, Integer::sum);
    }
    return counts;
  }

  private static String admin(Incident in, int depth) {
    AdminArea a = in.location().map(Location::admin).orElse(AdminArea.NONE);
    return a.department().orElse("") + ";" + (depth >= 2 ? a.municipality().orElse("") : "") + "|";
  }

  private static Incident relocate(Incident in, LatLon centre, double radius, int depth) {
    AdminArea a = in.location().get().admin();
    Location.Builder b = Location.builder()
        .admin(new AdminArea(a.department(), depth >= 2 ? a.municipality() : Optional.empty(), Optional.empty()))
        .precision(LocationPrecision.AREA);
    if (centre != null) {
      b.point(centre).accuracyMetres(Math.round(radius));
    }
    return GeoSteps.withLocation(in, GeoSteps.orNull(b));
  }
}
