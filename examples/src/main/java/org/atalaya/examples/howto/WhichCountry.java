package org.atalaya.examples.howto;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atalaya.geo.fence.FenceIndex;
import org.atalaya.geo.io.AreaReadResult;
import org.atalaya.geo.io.AreaReader;

/**
 * Shows: "which area is this point in?" with atalaya-geo alone (what a report-a-crime app or a
 * geocoder embeds). The same code answers "which municipality" given a municipalities GeoJSON (from
 * geoBoundaries or HDX, naming the id property); here, the countries of Central America. A point on
 * a shared border belongs to both areas.
 *
 * <p>Run: {@code java WhichCountry [lat lon]...}
 */
public final class WhichCountry {

  public static void main(String[] args) throws Exception {
    AreaReadResult read;
    try (Reader in =
        new InputStreamReader(
            WhichCountry.class.getResourceAsStream("central-america-110m.geojson"),
            StandardCharsets.UTF_8)) {
      read =
          AreaReader.builder()
              .idProperty("name")
              .build()
              .readGeoJson(in, "central-america-110m.geojson");
    }
    // Built once, then shared by any number of threads; lookups allocate nothing.
    FenceIndex countries = FenceIndex.of(read.areas());

    double[][] points =
        args.length >= 2
            ? parse(args)
            : new double[][] {
              {14.0818, -87.2068}, // Tegucigalpa
              {15.5042, -88.0250}, // San Pedro Sula
              {13.6929, -89.2182}, // San Salvador
              {16.0, -84.0}, // the Caribbean Sea
            };
    for (double[] p : points) {
      List<String> ids = countries.fencesContaining(p[0], p[1]);
      System.out.printf(
          "%.4f, %.4f -> %s%n",
          p[0], p[1], ids.isEmpty() ? "(ninguno / none)" : String.join(", ", ids));
    }
  }

  private static double[][] parse(String[] args) {
    double[][] out = new double[args.length / 2][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {Double.parseDouble(args[2 * i]), Double.parseDouble(args[2 * i + 1])};
    }
    return out;
  }
}
