package org.atalaya.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for the JSON cells Atalaya's CSV writer writes: flat objects of strings without
 * escape sequences ({@code {"src:BARRIO":"Kennedy"}}) and arrays of such objects. Creating a
 * Jackson parser for each small cell took a fifth of the CSV import time, so these common, simple
 * cells are scanned directly; anything else (escapes, numbers, nesting, odd spacing, errors) makes
 * the scan give up and the caller uses Jackson, so the language accepted is exactly JSON's and
 * every error message still comes from Jackson. Without a backslash a JSON string cannot contain a
 * quote, so finding the closing quote is unambiguous. Stateless and thread-safe.
 */
final class SimpleJsonCells {
  private SimpleJsonCells() {}

  /**
   * Scans {@code {"k":"v",...}} starting at {@code pos}, appending keys and values alternately.
   *
   * @return the index after the closing brace, or -1 to fall back to Jackson
   */
  static int object(String s, int pos, List<String> keysAndValues) {
    int i = skip(s, pos);
    if (i >= s.length() || s.charAt(i) != '{') {
      return -1;
    }
    i = skip(s, i + 1);
    if (i < s.length() && s.charAt(i) == '}') {
      return i + 1;
    }
    while (true) {
      int keyEnd = string(s, i);
      if (keyEnd < 0) {
        return -1;
      }
      String key = s.substring(i + 1, keyEnd - 1);
      i = skip(s, keyEnd);
      if (i >= s.length() || s.charAt(i) != ':') {
        return -1;
      }
      i = skip(s, i + 1);
      int valueEnd = string(s, i);
      if (valueEnd < 0) {
        return -1;
      }
      keysAndValues.add(key);
      keysAndValues.add(s.substring(i + 1, valueEnd - 1));
      i = skip(s, valueEnd);
      if (i >= s.length()) {
        return -1;
      }
      char c = s.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c != ',') {
        return -1;
      }
      i = skip(s, i + 1);
    }
  }

  /**
   * Scans a whole cell that is one flat object of strings.
   *
   * @return the keys and values alternately, or null to fall back to Jackson
   */
  static List<String> wholeObject(String s) {
    List<String> kv = new ArrayList<>(4);
    int end = object(s, 0, kv);
    return end >= 0 && skip(s, end) == s.length() ? kv : null;
  }

  /**
   * Scans a whole cell that is an array of flat objects of strings.
   *
   * @return one list of keys and values per object, or null to fall back to Jackson
   */
  static List<List<String>> wholeArrayOfObjects(String s) {
    int i = skip(s, 0);
    if (i >= s.length() || s.charAt(i) != '[') {
      return null;
    }
    List<List<String>> out = new ArrayList<>(2);
    i = skip(s, i + 1);
    if (i < s.length() && s.charAt(i) == ']') {
      return skip(s, i + 1) == s.length() ? out : null;
    }
    while (true) {
      List<String> kv = new ArrayList<>(6);
      i = object(s, i, kv);
      if (i < 0) {
        return null;
      }
      out.add(kv);
      i = skip(s, i);
      if (i >= s.length()) {
        return null;
      }
      char c = s.charAt(i);
      if (c == ']') {
        return skip(s, i + 1) == s.length() ? out : null;
      }
      if (c != ',') {
        return null;
      }
      i = i + 1;
    }
  }

  /** Returns the index after the closing quote of a string at {@code i} without escapes, or -1. */
  private static int string(String s, int i) {
    if (i >= s.length() || s.charAt(i) != '"') {
      return -1;
    }
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '"') {
        return j + 1;
      }
      if (c == '\\' || c < 0x20) {
        return -1;
      }
    }
    return -1;
  }

  private static int skip(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      i++;
    }
    return i;
  }
}
