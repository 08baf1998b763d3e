package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.spi.IncidentIndicator;
import org.atalaya.spi.IndicatorInput;
import org.atalaya.spi.IndicatorValue;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IncidentIndicator}. Extend it and return your indicator:
 *
 * <pre>{@code
 * class FemicideRateTest extends IncidentIndicatorContract {
 *   @Override
 *   protected IncidentIndicator indicator() {
 *     return new FemicideRate();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the indicator computes a finite value inside its interval, with a lineage, on a
 * realistic input (a year of Atalaya's synthetic incidents, with a population); that on any
 * generated input it either computes a valid value or refuses with an {@link
 * IllegalArgumentException} that says what is missing; that it has a title in English and in
 * Spanish; and that it gives the same value every time and from many threads at once.
 *
 * @since 0.1
 */
@DisplayName("indicator contract / contrato del indicador")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class IncidentIndicatorContract extends ConsoleGuard {

  /**
   * Returns the indicator under test.
   *
   * @return the indicator; never {@code null}
   */
  protected abstract IncidentIndicator indicator();

  /**
   * Returns a realistic input: one year (2024) of Atalaya's synthetic incidents, with the
   * population of the two cities they cover. Override it if the indicator needs something else.
   *
   * @return the input; never {@code null}
   */
  protected IndicatorInput typicalInput() {
    List<Incident> year =
        SyntheticIncidents.of(2024).stream()
            .filter(i -> i.occurred().map(w -> w.from().getYear() == 2024).orElse(false))
            .toList();
    return new IndicatorInput(year, OptionalLong.of(2_000_000), "synthetic sample", "2024");
  }

  @Test
  @DisplayName(
      "computes a valid value on a typical input / calcula un valor válido con una entrada típica")
  void computesAValidValueOnATypicalInput() {
    IndicatorValue v = indicator().compute(typicalInput());
    assertThat(v).isNotNull();
    assertThat(Double.isFinite(v.estimate())).isTrue();
    v.interval().ifPresent(ci -> assertThat(ci.contains(v.estimate())).isTrue());
    assertThat(v.lineage().indicator()).isNotBlank();
    assertThat(v.unit()).isNotBlank();
    assertThat(v.method()).isNotBlank();
  }

  @Test
  @DisplayName(
      "any input gives a value or a clear refusal / cualquier entrada da un valor o un rechazo"
          + " claro")
  void anyInputGivesAValueOrAClearRefusal() {
    qt().withExamples(200)
        .forAll(Generators.incidentLists(), longs().between(-1, 20_000_000))
        .checkAssert(
            (list, pop) -> {
              IndicatorInput input =
                  new IndicatorInput(
                      list,
                      pop < 0 ? OptionalLong.empty() : OptionalLong.of(pop),
                      "generated",
                      "any");
              try {
                IndicatorValue v = indicator().compute(input);
                assertThat(v).isNotNull();
                assertThat(Double.isFinite(v.estimate())).isTrue();
              } catch (IllegalArgumentException e) {
                assertThat(e.getMessage())
                    .as("a refusal must say what the input lacks")
                    .isNotBlank();
              }
            });
  }

  @Test
  @DisplayName("has a title in English and in Spanish / tiene un título en inglés y en español")
  void hasATitleInEnglishAndInSpanish() {
    String en = indicator().title(Locale.ENGLISH);
    String es = indicator().title(Locale.forLanguageTag("es"));
    assertThat(en).isNotBlank();
    assertThat(es).isNotBlank();
  }

  @Test
  @DisplayName(
      "gives the same value every time and from many threads / da el mismo valor cada vez y desde"
          + " muchos hilos")
  void givesTheSameValueEveryTimeAndFromManyThreads() throws Exception {
    IndicatorInput input = typicalInput();
    IndicatorValue first = indicator().compute(input);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<IndicatorValue>> all = new ArrayList<>();
      IncidentIndicator shared = indicator();
      for (int i = 0; i < 32; i++) {
        all.add(pool.submit(() -> shared.compute(input)));
      }
      for (Future<IndicatorValue> f : all) {
        IndicatorValue v = f.get();
        assertThat(v.estimate()).isEqualTo(first.estimate());
        assertThat(v.interval()).isEqualTo(first.interval());
        assertThat(v.numerator()).isEqualTo(first.numerator());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
