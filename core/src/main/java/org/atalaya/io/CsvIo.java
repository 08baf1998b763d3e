package org.atalaya.io;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text rules that CSV reading ({@link CsvIncidentReader}, {@link CsvColumns}) and writing
 * ({@link CsvIncidentWriter}) share: formula protection, character-set and delimiter detection, and
 * how a rejected row is written back as text. See {@code sdk-docs/io.md} for the columns.
 *
 * <p>Structured fields use compact cells: victims {@code SEX/age/ageBand/RELATIONSHIP/OUTCOME}
 * separated by {@code |}; the case history {@code STATUS@yyyy-mm-dd} separated by blanks;
 * sensitivity flags separated by blanks; other codes, source references and attributes as JSON.
 */
final class CsvIo {
  static final CsvFactory FACTORY = new CsvFactory();
  static final int SAMPLE = 1 << 16;

  private CsvIo() {}

  /** Returns whether a cell would be read by a spreadsheet as a formula, apostrophes aside. */
  private static boolean looksLikeFormula(String v, int from) {
    int i = from;
    while (i < v.length() && v.charAt(i) == '\'') {
      i++;
    }
    if (i >= v.length()) {
      return false;
    }
    char c = v.charAt(i);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  static String protect(String v) {
    return looksLikeFormula(v, 0) ? "'" + v : v;
  }

  static String unprotect(String v) {
    return v.length() > 1 && v.charAt(0) == '\'' && looksLikeFormula(v, 1) ? v.substring(1) : v;
  }

  static boolean isUtf8(byte[] sample) {
    CharsetDecoder d =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(sample.length + 1);
    // endOfInput=false: a character cut off at the end of the sample is not an error.
    CoderResult r = d.decode(ByteBuffer.wrap(sample), out, false);
    return !r.isError();
  }

  static char detectDelimiter(String sample) {
    int comma = 0;
    int semi = 0;
    int tab = 0;
    boolean quoted = false;
    for (int i = 0; i < sample.length(); i++) {
      char c = sample.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == '\n' || c == '\r') {
          break;
        } else if (c == ',') {
          comma++;
        } else if (c == ';') {
          semi++;
        } else if (c == '\t') {
          tab++;
        }
      }
    }
    if (semi > comma && semi >= tab) {
      return ';';
    }
    return tab > comma ? '\t' : ',';
  }

  static String encode(List<String> cells, char delimiter) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      String c = cells.get(i);
      if (c.indexOf(delimiter) >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        sb.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
