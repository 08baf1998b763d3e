package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code atalaya --version} names the project's version, wherever the classes come from. */
class VersionTest {

  @Test
  @DisplayName("--version prints the pom's version, not 'development build'")
  void versionIsThePomsVersion() {
    // Set by cli/pom.xml from ${project.version}.
    String expected = System.getProperty("atalaya.expectedVersion");
    assertThat(expected).as("the build passes the pom's version").isNotBlank().doesNotContain("${");
    CliTest.Run r = CliTest.run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().findFirst()).hasValue("atalaya " + expected);
    assertThat(r.out()).doesNotContain("development build").contains("Java ");
  }
}
