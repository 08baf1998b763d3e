package org.atalaya.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.CsvMapping;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import picocli.CommandLine.Option;

/** Options shared by commands that read incidents (a picocli mixin). */
final class InputOptions {
  @Option(names = "--mapping", paramLabel = "MAPPING.json", description = "Column mapping for CSV files whose columns are not the canonical ones.")
  Path mapping;

  @Option(names = "--charset", paramLabel = "CHARSET", description = "Character set of a CSV file (default: detected; UTF-8 or windows-1252).")
  Charset charset;

  @Option(names = "--delimiter", paramLabel = "CHAR", description = "CSV delimiter (default: detected from the header).")
  Character delimiter;

  @Option(names = "--lang", paramLabel = "es|en", description = "Language of messages (default: ${DEFAULT-VALUE}).", defaultValue = "en")
  String lang;

  Locale locale() {
    return Texts.locale(lang);
  }

  Texts texts() {
    return Texts.of(lang);
  }

  static IncidentFormat format(String given, Path file, String option) {
    if (given != null) {
      return IncidentFormat.parse(given);
    }
    return IncidentFormat.fromFileName(file)
        .orElseThrow(() -> new IllegalArgumentException(
            "cannot tell the format of " + file + " from its extension; give " + option + " csv|json|ndjson|geojson"));
  }

  /**
   * Returns the read options, or throws a usage error when the mapping file is missing or invalid
   * (the user named a wrong file: exit code 2, not a data problem).
   */
  ReadOptions readOptions(Path file) throws UsageError {
    try {
      return buildReadOptions(file);
    } catch (IOException | IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
  }

  /** A problem with the command's options, reported with exit code 2. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  private ReadOptions buildReadOptions(Path file) throws IOException {
    CsvLayout layout = CsvLayout.detect();
    if (mapping != null) {
      layout = layout.withMapping(CsvMapping.fromJson(mapping));
    }
    if (charset != null) {
      layout = layout.withCharset(charset);
    }
    if (delimiter != null) {
      layout = layout.withDelimiter(delimiter);
    }
    return ReadOptions.builder().sourceName(String.valueOf(file.getFileName())).csvLayout(layout).build();
  }
}
