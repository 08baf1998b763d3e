package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the demo's report.html in a real headless Chromium: it must load without console messages
 * (the page has no script and loads nothing from the network, so any message is a fault), hold the
 * maps, charts and tables, and leave a screenshot in {@code target/report.png}.
 *
 * <p>Chromium is Debian's {@code chromium}, which {@code .ci/run} installs. Where it is missing the
 * test fails on CI (the environment variable {@code CI} is set) and is skipped, saying so,
 * elsewhere, so that {@code ./mvnw verify} works on a machine with only a JDK.
 */
class ReportInBrowserTest {

  @TempDir static Path dir;
  static Path report;

  @BeforeAll
  static void demo() {
    CliTest.Run r = CliTest.run("demo", "--out", dir.toString(), "--lang", "en");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Spatial join: 8,400 of 8,400 incidents lie in a country outline")
        .contains("Release: ")
        .contains("checks ok")
        .contains("report.html");
    assertThat(dir.resolve("release-open-data.geojson")).exists();
    assertThat(dir.resolve("privacy-report-open-data.json")).exists();
    report = dir.resolve("report.html");
  }

  static Path chromium() {
    for (String candidate :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    if (System.getenv("CI") != null) {
      throw new AssertionError(
          "Chromium is not installed; .ci/run installs the Debian package chromium");
    }
    Assumptions.abort(
        "Chromium is not installed (apt-get install chromium); the report was written but not"
            + " rendered");
    return null;
  }

  static String run(List<String> command, Path stderr) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  static List<String> browser(Path chromium, String... args) {
    List<String> c =
        new ArrayList<>(
            List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + dir.resolve("profile")));
    c.addAll(List.of(args));
    c.add(report.toUri().toString());
    return c;
  }

  @Test
  void theReportLoadsWithoutConsoleMessagesAndShowsItsFigures() throws Exception {
    Path chromium = chromium();
    Path log = dir.resolve("chromium-dom.log");
    String dom = run(browser(chromium, "--dump-dom"), log);
    assertThat(Files.readAllLines(log))
        .as("console messages while loading the report")
        .noneMatch(l -> l.contains(":CONSOLE"));
    assertThat(dom)
        .contains("SYNTHETIC DATA")
        .contains(
            "id=\"locator\"",
            "id=\"map-0801\"",
            "id=\"map-0501\"",
            "id=\"series\"",
            "id=\"funnel\"")
        .contains("<table class=\"heat\"")
        .contains("k-anonymity")
        .doesNotContainPattern("(src|href)=\"(https?:)?//");
  }

  @Test
  void aScreenshotIsLeftInTarget() throws Exception {
    Path chromium = chromium();
    Path shot = Path.of("target", "report.png").toAbsolutePath();
    Files.createDirectories(shot.getParent());
    Files.deleteIfExists(shot);
    run(
        browser(chromium, "--window-size=1200,4200", "--screenshot=" + shot),
        dir.resolve("chromium-shot.log"));
    assertThat(shot).exists();
    assertThat(Files.size(shot)).as("a screenshot with content").isGreaterThan(50_000);
  }
}
