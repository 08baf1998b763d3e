package org.atalaya.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The file formats incidents are read from and written to. Every format is lossless: what its
 * writer writes, its reader reads back as equal incidents.
 *
 * @since 0.1
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum IncidentFormat {
  /** CSV, canonical columns or mapped ({@link CsvLayout}, {@link CsvMapping}). */
  CSV,
  /** A JSON array of incident objects. */
  JSON,
  /** Newline-delimited JSON: one incident object per line. */
  NDJSON,
  /**
   * A GeoJSON FeatureCollection (RFC 7946): each incident a Feature with a Point geometry in
   * longitude, latitude order (null when the incident has no point) and the rest in its properties.
   * Coordinates are written with full double precision so round trips are exact.
   */
  GEOJSON;

  /**
   * Returns the format a file name's extension implies: {@code .csv} or {@code .txt}, {@code
   * .json}, {@code .ndjson} or {@code .jsonl}, {@code .geojson}.
   *
   * @param file the file; never null
   * @return the format; never {@code null} but empty for other extensions
   */
  public static Optional<IncidentFormat> fromFileName(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".txt")) {
      return Optional.of(CSV);
    } else if (name.endsWith(".geojson")) {
      return Optional.of(GEOJSON);
    } else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return Optional.of(NDJSON);
    } else if (name.endsWith(".json")) {
      return Optional.of(JSON);
    }
    return Optional.empty();
  }

  /**
   * Parses a format name, case-insensitively ({@code csv}, {@code json}, {@code ndjson}, {@code
   * geojson}).
   *
   * @param name the name; never null
   * @return the format
   * @throws IllegalArgumentException if the name is not a format
   */
  public static IncidentFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "format (" + name + ") must be one of csv, json, ndjson, geojson", e);
    }
  }

  /**
   * Returns a reader of this format. Readers are stateless and thread-safe.
   *
   * @return the reader; never {@code null}
   */
  public IncidentReader reader() {
    return switch (this) {
      case CSV -> new CsvIncidentReader();
      case JSON -> new JsonIo.ArrayReader();
      case NDJSON -> new JsonIo.NdjsonReader();
      case GEOJSON -> new JsonIo.GeoJsonReader();
    };
  }

  /**
   * Returns a writer of this format on {@code out}, in the canonical CSV layout for CSV.
   *
   * @param out the stream, closed when the writer is closed; never null
   * @return the writer; not thread-safe
   * @throws IOException if the stream cannot be written
   */
  public IncidentWriter writer(OutputStream out) throws IOException {
    return writer(out, CsvLayout.canonical());
  }

  /**
   * Returns a writer of this format on {@code out}; CSV uses {@code layout} (its delimiter,
   * byte-order mark, decimal comma and formula protection; mappings are for reading only).
   *
   * @param out the stream, closed when the writer is closed; never null
   * @param layout the CSV layout; never null
   * @return the writer; not thread-safe
   * @throws IOException if the stream cannot be written
   */
  public IncidentWriter writer(OutputStream out, CsvLayout layout) throws IOException {
    return switch (this) {
      case CSV -> new CsvIncidentWriter(out, layout);
      case JSON -> new JsonIo.ArrayWriter(out);
      case NDJSON -> new JsonIo.NdjsonWriter(out);
      case GEOJSON -> new JsonIo.GeoJsonWriter(out);
    };
  }
}
