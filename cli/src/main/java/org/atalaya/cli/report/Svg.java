package org.atalaya.cli.report;

import java.util.Locale;

/**
 * Small helpers for hand-written SVG and HTML: escaping, compact numbers, and the colour scale. The
 * report is self-contained (no script, no CDN), so its figures are plain SVG strings.
 */
public final class Svg {

  private Svg() {}

  /**
   * The viridis scale in six steps: perceptually uniform, readable in grey and by people with the
   * common colour-vision deficiencies, dark (low) to yellow (high).
   */
  public static final String[] SEQUENTIAL = {
    "#440154", "#414487", "#2a788e", "#22a884", "#7ad151", "#fde725"
  };

  /**
   * Escapes text for HTML and SVG content and attribute values.
   *
   * @param s the text
   * @return the escaped text
   */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Formats a coordinate for SVG with one decimal: enough at screen resolution, and small files.
   *
   * @param v the value
   * @return the text
   */
  public static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /**
   * Returns the colour of a value on the sequential scale between {@code min} and {@code max}.
   *
   * @param v the value
   * @param min the scale's low end
   * @param max the scale's high end
   * @return a colour of {@link #SEQUENTIAL}
   */
  public static String colour(double v, double min, double max) {
    if (!(max > min)) {
      return SEQUENTIAL[0];
    }
    int k = (int) Math.floor((v - min) / (max - min) * SEQUENTIAL.length);
    return SEQUENTIAL[Math.max(0, Math.min(SEQUENTIAL.length - 1, k))];
  }

  /**
   * Opens an accessible figure: an SVG with a title and a description that screen readers read.
   *
   * @param id a unique id
   * @param width the view box width
   * @param height the view box height
   * @param title the short text alternative
   * @param description the long text alternative: what the figure shows, in words
   * @return the opening markup
   */
  public static String open(
      String id, double width, double height, String title, String description) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + n(width)
        + " "
        + n(height)
        + "\" role=\"img\" aria-labelledby=\""
        + id
        + "-t "
        + id
        + "-d\" class=\"figure\" id=\""
        + id
        + "\">"
        + "<title id=\""
        + id
        + "-t\">"
        + esc(title)
        + "</title><desc id=\""
        + id
        + "-d\">"
        + esc(description)
        + "</desc>";
  }
}
