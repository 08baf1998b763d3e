package org.atalaya.cli.report;

import static org.atalaya.cli.report.Svg.esc;
import static org.atalaya.cli.report.Svg.n;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The report's maps, as SVG: a locator of Honduras among its neighbours, and a city map of grid
 * cells coloured by count with hot and cold spots outlined and the anonymised points of the
 * release. Raw incident locations are never drawn.
 */
public final class Maps {

  private Maps() {}

  /**
   * A country outline to draw.
   *
   * @param name the country
   * @param geometry its outline, longitude/latitude
   * @param highlight whether to draw it stronger (Honduras)
   */
  public record Country(String name, Geometry geometry, boolean highlight) {}

  /**
   * A labelled place on the locator.
   *
   * @param name the label
   * @param lat latitude
   * @param lon longitude
   */
  public record Place(String name, double lat, double lon) {}

  /**
   * Draws the countries in an equirectangular projection scaled for the latitude of Honduras, with
   * the places marked.
   *
   * @param id a unique id
   * @param title the title
   * @param description what it shows
   * @param countries the outlines
   * @param places the places to mark
   * @return the SVG
   */
  public static String locator(
      String id, String title, String description, List<Country> countries, List<Place> places) {
    double minLon = -90.5;
    double maxLon = -82.8;
    double minLat = 12.6;
    double maxLat = 17.6;
    double k = Math.cos(Math.toRadians(15));
    double w = 380;
    double sx = w / ((maxLon - minLon) * k);
    double h = (maxLat - minLat) * sx;
    StringBuilder s = new StringBuilder(Svg.open(id, w, h, title, description));
    s.append("<rect width=\"100%\" height=\"100%\" class=\"sea\"/>");
    for (Country c : countries) {
      StringBuilder d = new StringBuilder();
      for (int g = 0; g < c.geometry().getNumGeometries(); g++) {
        Polygon p = (Polygon) c.geometry().getGeometryN(g);
        ring(d, p.getExteriorRing().getCoordinates(), minLon, maxLat, k, sx);
      }
      s.append("<path d=\"")
          .append(d)
          .append("\" class=\"")
          .append(c.highlight() ? "land focus" : "land")
          .append("\"><title>")
          .append(esc(c.name()))
          .append("</title></path>");
    }
    for (Place p : places) {
      double x = (p.lon() - minLon) * k * sx;
      double y = (maxLat - p.lat()) * sx;
      s.append("<circle cx=\"")
          .append(n(x))
          .append("\" cy=\"")
          .append(n(y))
          .append("\" r=\"4\" class=\"place\"/>")
          .append("<text x=\"")
          .append(n(x + 7))
          .append("\" y=\"")
          .append(n(y + 4))
          .append("\" class=\"label\">")
          .append(esc(p.name()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static void ring(
      StringBuilder d, Coordinate[] cs, double minLon, double maxLat, double k, double sx) {
    for (int i = 0; i < cs.length; i++) {
      d.append(i == 0 ? "M" : "L")
          .append(n((cs[i].x - minLon) * k * sx))
          .append(',')
          .append(n((maxLat - cs[i].y) * sx));
    }
    d.append('Z');
  }

  /**
   * One grid cell of the city map, in projected metres.
   *
   * @param id the cell id
   * @param x the centre easting
   * @param y the centre northing
   * @param count incidents in the cell
   * @param z the Gi* z-value
   * @param q the Benjamini-Hochberg q-value of its pseudo p-value
   */
  public record Cell(String id, double x, double y, long count, double z, double q) {}

  /**
   * Draws a city's grid cells coloured by count, hot spots (Gi* z &gt; 0 and q &le; alpha) with a
   * thick dark outline, cold spots with a dashed one, and the release's points.
   *
   * @param id a unique id
   * @param title the title
   * @param description what it shows
   * @param cells the cells
   * @param cellMetres the cell side
   * @param alpha the false discovery rate
   * @param points the released (anonymised) points, projected: {x, y}
   * @param legend labels: cells, hot spot, cold spot, released point
   * @return the SVG
   */
  public static String city(
      String id,
      String title,
      String description,
      List<Cell> cells,
      double cellMetres,
      double alpha,
      List<double[]> points,
      List<String> legend) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    long maxCount = 1;
    for (Cell c : cells) {
      minX = Math.min(minX, c.x() - cellMetres / 2);
      maxX = Math.max(maxX, c.x() + cellMetres / 2);
      minY = Math.min(minY, c.y() - cellMetres / 2);
      maxY = Math.max(maxY, c.y() + cellMetres / 2);
      maxCount = Math.max(maxCount, c.count());
    }
    double w = 560;
    double scale = w / (maxX - minX);
    double mapH = (maxY - minY) * scale;
    double h = mapH + 70;
    double side = cellMetres * scale;
    StringBuilder s = new StringBuilder(Svg.open(id, w, h, title, description));
    StringBuilder outlines = new StringBuilder();
    for (Cell c : cells) {
      double x = (c.x() - cellMetres / 2 - minX) * scale;
      double y = (maxY - c.y() - cellMetres / 2) * scale;
      String tip =
          String.format(
              Locale.ROOT, "%s: %d, Gi* z = %.2f, q = %.3f", c.id(), c.count(), c.z(), c.q());
      s.append("<rect x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" width=\"")
          .append(n(side))
          .append("\" height=\"")
          .append(n(side))
          .append("\" fill=\"")
          .append(
              c.count() == 0
                  ? "#f2f2f2"
                  : Svg.colour(Math.log1p(c.count()), 0, Math.log1p(maxCount) + 1e-9))
          .append("\"><title>")
          .append(esc(tip))
          .append("</title></rect>");
      if (c.q() <= alpha && c.z() != 0) {
        outlines
            .append("<rect x=\"")
            .append(n(x + 1))
            .append("\" y=\"")
            .append(n(y + 1))
            .append("\" width=\"")
            .append(n(side - 2))
            .append("\" height=\"")
            .append(n(side - 2))
            .append("\" class=\"")
            .append(c.z() > 0 ? "hot" : "cold")
            .append("\"/>");
      }
    }
    s.append(outlines);
    for (double[] p : points) {
      double x = (p[0] - minX) * scale;
      double y = (maxY - p[1]) * scale;
      if (x >= 0 && x <= w && y >= 0 && y <= mapH) {
        s.append("<circle cx=\"")
            .append(n(x))
            .append("\" cy=\"")
            .append(n(y))
            .append("\" r=\"1.3\" class=\"released\"/>");
      }
    }
    double ly = mapH + 18;
    for (int i = 0; i < Svg.SEQUENTIAL.length; i++) {
      s.append("<rect x=\"")
          .append(n(10 + i * 22))
          .append("\" y=\"")
          .append(n(ly))
          .append("\" width=\"22\" height=\"10\" fill=\"")
          .append(Svg.SEQUENTIAL[i])
          .append("\"/>");
    }
    s.append("<text x=\"10\" y=\"")
        .append(n(ly + 24))
        .append("\" class=\"axis\">1</text>")
        .append("<text x=\"")
        .append(n(10 + 6 * 22))
        .append("\" y=\"")
        .append(n(ly + 24))
        .append("\" class=\"axis\" text-anchor=\"end\">")
        .append(maxCount)
        .append("</text>")
        .append("<text x=\"")
        .append(n(10 + 3 * 22))
        .append("\" y=\"")
        .append(n(ly + 38))
        .append("\" class=\"axis\" text-anchor=\"middle\">")
        .append(esc(legend.get(0)))
        .append("</text>");
    s.append("<rect x=\"180\" y=\"")
        .append(n(ly - 2))
        .append("\" width=\"14\" height=\"14\" fill=\"#ffffff\" class=\"hot\"/>")
        .append("<text x=\"200\" y=\"")
        .append(n(ly + 10))
        .append("\" class=\"axis\">")
        .append(esc(legend.get(1)))
        .append("</text>")
        .append("<rect x=\"330\" y=\"")
        .append(n(ly - 2))
        .append("\" width=\"14\" height=\"14\" fill=\"#ffffff\" class=\"cold\"/>")
        .append("<text x=\"350\" y=\"")
        .append(n(ly + 10))
        .append("\" class=\"axis\">")
        .append(esc(legend.get(2)))
        .append("</text>")
        .append("<circle cx=\"187\" cy=\"")
        .append(n(ly + 30))
        .append("\" r=\"3\" class=\"released\"/>")
        .append("<text x=\"200\" y=\"")
        .append(n(ly + 34))
        .append("\" class=\"axis\">")
        .append(esc(legend.get(3)))
        .append("</text>");
    return s.append("</svg>").toString();
  }
}
