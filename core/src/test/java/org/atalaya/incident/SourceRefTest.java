package org.atalaya.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourceRefTest {

  @Test
  void aReferenceNeedsANonBlankSystemAndIdAndNoBlankLink() {
    assertThatThrownBy(() -> SourceRef.of(" ", "123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source system must not be blank");
    assertThatThrownBy(() -> SourceRef.of("sepol", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source id must not be blank (system sepol)");
    assertThatThrownBy(() -> SourceRef.of("sepol", "123", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("source url must not be blank");
    assertThat(SourceRef.of("sepol", "123", "https://example.org/123").url())
        .contains("https://example.org/123");
  }
}
