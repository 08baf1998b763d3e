package org.atalaya.anonymise;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.TimeWindow;

/**
 * Numbers the equivalence classes of a list of incidents: two incidents get the same number
 * exactly when they agree on every given quasi-identifier, compared as {@link QuasiIdentifier#key}
 * describes them (the point by its exact bits, the administrative codes and the address; the
 * occurred window by its epoch seconds and precision; the ICCS code; the victims' sexes or ages).
 * Classes are numbered from 0 in the order of their first member, so the numbers are the same on
 * every machine.
 *
 * <p>This is the one class key of k-anonymity, its check and its report. It compares the parts
 * themselves instead of building a text key per incident, which cost a million strings per
 * release; a hash only chooses where to look, equality is always decided on the parts.
 *
 * <p>Internal: shared by {@link Release} and the spatial steps of the geo module; not part of the
 * API, and use of this class outside Atalaya is not supported. Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ClassNumbers {
  /** Records per chunk of the parallel hashing. */
  private static final int CHUNK = 1 << 14;

  private ClassNumbers() {}

  /**
   * Returns the class number of each incident over {@code qis}.
   *
   * @param incidents the incidents; never null
   * @param qis the quasi-identifiers; never null, may be empty (one class)
   * @return the numbers, one per incident, from 0 to the number of classes minus 1; never {@code
   *     null}
   */
  public static int[] of(List<Incident> incidents, Collection<QuasiIdentifier> qis) {
    return of(incidents, qis, 0);
  }

  /**
   * Returns the class number of each incident over {@code qis} and, in addition, its department
   * ({@code adminDepth} 1) or its department and municipality ({@code adminDepth} 2).
   *
   * @param incidents the incidents; never null
   * @param qis the quasi-identifiers; never null, may be empty
   * @param adminDepth 0, 1 or 2
   * @return the numbers, one per incident, from 0 to the number of classes minus 1; never {@code
   *     null}
   */
  public static int[] of(List<Incident> incidents, Collection<QuasiIdentifier> qis, int adminDepth) {
    Objects.requireNonNull(incidents, "incidents must not be null");
    com.google.common.base.Preconditions.checkArgument(adminDepth >= 0 && adminDepth <= 2, "adminDepth (%s) must be 0, 1 or 2", adminDepth);
    Key key = new Key(qis, adminDepth);
    int n = incidents.size();
    Incident[] records = incidents.toArray(new Incident[0]);
    long[] hashes = new long[n];
    // Victim parts are rare quasi-identifiers: their text form is compared, built once per record.
    String[] victims = key.victims.isEmpty() ? null : new String[n];
    int chunks = (n + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks).parallel().forEach(c -> {
      for (int i = c * CHUNK, to = Math.min(n, i + CHUNK); i < to; i++) {
        if (victims != null) {
          victims[i] = QuasiIdentifier.key(records[i], key.victims);
        }
        hashes[i] = key.hash(records[i], victims == null ? null : victims[i]);
      }
    });
    // Open addressing: each slot holds the first member of a class (plus 1; 0 is empty).
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] first = new int[capacity];
    int[] number = new int[capacity];
    int[] out = new int[n];
    int classes = 0;
    for (int i = 0; i < n; i++) {
      int h = (int) hashes[i] & mask;
      while (true) {
        int j = first[h] - 1;
        if (j < 0) {
          first[h] = i + 1;
          number[h] = classes;
          out[i] = classes++;
          break;
        }
        if (hashes[j] == hashes[i] && key.same(records[i], records[j], victims == null ? null : victims[i], victims == null ? null : victims[j])) {
          out[i] = number[h];
          break;
        }
        h = (h + 1) & mask;
      }
    }
    return out;
  }

  /** Which parts make the key, with their hash and their equality. */
  private static final class Key {
    final boolean location;
    final boolean time;
    final boolean category;
    final int adminDepth;
    final EnumSet<QuasiIdentifier> victims = EnumSet.noneOf(QuasiIdentifier.class);

    Key(Collection<QuasiIdentifier> qis, int adminDepth) {
      this.location = qis.contains(QuasiIdentifier.LOCATION);
      this.time = qis.contains(QuasiIdentifier.TIME);
      this.category = qis.contains(QuasiIdentifier.CATEGORY);
      this.adminDepth = adminDepth;
      for (QuasiIdentifier q : qis) {
        if (q == QuasiIdentifier.VICTIM_SEX || q == QuasiIdentifier.VICTIM_AGE) {
          victims.add(q);
        }
      }
    }

    long hash(Incident in, String victimPart) {
      long h = 1;
      if (location) {
        Optional<Location> l = in.location();
        if (l.isPresent()) {
          Optional<LatLon> p = l.get().point();
          if (p.isPresent()) {
            h = mix(h, Double.doubleToLongBits(p.get().latitude()));
            h = mix(h, Double.doubleToLongBits(p.get().longitude()));
          }
          AdminArea a = l.get().admin();
          h = mix(h, a.department().hashCode());
          h = mix(h, a.municipality().hashCode());
          h = mix(h, a.colonia().hashCode());
          h = mix(h, l.get().address().hashCode());
        } else {
          h = mix(h, 7);
        }
      }
      if (time) {
        Optional<TimeWindow> o = in.occurred();
        if (o.isPresent()) {
          h = mix(h, o.get().from().toEpochSecond());
          h = mix(h, o.get().to().toEpochSecond());
          h = mix(h, o.get().precision().ordinal());
        } else {
          h = mix(h, 11);
        }
      }
      if (category) {
        h = mix(h, in.iccs().hashCode());
      }
      if (adminDepth > 0) {
        AdminArea a = admin(in);
        h = mix(h, a.department().hashCode());
        h = mix(h, adminDepth >= 2 ? a.municipality().hashCode() : 0);
      }
      if (victimPart != null) {
        h = mix(h, victimPart.hashCode());
      }
      // Murmur3's finaliser: neighbouring points and months must not share low bits.
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      h ^= h >>> 33;
      h *= 0xc4ceb9fe1a85ec53L;
      return h ^ (h >>> 33);
    }

    boolean same(Incident a, Incident b, String victimsA, String victimsB) {
      if (location && !sameLocation(a.location(), b.location())) {
        return false;
      }
      if (time && !sameTime(a.occurred(), b.occurred())) {
        return false;
      }
      if (category && !a.iccs().equals(b.iccs())) {
        return false;
      }
      if (adminDepth > 0) {
        AdminArea x = admin(a);
        AdminArea y = admin(b);
        if (!x.department().equals(y.department()) || (adminDepth >= 2 && !x.municipality().equals(y.municipality()))) {
          return false;
        }
      }
      return victimsA == null || victimsA.equals(victimsB);
    }

    private static boolean sameLocation(Optional<Location> a, Optional<Location> b) {
      if (a.isEmpty() || b.isEmpty()) {
        return a.isEmpty() && b.isEmpty();
      }
      Location x = a.get();
      Location y = b.get();
      Optional<LatLon> p = x.point();
      Optional<LatLon> q = y.point();
      if (p.isPresent() != q.isPresent()) {
        return false;
      }
      if (p.isPresent() && (Double.doubleToLongBits(p.get().latitude()) != Double.doubleToLongBits(q.get().latitude())
          || Double.doubleToLongBits(p.get().longitude()) != Double.doubleToLongBits(q.get().longitude()))) {
        return false;
      }
      return x.admin().department().equals(y.admin().department())
          && x.admin().municipality().equals(y.admin().municipality())
          && x.admin().colonia().equals(y.admin().colonia())
          && x.address().equals(y.address());
    }

    private static boolean sameTime(Optional<TimeWindow> a, Optional<TimeWindow> b) {
      if (a.isEmpty() || b.isEmpty()) {
        return a.isEmpty() && b.isEmpty();
      }
      TimeWindow x = a.get();
      TimeWindow y = b.get();
      return x.from().toEpochSecond() == y.from().toEpochSecond() && x.to().toEpochSecond() == y.to().toEpochSecond()
          && x.precision() == y.precision();
    }

    private static AdminArea admin(Incident in) {
      return in.location().isPresent() ? in.location().get().admin() : AdminArea.NONE;
    }

    private static long mix(long h, long v) {
      return (h + v) * 0x9E3779B97F4A7C15L;
    }
  }
}
