package org.atalaya.examples.howto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every example and checks what it prints. */
class ExamplesTest {

  interface Main {
    void run(String[] args) throws Exception;
  }

  static String run(Main main, String... args) throws Exception {
    PrintStream real = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      main.run(args);
    } finally {
      System.setOut(real);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void validateACsv() throws Exception {
    String out = run(ValidateACsv::main);
    assertThat(out)
        .contains("leídos 4, aceptados 1, rechazados 3")
        .contains("ATL-IO-010")
        .contains("ATL-IO-009")
        .contains("ATL-IO-005");
  }

  @Test
  void whichCountry() throws Exception {
    String out = run(WhichCountry::main);
    assertThat(out)
        .contains("14.0818, -87.2068 -> Honduras")
        .contains("13.6929, -89.2182 -> El Salvador")
        .contains("16.0000, -84.0000 -> (ninguno / none)");
  }

  @Test
  void patrolGeofenceGivesOneEnterAndOneExit() throws Exception {
    String out = run(PatrolGeofence::main);
    assertThat(count(out, " ENTER ")).isEqualTo(1);
    assertThat(count(out, " EXIT ")).isEqualTo(1);
    assertThat(out).contains("DWELL sector-kennedy");
  }

  @Test
  void homicideRate() throws Exception {
    String out = run(HomicideRate::main);
    assertThat(out)
        .contains("6236 homicides: 81.8 per 100,000")
        .contains("7104 homicides: 91.4 per 100,000");
    assertThat(out)
        .contains("The homicide rate")
        .contains("La tasa de homicidios")
        .doesNotContain("tasa de la tasa");
  }

  @Test
  void indicatorsReport() throws Exception {
    String out = run(IndicatorsReport::main);
    // Garwood 95%: x = 100 -> (81.36, 121.63); x = 10 -> (4.80, 18.39), per 100,000 of 100,000
    assertThat(out)
        .contains("0801 2023: 100 homicides, 100.00 per 100,000 (95% CI 81.36 to 121.63)");
    assertThat(out).contains("0801 2024: 10 homicides, 10.00 per 100,000 (95% CI 4.80 to 18.39)");
    assertThat(out).contains("bajó de 100.0 a 10.0").contains("JSON document: 2 rates, ");
  }

  @Test
  void loadAPlugin() throws Exception {
    String out = run(LoadAPlugin::main);
    assertThat(out)
        .contains("LOADED   org.atalaya.examples.denuncias")
        .contains("importer: Denuncias comunitarias (CSV)")
        .contains("Asalto a bus -> ICCS 0401")
        .contains("Cobro de renta -> ICCS 02051");
  }

  @Test
  void publishAnonymisedRelease(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path out = dir.resolve("release.geojson");
    String printed = run(PublishAnonymisedRelease::main, out.toString());
    assertThat(printed)
        .contains("published ")
        .contains("k = ")
        .contains("ok k-anonymity")
        .contains("file exists: true");
    assertThat(out).exists();
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
