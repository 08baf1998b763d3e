package org.atalaya.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The rules of DESIGN.md that keep atalaya-core light and embeddable. */
class CoreLayeringTest {
  static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.atalaya");

  @Test
  void coreNeverDependsOnGeometryLibrariesGeoOrCli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.locationtech..",
            "com.uber.h3core..",
            "org.atalaya.geo..",
            "org.atalaya.cli..",
            "picocli..")
        .because("core has no geometry library and nothing may depend on the CLI (DESIGN.md)")
        .check(CORE);
  }

  @Test
  void librariesDoNotWriteToTheConsole() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .because("libraries log through SLF4J; the CLI owns the console")
        .check(CORE);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("org.atalaya.(*)..").should().beFreeOfCycles().check(CORE);
  }

  @Test
  void coreImportedSomething() {
    // Guards the rules above against passing vacuously if the package were renamed.
    Assertions.assertThat(CORE.containPackage("org.atalaya.incident")).isTrue();
    Assertions.assertThat(CORE.containPackage("org.atalaya.io")).isTrue();
  }
}
