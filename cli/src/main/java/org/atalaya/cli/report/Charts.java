package org.atalaya.cli.report;

import static org.atalaya.cli.report.Svg.esc;
import static org.atalaya.cli.report.Svg.n;

import java.util.List;
import java.util.Locale;

/** The report's charts, as SVG strings: a monthly series with its band and alarms, and a funnel. */
public final class Charts {

  private Charts() {}

  /**
   * One month of a series.
   *
   * @param label the month, for example {@code 2024-03}
   * @param count the count
   * @param lower the lower limit of its 95% interval
   * @param upper the upper limit
   * @param alarm whether an alarm was raised that month
   */
  public record Point(String label, long count, double lower, double upper, boolean alarm) {}

  /**
   * Draws counts as a line over the band of their exact 95% intervals, with alarms as triangles.
   *
   * @param id a unique id
   * @param title the title (text alternative)
   * @param description what the chart shows, in words
   * @param points the months, in order
   * @param alarmLabel the legend label of alarms
   * @param bandLabel the legend label of the band
   * @return the SVG
   */
  public static String series(
      String id,
      String title,
      String description,
      List<Point> points,
      String alarmLabel,
      String bandLabel) {
    double w = 760;
    double h = 260;
    double left = 44;
    double right = 12;
    double top = 16;
    double bottom = 40;
    double max = 1;
    for (Point p : points) {
      max = Math.max(max, p.upper());
    }
    max = Math.ceil(max / 10) * 10;
    int n = points.size();
    double dx = (w - left - right) / Math.max(1, n - 1);
    double scale = (h - top - bottom) / max;
    StringBuilder s = new StringBuilder(Svg.open(id, w, h, title, description));
    for (int k = 0; k <= 4; k++) {
      double v = max * k / 4;
      double y = h - bottom - v * scale;
      s.append("<line x1=\"")
          .append(n(left))
          .append("\" x2=\"")
          .append(n(w - right))
          .append("\" y1=\"")
          .append(n(y))
          .append("\" y2=\"")
          .append(n(y))
          .append("\" class=\"grid\"/><text x=\"")
          .append(n(left - 6))
          .append("\" y=\"")
          .append(n(y + 4))
          .append("\" class=\"axis\" text-anchor=\"end\">")
          .append((long) v)
          .append("</text>");
    }
    StringBuilder band = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      band.append(i == 0 ? "M" : "L")
          .append(n(left + i * dx))
          .append(',')
          .append(n(h - bottom - points.get(i).upper() * scale));
      line.append(i == 0 ? "M" : "L")
          .append(n(left + i * dx))
          .append(',')
          .append(n(h - bottom - points.get(i).count() * scale));
    }
    for (int i = n - 1; i >= 0; i--) {
      band.append('L')
          .append(n(left + i * dx))
          .append(',')
          .append(n(h - bottom - points.get(i).lower() * scale));
    }
    s.append("<path d=\"").append(band).append("Z\" class=\"band\"/>");
    s.append("<path d=\"").append(line).append("\" class=\"line\"/>");
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      double x = left + i * dx;
      double y = h - bottom - p.count() * scale;
      if (p.alarm()) {
        s.append("<path d=\"M")
            .append(n(x))
            .append(',')
            .append(n(y - 12))
            .append("l-6,-10h12z\" class=\"alarm\"><title>")
            .append(esc(p.label() + ": " + p.count() + " (" + alarmLabel + ")"))
            .append("</title></path>");
      }
      if (p.label().endsWith("-01")) {
        s.append("<text x=\"")
            .append(n(x))
            .append("\" y=\"")
            .append(n(h - bottom + 16))
            .append("\" class=\"axis\" text-anchor=\"middle\">")
            .append(esc(p.label().substring(0, 4)))
            .append("</text>");
      }
    }
    s.append("<rect x=\"")
        .append(n(left))
        .append("\" y=\"")
        .append(n(h - 14))
        .append("\" width=\"14\" height=\"8\" class=\"band\"/>")
        .append("<text x=\"")
        .append(n(left + 18))
        .append("\" y=\"")
        .append(n(h - 6))
        .append("\" class=\"axis\">")
        .append(esc(bandLabel))
        .append("</text>")
        .append("<path d=\"M")
        .append(n(left + 260))
        .append(',')
        .append(n(h - 6))
        .append("l-6,-10h12z\" class=\"alarm\"/>")
        .append("<text x=\"")
        .append(n(left + 270))
        .append("\" y=\"")
        .append(n(h - 6))
        .append("\" class=\"axis\">")
        .append(esc(alarmLabel))
        .append("</text>");
    return s.append("</svg>").toString();
  }

  /**
   * One stage of a funnel: a share of the first stage with its exact interval.
   *
   * @param label the stage
   * @param count the cases at this stage
   * @param share the share of the first stage, 0 to 1
   * @param lower the lower limit of its 95% interval
   * @param upper the upper limit
   */
  public record Stage(String label, long count, double share, double lower, double upper) {}

  /**
   * Draws a funnel as horizontal bars with interval whiskers.
   *
   * @param id a unique id
   * @param title the title
   * @param description what it shows, in words
   * @param stages the stages, first to last
   * @return the SVG
   */
  public static String funnel(String id, String title, String description, List<Stage> stages) {
    double w = 760;
    double rowH = 34;
    double left = 210;
    double barW = w - left - 140;
    double h = stages.size() * rowH + 10;
    StringBuilder s = new StringBuilder(Svg.open(id, w, h, title, description));
    for (int i = 0; i < stages.size(); i++) {
      Stage st = stages.get(i);
      double y = 6 + i * rowH;
      s.append("<text x=\"")
          .append(n(left - 8))
          .append("\" y=\"")
          .append(n(y + 18))
          .append("\" class=\"label\" text-anchor=\"end\">")
          .append(esc(st.label()))
          .append("</text>");
      s.append("<rect x=\"")
          .append(n(left))
          .append("\" y=\"")
          .append(n(y + 4))
          .append("\" width=\"")
          .append(n(Math.max(1, st.share() * barW)))
          .append("\" height=\"20\" fill=\"")
          .append(Svg.SEQUENTIAL[Math.min(i * 2, Svg.SEQUENTIAL.length - 1)])
          .append("\"><title>")
          .append(
              esc(
                  String.format(
                      Locale.ROOT,
                      "%s: %,d (%.1f%%, 95%% CI %.1f-%.1f%%)",
                      st.label(),
                      st.count(),
                      100 * st.share(),
                      100 * st.lower(),
                      100 * st.upper())))
          .append("</title></rect>");
      if (i > 0) {
        double x1 = left + st.lower() * barW;
        double x2 = left + st.upper() * barW;
        s.append("<path d=\"M")
            .append(n(x1))
            .append(',')
            .append(n(y + 8))
            .append("v12M")
            .append(n(x1))
            .append(',')
            .append(n(y + 14))
            .append("H")
            .append(n(x2))
            .append("M")
            .append(n(x2))
            .append(',')
            .append(n(y + 8))
            .append("v12\" class=\"whisker\"/>");
      }
      s.append("<text x=\"")
          .append(n(left + Math.max(st.share(), st.upper()) * barW + 6))
          .append("\" y=\"")
          .append(n(y + 18))
          .append("\" class=\"label\">")
          .append(String.format(Locale.ROOT, "%,d (%.1f%%)", st.count(), 100 * st.share()))
          .append("</text>");
    }
    return s.append("</svg>").toString();
  }
}
