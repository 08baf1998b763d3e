package org.atalaya.examples.armas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.atalaya.incident.Incident;
import org.atalaya.incident.IncidentContext;
import org.atalaya.incident.Mechanism;
import org.atalaya.incident.TimeWindow;
import org.atalaya.spi.AtalayaPlugin;
import org.atalaya.spi.IncidentIndicator;
import org.atalaya.spi.IndicatorInput;
import org.atalaya.spi.IndicatorValue;
import org.atalaya.testkit.Generators;
import org.atalaya.testkit.IncidentIndicatorContract;
import org.atalaya.testkit.PluginContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FirearmShareTest {

  @Nested
  class Plugin extends PluginContract {
    @Override
    protected AtalayaPlugin plugin() {
      return new ArmasPlugin();
    }
  }

  @Nested
  class Kit extends IncidentIndicatorContract {
    @Override
    protected IncidentIndicator indicator() {
      return new FirearmShare();
    }
  }

  private static Incident homicide(int n, Mechanism m) {
    return Incident.builder("h-" + n)
        .iccs("0101")
        .occurred(TimeWindow.day(LocalDate.of(2024, 1, 1 + n), TimeWindow.HONDURAS))
        .context(IncidentContext.UNKNOWN.withMechanism(m))
        .build();
  }

  @Test
  void sevenOfTenIsSeventyPercentWithRsExactInterval() {
    List<Incident> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(homicide(i, i < 7 ? Mechanism.FIREARM : Mechanism.SHARP_OBJECT));
    }
    all.add(homicide(20, Mechanism.UNKNOWN));
    all.add(Incident.builder("robo").iccs("0401").build());
    IndicatorValue v =
        new FirearmShare().compute(new IndicatorInput(all, OptionalLong.empty(), "test", "2024"));
    assertThat(v.estimate()).isEqualTo(0.7);
    // R: binom.test(7, 10)$conf.int = 0.3475471 0.9332605
    assertThat(v.interval().orElseThrow().lower()).isCloseTo(0.3475471, within(1e-7));
    assertThat(v.interval().orElseThrow().upper()).isCloseTo(0.9332605, within(1e-7));
    assertThat(v.lineage().excluded()).containsEntry("mechanism unknown", 1L);
  }

  // snippet:start generators
  @Test
  void everyHomicideIsUsedOrExcludedWhateverElseItCarries() {
    // The kit's hostile incidents, each made a homicide: any mechanism, text, time or missing part.
    qt().forAll(Generators.incidentLists())
        .checkAssert(
            list -> {
              List<Incident> homicides =
                  list.stream().map(i -> i.toBuilder().iccs("0101").build()).toList();
              long unknown =
                  homicides.stream()
                      .filter(i -> i.context().mechanism() == Mechanism.UNKNOWN)
                      .count();
              IndicatorInput input =
                  new IndicatorInput(homicides, OptionalLong.empty(), "generated", "any");
              if (unknown == homicides.size()) {
                assertThatThrownBy(() -> new FirearmShare().compute(input))
                    .isInstanceOf(IllegalArgumentException.class);
              } else {
                IndicatorValue v = new FirearmShare().compute(input);
                assertThat(
                        v.lineage().used()
                            + v.lineage().excluded().getOrDefault("mechanism unknown", 0L))
                    .isEqualTo(homicides.size());
                assertThat(v.estimate()).isBetween(0.0, 1.0);
              }
            });
  }

  // snippet:end

  @Test
  void refusesWhenNoMechanismIsKnownAndSaysSo() {
    IndicatorInput none =
        new IndicatorInput(
            List.of(homicide(1, Mechanism.UNKNOWN)), OptionalLong.empty(), "Choluteca", "2024");
    assertThatThrownBy(() -> new FirearmShare().compute(none))
        .hasMessageContaining("Choluteca, 2024")
        .hasMessageContaining("1 unknown");
  }
}
