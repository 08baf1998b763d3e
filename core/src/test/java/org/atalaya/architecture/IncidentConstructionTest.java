package org.atalaya.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.atalaya.incident.Incident;
import org.junit.jupiter.api.Test;

/**
 * Only {@link Incident} itself calls its canonical constructor: everyone else builds with {@link
 * Incident#builder}, {@link Incident#toBuilder} or a {@code withX} method, so that adding a part to
 * the model touches the record and its builder and nothing else (decision 0017).
 */
class IncidentConstructionTest {
  /** A constructor call or reference (the method reference to {@code new}), qualified or not. */
  private static final Pattern CONSTRUCTION =
      Pattern.compile(
          "\\bnew\\s+(?:org\\.atalaya\\.incident\\.)?Incident\\s*\\(|\\bIncident::new\\b");

  private static final DescribedPredicate<JavaAccess<?>> INCIDENT_CONSTRUCTOR =
      DescribedPredicate.describe(
          "Incident's canonical constructor",
          a ->
              a.getTargetOwner().isEquivalentTo(Incident.class)
                  && a.getTarget().getName().equals(JavaConstructor.CONSTRUCTOR_NAME));

  @Test
  void noCoreClassOrTestCallsTheCanonicalConstructor() {
    JavaClasses core = new ClassFileImporter().importPackages("org.atalaya");
    noClasses()
        .that()
        .doNotBelongToAnyOf(Incident.class)
        .should()
        .accessTargetWhere(INCIDENT_CONSTRUCTOR)
        .because("incidents are built with Incident.builder, toBuilder or withX (decision 0017)")
        .check(core);
  }

  @Test
  void noSourceInAnyModuleCallsTheCanonicalConstructor() throws IOException {
    Path root = reactorRoot();
    assumeTrue(root != null, "not built inside the Atalaya source tree");
    Path own = root.resolve("core/src/main/java/org/atalaya/incident/Incident.java");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.equals(own))
          .filter(p -> root.relativize(p).toString().contains("src" + File.separator))
          .filter(p -> !root.relativize(p).toString().contains("target" + File.separator))
          .forEach(p -> found.addAll(constructions(root, p)));
    }
    assertThat(found)
        .as(
            "calls of Incident's canonical constructor outside Incident.java; use Incident.builder,"
                + " toBuilder or withX (decision 0017)")
        .isEmpty();
  }

  @Test
  void theSourceScanFindsEveryFormOfTheCall() {
    // Split literals, so that this file does not match its own scan.
    assertThat(CONSTRUCTION.matcher("return new " + "Incident(id, refs,").find()).isTrue();
    assertThat(CONSTRUCTION.matcher("new org.atalaya.incident." + "Incident (").find()).isTrue();
    assertThat(CONSTRUCTION.matcher("map(Incident:" + ":new)").find()).isTrue();
    assertThat(CONSTRUCTION.matcher("new IncidentContext(").find()).isFalse();
    assertThat(CONSTRUCTION.matcher("Incident.builder(id)").find()).isFalse();
  }

  private static List<String> constructions(Path root, Path file) {
    List<String> hits = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (CONSTRUCTION.matcher(lines.get(i)).find()) {
          hits.add(root.relativize(file) + ":" + (i + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  /** The directory holding the reactor pom (the one that lists the core module), or null. */
  private static Path reactorRoot() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>core</module>")) {
        return p;
      }
    }
    return null;
  }
}
