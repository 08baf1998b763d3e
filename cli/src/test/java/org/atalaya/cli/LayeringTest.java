package org.atalaya.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Nothing outside the CLI depends on it; core stays free of geo, JTS, H3 and proj4j. */
class LayeringTest {
  static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.atalaya");

  @Test
  void nothingDependsOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.atalaya.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.atalaya.cli..")
        .check(ALL);
  }

  @Test
  void coreDependsOnNoGeometry() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.atalaya.incident..",
            "org.atalaya.taxonomy..",
            "org.atalaya.io..",
            "org.atalaya.synthetic..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.locationtech..", "com.uber.h3core..", "org.atalaya.geo..")
        .check(ALL);
  }
}
