package org.atalaya.benchmarks;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.synthetic.SyntheticIncidents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV import of canonical rows: Atalaya's full import (parse, decode every field, validate, build
 * immutable incidents, check duplicate ids) against the baseline of raw Jackson CSV parsing of the
 * same file into cell strings, in the same run. Each operation reads the whole file; divide the row
 * count by the time per operation for rows per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CsvImportBenchmark}; the default file
 * has 1,000,000 rows ({@code -p rows=...} to change).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CsvImportBenchmark {

  @Param("1000000")
  public int rows;

  private Path file;

  /** Writes the canonical CSV once: synthetic incidents, ids made unique per row. */
  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    file = Files.createTempFile("atalaya-bench-", ".csv");
    double scale =
        rows
            / (double)
                (SyntheticIncidents.BASE_PER_YEAR_TEGUCIGALPA
                    + SyntheticIncidents.BASE_PER_YEAR_SAN_PEDRO_SULA);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        IncidentWriter w = IncidentFormat.CSV.writer(os)) {
      long n = 0;
      for (Incident i : SyntheticIncidents.of(7, 2025, 1, scale)) {
        if (n++ >= rows) {
          break;
        }
        w.write(i);
      }
    }
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Atalaya: the complete import, every row validated and turned into an {@link Incident}. */
  @Benchmark
  public long atalayaImport(Blackhole bh) throws IOException {
    ReadReport r = IncidentFormat.CSV.reader().read(file, ReadOptions.defaults(), bh::consume);
    if (r.accepted() != rows) {
      throw new IllegalStateException("expected " + rows + " accepted rows, got " + r);
    }
    return r.accepted();
  }

  /** Baseline: raw Jackson CSV tokenising of the same file into cell strings, nothing else. */
  @Benchmark
  public long rawJacksonCsv(Blackhole bh) throws IOException {
    long records = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        CsvParser p =
            new CsvFactory().createParser(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      p.setSchema(CsvSchema.emptySchema());
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          bh.consume(p.getText());
        } else if (t == JsonToken.END_ARRAY) {
          records++;
        }
      }
    }
    return records;
  }
}
