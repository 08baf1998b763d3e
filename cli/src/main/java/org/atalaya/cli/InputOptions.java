package org.atalaya.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.atalaya.code.Severity;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.CsvMapping;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.ReadOptions;
import org.atalaya.plugin.PluginIssue;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.Extension;
import org.atalaya.spi.ExtensionPoints;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by commands that read incidents (a picocli mixin). */
final class InputOptions {
  @Option(
      names = "--mapping",
      paramLabel = "MAPPING.json",
      description = "Column mapping for CSV files whose columns are not the canonical ones.")
  Path mapping;

  @Option(
      names = "--charset",
      paramLabel = "CHARSET",
      description = "Character set of a CSV file (default: detected; UTF-8 or windows-1252).")
  Charset charset;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "CSV delimiter (default: detected from the header).")
  Character delimiter;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description =
          "Also use the importers and exporters of the plugin jars in DIR (check them with 'atalaya"
              + " plugins doctor').")
  Path pluginsDir;

  private PluginRegistry plugins;

  @Mixin LangOption language = new LangOption();

  Locale locale() {
    return language.locale();
  }

  Texts texts() {
    return language.texts();
  }

  static IncidentFormat format(String given, Path file, String option) {
    if (given != null) {
      return IncidentFormat.parse(given);
    }
    return IncidentFormat.fromFileName(file)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot tell the format of "
                        + file
                        + " from its extension; give "
                        + option
                        + " csv|json|ndjson|geojson"));
  }

  /**
   * Returns the plugins (Atalaya's own formats and those of {@code --plugins-dir}), discovered
   * once. Plugins that did not load are named on {@code err}, one line each, and left out: a broken
   * plugin never stops a command that does not need it.
   */
  PluginRegistry plugins(PrintWriter err) {
    if (plugins == null) {
      plugins = PluginsCommand.discover(pluginsDir);
      for (PluginIssue i : plugins.issues()) {
        if (i.severity() == Severity.ERROR) {
          err.println(
              "atalaya: "
                  + i.code().code()
                  + " "
                  + i.message(locale())
                  + " ("
                  + texts().get("plugins.seeDoctor")
                  + ")");
        }
      }
      err.flush();
    }
    return plugins;
  }

  /**
   * Returns the importer named by {@code given} (an importer id such as {@code csv} or a plugin's
   * {@code denuncias-csv}), or else the one that recognises the file best.
   */
  IncidentImporter importer(String given, Path file, String option, PrintWriter err)
      throws UsageError {
    PluginRegistry registry = plugins(err);
    if (given != null) {
      return registry
          .importer(given)
          .orElseThrow(
              () ->
                  new UsageError(
                      texts()
                          .get(
                              "importer.unknown",
                              given,
                              option,
                              ids(registry.extensions(ExtensionPoints.IMPORTER)))));
    }
    try {
      return registry
          .importerFor(FileSample.of(file))
          .orElseThrow(
              () ->
                  new UsageError(
                      texts()
                          .get(
                              "importer.unknownFormat",
                              file,
                              option,
                              ids(registry.extensions(ExtensionPoints.IMPORTER)))));
    } catch (IOException e) {
      throw new UsageError(texts().get("io.cannotReadBecause", file, e.getMessage()));
    }
  }

  /**
   * Returns the exporter named by {@code given}, or else the one for the output file's extension.
   */
  IncidentExporter exporter(String given, Path file, String option, PrintWriter err)
      throws UsageError {
    PluginRegistry registry = plugins(err);
    if (given != null) {
      return registry
          .exporter(given)
          .orElseThrow(
              () ->
                  new UsageError(
                      texts()
                          .get(
                              "exporter.unknown",
                              given,
                              option,
                              ids(registry.extensions(ExtensionPoints.EXPORTER)))));
    }
    return registry
        .exporterFor(String.valueOf(file.getFileName()))
        .orElseThrow(
            () ->
                new UsageError(
                    texts()
                        .get(
                            "exporter.unknownFormat",
                            file,
                            option,
                            ids(registry.extensions(ExtensionPoints.EXPORTER)))));
  }

  private static String ids(List<? extends Extension> extensions) {
    return extensions.stream().map(Extension::id).collect(Collectors.joining(", "));
  }

  /**
   * Returns the read options, or throws a usage error when the mapping file is missing or invalid
   * (the user named a wrong file: exit code 2, not a data problem).
   */
  ReadOptions readOptions(Path file) throws UsageError {
    try {
      return buildReadOptions(file);
    } catch (FileSystemException e) {
      // opening the mapping file failed; such messages are the bare path (CsvMapping names the
      // rest)
      throw new UsageError(
          texts()
              .get(
                  "mapping.cannotRead",
                  e.getFile(),
                  e instanceof NoSuchFileException
                      ? texts().get("mapping.noSuchFile")
                      : e.getReason() != null
                          ? e.getReason()
                          : texts().get("mapping.notReadable")));
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
    return ReadOptions.builder()
        .sourceName(String.valueOf(file.getFileName()))
        .csvLayout(layout)
        .build();
  }
}
