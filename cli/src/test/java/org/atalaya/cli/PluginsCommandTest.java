package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atalaya.plugin.BrokenPluginsFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atalaya plugins list|doctor} and {@code --plugins-dir} on the commands that read
 * incidents.
 */
class PluginsCommandTest {

  @TempDir static Path plugins;

  @BeforeAll
  static void brokenPluginsDirectory() throws Exception {
    BrokenPluginsFixture.write(plugins);
  }

  @Test
  void listShowsEveryPluginWithItsState() {
    CliTest.Run r = CliTest.run("plugins", "list", "--plugins-dir", plugins.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern("LOADED\\s+atalaya.formats 0.1.0")
        .containsPattern("LOADED\\s+org.test.sano 1.0.0")
        .containsPattern("INCOMPATIBLE\\s+org.test.old 1.0.0")
        .containsPattern("DUPLICATE\\s+org.test.twin 1.0.0")
        .containsPattern("FAILED\\s+org.test.ctor 1.0.0");
  }

  @Test
  void doctorExplainsABrokenDirectoryInPlainWordsAndExitsOne() {
    CliTest.Run r = CliTest.run("plugins", "doctor", "--plugins-dir", plugins.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "ATL-PLG-009 the constructor of plugin org.test.ctor threw:"
                + " java.lang.IllegalStateException: no config file")
        .contains(
            "ATL-PLG-005 plugin org.test.old is incompatible: it requires the plugin API"
                + " [9.0.0,10.0.0) but this Atalaya has 0.1.0")
        .contains("ATL-PLG-007")
        .contains("<scope>provided</scope>")
        .contains("ATL-PLG-001 the services file names the class t.sano.RenamedAway")
        .contains("l-not-a-jar.jar")
        .contains("Summary: ")
        // the non-jar is no plugin at all: counted apart, so the summary adds up to the exit code
        .contains("1 error outside any plugin")
        .contains("Some plugins did not load: the others work normally.");
  }

  @Test
  void doctorSpeaksSpanishAndJson() throws Exception {
    CliTest.Run es =
        CliTest.run("plugins", "doctor", "--plugins-dir", plugins.toString(), "--lang", "es");
    assertThat(es.out()).contains("el plugin org.test.old no es compatible").contains("qué hacer:");
    CliTest.Run json =
        CliTest.run("plugins", "doctor", "--plugins-dir", plugins.toString(), "--json");
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertThat(doc.get("apiVersion").asText()).isEqualTo("0.1.0");
    assertThat(doc.get("plugins").findValuesAsText("reason"))
        .contains("ATL-PLG-009", "ATL-PLG-005", "ATL-PLG-006", "ATL-PLG-007");
    assertThat(doc.get("issues").findValuesAsText("code")).contains("ATL-PLG-016", "ATL-PLG-017");
  }

  @Test
  void listPointsToTheDoctorForProblemsOutsideAnyPlugin(@TempDir Path work) {
    CliTest.Run r =
        CliTest.run("plugins", "list", "--plugins-dir", work.resolve("missing").toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("1 problem outside any plugin").contains("atalaya plugins doctor");
  }

  @Test
  void aHealthySetOfPluginsPassesTheDoctor() {
    CliTest.Run r = CliTest.run("plugins", "doctor");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Every plugin loaded.");
  }

  @Test
  void commandsReadWithAPluginImporterAndNameBrokenPluginsWithoutStopping(@TempDir Path work)
      throws Exception {
    Path in = work.resolve("reportes.sano");
    Files.writeString(
        in,
        "id,occurred_from,category\nr-1,2024-03-01,homicidio\nr-2,2024-03-02,robo\n",
        StandardCharsets.UTF_8);
    Path out = work.resolve("reportes.ndjson");
    CliTest.Run r =
        CliTest.run("convert", in.toString(), out.toString(), "--plugins-dir", plugins.toString());
    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(2);
    assertThat(r.err()).contains("ATL-PLG-009").contains("atalaya plugins doctor");

    CliTest.Run v =
        CliTest.run(
            "validate", in.toString(), "--format", "roto", "--plugins-dir", plugins.toString());
    assertThat(v.exit()).isEqualTo(1);
    assertThat(v.err())
        .contains("ATL-PLG-018 plugin org.test.bad failed while in use: roto.read")
        .contains("column Fecha missing")
        .contains("report this to the authors of the plugin org.test.bad")
        .doesNotContain("\tat ");
  }

  @Test
  void anUnknownFormatListsTheIdsThereAre(@TempDir Path work) throws Exception {
    Path in = work.resolve("x.desconocido");
    Files.writeString(in, "nada");
    CliTest.Run r = CliTest.run("validate", in.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("cannot tell the format of")
        .contains("csv, json, ndjson, geojson");
  }
}
