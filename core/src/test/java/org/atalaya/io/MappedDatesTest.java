package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A mapping's date patterns read only real dates: an impossible day is a rejection, never another
 * day.
 */
class MappedDatesTest {

  private static ReadResult read(String pattern, String date) throws IOException {
    CsvMapping mapping =
        CsvMapping.builder()
            .column("id", "n")
            .column("occurred_from", "fecha")
            .dateFormat(pattern)
            .build();
    String csv = "n;fecha\n1;" + date + "\n";
    ReadOptions options =
        ReadOptions.builder().csvLayout(CsvLayout.detect().withMapping(mapping)).build();
    return IncidentFormat.CSV
        .reader()
        .readAll(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), options);
  }

  @Test
  @DisplayName("31/02/2024 and 25:00 are rejected with ATL-IO-005, naming the value")
  void impossibleDatesAreRejected() throws IOException {
    for (String[] c :
        new String[][] {
          {"dd/MM/yyyy", "31/02/2024"},
          {"dd/MM/yyyy", "29/02/2023"},
          {"dd/MM/yyyy HH:mm", "15/03/2024 25:00"},
          {"dd/MM/uuuu", "31/04/2024"}
        }) {
      ReadResult r = read(c[0], c[1]);
      assertThat(r.report().rejected()).as("%s read with %s", c[1], c[0]).isEqualTo(1);
      assertThat(r.report().problems())
          .anySatisfy(
              p -> {
                assertThat(p.code()).isEqualTo(ProblemCode.INVALID_DATE);
                assertThat(p.value()).isEqualTo(c[1]);
              });
    }
  }

  @Test
  @DisplayName("real dates still read with yyyy, uuuu, yy and month names")
  void realDatesRead() throws IOException {
    assertThat(from(read("dd/MM/yyyy", "29/02/2024"))).isEqualTo("2024-02-29T00:00-06:00");
    assertThat(from(read("dd/MM/uuuu", "29/02/2024"))).isEqualTo("2024-02-29T00:00-06:00");
    assertThat(from(read("dd/MM/yy", "15/03/24"))).isEqualTo("2024-03-15T00:00-06:00");
    assertThat(from(read("dd/MM/yyyy HH:mm", "15/03/2024 21:30")))
        .isEqualTo("2024-03-15T21:30-06:00");
    assertThat(from(read("dd 'de' MMMM 'de' yyyy", "15 de marzo de 2024")))
        .isEqualTo("2024-03-15T00:00-06:00");
  }

  private static String from(ReadResult r) {
    assertThat(r.report().rejected()).as("%s", r.report().problems()).isZero();
    OffsetDateTime t = r.incidents().get(0).occurred().orElseThrow().from();
    return t.toString();
  }
}
