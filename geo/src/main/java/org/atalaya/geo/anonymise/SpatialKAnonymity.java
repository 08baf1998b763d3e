package org.atalaya.geo.anonymise;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.atalaya.anonymise.DatasetStep;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.SpatialGuarantee;
import org.atalaya.anonymise.internal.BuiltWhenRead;
import org.atalaya.anonymise.internal.ClassNumbers;
import org.atalaya.geo.crs.Crs;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.LocationPrecision;

/**
 * Spatial k-anonymity: replaces each point by the centre of the smallest cell that, together with
 * the incident's other quasi-identifiers, holds at least {@code k} incidents (and, when a places
 * layer is given, at least {@code m} places), or suppresses the incident when even the largest cell
 * is too small.
 *
 * <p>Cells are tried from the finest level up; at each level the incidents still pending are
 * grouped by (cell, department, municipality, other quasi-identifiers), and every group of at least
 * k is released at that level. Incidents without a point are grouped by municipality, then by
 * department. The colonia and the address are removed (they would split the classes again).
 * Suppressions are recorded with their area, so a failing release names the areas that fell short.
 * Immutable and thread-safe; the work of one call is local to it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SpatialKAnonymity implements DatasetStep {
  private final int k;
  private final int m;
  private final List<LatLon> places;
  private final Cells cells;
  private final Set<QuasiIdentifier> others;

  private SpatialKAnonymity(
      int k, int m, List<LatLon> places, Cells cells, Set<QuasiIdentifier> qis) {
    checkArgument(k >= 1, "k (%s) must be at least 1", k);
    checkArgument(m >= 0, "m (%s) must be zero or more", m);
    checkArgument(m == 0 || !places.isEmpty(), "m (%s) needs a places layer", m);
    this.k = k;
    this.m = m;
    this.places = List.copyOf(places);
    this.cells = cells;
    EnumSet<QuasiIdentifier> o =
        qis.isEmpty() ? EnumSet.noneOf(QuasiIdentifier.class) : EnumSet.copyOf(qis);
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
  public static SpatialKAnonymity onGrid(
      int k, Set<QuasiIdentifier> quasiIdentifiers, double startMetres, double maxMetres) {
    return new SpatialKAnonymity(
        k, 0, List.of(), Cells.grid(startMetres, maxMetres, Crs.UTM_16N), quasiIdentifiers);
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
  public static SpatialKAnonymity onH3(
      int k, Set<QuasiIdentifier> quasiIdentifiers, int finest, int coarsest) {
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

  @Override
  public Optional<SpatialGuarantee> spatialGuarantee() {
    return Optional.of(
        new SpatialGuarantee(
            SpatialGuarantee.Kind.K_ANONYMITY,
            "points replaced by the centre of the smallest "
                + cells.describe()
                + " holding at least "
                + k
                + " records that agree on every other quasi-identifier; else the municipality or"
                + " department; else suppressed"));
  }

  /**
   * Releases the incidents that reach k, in input order, and suppresses the others. The list
   * returned is immutable and builds each incident when it is read (reading one twice gives equal
   * incidents, not the same object): see {@code Relocated}.
   *
   * @param incidents the incidents; never null, not modified
   * @param context the release's context; never null
   * @return the released incidents, in input order
   */
  @Override
  public List<Incident> apply(List<Incident> incidents, ReleaseContext context) {
    // The classes follow the release's quasi-identifiers: every published part without another
    // role.
    EnumSet<QuasiIdentifier> others = EnumSet.copyOf(this.others);
    others.addAll(context.quasiIdentifiers());
    others.remove(QuasiIdentifier.LOCATION);
    others.remove(QuasiIdentifier.ID);
    int n = incidents.size();
    int levels = cells.levels();
    Incident[] out = new Incident[n];
    // The location each released incident gets; the incidents are built at the end, in parallel.
    @SuppressWarnings("unchecked")
    Optional<Location>[] released = new Optional[n];
    boolean[] hasPoint = new boolean[n];
    long[] cellIds = new long[n * levels];
    // Per record and pure (one projection per point): in parallel chunks whose results do not
    // depend on the order they run in. Everything that decides a class runs in input order.
    chunks(
        n,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            Optional<Location> loc = incidents.get(i).location();
            if (loc.isPresent() && loc.get().point().isPresent()) {
              hasPoint[i] = true;
              cells.cells(loc.get().point().get(), cellIds, i * levels);
            }
          }
        });
    // The class key is (cell, group), the group being the department, the municipality and the
    // other quasi-identifiers, numbered once: no key is built per record or per level.
    int[] group = ClassNumbers.of(incidents, others, 2);
    int[] pending = new int[n];
    int pendingSize = 0;
    List<Integer> pointless = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Incident in = incidents.get(i);
      if (hasPoint[i]) {
        pending[pendingSize++] = i;
      } else if (in.location().isPresent()) {
        pointless.add(i);
      } else {
        out[i] = in; // nothing to generalise; the check still counts its class
      }
    }
    // One table, slot array and location array for all levels, cleared at the start of each:
    // levels only shrink, and million-entry arrays are costly for the collector to allocate again.
    ClassTable counts = new ClassTable(pendingSize);
    int[] slot = new int[pendingSize];
    @SuppressWarnings("unchecked")
    Optional<Location>[] placed = new Optional[counts.capacity()];
    for (int level = 0; level < levels; level++) {
      if (pendingSize == 0) {
        break; // every point released
      }
      Map<ClassKey, Integer> placeCounts = m == 0 ? Map.of() : placeCounts(level);
      counts.clear();
      Arrays.fill(placed, null);
      for (int j = 0; j < pendingSize; j++) {
        int i = pending[j];
        slot[j] = counts.add(cellIds[i * levels + level], group[i]);
      }
      int nextSize = 0;
      Map<Long, LatLon> centres = new HashMap<>();
      double radius = cells.radiusMetres(level);
      // Every member of a class gets the same location: built once per class, shared.
      for (int j = 0; j < pendingSize; j++) {
        int i = pending[j];
        long cell = cellIds[i * levels + level];
        boolean enough =
            counts.count(slot[j]) >= k
                && (m == 0 || placeCounts.getOrDefault(new ClassKey(cell, 0), 0) >= m);
        if (enough) {
          if (placed[slot[j]] == null) {
            final int lv = level;
            LatLon c = centres.computeIfAbsent(cell, id -> cells.centre(id, lv));
            placed[slot[j]] = relocated(incidents.get(i), c, radius, 2);
          }
          released[i] = placed[slot[j]];
        } else {
          pending[nextSize++] = i;
        }
      }
      pendingSize = nextSize;
    }
    for (int j = 0; j < pendingSize; j++) {
      pointless.add(pending[j]);
    }
    // Without a point, or when the largest cell was too small: municipality, then department.
    for (int depth = 2; depth >= 1 && !pointless.isEmpty(); depth--) {
      List<Incident> rest = new ArrayList<>(pointless.size());
      for (int i : pointless) {
        rest.add(incidents.get(i));
      }
      int[] classOf = ClassNumbers.of(rest, others, depth);
      int[] sizes = new int[rest.size()];
      for (int c : classOf) {
        sizes[c]++;
      }
      List<Integer> next = new ArrayList<>();
      // One location per class, shared by its members, as for the cells above.
      @SuppressWarnings("unchecked")
      Optional<Location>[] byClass = new Optional[rest.size()];
      for (int r = 0; r < rest.size(); r++) {
        Incident in = rest.get(r);
        AdminArea a = in.location().get().admin();
        boolean known = depth == 2 ? a.municipality().isPresent() : a.department().isPresent();
        if (known && sizes[classOf[r]] >= k) {
          if (byClass[classOf[r]] == null) {
            byClass[classOf[r]] = relocated(in, null, 0, depth);
          }
          released[pointless.get(r)] = byClass[classOf[r]];
        } else {
          next.add(pointless.get(r));
        }
      }
      pointless = next;
    }
    for (int i : pointless) {
      context.suppress(incidents.get(i), name());
    }
    int[] kept = new int[n];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (out[i] != null || released[i] != null) {
        kept[size++] = i;
      }
    }
    // Copied (references only) so that a caller changing its list later cannot change the release.
    return new Relocated(List.copyOf(incidents), Arrays.copyOf(kept, size), released);
  }

  /**
   * The released incidents, each built when it is read: the input incident with its new location. A
   * release reads each one once or twice and builds its final record (a pseudonymised id) from it,
   * so building them here would add a million records for the collector to copy and then discard.
   * Immutable; reading an element twice gives equal incidents, not the same object.
   */
  private static final class Relocated extends AbstractList<Incident>
      implements RandomAccess, BuiltWhenRead {
    private final List<Incident> incidents;
    private final int[] kept;
    private final Optional<Location>[] released;

    Relocated(List<Incident> incidents, int[] kept, Optional<Location>[] released) {
      this.incidents = incidents;
      this.kept = kept;
      this.released = released;
    }

    @Override
    public Incident get(int index) {
      int i = kept[index];
      Incident in = incidents.get(i);
      return released[i] == null ? in : in.withLocation(released[i]);
    }

    @Override
    public Incident madeFrom(int index) {
      return incidents.get(kept[index]);
    }

    @Override
    public Optional<Location> location(int index) {
      int i = kept[index];
      return released[i] == null ? incidents.get(i).location() : released[i];
    }

    @Override
    public Incident withId(int index, String id) {
      return GeoSteps.with(madeFrom(index), id, location(index));
    }

    @Override
    public int size() {
      return kept.length;
    }
  }

  /** Records per chunk of the parallel preparation. */
  private static final int CHUNK = 1 << 14;

  private static void chunks(int n, Range work) {
    int chunks = n / CHUNK + 1; // the last may be empty
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              int from = c * CHUNK;
              work.run(from, Math.min(n, from + CHUNK));
            });
  }

  /** Work on records {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  private interface Range {
    void run(int from, int to);
  }

  /**
   * Counts records per (cell, group) without boxing: open addressing over parallel arrays, sized
   * once for the records of a level. {@link #add} returns the class's slot.
   */
  private static final class ClassTable {
    private final long[] cells;
    private final int[] groups;
    private final int[] counts;
    private final int mask;

    ClassTable(int records) {
      // A power of two more than twice the records (at least 8): probes stay short.
      int capacity = Math.max(8, Integer.highestOneBit(records) << 2);
      cells = new long[capacity];
      groups = new int[capacity];
      counts = new int[capacity];
      mask = capacity - 1;
    }

    int add(long cell, int group) {
      int h = mix(cell, group) & mask;
      while (counts[h] != 0 && (cells[h] != cell || groups[h] != group)) {
        h++;
        h &= mask;
      }
      cells[h] = cell;
      groups[h] = group;
      counts[h]++;
      return h;
    }

    int count(int slot) {
      return counts[slot];
    }

    int capacity() {
      return counts.length;
    }

    /** Empties the table; the stale cells and groups are ignored where the count is 0. */
    void clear() {
      Arrays.fill(counts, 0);
    }
  }

  /** An equivalence class while cells grow: a cell and the rest of the quasi-identifiers. */
  private record ClassKey(long cell, int group) {
    @Override
    public int hashCode() {
      return mix(cell, group);
    }
  }

  /**
   * The hash of a class: grid ids pack two similar numbers, so they are mixed (Fibonacci hashing)
   * lest neighbouring cells collide. Any value would be correct; only the speed depends on it.
   */
  static int mix(long cell, int group) {
    long key = cell + group * 31L;
    long x = key * 0x9E3779B97F4A7C15L;
    return (int) (x ^ (x >>> 29));
  }

  private Map<ClassKey, Integer> placeCounts(int level) {
    Map<ClassKey, Integer> counts = new HashMap<>();
    for (LatLon p : places) {
      counts.merge(new ClassKey(cells.cell(p, level), 0), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Returns the location an incident is released with: the cell's centre (when given) and the
   * incident's department and, at depth 2, municipality.
   */
  private static Optional<Location> relocated(
      Incident in, LatLon centre, double radius, int depth) {
    AdminArea a = in.location().get().admin();
    Location.Builder b =
        Location.builder()
            .admin(
                new AdminArea(
                    a.department(),
                    depth >= 2 ? a.municipality() : Optional.empty(),
                    Optional.empty()))
            .precision(LocationPrecision.AREA);
    if (centre != null) {
      b.point(centre).accuracyMetres(Math.round(radius));
    }
    return Optional.ofNullable(GeoSteps.orNull(b));
  }
}
