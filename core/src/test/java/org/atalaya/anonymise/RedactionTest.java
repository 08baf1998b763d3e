package org.atalaya.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.atalaya.incident.SensitivityFlag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PII redaction on a generated Spanish corpus: recall per kind of identifier (the figure stated in
 * sdk-docs/anonymisation.md), and no identifier pattern left in any output.
 */
class RedactionTest {
  private static final Logger LOG = LoggerFactory.getLogger(RedactionTest.class);

  static final List<String> NAMES =
      List.of(
          "María José Reyes",
          "Juan Carlos Mejía",
          "Ana Lucía Pineda",
          "Óscar Funes",
          "Karla Zelaya");
  static final String[] TEMPLATES = {
    "La víctima %s denunció que un hombre la amenazó frente a su casa.",
    "Según el testigo, %s vio a dos sujetos huir en motocicleta.",
    "El denunciante se identificó con %s y dejó su contacto.",
    "Se comunicaron al %s para exigir el pago de la extorsión.",
    "Más información en %s según el reporte ciudadano.",
  };

  /** One generated sentence and the identifier it holds. */
  record Sample(String text, String value, PiiRedactor.Kind kind) {}

  static Sample sample(SplittableRandom r) {
    int kind = r.nextInt(6);
    String value;
    PiiRedactor.Kind k;
    switch (kind) {
      case 0 -> {
        String d = digits(r, 4) + sep(r) + digits(r, 4) + sep(r) + digits(r, 5);
        value = d;
        k = PiiRedactor.Kind.DNI;
      }
      case 1 -> {
        value = digits(r, 4) + sep(r) + digits(r, 4) + sep(r) + digits(r, 6);
        k = PiiRedactor.Kind.RTN;
      }
      case 2 -> {
        String n = "2379".charAt(r.nextInt(4)) + digits(r, 3);
        String rest = digits(r, 4);
        String[] forms = {
          n + "-" + rest,
          n + rest,
          "+504 " + n + "-" + rest,
          "(504) " + n + " " + rest,
          "504-" + n + "-" + rest
        };
        value = forms[r.nextInt(forms.length)];
        k = PiiRedactor.Kind.PHONE;
      }
      case 3 -> {
        String[] users = {"maria.reyes", "jcmejia85", "denuncias_tgu", "ana-pineda"};
        String[] hosts = {"gmail.com", "yahoo.es", "hondutel.hn", "ong.org.hn"};
        value = users[r.nextInt(users.length)] + "@" + hosts[r.nextInt(hosts.length)];
        k = PiiRedactor.Kind.EMAIL;
      }
      case 4 -> {
        String[] urls = {
          "https://facebook.com/juan.mejia.5",
          "http://www.ejemplo.hn/denuncia?id=42",
          "www.tiktok.com/@karla_z"
        };
        value = urls[r.nextInt(urls.length)];
        k = PiiRedactor.Kind.URL;
      }
      default -> {
        String n = NAMES.get(r.nextInt(NAMES.size()));
        value = r.nextBoolean() ? n : n.toUpperCase(Locale.ROOT);
        k = PiiRedactor.Kind.PERSON;
      }
    }
    String template = TEMPLATES[r.nextInt(TEMPLATES.length)];
    return new Sample(String.format(template, value), value, k);
  }

  static String digits(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  static String sep(SplittableRandom r) {
    return r.nextInt(3) == 0 ? "" : "-";
  }

  @Test
  void recallOnAGeneratedSpanishCorpus() {
    PiiRedactor redactor = PiiRedactor.of(NAMES);
    SplittableRandom r = new SplittableRandom(5);
    int n = 5_000;
    int[] total = new int[PiiRedactor.Kind.values().length];
    int[] caught = new int[total.length];
    for (int i = 0; i < n; i++) {
      Sample s = sample(r);
      String out = redactor.redact(s.text());
      total[s.kind().ordinal()]++;
      if (!out.contains(s.value()) && out.contains("[" + s.kind().label() + "_1]")) {
        caught[s.kind().ordinal()]++;
      }
    }
    int all = 0;
    List<String> figures = new ArrayList<>();
    for (PiiRedactor.Kind k : PiiRedactor.Kind.values()) {
      all += caught[k.ordinal()];
      figures.add(k + " " + caught[k.ordinal()] + "/" + total[k.ordinal()]);
    }
    double recall = (double) all / n;
    LOG.info("redaction recall {} on {} generated sentences: {}", recall, n, figures);
    assertThat(recall).as("recall by kind: %s", figures).isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void noIdentifierPatternSurvivesRedaction() {
    PiiRedactor redactor = PiiRedactor.of(NAMES);
    qt().forAll(longs().all())
        .checkAssert(
            seed -> {
              SplittableRandom r = new SplittableRandom(seed);
              String text = sample(r).text() + " " + sample(r).text() + " " + sample(r).text();
              String out = redactor.redact(text);
              assertThat(redactor.remaining(out)).as(out).isEmpty();
              assertThat(redactor.remaining(text)).isNotEmpty();
            });
  }

  @Test
  void placeholdersAreStableWithinATextAndRestartInTheNext() {
    PiiRedactor redactor = PiiRedactor.of(List.of("Karla Zelaya", "Óscar Funes"));
    String out =
        redactor.redact(
            "Karla Zelaya llamó a Óscar Funes al 9876-5432; luego OSCAR FUNES llamó a karla zelaya"
                + " al +504 9876 5432.");
    assertThat(out)
        .isEqualTo(
            "[PERSONA_1] llamó a [PERSONA_2] al [TELEFONO_1]; luego [PERSONA_2] llamó a [PERSONA_1]"
                + " al [TELEFONO_1].");
    assertThat(redactor.redact("Óscar Funes declaró.")).isEqualTo("[PERSONA_1] declaró.");
  }

  @Test
  void narrativeKeywordsCatchMiscodedSensitiveCases() {
    assertThat(
            SensitiveCategories.fromText(
                "La menor de 14 años fue víctima de ABUSO SEXUAL por su padrastro."))
        .containsExactlyInAnyOrder(
            SensitivityFlag.SEXUAL_VIOLENCE,
            SensitivityFlag.MINOR_VICTIM,
            SensitivityFlag.DOMESTIC_VIOLENCE);
    assertThat(
            SensitiveCategories.fromText(
                "Robo de celular a un hombre de 34 años en la parada de buses."))
        .isEmpty();
  }
}
