package org.atalaya.taxonomy;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small UTF-8 CSV tables shipped in this package ({@code iccs.csv}, {@code
 * honduras-categories.csv}).
 *
 * <p>The format is what a spreadsheet writes, plus comments: comma-separated; a field may be
 * enclosed in double quotes, inside which a comma is literal and {@code ""} is one quote; a byte
 * order mark is ignored; blank lines and lines whose first character is {@code #} are skipped; the
 * first remaining line is the header and must equal the expected columns. A quoted field cannot
 * span lines. Rows are returned with their 1-based line number so errors can point at the line.
 *
 * <p>Package-private: not API. Stateless and thread-safe.
 */
final class CsvResource {

  /** One data row: its line number in the file and its fields, stripped of surrounding blanks. */
  record Row(int line, List<String> fields) {
    String get(int column) {
      return column < fields.size() ? fields.get(column) : "";
    }
  }

  private CsvResource() {}

  /**
   * Reads a resource next to this class.
   *
   * @param name the resource name, for example {@code "iccs.csv"}
   * @param header the expected column names, in order
   * @return the data rows, in file order
   * @throws IllegalStateException if the resource is missing, cannot be read or is malformed (a
   *     packaging error: the resource is part of the jar)
   */
  static List<Row> read(String name, List<String> header) {
    InputStream in = CsvResource.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          "Resource org/atalaya/taxonomy/"
              + name
              + " is missing from the class path; "
              + "the atalaya-core jar is incomplete. Rebuild or re-download it.");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(name, reader, header);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read resource org/atalaya/taxonomy/" + name, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Parses CSV text; visible for tests. */
  static List<Row> parse(String name, BufferedReader reader, List<String> header)
      throws IOException {
    List<Row> rows = new ArrayList<>();
    boolean headerSeen = false;
    int lineNumber = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = split(name, lineNumber, line);
      if (!headerSeen) {
        checkArgument(
            fields.equals(header),
            "%s line %s: header (%s) must be %s",
            name,
            lineNumber,
            String.join(",", fields),
            String.join(",", header));
        headerSeen = true;
        continue;
      }
      checkArgument(
          fields.size() <= header.size(),
          "%s line %s: row has %s fields but the header has only %s (quote fields that contain"
              + " commas)",
          name,
          lineNumber,
          fields.size(),
          header.size());
      rows.add(new Row(lineNumber, List.copyOf(fields)));
    }
    checkArgument(headerSeen, "%s: header %s is missing", name, String.join(",", header));
    return List.copyOf(rows);
  }

  private static List<String> split(String name, int lineNumber, String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    checkArgument(!quoted, "%s line %s: a quoted field is not closed", name, lineNumber);
    fields.add(field.toString().strip());
    return fields;
  }
}
