package org.atalaya.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide's table of what the host gives a plugin ("Packaging and installing" in
 * sdk-docs/plugins.md) is what the plugin class loader does: "always" rows come from the host even
 * when the jar has copies; the others are looked up in the jar first.
 */
class HostLibrariesTest {

  /** One row of the guide's table: the "From the host" column and the example class. */
  record Row(String library, boolean always, String example) {}

  static List<Row> guideTable() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("..").toAbsolutePath().normalize().resolve("sdk-docs/plugins.md"));
    int header = lines.indexOf("| Library | Packages | From the host | For example |");
    assertThat(header).as("the host-libraries table in sdk-docs/plugins.md").isNotNegative();
    List<Row> rows = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|");
      String from = cells[3].strip();
      assertThat(from).isIn("always", "unless the jar has its own");
      rows.add(new Row(cells[1].strip(), from.equals("always"), cells[4].strip().replace("`", "")));
    }
    return rows;
  }

  @Test
  @DisplayName(
      "the guide's 'always' libraries are exactly the ones the class loader takes from the host")
  void guideMatchesTheClassLoader() throws IOException {
    List<Row> rows = guideTable();
    assertThat(rows)
        .extracting(Row::library)
        .contains("Atalaya", "SLF4J API", "Jackson core, databind, dataformat-csv");
    for (Row r : rows) {
      assertThat(PluginClassLoader.hostFirst(r.example()))
          .as("%s (%s): host first", r.library(), r.example())
          .isEqualTo(r.always());
    }
  }
}
