package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.atalaya.code.Severity;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentGenerators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading what a writer wrote gives equal incidents, for every format and CSV layout. */
class RoundTripTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

  static List<Arguments> formats() {
    return List.of(
        Arguments.of(IncidentFormat.CSV, CsvLayout.canonical()),
        Arguments.of(IncidentFormat.CSV, CsvLayout.spanishExcel()),
        Arguments.of(IncidentFormat.JSON, CsvLayout.canonical()),
        Arguments.of(IncidentFormat.NDJSON, CsvLayout.canonical()),
        Arguments.of(IncidentFormat.GEOJSON, CsvLayout.canonical()));
  }

  static byte[] write(IncidentFormat format, CsvLayout layout, List<Incident> incidents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IncidentWriter w = format.writer(out, layout)) {
      w.writeAll(incidents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static ReadResult read(IncidentFormat format, byte[] bytes) {
    try {
      return format
          .reader()
          .readAll(new ByteArrayInputStream(bytes), ReadOptions.builder().clock(CLOCK).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formats")
  void readingWhatWasWrittenGivesEqualIncidents(IncidentFormat format, CsvLayout layout) {
    qt().withExamples(300)
        .forAll(IncidentGenerators.incidentLists())
        .checkAssert(
            incidents -> {
              byte[] bytes = write(format, layout, incidents);
              ReadResult result = read(format, bytes);
              assertThat(result.report().problems(Severity.ERROR)).isEmpty();
              assertThat(result.report().read()).isEqualTo(incidents.size());
              assertThat(result.incidents()).containsExactlyElementsOf(incidents);
            });
  }
}
