package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands' contracts: output shapes, side files and exit codes. */
class CliTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Atalaya.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  Path badFile() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(
        f,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n"
            + "b,2024-03-15T21:30:00-06:00,-87.2068,14.0818,0101\n"
            + "c,2024-03-15T21:30:00-06:00,0,0,0101\n"
            + "a,2024-03-16T21:30:00-06:00,14.1,-87.2,0101\n",
        StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void validateReportsEveryBadRowAsJsonAndExitsOne() throws IOException {
    Run r = run("validate", badFile().toString(), "--json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("read").asInt()).isEqualTo(4);
    assertThat(json.get("accepted").asInt()).isEqualTo(1);
    assertThat(json.get("rejected").asInt()).isEqualTo(3);
    assertThat(json.get("problems")).hasSize(3);
    JsonNode first = json.get("problems").get(0);
    assertThat(first.get("row").asInt()).isEqualTo(2);
    assertThat(first.get("field").asText()).isEqualTo("latitude");
    assertThat(first.get("code").asText()).isEqualTo("ATL-IO-010");
    assertThat(first.get("message").asText()).contains("swapped");
    assertThat(json.get("problems").get(1).get("code").asText()).isEqualTo("ATL-IO-009");
    assertThat(json.get("problems").get(2).get("code").asText()).isEqualTo("ATL-IO-003");
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("read", "accepted", "rejected", "problems");
    List<String> problemKeys = new ArrayList<>();
    first.fieldNames().forEachRemaining(problemKeys::add);
    assertThat(problemKeys).containsExactly("row", "field", "value", "code", "message");
  }

  @Test
  void validateSpeaksSpanish() throws IOException {
    Run r = run("validate", badFile().toString(), "--lang", "es");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("leídos 4, aceptados 1, rechazados 3")
        .contains("rechazado ATL-IO-010")
        .contains("intercambiadas");
  }

  @Test
  void validateOfACleanFileExitsZero() throws IOException {
    Path f = dir.resolve("ok.ndjson");
    Files.writeString(
        f, "{\"id\":\"x\",\"classification\":{\"iccs\":\"0101\"}}\n", StandardCharsets.UTF_8);
    Run r = run("validate", f.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("read 1, accepted 1, rejected 0");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("validate").exit()).isEqualTo(2);
    assertThat(run("validate", dir.resolve("missing.csv").toString()).exit()).isEqualTo(2);
    assertThat(run("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void convertWritesRejectionsToASideFile() throws IOException {
    Path out = dir.resolve("out.geojson");
    Run r = run("convert", badFile().toString(), out.toString());
    assertThat(r.exit()).isEqualTo(1);
    Path side = dir.resolve("out.geojson.rejected.csv");
    assertThat(side).exists();
    List<String> lines = Files.readAllLines(side);
    assertThat(lines.get(0)).isEqualTo("row,field,value,code,message,record");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .startsWith("2,\"latitude\"")
        .contains("ATL-IO-010")
        .contains("b,2024-03-15T21:30:00-06:00,-87.2068,14.0818,0101");
    Run again = run("convert", badFile().toString(), out.toString(), "--json");
    JsonNode summary = new ObjectMapper().readTree(again.out());
    assertThat(summary.get("read").asInt()).isEqualTo(4);
    assertThat(summary.get("written").asInt()).isEqualTo(1);
    assertThat(summary.get("rejected").asInt()).isEqualTo(3);
    assertThat(summary.get("rejectedFile").asText()).endsWith("out.geojson.rejected.csv");
    Run back = run("validate", out.toString(), "--json");
    assertThat(back.exit()).isZero();
    assertThat(new ObjectMapper().readTree(back.out()).get("accepted").asInt()).isEqualTo(1);
  }

  @Test
  void convertRoundTripsTheDemoAcrossFormats() throws IOException {
    Path demo = dir.resolve("demo");
    Run d = run("demo", "--out", demo.toString(), "--seed", "5", "--lang", "en");
    assertThat(d.exit()).isZero();
    assertThat(d.out())
        .contains("SYNTHETIC")
        .contains("identical to what was written")
        .doesNotContain("DIFFERENT");
    Run es = run("demo", "--out", dir.resolve("demo-es").toString(), "--seed", "5", "--lang", "es");
    assertThat(es.out())
        .contains("SINTÉTICOS")
        .contains("idénticos a lo escrito")
        .contains("Homicidio intencional");
    Path csv = dir.resolve("x.csv");
    assertThat(run("convert", demo.resolve("incidents.geojson").toString(), csv.toString()).exit())
        .isZero();
    assertThat(Files.readString(csv)).isEqualTo(Files.readString(demo.resolve("incidents.csv")));
    assertThat(dir.resolve("x.csv.rejected.csv")).doesNotExist();
  }

  @Test
  void aBadMappingFileIsAUsageErrorAndWritesNothing() throws IOException {
    Path mapping = dir.resolve("m.json");
    Files.writeString(mapping, "{\"columns\":{\"id\":\"ID\"},\"dateFormat\":[]}");
    Path out = dir.resolve("never.json");
    Run r = run("convert", badFile().toString(), out.toString(), "--mapping", mapping.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("m.json").contains("dateFormats");
    assertThat(out).doesNotExist();
    assertThat(
            run(
                    "validate",
                    badFile().toString(),
                    "--mapping",
                    dir.resolve("missing.json").toString())
                .exit())
        .isEqualTo(2);
  }

  @Test
  void versionAndHelpWork() {
    assertThat(run("--version").out()).contains("atalaya");
    Run help = run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("validate").contains("convert").contains("demo");
  }

  @Test
  @DisplayName("a missing output folder is named, in the user's language, without a stack trace")
  void aMissingOutputFolderIsNamed() throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n",
        StandardCharsets.UTF_8);
    Path missing = dir.resolve("no-such-folder").resolve("out.geojson");

    // checked before any work: a usage error (exit 2), as every command does
    Run convert = run("convert", good.toString(), missing.toString());
    assertThat(convert.exit()).isEqualTo(2);
    assertThat(convert.err())
        .contains("atalaya convert: cannot write")
        .contains("no-such-folder")
        .doesNotContain("Exception");

    Run kde =
        run(
            "kde",
            "--incidents",
            good.toString(),
            "--bandwidth",
            "500",
            "--cell",
            "250",
            "--out",
            missing.toString(),
            "--lang",
            "es");
    assertThat(kde.exit()).isEqualTo(2);
    assertThat(kde.err()).contains("atalaya kde: no se puede escribir").doesNotContain("Exception");

    Run fence =
        run(
            "fence",
            "--fences",
            good.toString(),
            "--points",
            good.toString(),
            "--out",
            missing.toString());
    assertThat(fence.exit()).isEqualTo(2);
    assertThat(fence.err()).contains("atalaya fence: cannot write").contains("no-such-folder");

    Run anonymise =
        run(
            "anonymise",
            good.toString(),
            "--policy",
            "share-with-police",
            "--key-file",
            good.toString(),
            "--out",
            missing.toString());
    assertThat(anonymise.exit()).isEqualTo(2);
    assertThat(anonymise.err())
        .contains("its folder")
        .contains("no-such-folder")
        .doesNotContain("Exception");
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }

  /** A command that needs more heap than Java has. */
  @CommandLine.Command(name = "hungry")
  static final class Hungry implements Runnable {
    @CommandLine.Option(names = "--lang")
    String lang = "en";

    @Override
    public void run() {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  @DisplayName(
      "running out of memory says how to give Java more, in the user's language, without a stack"
          + " trace")
  void outOfMemoryExplainsTheHeapLimit() {
    for (String lang : new String[] {"en", "es"}) {
      CommandLine cl = Atalaya.commandLine().addSubcommand(new Hungry());
      StringWriter err = new StringWriter();
      cl.setErr(new PrintWriter(err));
      int exit = cl.execute("hungry", "--lang", lang);
      assertThat(exit).isEqualTo(1);
      long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
      assertThat(err.toString())
          .startsWith("atalaya hungry: ")
          .contains(mb + " MB")
          .contains("-Xmx")
          .contains("JAVA_TOOL_OPTIONS")
          .doesNotContain("OutOfMemoryError")
          .doesNotContain("\tat ");
      assertThat(err.toString())
          .contains(lang.equals("es") ? "se acabó la memoria" : "ran out of memory");
    }
  }

  @Test
  @DisplayName(
      "an output that is also an input is refused before anything is opened: the input survives")
  void anOutputThatIsAnInputIsRefused() throws IOException {
    Path good = dir.resolve("good.csv");
    String text =
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n";
    Files.writeString(good, text, StandardCharsets.UTF_8);
    Path sameSpelledOtherwise = dir.resolve(".").resolve("good.csv");

    Run convert = run("convert", good.toString(), sameSpelledOtherwise.toString());
    assertThat(convert.exit()).isEqualTo(2);
    assertThat(convert.err()).contains("is also an input").contains("nothing was written");
    Run anonymise =
        run(
            "anonymise",
            good.toString(),
            "--policy",
            "share-with-police",
            "--key-file",
            good.toString(),
            "--out",
            good.toString(),
            "--lang",
            "es");
    assertThat(anonymise.exit()).isEqualTo(2);
    assertThat(anonymise.err()).contains("es también una entrada");
    Run kde =
        run(
            "kde",
            "--incidents",
            good.toString(),
            "--bandwidth",
            "500",
            "--cell",
            "250",
            "--out",
            good.toString());
    assertThat(kde.exit()).isEqualTo(2);
    assertThat(Files.readString(good, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  @DisplayName(
      "a malformed side file is named with where it breaks, without a stack trace; kde checks every"
          + " output folder first")
  void malformedSideFilesAreNamed() throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n",
        StandardCharsets.UTF_8);
    Path truncated = dir.resolve("fences.geojson");
    Files.writeString(
        truncated,
        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feat",
        StandardCharsets.UTF_8);
    Run fence =
        run(
            "fence",
            "--fences",
            truncated.toString(),
            "--points",
            good.toString(),
            "--out",
            dir.resolve("f.csv").toString());
    assertThat(fence.exit()).isEqualTo(2);
    assertThat(fence.err())
        .contains("fences.geojson: not well-formed JSON at line 1")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    Path empty = dir.resolve("population.csv");
    Files.writeString(empty, "", StandardCharsets.UTF_8);
    Run indicators =
        run(
            "indicators",
            "--incidents",
            good.toString(),
            "--population",
            empty.toString(),
            "--lang",
            "es");
    assertThat(indicators.exit()).isEqualTo(2);
    assertThat(indicators.err())
        .contains("no se pudo leer o escribir un archivo")
        .contains("population.csv")
        .doesNotContain("Exception");
    Path geojson = dir.resolve("k.geojson");
    Run kde =
        run(
            "kde",
            "--incidents",
            good.toString(),
            "--bandwidth",
            "500",
            "--cell",
            "250",
            "--out",
            geojson.toString(),
            "--raster",
            dir.resolve("no-such-folder").resolve("k.asc").toString());
    assertThat(kde.exit()).isEqualTo(2);
    assertThat(kde.err()).contains("no-such-folder");
    assertThat(geojson).doesNotExist();
  }

  @Test
  @DisplayName(
      "a missing or malformed mapping file and a malformed policy are named, with line and column,"
          + " exit 2")
  void sideFilesOfTheOptionsAreNamed() throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n",
        StandardCharsets.UTF_8);
    Run missing =
        run("validate", good.toString(), "--mapping", dir.resolve("nomap.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err())
        .contains("cannot read the mapping file")
        .contains("nomap.json: no such file");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"columns\": [1,\n", StandardCharsets.UTF_8);
    Run mapping = run("validate", good.toString(), "--mapping", broken.toString());
    assertThat(mapping.exit()).isEqualTo(2);
    assertThat(mapping.err())
        .contains("broken.json: the mapping is not valid JSON at line 2")
        .doesNotContain("Source:");
    Run policy =
        run(
            "anonymise",
            good.toString(),
            "--policy",
            broken.toString(),
            "--key-file",
            good.toString(),
            "--out",
            dir.resolve("r.csv").toString());
    assertThat(policy.exit()).isEqualTo(2);
    assertThat(policy.err())
        .contains("is not well-formed JSON at line 2")
        .doesNotContain("Source:");
  }

  @Test
  @DisplayName(
      "a missing input is named in Spanish too; a language other than es or en is a usage error")
  void languages() {
    Run es = run("validate", dir.resolve("nofile.csv").toString(), "--lang", "es");
    assertThat(es.exit()).isEqualTo(2);
    assertThat(es.err()).contains("no se puede leer").contains("nofile.csv");
    Run fr = run("validate", dir.resolve("nofile.csv").toString(), "--lang", "fr");
    assertThat(fr.exit()).isEqualTo(2);
    assertThat(fr.err()).contains("--lang (fr) must be es or en");
  }

  @Test
  @DisplayName("--excel with an output that is not CSV is a usage error, not silently ignored")
  void excelNeedsCsv() throws IOException {
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "id,occurred_from,latitude,longitude,iccs\n"
            + "a,2024-03-15T21:30:00-06:00,14.0818,-87.2068,0101\n",
        StandardCharsets.UTF_8);
    Run json = run("convert", good.toString(), dir.resolve("out.json").toString(), "--excel");
    assertThat(json.exit()).isEqualTo(2);
    assertThat(json.err()).contains("--excel").contains("out.json");
    assertThat(dir.resolve("out.json")).doesNotExist();
    Run csv = run("convert", good.toString(), dir.resolve("out.csv").toString(), "--excel");
    assertThat(csv.exit()).isZero();
    assertThat(Files.readString(dir.resolve("out.csv"), StandardCharsets.UTF_8))
        .startsWith("\uFEFFid;");
  }
}
