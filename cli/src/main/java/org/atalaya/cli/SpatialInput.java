package org.atalaya.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.geo.crs.Crs;
import org.atalaya.geo.crs.CrsTransform;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.TimePrecision;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadResult;

/**
 * Incidents as the spatial commands need them: positions in metres in a UTM zone and times in
 * days. Incidents without a point, or (when times are needed) without a time to the day or finer,
 * are counted as excluded with the reason, never dropped silently.
 */
final class SpatialInput {
  final List<String> ids = new ArrayList<>();
  final double[] x;
  final double[] y;
  final double[] days;
  final Crs crs;
  final int read;
  final int rejected;
  final int noPoint;
  final int coarseTime;

  private SpatialInput(List<String> ids, double[] lat, double[] lon, double[] days, int read, int rejected, int noPoint, int coarseTime) {
    this.ids.addAll(ids);
    this.days = days;
    this.read = read;
    this.rejected = rejected;
    this.noPoint = noPoint;
    this.coarseTime = coarseTime;
    double meanLon = 0;
    for (double v : lon) {
      meanLon += v / lon.length;
    }
    // UTM 16N covers 90-84 W (most of Honduras), 17N 84-78 W; the zone of the mean longitude
    crs = meanLon < -84 ? Crs.UTM_16N : Crs.UTM_17N;
    CrsTransform t = CrsTransform.of(Crs.WGS84, crs);
    x = new double[lat.length];
    y = new double[lat.length];
    for (int i = 0; i < lat.length; i++) {
      double[] xy = t.transform(lon[i], lat[i]);
      x[i] = xy[0];
      y[i] = xy[1];
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

  static SpatialInput read(Path file, IncidentFormat format, org.atalaya.io.ReadOptions options, boolean needTime)
      throws IOException, IncidentReadException {
    ReadResult r = format.reader().readAll(file, options);
    List<String> ids = new ArrayList<>();
    List<double[]> kept = new ArrayList<>();
    int noPoint = 0;
    int coarse = 0;
    for (Incident incident : r.incidents()) {
      LatLon p = incident.location().flatMap(l -> l.point()).orElse(null);
      if (p == null) {
        noPoint++;
        continue;
      }
      double day = Double.NaN;
      if (needTime) {
        var w = incident.occurred().orElse(null);
        if (w == null || !(w.precision() == TimePrecision.INSTANT || w.precision() == TimePrecision.DAY)) {
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
    return new SpatialInput(ids, lat, lon, days, (int) r.report().read(), r.rejections().size(), noPoint, coarse);
  }

  /** Formats a number for JSON: NaN and infinities become null. */
  static Double json(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
