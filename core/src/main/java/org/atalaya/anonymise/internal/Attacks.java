package org.atalaya.anonymise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.atalaya.anonymise.AttackProfile;
import org.atalaya.anonymise.AttackResult;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimeWindow;
import org.atalaya.taxonomy.IccsCode;

/**
 * Runs {@link AttackProfile}s against a release: for each target, counts the released records
 * consistent with what the attacker knows (see {@link AttackProfile} for the rules), stopping at k,
 * since only counts below k matter.
 *
 * <p>Released records are first gathered into sites: records that agree on every known part but the
 * location and share one published location count together. A target then visits only the sites of
 * its group in the grid cells within the release's largest displacement of its true point, and
 * keeps those within each site's own reach.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Attacks {
  /** Targets per chunk of the parallel counting. */
  private static final int CHUNK = 1 << 12;

  /** Metres per degree of latitude (mean); longitude scales by the cosine of the latitude. */
  private static final double METRES_PER_DEGREE = 111_195;

  private final int n;
  private final IntFunction<Incident> record;
  private final IntFunction<Optional<Location>> location;
  private final int k;
  private final double reach;
  private final double allowance;

  /**
   * An attacker whose reach is the release's largest displacement for every published point.
   *
   * @param n released records
   * @param record released record r (its parts; its id is never read but for the id part)
   * @param location released record r's published location
   * @param k the policy's k
   * @param maxDisplacement the release's largest displacement, metres: the attacker's reach
   */
  public Attacks(
      int n,
      IntFunction<Incident> record,
      IntFunction<Optional<Location>> location,
      int k,
      double maxDisplacement) {
    this(n, record, location, k, maxDisplacement, Double.POSITIVE_INFINITY);
  }

  /**
   * An attacker who also reads each published point's stated accuracy: a point is within reach when
   * it lies within its stated accuracy plus {@code allowance} of the true point (and within the
   * largest displacement). With the allowance of {@link #allowance}, every released point lies
   * within its own reach of its true point, so the rule never loses the target's own record.
   *
   * @param allowance metres added to each stated accuracy, zero or more
   */
  public Attacks(
      int n,
      IntFunction<Incident> record,
      IntFunction<Optional<Location>> location,
      int k,
      double maxDisplacement,
      double allowance) {
    this.n = n;
    this.record = record;
    this.location = location;
    this.k = k;
    // A hair more than the largest displacement: the report rounds, distances differ in the last
    // bits.
    this.reach = maxDisplacement * (1 + 1e-9) + 1e-6;
    this.allowance = allowance;
  }

  /**
   * Returns the smallest allowance with which every released point lies within its stated accuracy
   * plus the allowance of its true point: how far the points moved beyond what they say.
   *
   * @param input the input
   * @param sources for each released record, its input record's index, or -1
   * @param location released record r's published location
   * @return metres, zero or more
   */
  public static double allowance(
      List<Incident> input, int[] sources, IntFunction<Optional<Location>> location) {
    double[] beyond = new double[Chunks.count(sources.length)];
    Chunks.forEach(
        sources.length,
        c -> {
          double most = 0;
          for (int r = c * Chunks.SIZE, to = Math.min(sources.length, r + Chunks.SIZE);
              r < to;
              r++) {
            Optional<LatLon> published =
                sources[r] < 0 ? Optional.empty() : location.apply(r).flatMap(Location::point);
            Optional<LatLon> truth =
                published.isEmpty()
                    ? Optional.empty()
                    : input.get(sources[r]).location().flatMap(Location::point);
            if (truth.isPresent()) {
              double d =
                  PointChanges.haversine(
                      truth.get().latitude(),
                      truth.get().longitude(),
                      published.get().latitude(),
                      published.get().longitude());
              most = Math.max(most, d - location.apply(r).get().accuracyMetres().orElse(0));
            }
          }
          beyond[c] = most;
        });
    double most = 0;
    for (double b : beyond) {
      most = Math.max(most, b);
    }
    return most;
  }

  /**
   * The reach of a published point: its stated accuracy plus the allowance, at most the largest
   * displacement.
   */
  private double reachOf(Location published) {
    double own = published.accuracyMetres().orElse(0) + allowance;
    return Math.min(reach, own * (1 + 1e-9) + 1e-6);
  }

  /**
   * Runs the neighbour or victim profile: every released record whose source is known is a target;
   * the attacker knows its source's true location and the released values of the other known parts.
   *
   * @param profile the profile, for the result
   * @param knows the parts the attacker knows
   * @param input the input
   * @param sources for each released record, its input record's index, or -1
   * @param maxShare the largest share of targets that may be at risk
   */
  public AttackResult ofReleased(
      AttackProfile profile,
      Set<QuasiIdentifier> knows,
      List<Incident> input,
      int[] sources,
      double maxShare) {
    EnumSet<QuasiIdentifier> others = EnumSet.noneOf(QuasiIdentifier.class);
    others.addAll(knows);
    others.remove(QuasiIdentifier.LOCATION);
    boolean located = knows.contains(QuasiIdentifier.LOCATION);
    ClassNumbers.Rows rows = ClassNumbers.rows(n, others);
    Chunks.forEach(
        n,
        c -> {
          for (int r = c * Chunks.SIZE, to = Math.min(n, r + Chunks.SIZE); r < to; r++) {
            rows.write(r, record.apply(r), location.apply(r));
          }
        });
    int[] group = rows.number();
    Sites sites = new Sites(group, located);
    long[][] counts = new long[(n + CHUNK - 1) / CHUNK][k];
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] areas = new Map[counts.length];
    IntStream.range(0, counts.length)
        .parallel()
        .forEach(
            c -> {
              Map<String, Integer> a = new TreeMap<>();
              for (int r = c * CHUNK, to = Math.min(n, r + CHUNK); r < to; r++) {
                if (sources[r] < 0) {
                  continue;
                }
                Optional<Location> truth = input.get(sources[r]).location();
                int found =
                    located ? sites.count(group[r], truth, k) : sites.groupSize(group[r], k);
                if (found < k) {
                  counts[c][found]++;
                  a.merge(Areas.name(location.apply(r)), 1, Integer::sum);
                }
              }
              areas[c] = a;
            });
    long targets = 0;
    for (int s : sources) {
      targets += s >= 0 ? 1 : 0;
    }
    return result(profile, knows, targets, counts, areas, maxShare);
  }

  /**
   * Runs the register profile: every register entry is a target, matched by compatibility (see
   * {@link AttackProfile#REGISTER}) on the parts the register holds.
   */
  public AttackResult ofRegister(
      List<Incident> register, Set<QuasiIdentifier> knows, double maxShare) {
    // Sites are gathered whatever the register knows: without the location, every site is read.
    Sites sites = new Sites(new int[n], true);
    long[][] counts = new long[(register.size() + CHUNK - 1) / CHUNK][k];
    @SuppressWarnings("unchecked")
    Map<String, Integer>[] areas = new Map[counts.length];
    IntStream.range(0, counts.length)
        .parallel()
        .forEach(
            c -> {
              Map<String, Integer> a = new TreeMap<>();
              for (int e = c * CHUNK, to = Math.min(register.size(), e + CHUNK); e < to; e++) {
                Incident entry = register.get(e);
                int found = sites.countCompatible(entry, knows, k);
                if (found < k) {
                  counts[c][found]++;
                  if (found > 0) {
                    a.merge(ReleaseContext.areaName(entry), 1, Integer::sum);
                  }
                }
              }
              areas[c] = a;
            });
    return result(AttackProfile.REGISTER, knows, register.size(), counts, areas, maxShare);
  }

  private AttackResult result(
      AttackProfile profile,
      Set<QuasiIdentifier> knows,
      long targets,
      long[][] counts,
      Map<String, Integer>[] areas,
      double maxShare) {
    long[] total = new long[k];
    Map<String, Integer> byArea = new TreeMap<>();
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < k; i++) {
        total[i] += counts[c][i];
      }
      areas[c].forEach((area, m) -> byArea.merge(area, m, Integer::sum));
    }
    long atRisk = 0;
    for (int i = 1; i < k; i++) {
      atRisk += total[i];
    }
    List<Long> histogram = new ArrayList<>(k);
    for (long t : total) {
      histogram.add(t);
    }
    boolean passed = targets == 0 || atRisk <= maxShare * targets + 1e-9;
    return new AttackResult(
        profile,
        knows,
        targets,
        histogram,
        atRisk,
        k > 1 ? total[1] : 0,
        ReleaseChecks.areas(byArea).toString(),
        passed);
  }

  /**
   * Released records gathered by group and published location, with counts, and indexed by grid
   * cells of the attacker's reach.
   */
  private final class Sites {
    private final int[] group;
    private final double cell;
    private final double cosine;

    /** The sites of each (group, grid cell), for records with a point. */
    private final Map<CellKey, List<Site>> byCell = new HashMap<>();

    /** The sites of each group without a point (administrative codes only, or no location). */
    private final Map<Integer, List<Site>> pointless = new HashMap<>();

    private final int[] groupSizes;

    Sites(int[] group, boolean located) {
      this.group = group;
      // Equirectangular cells a little larger than the reach: great-circle and flat distances
      // differ slightly.
      this.cell = Math.max(reach * 1.01, 1);
      double farthest = 0;
      for (int r = 0; r < n && located; r++) {
        Optional<LatLon> p = location.apply(r).flatMap(Location::point);
        if (p.isPresent()) {
          farthest = Math.max(farthest, Math.abs(p.get().latitude()));
        }
      }
      this.cosine =
          Math.cos(Math.toRadians(Math.min(89, farthest + cell / METRES_PER_DEGREE + 0.01)));
      int groups = 0;
      for (int g : group) {
        groups = Math.max(groups, g + 1);
      }
      groupSizes = new int[groups];
      Map<SiteKey, Site> sites = new HashMap<>();
      for (int r = 0; r < n; r++) {
        groupSizes[group[r]]++;
        if (!located) {
          continue;
        }
        Optional<Location> l = location.apply(r);
        Optional<LatLon> p = l.flatMap(Location::point);
        AdminArea a = l.map(Location::admin).orElse(AdminArea.NONE);
        SiteKey key =
            new SiteKey(
                group[r],
                p.orElse(null),
                a,
                l.isPresent() ? l.get().accuracyMetres().orElse(-1) : -1);
        Site s = sites.get(key);
        if (s == null) {
          s = new Site(p.orElse(null), a, p.isPresent() ? reachOf(l.get()) : 0);
          sites.put(key, s);
          if (p.isPresent()) {
            byCell
                .computeIfAbsent(
                    cellOf(group[r], p.get().latitude(), p.get().longitude(), 0, 0),
                    x -> new ArrayList<>(2))
                .add(s);
          } else {
            pointless.computeIfAbsent(group[r], x -> new ArrayList<>(2)).add(s);
          }
        }
        s.add(r);
      }
    }

    int groupSize(int g, int cap) {
      return Math.min(cap, groupSizes[g]);
    }

    /** Records of group {@code g} consistent with the true location, counted up to {@code cap}. */
    int count(int g, Optional<Location> truth, int cap) {
      AdminArea admin = truth.map(Location::admin).orElse(AdminArea.NONE);
      Optional<LatLon> p = truth.flatMap(Location::point);
      int found = 0;
      for (Site s : pointless.getOrDefault(g, List.of())) {
        if (compatible(s.admin, admin)) {
          found += s.count;
          if (found >= cap) {
            return cap;
          }
        }
      }
      if (p.isEmpty()) {
        // Only the codes are known: any point in a compatible area may be the target's.
        for (Map.Entry<CellKey, List<Site>> e : byCell.entrySet()) {
          if (e.getKey().group == g) {
            for (Site s : e.getValue()) {
              if (compatible(s.admin, admin)) {
                found += s.count;
                if (found >= cap) {
                  return cap;
                }
              }
            }
          }
        }
        return found;
      }
      double lat = p.get().latitude();
      double lon = p.get().longitude();
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          for (Site s : byCell.getOrDefault(cellOf(g, lat, lon, dx, dy), List.of())) {
            if (compatible(s.admin, admin)
                && PointChanges.haversine(lat, lon, s.point.latitude(), s.point.longitude())
                    <= s.reach) {
              found += s.count;
              if (found >= cap) {
                return cap;
              }
            }
          }
        }
      }
      return found;
    }

    /**
     * Released records compatible with a register entry on the parts it knows, up to {@code cap}.
     */
    int countCompatible(Incident entry, Set<QuasiIdentifier> knows, int cap) {
      Optional<LatLon> p = entry.location().flatMap(Location::point);
      AdminArea admin = entry.location().map(Location::admin).orElse(AdminArea.NONE);
      int found = 0;
      List<List<Site>> near = new ArrayList<>();
      if (knows.contains(QuasiIdentifier.LOCATION) && p.isPresent()) {
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            near.add(
                byCell.getOrDefault(
                    cellOf(0, p.get().latitude(), p.get().longitude(), dx, dy), List.of()));
          }
        }
        near.add(pointless.getOrDefault(0, List.of()));
      } else {
        near.addAll(byCell.values());
        near.add(pointless.getOrDefault(0, List.of()));
      }
      for (List<Site> list : near) {
        for (Site s : list) {
          if (knows.contains(QuasiIdentifier.LOCATION)) {
            if (!compatible(s.admin, admin)) {
              continue;
            }
            if (s.point != null
                && p.isPresent()
                && PointChanges.haversine(
                        p.get().latitude(),
                        p.get().longitude(),
                        s.point.latitude(),
                        s.point.longitude())
                    > s.reach) {
              continue;
            }
          }
          // Sites gather records of one published location; the other parts are checked record by
          // record.
          for (int r : s.members()) {
            if (compatible(entry, record.apply(r), knows) && ++found >= cap) {
              return cap;
            }
          }
        }
      }
      return found;
    }

    private CellKey cellOf(int g, double lat, double lon, int dx, int dy) {
      // One east-west scale for all, the smallest cosine met: two points within reach are then at
      // most one cell apart in each direction (a per-row scale shifts columns between rows).
      long row = (long) Math.floor(lat * METRES_PER_DEGREE / cell);
      long col = (long) Math.floor(lon * METRES_PER_DEGREE * cosine / cell);
      return new CellKey(g, col + dx, row + dy);
    }

    /** Released records that share a group and a published location. */
    private static final class Site {
      final LatLon point;
      final AdminArea admin;

      /** How far from a true point this published point may lie and still be its record. */
      final double reach;

      int count;
      private int[] members = new int[1];

      Site(LatLon point, AdminArea admin, double reach) {
        this.point = point;
        this.admin = admin;
        this.reach = reach;
      }

      void add(int r) {
        if (count == members.length) {
          members = Arrays.copyOf(members, count * 2);
        }
        members[count++] = r;
      }

      int[] members() {
        return Arrays.copyOf(members, count);
      }
    }
  }

  /**
   * A published code is consistent with the truth when it is absent, equal to it, or the truth has
   * none (a step may have found the code from the point, which the attacker could do too).
   */
  public static boolean compatible(AdminArea published, AdminArea truth) {
    return fits(published.department(), truth.department())
        && fits(published.municipality(), truth.municipality())
        && fits(published.colonia(), truth.colonia());
  }

  private static boolean fits(Optional<String> published, Optional<String> truth) {
    return published.isEmpty() || truth.isEmpty() || published.equals(truth);
  }

  /**
   * Whether released record {@code out} may be register entry {@code entry} on the parts known (the
   * location's distance is checked by the caller): times overlap, ICCS codes are on one branch, and
   * every other part is withheld in the release or equal.
   */
  static boolean compatible(Incident entry, Incident out, Set<QuasiIdentifier> knows) {
    for (QuasiIdentifier q : knows) {
      switch (q) {
        case LOCATION -> {}
        case TIME -> {
          if (entry.occurred().isPresent()
              && out.occurred().isPresent()
              && !overlap(entry.occurred().get(), out.occurred().get())) {
            return false;
          }
        }
        case CATEGORY -> {
          if (entry.iccs().isPresent()
              && out.iccs().isPresent()
              && !oneBranch(entry.iccs().get(), out.iccs().get())) {
            return false;
          }
        }
        default -> {
          Object published = q.value(out, out.location());
          Object truth = q.value(entry, entry.location());
          if (published != null && truth != null && !published.equals(truth)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean overlap(TimeWindow a, TimeWindow b) {
    return !a.to().toInstant().isBefore(b.from().toInstant())
        && !b.to().toInstant().isBefore(a.from().toInstant());
  }

  private static boolean oneBranch(IccsCode a, IccsCode b) {
    return a.value().startsWith(b.value()) || b.value().startsWith(a.value());
  }

  private record CellKey(int group, long col, long row) {}

  private record SiteKey(int group, LatLon point, AdminArea admin, double accuracy) {}
}
