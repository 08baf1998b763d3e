package org.atalaya.geo.anonymise;

import com.google.common.base.Preconditions;
import com.uber.h3core.H3Core;
import com.uber.h3core.LengthUnit;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.incident.LatLon;

/**
 * A hierarchy of cells for location generalisation: a metric square grid whose cells double in size
 * at each level (in a UTM zone, so cells are true squares of the stated metres), or H3 hexagons one
 * resolution coarser at each level. Level 0 is the finest. Thread-safe.
 */
abstract class Cells {
  abstract int levels();

  /** Returns the id of the cell holding {@code p} at {@code level}. */
  abstract long cell(LatLon p, int level);

  /**
   * Writes the ids of the cells holding {@code p} at every level, finest first, to {@code out} from
   * {@code offset}: one flat array for a million records instead of a million small ones.
   * Overridden where the levels derive from one projection or one lookup, which is the cost that
   * matters on a million points.
   */
  void cells(LatLon p, long[] out, int offset) {
    for (int l = 0; l < levels(); l++) {
      out[offset + l] = cell(p, l);
    }
  }

  /** Returns the centre of a cell. */
  abstract LatLon centre(long cell, int level);

  /** Returns the distance from a cell's centre to its farthest corner, in metres. */
  abstract double radiusMetres(int level);

  /**
   * Says what the cells are, for the privacy report, for example "square grid cell of 500 m to 8000
   * m".
   */
  abstract String describe();

  static Cells grid(double startMetres, double maxMetres, Crs utm) {
    return new Grid(startMetres, maxMetres, utm);
  }

  static Cells h3(int finest, int coarsest) {
    return new Hex(finest, coarsest);
  }

  private static final class Grid extends Cells {
    private final double start;
    private final int levels;
    private final CrsTransform forward;
    private final CrsTransform inverse;

    Grid(double startMetres, double maxMetres, Crs utm) {
      Preconditions.checkArgument(
          startMetres >= 10 && maxMetres >= startMetres,
          "grid sizes (start %s, max %s) must be at least 10 m, the start no larger than the max",
          startMetres,
          maxMetres);
      this.start = startMetres;
      this.levels = 1 + (int) Math.floor(Math.log(maxMetres / startMetres) / Math.log(2) + 1e-9);
      this.forward = CrsTransform.of(Crs.WGS84, utm);
      this.inverse = CrsTransform.of(utm, Crs.WGS84);
    }

    @Override
    int levels() {
      return levels;
    }

    @Override
    String describe() {
      return String.format(
          Locale.ROOT, "square grid cell of %.0f m to %.0f m", start, start * (1L << (levels - 1)));
    }

    @Override
    long cell(LatLon p, int level) {
      double size = start * (1L << level);
      double[] xy = forward.transform(p.longitude(), p.latitude());
      long ix = (long) Math.floor(xy[0] / size);
      long iy = (long) Math.floor(xy[1] / size);
      return (ix << 32) ^ (iy & 0xFFFFFFFFL);
    }

    @Override
    void cells(LatLon p, long[] out, int offset) {
      double[] xy = forward.transform(p.longitude(), p.latitude());
      for (int l = 0; l < levels; l++) {
        double size = start * (1L << l);
        out[offset + l] =
            ((long) Math.floor(xy[0] / size) << 32)
                ^ ((long) Math.floor(xy[1] / size) & 0xFFFFFFFFL);
      }
    }

    @Override
    LatLon centre(long cell, int level) {
      double size = start * (1L << level);
      long ix = cell >> 32;
      long iy = (int) cell;
      double[] ll = inverse.transform((ix + 0.5) * size, (iy + 0.5) * size);
      return LatLon.of(ll[1], ll[0]);
    }

    @Override
    double radiusMetres(int level) {
      return start * (1L << level) * Math.sqrt(0.5);
    }
  }

  private static final class Hex extends Cells {
    private final H3Core h3;
    private final int finest;
    private final int coarsest;

    Hex(int finest, int coarsest) {
      Preconditions.checkArgument(
          finest >= coarsest && coarsest >= 0 && finest <= 15,
          "H3 resolutions (finest %s, coarsest %s) must satisfy 15 >= finest >= coarsest >= 0",
          finest,
          coarsest);
      this.finest = finest;
      this.coarsest = coarsest;
      try {
        this.h3 = H3Core.newInstance();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "the H3 native library cannot be loaded on this platform", e);
      }
    }

    @Override
    String describe() {
      return "H3 cell of resolution " + finest + " to " + coarsest;
    }

    @Override
    int levels() {
      return finest - coarsest + 1;
    }

    @Override
    long cell(LatLon p, int level) {
      return h3.latLngToCell(p.latitude(), p.longitude(), finest - level);
    }

    @Override
    void cells(LatLon p, long[] out, int offset) {
      out[offset] = h3.latLngToCell(p.latitude(), p.longitude(), finest);
      for (int l = 1; l < levels(); l++) {
        out[offset + l] = h3.cellToParent(out[offset], finest - l);
      }
    }

    @Override
    LatLon centre(long cell, int level) {
      LatLng c = h3.cellToLatLng(cell);
      return LatLon.of(c.lat, c.lng);
    }

    @Override
    double radiusMetres(int level) {
      // Average edge length equals the circumradius of a regular hexagon.
      return h3.getHexagonEdgeLengthAvg(finest - level, LengthUnit.m);
    }
  }
}
