package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import org.atalaya.code.Severity;
import org.atalaya.incident.Incident;
import org.atalaya.incident.TimePrecision;
import org.atalaya.incident.TimeWindow;
import org.junit.jupiter.api.Test;

/** Inputs that must not lose anything silently, found in review. */
class ReadEdgeCasesTest {
  static ReadResult read(IncidentFormat format, String text) throws IOException {
    return format
        .reader()
        .readAll(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            ReadChecksTest.OPTIONS);
  }

  @Test
  void englishStaysEnglishOnASpanishMachine() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("es-HN"));
      Problem p = ReadChecksTest.only(read(IncidentFormat.CSV, "id,latitude,longitude\nx,0,0\n"));
      assertThat(p.message(Locale.ENGLISH)).contains("missing location");
      assertThat(p.message(Locale.forLanguageTag("es"))).contains("ubicación que falta");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void canonicalCsvWithoutIccsColumnMapsCategories() throws IOException {
    ReadResult r = read(IncidentFormat.CSV, "id,category\n1,Extorsión\n");
    assertThat(r.report().problems()).isEmpty();
    assertThat(r.incidents().get(0).iccs())
        .hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("02051"));
  }

  @Test
  void unknownNestedJsonMembersAreKeptWithAWarning() throws IOException {
    ReadResult r =
        read(
            IncidentFormat.NDJSON,
            "{\"id\":\"a\",\"location\":{\"address\":\"Calle"
                + " 1\",\"barrio\":\"X\"},\"victims\":[{\"sex\":\"MALE\",\"apodo\":\"Z\"}]}\n");
    Incident a = r.incidents().get(0);
    assertThat(a.attributes().get("json:location.barrio")).contains("X");
    assertThat(a.attributes().get("json:victims[0].apodo")).contains("Z");
    assertThat(r.report().problems(Severity.WARNING))
        .extracting(Problem::field)
        .containsExactlyInAnyOrder("location.barrio", "victims[0].apodo");
  }

  @Test
  void wronglyShapedJsonMembersAreRejectedNotIgnored() throws IOException {
    ReadResult r =
        read(
            IncidentFormat.NDJSON,
            "{\"id\":\"a\",\"sensitivity\":\"MINOR_VICTIM\"}\n"
                + "{\"id\":\"b\",\"victims\":{\"sex\":\"MALE\"}}\n"
                + "{\"id\":\"c\",\"victims\":[\"MALE\"]}\n"
                + "{\"id\":\"d\",\"victims\":[{\"sex\":\"HOMBRE\"}]}\n");
    assertThat(r.report().rejected()).isEqualTo(4);
    assertThat(r.report().problems())
        .extracting(p -> p.code().code())
        .containsExactly("ATL-IO-004", "ATL-IO-004", "ATL-IO-016", "ATL-IO-016");
  }

  @Test
  void jsonMembersOfTheWrongTypeAreNeverSkippedSilently() throws IOException {
    ReadResult r =
        read(
            IncidentFormat.NDJSON,
            "{\"id\":\"a\",\"location\":\"Tegucigalpa\"}\n"
                + "{\"id\":\"b\",\"sensitivity\":[{\"x\":1}]}\n"
                + "{\"id\":\"c\",\"sourceRefs\":[{\"system\":\"s\",\"id\":\"1\",\"page\":\"4\"}]}\n");
    assertThat(r.report().rejected()).isEqualTo(2);
    assertThat(r.report().problems(Severity.ERROR))
        .extracting(Problem::field)
        .containsExactly("location", "sensitivity");
    assertThat(r.incidents().get(0).attributes().get("json:sourceRefs[0].page")).contains("4");
  }

  @Test
  void monthGivenByItsStartCoversTheMonth() throws IOException {
    ReadResult r =
        read(
            IncidentFormat.CSV,
            "id,occurred_from,time_precision\n1,2024-02-01T00:00-06:00,MONTH\n");
    assertThat(r.incidents().get(0).occurred())
        .contains(TimeWindow.month(YearMonth.of(2024, 2), TimeWindow.HONDURAS));
    assertThat(r.incidents().get(0).occurred().orElseThrow().precision())
        .isEqualTo(TimePrecision.MONTH);
  }

  @Test
  void columnWithoutHeaderIsKept() throws IOException {
    ReadResult r = read(IncidentFormat.CSV, "id,,narrative\n1,nota suelta,texto\n");
    assertThat(r.report().accepted()).isEqualTo(1);
    assertThat(r.incidents().get(0).attributes().get("csv:column_2")).contains("nota suelta");
  }

  @Test
  void mappingWithATypoFailsWithTheAllowedKeys() {
    String json = "{\"columns\":{\"id\":\"ID\"},\"dateFormat\":[\"dd/MM/yyyy\"]}";
    assertThatThrownBy(
            () ->
                CsvMapping.fromJson(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("m.json")
        .hasMessageContaining("dateFormat")
        .hasMessageContaining("dateFormats");
  }

  @Test
  void spanishMonthNamesReadWhateverTheMachineLanguage() throws IOException {
    CsvMapping m =
        CsvMapping.builder()
            .column("id", "id")
            .column("occurred_from", "fecha")
            .dateFormat("d 'de' MMMM 'de' yyyy")
            .build();
    ReadOptions o =
        ReadChecksTest.OPTIONS.toBuilder().csvLayout(CsvLayout.detect().withMapping(m)).build();
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.US);
      ReadResult r =
          IncidentFormat.CSV
              .reader()
              .readAll(
                  new ByteArrayInputStream(
                      "id,fecha\n1,15 de Marzo de 2024\n".getBytes(StandardCharsets.UTF_8)),
                  o);
      assertThat(r.report().problems()).isEmpty();
      assertThat(r.incidents().get(0).occurred().orElseThrow().from().toLocalDate())
          .hasToString("2024-03-15");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void geojsonAltitudeIsKeptNotDropped() throws IOException {
    ReadResult r =
        read(
            IncidentFormat.GEOJSON,
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"a\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-87.2,14.1,990]},\"properties\":{}}]}");
    assertThat(r.report().accepted()).isEqualTo(1);
    assertThat(r.incidents().get(0).attributes().get("geojson:altitude")).contains("990");
  }
}
