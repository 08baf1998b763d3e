package org.atalaya.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvResourceTest {

  private static final List<String> HEADER = List.of("a", "b", "c");

  private static List<CsvResource.Row> parse(String text) throws IOException {
    return CsvResource.parse("t.csv", new BufferedReader(new StringReader(text)), HEADER);
  }

  @Test
  @DisplayName("quotes, comments, blank lines and a byte order mark are handled")
  void format() throws IOException {
    List<CsvResource.Row> rows =
        parse("\uFEFF# comment\na,b,c\n\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,,\n3\n");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).fields()).containsExactly("1", "x, y", "say \"hi\"");
    assertThat(rows.get(0).line()).isEqualTo(4);
    assertThat(rows.get(1).get(2)).isEmpty();
    assertThat(rows.get(2).get(1)).isEmpty();
  }

  @Test
  @DisplayName("a wrong header, too many fields or an open quote name the line")
  void errors() {
    assertThatThrownBy(() -> parse("x,y\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 1: header (x,y) must be a,b,c");
    assertThatThrownBy(() -> parse("a,b,c\n1,2,3,4\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.csv line 2: row has 4 fields but the header has only 3");
    assertThatThrownBy(() -> parse("a,b,c\n1,\"2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv line 2: a quoted field is not closed");
    assertThatThrownBy(() -> parse("# only a comment\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.csv: header a,b,c is missing");
  }

  @Test
  @DisplayName("a missing resource is a packaging error")
  void missingResource() {
    assertThatThrownBy(() -> CsvResource.read("nope.csv", HEADER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org/atalaya/taxonomy/nope.csv is missing");
  }
}
