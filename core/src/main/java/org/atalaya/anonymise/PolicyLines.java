package org.atalaya.anonymise;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where each field of a policy file stands, so that an error names the file, the line and the
 * field: {@code "policy open-data.json, line 12, roles.case-history: ..."}.
 */
final class PolicyLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String source;
  private final Map<String, Integer> lines;

  private PolicyLines(String source, Map<String, Integer> lines) {
    this.source = source;
    this.lines = lines;
  }

  /** Reads the line of every field and array element of {@code json}, by JSON pointer. */
  static PolicyLines of(byte[] json, String source) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = JSON.getFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        // A field's name and an element's value stand where the field or element starts.
        if (t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
          lines.putIfAbsent(
              p.getParsingContext().pathAsPointer().toString(), p.currentLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // The tree reader has read the same text already; lines are only a help.
    }
    return new PolicyLines(source, lines);
  }

  /**
   * Returns {@code "policy SOURCE, line N"} for the field at {@code pointer}, without the line when
   * unknown.
   */
  String where(String pointer) {
    Integer line = lines.get(pointer);
    return "policy " + source + (line == null ? "" : ", line " + line);
  }

  /** Returns the detail of an error at {@code pointer}: where, the field, and what is wrong. */
  String at(String pointer, String detail) {
    String field = pointer.isEmpty() ? "" : ", " + pointer.substring(1).replace('/', '.');
    return where(pointer) + field + ": " + detail;
  }

  /** Runs {@code read}; an invalid value it reports is reported again at {@code pointer}. */
  <T> T parse(String pointer, Supplier<T> read) {
    try {
      return read.get();
    } catch (AnonymisationException e) {
      if (e.code() != AnonymiseCode.INVALID_POLICY
          || e.detail().startsWith("policy " + source + ",")) {
        throw e;
      }
      throw new AnonymisationException(AnonymiseCode.INVALID_POLICY, at(pointer, e.detail()));
    } catch (IllegalArgumentException e) {
      throw new AnonymisationException(
          AnonymiseCode.INVALID_POLICY, at(pointer, String.valueOf(e.getMessage())));
    }
  }
}
