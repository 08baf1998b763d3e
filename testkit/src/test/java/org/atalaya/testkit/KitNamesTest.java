package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Plugin authors read the kits' results in English or Spanish: every kit and contract says both.
 */
class KitNamesTest {

  private static final List<Class<?>> KITS =
      List.of(
          PluginContract.class,
          IncidentImporterContract.class,
          IncidentExporterContract.class,
          TaxonomyMappingContract.class,
          IncidentIndicatorContract.class,
          GeofenceListenerContract.class,
          ReleaseStepContract.class);

  // "english / español": two non-blank halves around one " / ".
  private static void assertBilingual(String name, String what) {
    assertThat(name.split(" / ", -1))
        .as("%s: %s", what, name)
        .hasSize(2)
        .allSatisfy(half -> assertThat(half).isNotBlank());
  }

  @Test
  void everyKitAndEveryContractTestHasAnEnglishAndSpanishDisplayName() {
    for (Class<?> kit : KITS) {
      assertThat(kit.getAnnotation(DisplayName.class))
          .as("@DisplayName of %s", kit.getSimpleName())
          .isNotNull();
      assertBilingual(kit.getAnnotation(DisplayName.class).value(), kit.getSimpleName());
      List<Method> tests =
          List.of(kit.getDeclaredMethods()).stream()
              .filter(m -> m.isAnnotationPresent(Test.class))
              .toList();
      assertThat(tests).as("tests of %s", kit.getSimpleName()).isNotEmpty();
      for (Method m : tests) {
        DisplayName name = m.getAnnotation(DisplayName.class);
        assertThat(name).as("@DisplayName of %s.%s", kit.getSimpleName(), m.getName()).isNotNull();
        assertBilingual(name.value(), kit.getSimpleName() + "." + m.getName());
      }
    }
  }
}
