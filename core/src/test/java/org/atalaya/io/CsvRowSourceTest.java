package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.incident.Incident;
import org.junit.jupiter.api.Test;

/** The background tokeniser keeps file order and never outlives the read. */
class CsvRowSourceTest {
  static String rows(int n) {
    StringBuilder sb = new StringBuilder("id,narrative\n");
    for (int i = 1; i <= n; i++) {
      sb.append(i).append(",\"texto ").append(i).append("\"\n");
    }
    return sb.toString();
  }

  static long tokeniserThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("atalaya-csv-tokeniser"))
        .count();
  }

  @Test
  void rowsComeInFileOrderAcrossBatches() throws IOException {
    List<String> ids = new ArrayList<>();
    IncidentFormat.CSV
        .reader()
        .read(
            new ByteArrayInputStream(rows(5_000).getBytes(StandardCharsets.UTF_8)),
            ReadChecksTest.OPTIONS,
            i -> ids.add(i.id()));
    assertThat(ids).hasSize(5_000);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ids.get(i)).isEqualTo(String.valueOf(i + 1));
    }
    assertThat(tokeniserThreads()).isZero();
  }

  @Test
  void aHandlerThatStopsTheReadStopsTheTokeniser() {
    assertThatThrownBy(
            () ->
                IncidentFormat.CSV
                    .reader()
                    .read(
                        new ByteArrayInputStream(rows(50_000).getBytes(StandardCharsets.UTF_8)),
                        ReadChecksTest.OPTIONS,
                        (Incident i) -> {
                          throw new IOException("disk full");
                        }))
        .hasMessage("disk full");
    assertThat(tokeniserThreads()).isZero();
  }

  @Test
  void anUnclosedQuoteIsReportedWithTheRowBeforeIt() {
    String text = rows(600) + "601,\"never closed\n602,x\n";
    assertThatThrownBy(
            () ->
                IncidentFormat.CSV
                    .reader()
                    .readAll(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                        ReadChecksTest.OPTIONS))
        .isInstanceOf(IncidentReadException.class)
        .hasMessageContaining("after data row 600")
        .hasMessageContaining("unclosed quote");
    assertThat(tokeniserThreads()).isZero();
  }

  @Test
  void badBytesAreReportedWhereTheyAre() {
    byte[] head = rows(300).getBytes(StandardCharsets.UTF_8);
    byte[] tail = "301,\u00f1\n".getBytes(StandardCharsets.ISO_8859_1); // Latin-1 ñ: invalid UTF-8
    byte[] body = new byte[head.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, head.length, tail.length);
    ReadOptions utf8 =
        ReadChecksTest.OPTIONS.toBuilder()
            .csvLayout(CsvLayout.detect().withCharset(StandardCharsets.UTF_8))
            .build();
    assertThatThrownBy(
            () -> IncidentFormat.CSV.reader().readAll(new ByteArrayInputStream(body), utf8))
        .isInstanceOf(IncidentReadException.class)
        .hasMessageContaining("not valid UTF-8")
        .hasMessageContaining("--charset windows-1252");
  }
}
