package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every library the plugin guide says the host gives a plugin ("Packaging and installing" in
 * sdk-docs/plugins.md) is on the command line's class path, so a plugin that uses it unbundled runs
 * in {@code atalaya}.
 */
class PluginHostLibrariesTest {

  @Test
  @DisplayName("the atalaya command provides every library of the guide's host table")
  void everyDocumentedLibraryIsOnTheClassPath() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("..").toAbsolutePath().normalize().resolve("sdk-docs/plugins.md"));
    int header = lines.indexOf("| Library | Packages | From the host | For example |");
    assertThat(header).as("the host-libraries table in sdk-docs/plugins.md").isNotNegative();
    List<String> examples = new ArrayList<>();
    for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      examples.add(lines.get(i).split("\\|")[4].strip().replace("`", ""));
    }
    assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
    for (String example : examples) {
      assertThat(loads(example)).as("%s on the CLI's class path", example).isTrue();
    }
  }

  private static boolean loads(String className) {
    try {
      Class.forName(className, false, Atalaya.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
