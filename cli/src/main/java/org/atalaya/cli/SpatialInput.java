package org.atalaya.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.geo.aggregate.CellCounts;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.TimePrecision;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.IncidentReader;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.taxonomy.IccsCode;

/**
 * Incidents as the spatial commands need them: positions in degrees and in metres in a UTM zone,
 * and times in days. Incidents of another category (when one is asked for), without a point, or
 * (when times are needed) without a time to the day or finer, are counted as excluded with the
 * reason, never dropped silently.
 */
final class SpatialInput {
  final List<String> ids = new ArrayList<>();
  final double[] lat;
  final double[] lon;
  final double[] x;
  final double[] y;
  final double[] days;
  final Crs crs;
  final int read;
  final int rejected;
  final int otherCategory;
  final int noPoint;
  final int coarseTime;

  private SpatialInput(
      List<String> ids,
      double[] lat,
      double[] lon,
      double[] days,
      int read,
      int rejected,
      int otherCategory,
      int noPoint,
      int coarseTime) {
    this.ids.addAll(ids);
    this.lat = lat;
    this.lon = lon;
    this.days = days;
    this.read = read;
    this.rejected = rejected;
    this.otherCategory = otherCategory;
    this.noPoint = noPoint;
    this.coarseTime = coarseTime;
    crs = zoneFor(lon);
    double[][] xy = project(lat, lon, crs);
    x = xy[0];
    y = xy[1];
  }

  /**
   * UTM 16N covers 90-84 W (most of Honduras), 17N 84-78 W: the zone of the mean longitude, as
   * atalaya-geo's cell counts use.
   */
  static Crs zoneFor(double[] lon) {
    return CellCounts.utmZone(lon);
  }

  /** Returns {x, y} in metres of the given UTM zone. */
  static double[][] project(double[] lat, double[] lon, Crs crs) {
    return CrsTransform.of(Crs.WGS84, crs).transform(lon, lat);
  }

  /** Ends a command with an exit code, after its reason was printed. */
  static final class Exit extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Exit(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /**
   * Reads the incidents of {@code atalaya COMMAND}; on a problem prints it to {@code err} and
   * throws {@link Exit}: 2 for a missing file or bad options, 1 for unreadable data or fewer than
   * {@code minimum} usable incidents.
   */
  static SpatialInput load(
      String command,
      Path file,
      String format,
      InputOptions input,
      boolean needTime,
      int minimum,
      PrintWriter err)
      throws IOException, Exit {
    return load(command, file, format, input, needTime, minimum, null, err);
  }

  /**
   * Reads the incidents as {@link #load(String, Path, String, InputOptions, boolean, int,
   * java.io.PrintWriter)} does, keeping only those whose ICCS code is {@code category} or within it
   * (all when it is null); the others, and those without an ICCS code, are counted in {@link
   * #otherCategory}.
   */
  static SpatialInput load(
      String command,
      Path file,
      String format,
      InputOptions input,
      boolean needTime,
      int minimum,
      IccsCode category,
      PrintWriter err)
      throws IOException, Exit {
    Texts t = input.texts();
    try {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(t.get("spatial.unreadable", file));
      }
      IncidentImporter f = input.importer(format, file, "--format", err);
      SpatialInput in = read(file, f, input.readOptions(file), needTime, category);
      if (in.used() < minimum) {
        err.println("atalaya " + command + ": " + t.get("spatial.tooFew", in.used(), in.read));
        err.flush();
        throw new Exit(Atalaya.DATA_PROBLEMS);
      }
      return in;
    } catch (IllegalArgumentException | InputOptions.UsageError e) {
      err.println("atalaya " + command + ": " + e.getMessage());
      err.flush();
      throw new Exit(Atalaya.USAGE);
    } catch (IncidentReadException e) {
      err.println("atalaya " + command + ": " + e.message(t.locale()));
      err.flush();
      throw new Exit(Atalaya.DATA_PROBLEMS);
    }
  }

  /** Incidents used. */
  int used() {
    return x.length;
  }

  /** Incidents read but not used, for any reason. */
  int excluded() {
    return read - used();
  }

  static SpatialInput read(
      Path file, IncidentReader format, ReadOptions options, boolean needTime, IccsCode category)
      throws IOException, IncidentReadException {
    ReadResult r = format.readAll(file, options);
    List<String> ids = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    int otherCategory = 0;
    int noPoint = 0;
    int coarse = 0;
    for (Incident incident : r.incidents()) {
      if (category != null && !incident.iccs().map(c -> c.isWithin(category)).orElse(false)) {
        otherCategory++;
        continue;
      }
      LatLon p = incident.location().flatMap(l -> l.point()).orElse(null);
      if (p == null) {
        noPoint++;
        continue;
      }
      double day = Double.NaN;
      if (needTime) {
        var w = incident.occurred().orElse(null);
        if (w == null
            || !(w.precision() == TimePrecision.INSTANT || w.precision() == TimePrecision.DAY)) {
          coarse++;
          continue;
        }
        OffsetDateTime from = w.from();
        day = from.toEpochSecond() / 86_400.0;
      }
      ids.add(incident.id());
      kept.add(new double[] {p.latitude(), p.longitude(), day});
    }
    double[] lat = new double[kept.size()];
    double[] lon = new double[kept.size()];
    double[] days = new double[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      lat[i] = kept.get(i)[0];
      lon[i] = kept.get(i)[1];
      days[i] = kept.get(i)[2];
    }
    return new SpatialInput(
        ids,
        lat,
        lon,
        days,
        (int) r.report().read(),
        r.rejections().size(),
        otherCategory,
        noPoint,
        coarse);
  }

  /** Formats a number for JSON: NaN and infinities become null. */
  static Double json(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
