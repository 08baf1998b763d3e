package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.atalaya.code.Severity;
import org.atalaya.incident.Incident;
import org.atalaya.incident.LatLon;
import org.atalaya.incident.SensitivityFlag;
import org.atalaya.incident.TimePrecision;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.generators.SourceDSL;

/** Every read-time check of the issue, with the row, field and code it must report. */
class ReadChecksTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
  static final ReadOptions OPTIONS =
      ReadOptions.builder().clock(CLOCK).sourceName("test.csv").build();

  static ReadResult csv(String text) throws IOException {
    return IncidentFormat.CSV
        .reader()
        .readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), OPTIONS);
  }

  static Problem only(ReadResult r) {
    assertThat(r.report().problems()).hasSize(1);
    return r.report().problems().get(0);
  }

  @Test
  void anOffsetBeyondEighteenHoursIsACodedRejectionNotACrash() throws IOException {
    // java.time's offsets end at ±18:00; +18:30 once escaped the reader as a DateTimeException.
    String text =
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00+18:30,14.08,-87.2,0101\n"
            + "b,2024-03-15T21:30:00-06:00,14.08,-87.2,0101\n";
    ReadResult r = csv(text);
    assertThat(r.report().read()).isEqualTo(2);
    assertThat(r.report().accepted()).isEqualTo(1);
    assertThat(r.report().problems())
        .extracting(Problem::row, Problem::field, p -> p.code().code())
        .containsExactly(Tuple.tuple(1L, "occurred_from", "ATL-IO-005"));
  }

  @Test
  void anUnreadableValueIsReportedOnceNotAgainAsMissing() throws IOException {
    String text =
        "id,occurred_from,occurred_to,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,,\"14,0x\",-87.2068,0101\n" // latitude unreadable,
            // longitude fine
            + "b,2024-13-15T21:30:00-06:00,2024-03-16T21:30:00-06:00,14.08,-87.2,0101\n" // start
            // unreadable, end fine
            + "c,2024-03-15T21:30:00-06:00,,,-87.2068,0101\n"; // latitude really missing
    ReadResult r = csv(text);
    assertThat(r.report().problems())
        .extracting(Problem::row, Problem::field, p -> p.code().code())
        .containsExactly(
            Tuple.tuple(1L, "latitude", "ATL-IO-008"),
            Tuple.tuple(2L, "occurred_from", "ATL-IO-005"),
            Tuple.tuple(3L, "longitude", "ATL-IO-011"));
  }

  @Test
  void everyBadRowIsReportedWithRowFieldAndCode() throws IOException {
    String text =
        "id,occurred_from,latitude,longitude,iccs\n"
            + "ok-1,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n" // row 1 fine
            + "bad-range,2024-03-15T21:30:00-06:00,95,-87.2,0101\n" // row 2 latitude out of range
            + "bad-nan,2024-03-15T21:30:00-06:00,NaN,-87.2,0101\n" // row 3 NaN
            + "bad-zero,2024-03-15T21:30:00-06:00,0,0,0101\n" // row 4 (0,0)
            + "bad-swap,2024-03-15T21:30:00-06:00,-87.2068,14.0818,0101\n" // row 5 swapped
            + "bad-future,2027-01-01T00:00:00-06:00,14.1,-87.2,0101\n" // row 6 future
            + "ok-1,2024-03-15T21:30:00-06:00,14.1,-87.2,0101\n" // row 7 duplicate id
            + ",2024-03-15T21:30:00-06:00,14.1,-87.2,0101\n" // row 8 no id
            + "bad-date,15/03/2024,14.1,-87.2,0101\n" // row 9 unreadable date
            + "half,2024-03-15T21:30:00-06:00,14.1,,0101\n"; // row 10 half coordinate
    ReadResult r = csv(text);
    ReadReport report = r.report();
    assertThat(report.read()).isEqualTo(10);
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(9);
    assertThat(report.problems())
        .extracting(Problem::row, Problem::field, p -> p.code().code())
        .containsExactly(
            Tuple.tuple(2L, "latitude", "ATL-IO-006"),
            Tuple.tuple(3L, "latitude", "ATL-IO-008"),
            Tuple.tuple(4L, "latitude", "ATL-IO-009"),
            Tuple.tuple(5L, "latitude", "ATL-IO-010"),
            Tuple.tuple(6L, "occurred_from", "ATL-IO-013"),
            Tuple.tuple(7L, "id", "ATL-IO-003"),
            Tuple.tuple(8L, "id", "ATL-IO-002"),
            Tuple.tuple(9L, "occurred_from", "ATL-IO-005"),
            Tuple.tuple(10L, "latitude", "ATL-IO-011"));
    assertThat(r.rejections())
        .extracting(Rejection::row)
        .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(r.rejections().get(0).raw())
        .isEqualTo("bad-range,2024-03-15T21:30:00-06:00,95,-87.2,0101");
  }

  @Test
  void reversedWindowIsRejected() throws IOException {
    Problem p =
        only(
            csv(
                "id,occurred_from,occurred_to\n"
                    + "x,2024-03-15T21:30:00-06:00,2024-03-14T21:30:00-06:00\n"));
    assertThat(p.code()).isEqualTo(ProblemCode.TIME_WINDOW_REVERSED);
    assertThat(p.field()).isEqualTo("occurred_to");
  }

  @Test
  void swapIsDetectedOutsideRangeEvenWithoutRegion() throws IOException {
    ReadOptions worldwide = OPTIONS.toBuilder().expectedRegion(null).build();
    ReadResult r =
        IncidentFormat.CSV
            .reader()
            .readAll(
                new ByteArrayInputStream(
                    "id,latitude,longitude\nx,-120.5,45.1\n".getBytes(StandardCharsets.UTF_8)),
                worldwide);
    assertThat(only(r).code()).isEqualTo(ProblemCode.COORDINATES_SWAPPED);
  }

  @Test
  void unknownCategoryIsKeptAndFlagged() throws IOException {
    CsvMapping mapping =
        CsvMapping.builder().column("id", "ID").column("category", "DELITO").build();
    ReadOptions opts =
        OPTIONS.toBuilder().csvLayout(CsvLayout.detect().withMapping(mapping)).build();
    ReadResult r =
        IncidentFormat.CSV
            .reader()
            .readAll(
                new ByteArrayInputStream(
                    "ID;DELITO\n1;Extorsión\n2;robo de gallinas raras\n"
                        .getBytes(StandardCharsets.UTF_8)),
                opts);
    assertThat(r.report().accepted()).isEqualTo(2);
    assertThat(r.incidents().get(0).iccs())
        .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("02051"));
    Incident unknown = r.incidents().get(1);
    assertThat(unknown.iccs()).isEmpty();
    assertThat(unknown.classification().sourceLabel()).contains("robo de gallinas raras");
    assertThat(only(r).code()).isEqualTo(ProblemCode.UNKNOWN_CATEGORY);
    assertThat(only(r).severity()).isEqualTo(Severity.WARNING);
    assertThat(only(r).field()).isEqualTo("DELITO");
  }

  @Test
  void spanishExcelFileIsReadWithMapping() throws IOException {
    String text =
        "No. Caso;Fecha;Delito;Latitud;Longitud;Barrio;Observación\r\n"
            + "A-1;15/03/2024 21:30;Homicidio;14,0818;-87,2068;Kennedy;=cmd|' /C calc'!A0\r\n"
            + "A-2;16/03/2024;Violencia doméstica;15,5;-88,02;;\r\n";
    CsvMapping mapping =
        CsvMapping.builder()
            .column("id", "No. Caso")
            .column("occurred_from", "Fecha")
            .column("category", "Delito")
            .column("latitude", "Latitud")
            .column("longitude", "Longitud")
            .dateFormat("dd/MM/yyyy HH:mm")
            .dateFormat("dd/MM/yyyy")
            .defaultValue("source", "POLICE")
            .build();
    byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));
    ReadOptions opts =
        OPTIONS.toBuilder().csvLayout(CsvLayout.detect().withMapping(mapping)).build();
    ReadResult r = IncidentFormat.CSV.reader().readAll(new ByteArrayInputStream(cp1252), opts);
    assertThat(r.report().problems()).isEmpty();
    Incident first = r.incidents().get(0);
    assertThat(first.location().orElseThrow().point()).contains(LatLon.of(14.0818, -87.2068));
    assertThat(first.occurred().orElseThrow().precision()).isEqualTo(TimePrecision.INSTANT);
    assertThat(first.occurred().orElseThrow().from().getOffset()).isEqualTo(ZoneOffset.ofHours(-6));
    assertThat(first.attributes().get("src:Barrio")).contains("Kennedy");
    assertThat(first.attributes().get("src:Observación")).contains("=cmd|' /C calc'!A0");
    Incident second = r.incidents().get(1);
    assertThat(second.occurred().orElseThrow().precision()).isEqualTo(TimePrecision.DAY);
    assertThat(second.sensitivity()).contains(SensitivityFlag.DOMESTIC_VIOLENCE);
    assertThat(second.context().domestic()).contains(true);
    assertThat(second.source().name()).isEqualTo("POLICE");
  }

  @Test
  void utf8WithBomIsDetected() throws IOException {
    byte[] body = "id;narrative\n1;Niña herida en Comayagüela\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    ReadResult r = IncidentFormat.CSV.reader().readAll(new ByteArrayInputStream(bytes), OPTIONS);
    assertThat(r.incidents())
        .singleElement()
        .satisfies(i -> assertThat(i.narrative()).contains("Niña herida en Comayagüela"));
  }

  @Test
  void rowWithTooManyCellsIsRejectedNotTruncated() throws IOException {
    Problem p = only(csv("id,narrative\n1,a,b\n"));
    assertThat(p.code()).isEqualTo(ProblemCode.MALFORMED_RECORD);
  }

  @Test
  void missingIdColumnFailsTheWholeFileWithAHint() {
    assertThatThrownBy(() -> csv("ID_CASO,latitude\n1,14\n"))
        .isInstanceOf(IncidentReadException.class)
        .hasMessageContaining("test.csv")
        .hasMessageContaining("no 'id' column");
  }

  @Test
  void messagesAreLocalised() throws IOException {
    Problem p = only(csv("id,latitude,longitude\nx,0,0\n"));
    assertThat(p.message(Locale.ENGLISH)).contains("(0, 0)").contains("missing location");
    assertThat(p.message(Locale.forLanguageTag("es"))).contains("ubicación que falta");
  }

  @Test
  void formulaCellsAreNeutralisedAndRestored() throws IOException {
    Incident in =
        Incident.builder("=1+1")
            .narrative("=HYPERLINK(\"http://x\")")
            .attribute("src:a", "@SUM(A1)")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IncidentWriter w = IncidentFormat.CSV.writer(out, CsvLayout.spanishExcel())) {
      w.write(in);
    }
    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("\n'=1+1;").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
    ReadResult back =
        IncidentFormat.CSV.reader().readAll(new ByteArrayInputStream(out.toByteArray()), OPTIONS);
    assertThat(back.incidents()).containsExactly(in);
  }

  @Test
  void ndjsonBrokenLineIsRejectedAndReadingGoesOn() throws IOException {
    String text = "{\"id\":\"a\"}\n{\"id\": \n\n{\"id\":\"c\",\"extra\":5}\n";
    ReadResult r =
        IncidentFormat.NDJSON
            .reader()
            .readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), OPTIONS);
    assertThat(r.report().read()).isEqualTo(3);
    assertThat(r.report().rejected()).isEqualTo(1);
    assertThat(r.rejections().get(0).row()).isEqualTo(2);
    assertThat(r.incidents().get(1).attributes().get("json:extra")).contains("5");
    assertThat(r.report().problems(Severity.WARNING))
        .extracting(Problem::code)
        .containsExactly(ProblemCode.UNKNOWN_FIELD);
  }

  @Test
  void geojsonFeatureIndexAndGeometryAreChecked() throws IOException {
    String text =
        "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87.2,14.1]},\"properties\":{}},"
            + "{\"type\":\"Feature\",\"id\":\"b\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[0,1],[1,2]]},\"properties\":{}},"
            + "{\"type\":\"Feature\",\"id\":\"c\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[14.1,-87.2]},\"properties\":{}}]}";
    ReadResult r =
        IncidentFormat.GEOJSON
            .reader()
            .readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), OPTIONS);
    assertThat(r.report().accepted()).isEqualTo(1);
    assertThat(r.report().problems())
        .extracting(Problem::row, p -> p.code())
        .containsExactly(
            Tuple.tuple(2L, ProblemCode.INVALID_GEOMETRY),
            Tuple.tuple(3L, ProblemCode.COORDINATES_SWAPPED));
    assertThat(r.incidents().get(0).location().orElseThrow().point())
        .contains(LatLon.of(14.1, -87.2));
  }

  @Test
  void acceptedPlusRejectedEqualsReadOnArbitraryJunk() {
    QuickTheory.qt()
        .forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 300))
        .checkAssert(
            junk -> {
              String text =
                  "id,latitude,longitude,occurred_from\n"
                      + junk.replaceAll("[\\uD800-\\uDFFF]", "?");
              try {
                ReadReport r = csv(text).report();
                assertThat(r.accepted() + r.rejected()).isEqualTo(r.read());
                assertThat(r.problems(Severity.ERROR).stream().map(Problem::row).distinct().count())
                    .isEqualTo(r.rejected());
              } catch (IncidentReadException e) {
                assertThat(e.getMessage()).contains("test.csv");
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            });
  }

  @Test
  void reportRefusesInconsistentCounts() {
    assertThatThrownBy(() -> new ReadReport("f", 3, 1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must equal read (3)");
  }
}
