package org.atalaya.geo.weights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Reads and writes GeoDa's weights files.
 *
 * <ul>
 *   <li><b>GAL</b> (contiguity, binary): a header {@code 0 n source idVariable} (or just {@code
 *       n}), then per area a line {@code id count} and a line with its neighbours' ids. Islands
 *       appear with count 0 and an empty line, so nothing is lost.
 *   <li><b>GWT</b> (distance weights): the same header, then one line {@code from to weight} per
 *       link. A GWT file cannot list islands: pass the full list of ids to {@link #readGwt(Reader,
 *       String, List)} so they are kept.
 * </ul>
 *
 * <p>Ids must not contain white space. Reading errors name the source, the line and the value.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WeightsFiles {
  private WeightsFiles() {}

  /**
   * Reads a GAL file as binary weights.
   *
   * @param in the text; never {@code null}, not closed
   * @param source a name for messages, e.g. the file name; never {@code null}
   * @return the weights, areas in file order; never {@code null}
   * @throws IOException if reading fails or the file is malformed (the message names the line)
   */
  public static SpatialWeights readGal(Reader in, String source) throws IOException {
    BufferedReader r = new BufferedReader(Objects.requireNonNull(in, "in must not be null"));
    int[] line = {0};
    String[] header = tokens(next(r, line, source, "the header"));
    int n = integer(header.length >= 2 ? header[1] : header[0], source, line[0], "number of areas");
    List<String> ids = new ArrayList<>(n);
    List<String[]> neighbourIds = new ArrayList<>(n);
    List<Integer> lines = new ArrayList<>(n);
    for (int a = 0; a < n; a++) {
      String[] head = tokens(next(r, line, source, "area " + (a + 1) + " of " + n));
      if (head.length != 2) {
        throw problem(
            source, line[0], "expected 'id count', found '" + String.join(" ", head) + "'");
      }
      int count = integer(head[1], source, line[0], "neighbour count of " + head[0]);
      String body =
          count == 0 ? nextOrEmpty(r, line) : next(r, line, source, "the neighbours of " + head[0]);
      String[] nb = tokens(body);
      if (nb.length != count) {
        throw problem(
            source,
            line[0],
            "area " + head[0] + " declares " + count + " neighbours but lists " + nb.length);
      }
      ids.add(head[0]);
      neighbourIds.add(nb);
      lines.add(line[0]);
    }
    return link(ids, neighbourIds, lines, source).build(Transform.BINARY);
  }

  /**
   * Reads a GWT file; areas are ordered as they first appear, which loses islands: prefer {@link
   * #readGwt(Reader, String, List)}.
   *
   * @param in the text; never {@code null}, not closed
   * @param source a name for messages; never {@code null}
   * @return general weights as given in the file; never {@code null}
   * @throws IOException if reading fails or the file is malformed
   */
  public static SpatialWeights readGwt(Reader in, String source) throws IOException {
    return readGwt(in, source, null);
  }

  /**
   * Reads a GWT file over the given ids (in that order); ids with no line are islands.
   *
   * @param in the text; never {@code null}, not closed
   * @param source a name for messages; never {@code null}
   * @param ids every area's id in data order, or {@code null} to take them from the file
   * @return general weights as given in the file; never {@code null}
   * @throws IOException if reading fails, the file is malformed or names an id not in {@code ids}
   */
  public static SpatialWeights readGwt(Reader in, String source, List<String> ids)
      throws IOException {
    BufferedReader r = new BufferedReader(Objects.requireNonNull(in, "in must not be null"));
    int[] line = {0};
    next(r, line, source, "the header");
    Map<String, Integer> index = new LinkedHashMap<>();
    if (ids != null) {
      for (String id : ids) {
        index.put(id, index.size());
      }
    }
    List<String[]> links = new ArrayList<>();
    List<Integer> lineOf = new ArrayList<>();
    String text;
    while ((text = r.readLine()) != null) {
      line[0]++;
      if (text.isBlank()) {
        continue;
      }
      String[] t = tokens(text);
      if (t.length != 3) {
        throw problem(source, line[0], "expected 'from to weight', found '" + text.strip() + "'");
      }
      number(t[2], source, line[0]);
      for (int k = 0; k < 2; k++) {
        if (!index.containsKey(t[k])) {
          if (ids != null) {
            throw problem(
                source, line[0], "id " + t[k] + " is not among the " + ids.size() + " areas");
          }
          index.put(t[k], index.size());
        }
      }
      links.add(t);
      lineOf.add(line[0]);
    }
    SpatialWeights.Builder b = SpatialWeights.builder(new ArrayList<>(index.keySet()));
    for (int k = 0; k < links.size(); k++) {
      String[] t = links.get(k);
      try {
        b.link(index.get(t[0]), index.get(t[1]), number(t[2], source, lineOf.get(k)));
      } catch (IllegalArgumentException e) {
        throw problem(source, lineOf.get(k), e.getMessage());
      }
    }
    return b.build(Transform.GENERAL);
  }

  /**
   * Writes weights as GAL (neighbour lists only; weights are dropped).
   *
   * @param w the weights; never {@code null}
   * @param idVariable the id variable named in the header, e.g. {@code "id"}; never {@code null}
   * @param out where to write; never {@code null}, not closed
   * @throws IOException if writing fails
   */
  public static void writeGal(SpatialWeights w, String idVariable, Writer out) throws IOException {
    out.write("0 " + w.size() + " atalaya " + idVariable + "\n");
    for (int i = 0; i < w.size(); i++) {
      out.write(checkedId(w.id(i)) + " " + w.cardinality(i) + "\n");
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < w.cardinality(i); k++) {
        sb.append(k == 0 ? "" : " ").append(w.id(w.neighbour(i, k)));
      }
      out.write(sb.append('\n').toString());
    }
    out.flush();
  }

  /**
   * Writes weights as GWT, one line per link with the weight in shortest round-trip form.
   *
   * @param w the weights; never {@code null}
   * @param idVariable the id variable named in the header; never {@code null}
   * @param out where to write; never {@code null}, not closed
   * @throws IOException if writing fails
   */
  public static void writeGwt(SpatialWeights w, String idVariable, Writer out) throws IOException {
    out.write("0 " + w.size() + " atalaya " + idVariable + "\n");
    for (int i = 0; i < w.size(); i++) {
      for (int k = 0; k < w.cardinality(i); k++) {
        out.write(checkedId(w.id(i)) + " " + w.id(w.neighbour(i, k)) + " " + w.weight(i, k) + "\n");
      }
    }
    out.flush();
  }

  private static String checkedId(String id) {
    if (id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "id '"
              + id
              + "' cannot be written to a weights file: it is empty or contains white space");
    }
    return id;
  }

  private static SpatialWeights.Builder link(
      List<String> ids, List<String[]> neighbourIds, List<Integer> lines, String source)
      throws IOException {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (index.put(ids.get(i), i) != null) {
        throw problem(source, lines.get(i) - 1, "id " + ids.get(i) + " appears twice");
      }
    }
    SpatialWeights.Builder b = SpatialWeights.builder(ids);
    for (int i = 0; i < ids.size(); i++) {
      for (String nb : neighbourIds.get(i)) {
        Integer j = index.get(nb);
        if (j == null) {
          throw problem(
              source,
              lines.get(i),
              "neighbour " + nb + " of area " + ids.get(i) + " is not an area of the file");
        }
        try {
          b.link(i, j);
        } catch (IllegalArgumentException e) {
          throw problem(source, lines.get(i), e.getMessage());
        }
      }
    }
    return b;
  }

  private static String next(BufferedReader r, int[] line, String source, String what)
      throws IOException {
    String s;
    do {
      s = r.readLine();
      line[0]++;
      if (s == null) {
        throw problem(source, line[0], "the file ends before " + what);
      }
    } while (s.isBlank());
    return s;
  }

  private static String nextOrEmpty(BufferedReader r, int[] line) throws IOException {
    // an island's neighbour line is empty; some writers leave it out at the end of the file
    r.mark(8192);
    String s = r.readLine();
    if (s == null) {
      return "";
    }
    if (!s.isBlank() && tokens(s).length == 2 && !s.strip().isEmpty()) {
      // looks like the next area's header: the writer left the empty line out
      r.reset();
      return "";
    }
    line[0]++;
    return s;
  }

  private static String[] tokens(String s) {
    String t = s.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  private static int integer(String s, String source, int line, String what) throws IOException {
    try {
      int v = Integer.parseInt(s);
      if (v < 0) {
        throw problem(source, line, what + " (" + s + ") must not be negative");
      }
      return v;
    } catch (NumberFormatException e) {
      throw problem(source, line, what + " (" + s + ") is not a whole number");
    }
  }

  private static double number(String s, String source, int line) throws IOException {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw problem(source, line, "weight (" + s + ") is not a number");
    }
  }

  private static IOException problem(String source, int line, String message) {
    return new IOException(String.format(Locale.ROOT, "%s, line %d: %s", source, line, message));
  }
}
