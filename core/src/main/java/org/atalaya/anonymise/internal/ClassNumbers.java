package org.atalaya.anonymise.internal;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.incident.AdminArea;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.TimeWindow;

/**
 * Numbers the equivalence classes of a list of incidents: two incidents get the same number exactly
 * when they agree on every given quasi-identifier, compared as {@link QuasiIdentifier#key}
 * describes them (the point and its stated accuracy by their exact bits, the precision, the
 * administrative codes and the address; the occurred window by its epoch seconds and precision; the
 * ICCS code; the victims' parts as sorted lists; every other part by its value's equality). Classes
 * are numbered from 0 in the order of their first member, so the numbers are the same on every
 * machine.
 *
 * <p>This is the one class key of k-anonymity, its check and its report. It compares the parts
 * themselves instead of building a text key per incident, which cost a million strings per release;
 * a hash only chooses where to look, equality is always decided on the parts.
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
  public static int[] of(
      List<Incident> incidents, Collection<QuasiIdentifier> qis, int adminDepth) {
    Objects.requireNonNull(incidents, "incidents must not be null");
    Preconditions.checkArgument(
        adminDepth >= 0 && adminDepth <= 2, "adminDepth (%s) must be 0, 1 or 2", adminDepth);
    List<Incident> records =
        incidents instanceof RandomAccess ? incidents : new ArrayList<>(incidents);
    int n = records.size();
    Rows rows = new Rows(qis, adminDepth, n);
    int chunks = (n + CHUNK - 1) / CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            c -> {
              for (int i = c * CHUNK, to = Math.min(n, i + CHUNK); i < to; i++) {
                rows.write(i, records.get(i));
              }
            });
    return rows.number();
  }

  /**
   * Returns empty rows for {@code n} incidents over {@code qis}: for a caller that reads the
   * incidents anyway and writes each one's row as it goes, then numbers them.
   *
   * @param n how many incidents
   * @param qis the quasi-identifiers; never null, may be empty (one class)
   * @return the rows; never {@code null}
   */
  public static Rows rows(int n, Collection<QuasiIdentifier> qis) {
    return new Rows(qis, 0, n);
  }

  /**
   * The class keys of {@code n} incidents, as rows of numbers and references. Each record's parts
   * are written to its rows (from any thread, each record once); the classes are then found in
   * input order from the rows alone, without walking the records' object graphs again (that walk, a
   * cache miss per part, was most of the cost).
   */
  public static final class Rows {
    private final Key key;
    private final int longs;
    private final int refs;
    private final long[] numbers;
    private final Object[] references;
    private final long[] hashes;

    private Rows(Collection<QuasiIdentifier> qis, int adminDepth, int n) {
      this.key = new Key(qis, adminDepth);
      this.longs = key.longs();
      this.refs = key.refs();
      this.numbers = new long[n * longs];
      this.references = new Object[n * refs];
      this.hashes = new long[n];
    }

    /**
     * Writes the row of incident {@code i}. Rows of different incidents may be written from
     * different threads; the caller numbers them after all writes have finished.
     *
     * @param i the incident's position
     * @param incident the incident; never null
     */
    public void write(int i, Incident incident) {
      write(i, incident, incident.location());
    }

    /**
     * As {@link #write(int, Incident)}, for the incident with its location replaced by {@code
     * location}.
     *
     * @param i the incident's position
     * @param incident the incident; never null
     * @param location the location to use instead of the incident's; never null
     */
    public void write(int i, Incident incident, Optional<Location> location) {
      key.write(incident, location, numbers, i * longs, references, i * refs);
      hashes[i] = hash(numbers, i * longs, longs, references, i * refs, refs);
    }

    /**
     * Returns the class number of each incident, from 0 in the order of first members.
     *
     * @return the numbers; never {@code null}
     */
    public int[] number() {
      int n = hashes.length;
      // Open addressing: each slot holds the first member of a class (plus 1; 0 is empty).
      int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
      int mask = capacity - 1;
      int[] first = new int[capacity];
      int[] out = new int[n];
      int classes = 0;
      for (int i = 0; i < n; i++) {
        int h = (int) hashes[i] & mask;
        while (true) {
          int j = first[h] - 1;
          if (j < 0) {
            first[h] = i + 1;
            out[i] = classes++;
            break;
          }
          if (hashes[j] == hashes[i]
              && Arrays.equals(
                  numbers, i * longs, i * longs + longs, numbers, j * longs, j * longs + longs)
              && Arrays.equals(
                  references, i * refs, i * refs + refs, references, j * refs, j * refs + refs)) {
            out[i] = out[j];
            break;
          }
          h = (h + 1) & mask;
        }
      }
      return out;
    }
  }

  private static long hash(
      long[] numbers, int from, int longs, Object[] references, int at, int refs) {
    long h = 1;
    for (int x = from; x < from + longs; x++) {
      h = (h + numbers[x]) * 0x9E3779B97F4A7C15L;
    }
    for (int x = at; x < at + refs; x++) {
      h = (h + Objects.hashCode(references[x])) * 0x9E3779B97F4A7C15L;
    }
    // Murmur3's finaliser: neighbouring points and months must not share low bits.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /**
   * Which parts make the key, and how a record's parts are written: numbers (presence flags, the
   * point's and accuracy's bits, the window's epoch seconds, the small enumerations packed into one
   * word) and references (codes, address, texts, the victims' text form, histories), compared by
   * {@link Object#equals}; an absent part is written as 0 or null.
   */
  private static final class Key {
    final boolean location;
    final boolean time;
    final boolean category;
    final int adminDepth;
    final EnumSet<QuasiIdentifier> victims = EnumSet.noneOf(QuasiIdentifier.class);

    /** The enumerations and flags packed into one number, in this order, 8 bits each. */
    final List<QuasiIdentifier> packed = new ArrayList<>();

    /** The parts compared as one reference each, in this order. */
    final List<QuasiIdentifier> objects = new ArrayList<>();

    Key(Collection<QuasiIdentifier> qis, int adminDepth) {
      this.location = qis.contains(QuasiIdentifier.LOCATION);
      this.time = qis.contains(QuasiIdentifier.TIME);
      this.category = qis.contains(QuasiIdentifier.CATEGORY);
      this.adminDepth = adminDepth;
      EnumSet<QuasiIdentifier> ordered = EnumSet.noneOf(QuasiIdentifier.class);
      ordered.addAll(qis);
      for (QuasiIdentifier q : ordered) {
        switch (q) {
          case VICTIM_SEX, VICTIM_AGE, VICTIM_RELATIONSHIP, VICTIM_OUTCOME -> victims.add(q);
          case ATTEMPT,
              MECHANISM,
              PLACE_TYPE,
              DOMESTIC,
              ORGANISED_CRIME,
              SOURCE,
              PUBLICATION,
              SENSITIVITY ->
              packed.add(q);
          case SOURCE_CATEGORY, REPORTED_AT, CASE_HISTORY, NARRATIVE, ATTRIBUTES, SOURCE_REFS, ID ->
              objects.add(q);
          default -> {}
        }
      }
    }

    int longs() {
      return (location ? 4 : 0) + (time ? 3 : 0) + (packed.isEmpty() ? 0 : 1);
    }

    int refs() {
      return (location ? 4 : 0)
          + (category ? 1 : 0)
          + adminDepth
          + (victims.isEmpty() ? 0 : 1)
          + objects.size();
    }

    void write(
        Incident in, Optional<Location> l, long[] numbers, int n, Object[] references, int r) {
      if (location) {
        if (l.isPresent()) {
          Location at = l.get();
          Optional<LatLon> p = at.point();
          // 1: a location without a point, 2: with one (whose exact bits follow); the precision and
          // the stated accuracy are published too.
          numbers[n] = (p.isPresent() ? 2 : 1) | (long) at.precision().ordinal() << 8;
          if (p.isPresent()) {
            numbers[n + 1] = Double.doubleToLongBits(p.get().latitude());
            numbers[n + 2] = Double.doubleToLongBits(p.get().longitude());
          }
          numbers[n + 3] =
              at.accuracyMetres().isPresent()
                  ? Double.doubleToLongBits(at.accuracyMetres().getAsDouble())
                  : 1;
          AdminArea a = at.admin();
          references[r] = a.department().orElse(null);
          references[r + 1] = a.municipality().orElse(null);
          references[r + 2] = a.colonia().orElse(null);
          references[r + 3] = at.address().orElse(null);
        }
        n += 4;
        r += 4;
      }
      if (time) {
        Optional<TimeWindow> o = in.occurred();
        if (o.isPresent()) {
          // The precision, plus 1 so that an absent window (0) differs from every present one.
          numbers[n] = o.get().precision().ordinal() + 1;
          numbers[n + 1] = o.get().from().toEpochSecond();
          numbers[n + 2] = o.get().to().toEpochSecond();
        }
        n += 3;
      }
      if (!packed.isEmpty()) {
        long word = 0;
        for (QuasiIdentifier q : packed) {
          word = word << 8 | small(in, q);
        }
        numbers[n] = word;
      }
      if (category) {
        references[r++] = in.iccs().orElse(null);
      }
      if (adminDepth > 0) {
        AdminArea a = l.isPresent() ? l.get().admin() : AdminArea.NONE;
        references[r++] = a.department().orElse(null);
        if (adminDepth >= 2) {
          references[r++] = a.municipality().orElse(null);
        }
      }
      if (!victims.isEmpty()) {
        // Null for no victims: the common case costs no text.
        references[r++] = in.victims().isEmpty() ? null : VictimText.of(in, victims);
      }
      for (QuasiIdentifier q : objects) {
        references[r++] = q.value(in, l);
      }
    }

    /**
     * An enumeration's ordinal plus 1 (0 when absent), or the sensitivity flags as bits; below 256.
     */
    private static long small(Incident in, QuasiIdentifier q) {
      return switch (q) {
        case ATTEMPT -> in.context().attempt().ordinal() + 1;
        case MECHANISM -> in.context().mechanism().ordinal() + 1;
        case PLACE_TYPE -> in.context().placeType().ordinal() + 1;
        case DOMESTIC -> flag(in.context().domestic());
        case ORGANISED_CRIME -> flag(in.context().organisedCrime());
        case SOURCE -> in.source().ordinal() + 1;
        case PUBLICATION -> in.publication().ordinal() + 1;
        case SENSITIVITY -> flags(in.sensitivity());
        default -> throw new IllegalArgumentException(q + " is not packed");
      };
    }

    /** 0 absent, 1 false, 2 true; without Optional's map, which allocates on every record. */
    private static long flag(Optional<Boolean> value) {
      return value.isEmpty() ? 0 : value.get() ? 2 : 1;
    }

    private static long flags(Set<SensitivityFlag> flags) {
      if (flags.isEmpty()) {
        return 0; // most records: no iterator to walk
      }
      long bits = 0;
      for (SensitivityFlag f : flags) {
        bits |= 1L << f.ordinal();
      }
      return bits;
    }
  }
}
