package org.atalaya.anonymise.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.Location;

/**
 * What a release's steps did to the points, for the report: how far each released point moved from
 * its source point, and how many of the source's hot cells survive ({@link HotCells}).
 *
 * <p>A released incident is paired with its source by id. Steps keep ids and input order ({@link
 * ReleaseStep}), so the pairing walks both lists once, in order; only when a step broke that order
 * are ids looked up in a table, the last input with an id winning. Each list's ids and points are
 * first copied to flat arrays in parallel chunks, so that every record is read once and the pairing
 * reads arrays only.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PointChanges {
  private final double[] displacement;
  private final double hotCellOverlap;
  private final int[] sources;
  private final double categoryDetailKept;

  private PointChanges(
      double[] displacement, double hotCellOverlap, int[] sources, double categoryDetailKept) {
    this.displacement = displacement;
    this.hotCellOverlap = hotCellOverlap;
    this.sources = sources;
    this.categoryDetailKept = categoryDetailKept;
  }

  /**
   * Measures what happened to the points between {@code input} and {@code output}.
   *
   * @param input the incidents before the steps; never null
   * @param output the incidents after the steps, ids unchanged; never null
   * @return the measurements
   */
  public static PointChanges of(List<Incident> input, List<Incident> output) {
    return of(Points.of(input), Points.of(output));
  }

  /**
   * Measures what happened to the points between two lists already copied to arrays.
   *
   * @param before the input's ids and points
   * @param after the output's ids (as the input had them) and points
   * @return the measurements
   */
  public static PointChanges of(Points before, Points after) {
    int[] source = pair(before.ids, after.ids);
    double[] all = new double[after.size()];
    Chunks.forEach(
        all.length,
        c -> {
          for (int r = c * Chunks.SIZE, to = Math.min(all.length, r + Chunks.SIZE); r < to; r++) {
            int s = source[r];
            all[r] =
                s < 0 || !after.hasPoint(r) || !before.hasPoint(s)
                    ? Double.NaN
                    : haversine(before.lat[s], before.lon[s], after.lat[r], after.lon[r]);
          }
        });
    int n = 0;
    for (double d : all) {
      if (!Double.isNaN(d)) {
        all[n++] = d;
      }
    }
    long compared = 0;
    long kept = 0;
    for (int r = 0; r < source.length; r++) {
      int s = source[r];
      if (s >= 0 && before.levels[s] > 0) {
        compared++;
        kept += after.levels[r] >= before.levels[s] ? 1 : 0;
      }
    }
    return new PointChanges(
        Arrays.copyOf(all, n),
        HotCells.overlap(before.cells(), after.cells()),
        source,
        compared == 0 ? 1 : (double) kept / compared);
  }

  /**
   * Returns the share of released records whose ICCS code is as fine as their source's.
   *
   * @return 0 to 1; 1 when no source had a code
   */
  public double categoryDetailKept() {
    return categoryDetailKept;
  }

  /**
   * Returns, for each released incident, the index of its source among the input (the same id), or
   * -1 when no input has its id.
   *
   * @return the indexes, in output order; never {@code null}
   */
  public int[] sources() {
    return sources;
  }

  /**
   * Returns the distances in metres between each released point and its source point.
   *
   * @return the distances, in output order, of the records with a point on both sides; never {@code
   *     null}
   */
  public double[] displacement() {
    return displacement;
  }

  /**
   * Returns the hot-cell overlap of {@link HotCells#overlap}.
   *
   * @return 0 to 1
   */
  public double hotCellOverlap() {
    return hotCellOverlap;
  }

  /**
   * Returns, for each output id, the index of its input, or -1 when no input has that id. Walks
   * both in order (each output matched to the next input with its id); falls back to a table when
   * an output id is not found further on.
   */
  static int[] pair(String[] in, String[] out) {
    int[] source = new int[out.length];
    int j = 0;
    for (int r = 0; r < out.length; r++) {
      String id = out[r];
      while (j < in.length && in[j] != id && !in[j].equals(id)) {
        j++;
      }
      if (j == in.length) {
        return pairByTable(in, out);
      }
      source[r] = j++;
    }
    return source;
  }

  private static int[] pairByTable(String[] in, String[] out) {
    Map<String, Integer> byId = new HashMap<>(in.length * 2);
    for (int j = 0; j < in.length; j++) {
      byId.put(in[j], j);
    }
    int[] source = new int[out.length];
    for (int r = 0; r < out.length; r++) {
      source[r] = byId.getOrDefault(out[r], -1);
    }
    return source;
  }

  /** Writes the 128 bits of an id's pseudonym ({@code Pseudonyms}, field {@code id}). */
  @FunctionalInterface
  public interface IdBits {
    /**
     * Writes the bits of {@code id}'s pseudonym to {@code into[at]} (high) and {@code into[at +
     * 1]}.
     *
     * @param id the id; never null
     * @param into the array; never null
     * @param at where the high half goes
     */
    void write(String id, long[] into, int at);
  }

  /** The ids and points of a list of incidents as flat arrays; NaN latitude where no point. */
  public static final class Points {
    /** The id of each row. */
    public final String[] ids;

    final double[] lat;
    final double[] lon;

    /** The level of each incident's ICCS code, 0 when it has none. */
    final byte[] levels;

    /** The 128 bits of each id's pseudonym (two per row), or null when not asked for. */
    public final long[] idBits;

    private final IdBits pseudonyms;

    /**
     * Room for {@code n} incidents, to be {@link #set} (by several threads, each its own rows).
     *
     * @param n the number of incidents
     */
    public Points(int n) {
      this(n, null);
    }

    /**
     * As {@link #Points(int)}, also keeping the bits of each id's pseudonym when {@code pseudonyms}
     * is not null: taken while the record is read anyway, its id is still in the processor's cache.
     *
     * @param n the number of incidents
     * @param pseudonyms writes an id's pseudonym bits, or null
     */
    public Points(int n, IdBits pseudonyms) {
      ids = new String[n];
      lat = new double[n];
      lon = new double[n];
      levels = new byte[n];
      this.pseudonyms = pseudonyms;
      idBits = pseudonyms == null ? null : new long[2 * n];
    }

    /**
     * Copies the ids and points of {@code incidents}, in parallel chunks.
     *
     * @param incidents the incidents; never null
     * @return the copy; never {@code null}
     */
    public static Points of(List<Incident> incidents) {
      Points p = new Points(incidents.size());
      Chunks.forEach(
          p.ids.length,
          c -> {
            for (int r = c * Chunks.SIZE, to = Math.min(p.ids.length, r + Chunks.SIZE);
                r < to;
                r++) {
              p.set(r, incidents.get(r));
            }
          });
      return p;
    }

    /** Copies the id, point and ICCS level of {@code i} to row {@code r}. */
    void set(int r, Incident i) {
      set(r, i, i.location());
    }

    /**
     * Copies the id, the point of {@code l} and the ICCS level of {@code i} to row {@code r}.
     *
     * @param r the row
     * @param i the incident; never null
     * @param l its location, which replaces {@code i}'s; never null
     */
    public void set(int r, Incident i, Optional<Location> l) {
      set(r, i.id(), l);
      levels[r] = i.iccs().isPresent() ? (byte) i.iccs().get().level() : 0;
    }

    /** Copies an id and the point of location {@code l} to row {@code r}. */
    void set(int r, String id, Optional<Location> l) {
      ids[r] = id;
      if (pseudonyms != null) {
        pseudonyms.write(id, idBits, 2 * r);
      }
      Optional<LatLon> point = l.isPresent() ? l.get().point() : Optional.empty();
      lat[r] = point.isPresent() ? point.get().latitude() : Double.NaN;
      lon[r] = point.isPresent() ? point.get().longitude() : Double.NaN;
    }

    int size() {
      return ids.length;
    }

    boolean hasPoint(int r) {
      return !Double.isNaN(lat[r]);
    }

    /** The hot-cell id of every point, in order. */
    long[] cells() {
      long[] cells = new long[ids.length];
      int n = 0;
      for (int r = 0; r < ids.length; r++) {
        if (hasPoint(r)) {
          cells[n++] = HotCells.cell(lat[r], lon[r]);
        }
      }
      return Arrays.copyOf(cells, n);
    }
  }

  /** Great-circle metres (mean Earth radius): within 0.5% of the geodesic, enough for a report. */
  public static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }
}
