package org.atalaya.cli.report;

import static org.atalaya.cli.report.Svg.esc;
import static org.atalaya.cli.report.Svg.n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A choropleth of areas coloured by rate (or by count when there is no population), in an
 * equirectangular projection fitted to the areas. Areas whose rate rests on fewer than {@link
 * #UNRELIABLE_BELOW} incidents are hatched: such a rate's relative standard error exceeds about
 * 23%, the threshold below which health statisticians (NCHS) call a rate unreliable.
 */
public final class AreaMap {

  /** Counts below this make a rate unreliable (relative standard error above about 23%). */
  public static final long UNRELIABLE_BELOW = 20;

  private AreaMap() {}

  /**
   * One area to draw.
   *
   * @param id its id
   * @param name its name
   * @param geometry its outline, longitude/latitude
   * @param count incidents in it
   * @param rate its rate per 100,000, if a population is known
   */
  public record Shape(String id, String name, Geometry geometry, long count, OptionalDouble rate) {}

  /**
   * Draws the areas.
   *
   * @param id a unique id
   * @param title the title
   * @param description what it shows
   * @param shapes the areas
   * @param valueLabel what the colours mean, for the legend
   * @param unreliableLabel the legend text of hatched areas
   * @return the SVG
   */
  public static String draw(
      String id,
      String title,
      String description,
      List<Shape> shapes,
      String valueLabel,
      String unreliableLabel) {
    Envelope env = new Envelope();
    double max = 0;
    boolean rates = shapes.stream().anyMatch(s -> s.rate().isPresent());
    for (Shape s : shapes) {
      env.expandToInclude(s.geometry().getEnvelopeInternal());
      max = Math.max(max, rates ? s.rate().orElse(0) : s.count());
    }
    double k = Math.cos(Math.toRadians((env.getMinY() + env.getMaxY()) / 2));
    double w = 560;
    double sx = w / Math.max(1e-9, env.getWidth() * k);
    double mapH = env.getHeight() * sx;
    double h = mapH + 60;
    StringBuilder s = new StringBuilder(Svg.open(id, w, h, title, description));
    List<Shape> labels = new ArrayList<>();
    s.append("<defs><pattern id=\"")
        .append(id)
        .append(
            "-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\">")
        .append(
            "<rect width=\"6\" height=\"6\" fill=\"none\"/><line x1=\"0\" y1=\"0\" x2=\"0\""
                + " y2=\"6\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern></defs>");
    for (Shape a : shapes) {
      double v = rates ? a.rate().orElse(Double.NaN) : a.count();
      String fill = Double.isNaN(v) ? "#f2f2f2" : Svg.colour(v, 0, max + 1e-9);
      StringBuilder d = new StringBuilder();
      for (int g = 0; g < a.geometry().getNumGeometries(); g++) {
        Polygon p = (Polygon) a.geometry().getGeometryN(g);
        path(d, p.getExteriorRing().getCoordinates(), env, k, sx);
        for (int r = 0; r < p.getNumInteriorRing(); r++) {
          path(d, p.getInteriorRingN(r).getCoordinates(), env, k, sx);
        }
      }
      String tip =
          a.name()
              + " ("
              + a.id()
              + "): "
              + a.count()
              + (a.rate().isPresent()
                  ? String.format(Locale.ROOT, ", %.1f per 100,000", a.rate().getAsDouble())
                  : "");
      s.append("<path d=\"")
          .append(d)
          .append("\" fill=\"")
          .append(fill)
          .append("\" fill-rule=\"evenodd\" class=\"area\"><title>")
          .append(esc(tip))
          .append("</title></path>");
      if (rates && a.count() < UNRELIABLE_BELOW) {
        s.append("<path d=\"")
            .append(d)
            .append("\" fill=\"url(#")
            .append(id)
            .append("-hatch)\" fill-rule=\"evenodd\" class=\"area\"/>");
      }
      labels.add(a);
    }
    // Labels on top of every area, each on a white halo so it reads on any colour.
    for (Shape a : labels) {
      Point c = a.geometry().getInteriorPoint();
      double x = (c.getX() - env.getMinX()) * k * sx;
      double y = (env.getMaxY() - c.getY()) * sx;
      String value =
          a.rate().isPresent()
              ? String.format(Locale.ROOT, "%.0f", a.rate().getAsDouble())
              : String.valueOf(a.count());
      s.append("<text x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(y))
          .append("\" class=\"arealabel\" text-anchor=\"middle\">")
          .append(esc(a.name()))
          .append("<tspan x=\"")
          .append(n(x))
          .append("\" dy=\"14\">")
          .append(value)
          .append("</tspan></text>");
    }
    double ly = mapH + 14;
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
        .append("\" class=\"axis\">0</text><text x=\"")
        .append(n(10 + 6 * 22))
        .append("\" y=\"")
        .append(n(ly + 24))
        .append("\" class=\"axis\" text-anchor=\"end\">")
        .append(String.format(Locale.ROOT, "%.0f", max))
        .append("</text><text x=\"160\" y=\"")
        .append(n(ly + 9))
        .append("\" class=\"axis\">")
        .append(esc(valueLabel))
        .append("</text>");
    if (rates) {
      s.append("<rect x=\"160\" y=\"")
          .append(n(ly + 16))
          .append("\" width=\"14\" height=\"14\" fill=\"url(#")
          .append(id)
          .append("-hatch)\" stroke=\"#000\"/>")
          .append("<text x=\"180\" y=\"")
          .append(n(ly + 27))
          .append("\" class=\"axis\">")
          .append(esc(unreliableLabel))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static void path(StringBuilder d, Coordinate[] cs, Envelope env, double k, double sx) {
    for (int i = 0; i < cs.length; i++) {
      d.append(i == 0 ? "M" : "L")
          .append(n((cs[i].x - env.getMinX()) * k * sx))
          .append(',')
          .append(n((env.getMaxY() - cs[i].y) * sx));
    }
    d.append('Z');
  }
}
