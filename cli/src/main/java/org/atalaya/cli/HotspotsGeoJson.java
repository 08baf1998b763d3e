package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.atalaya.geo.hotspot.LocalStatistic;
import org.atalaya.geo.io.GeoJsonAreaWriter;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes the cells or areas of {@code atalaya hotspots --out} as an RFC 7946 FeatureCollection of
 * polygons in longitude/latitude, one feature per cell in cell order, with the local statistic in
 * the properties, so the result opens in QGIS as it is.
 */
final class HotspotsGeoJson {
  private HotspotsGeoJson() {}

  /**
   * Writes the features: {@code id}, the value under {@code valueName} ({@code count} for
   * aggregated incidents), {@code statistic}, {@code z}, {@code pSim}, the Benjamini-Hochberg
   * {@code q} and {@code significant} (q &lt;= 0.05; null without permutations), and for local
   * Moran the {@code cluster}. Undefined numbers are null.
   */
  static void write(
      Path out,
      List<LocalStatistic> s,
      String valueName,
      double[] q,
      boolean moran,
      IntFunction<Geometry> polygon)
      throws IOException {
    GeoJsonAreaWriter geometries = GeoJsonAreaWriter.create();
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (int i = 0; i < s.size(); i++) {
        LocalStatistic l = s.get(i);
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", l.id());
        g.writeObjectFieldStart("properties");
        g.writeStringField("id", l.id());
        if (valueName.equals("count")) {
          g.writeNumberField(valueName, Math.round(l.value()));
        } else {
          g.writeNumberField(valueName, l.value());
        }
        number(g, "statistic", l.statistic());
        number(g, "z", l.z());
        number(g, "pSim", l.pSim().orElse(Double.NaN));
        number(g, "q", q[i]);
        if (Double.isNaN(q[i])) {
          g.writeNullField("significant");
        } else {
          g.writeBooleanField("significant", q[i] <= 0.05);
        }
        if (moran) {
          g.writeStringField(
              "cluster",
              l.cluster()
                  .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                  .orElse(null));
        }
        g.writeEndObject();
        StringWriter geometry = new StringWriter();
        geometries.writeGeometry(polygon.apply(i), geometry);
        g.writeFieldName("geometry");
        g.writeRawValue(geometry.toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }
}
