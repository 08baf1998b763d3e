package org.atalaya.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CanonicalFieldsTest {
  @Test
  void everyFieldIsFoundByItsCanonicalName() {
    for (CanonicalField f : CanonicalField.all()) {
      assertThat(CanonicalField.named(f.canonicalName())).as(f.name()).contains(f);
    }
    assertThat(CanonicalField.named("Id")).isEmpty();
    assertThat(CanonicalField.named(null)).isEmpty();
  }

  @Test
  void canonicalNamesAreTheConstantsInLowerCaseExceptTheAccuracyInMetres() {
    for (CanonicalField f : CanonicalField.all()) {
      String expected =
          f == CanonicalField.ACCURACY ? "accuracy_m" : f.name().toLowerCase(Locale.ROOT);
      assertThat(f.canonicalName()).as(f.name()).isEqualTo(expected);
    }
  }

  @Test
  void theCsvWriterHeaderListsTheFieldsInCanonicalOrder() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IncidentFormat.CSV.writer(out).close();
    String header = out.toString(StandardCharsets.UTF_8).strip();
    assertThat(Arrays.asList(header.split(","))).isEqualTo(CanonicalField.names());
    assertThat(CanonicalField.names()).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void jsonPathsNameTheMembersOfTheJsonForm() {
    assertThat(CanonicalField.ID.jsonPath()).isEqualTo("id");
    assertThat(CanonicalField.CATEGORY.jsonPath()).isEqualTo("classification.sourceLabel");
    assertThat(CanonicalField.ACCURACY.jsonPath()).isEqualTo("location.accuracyMetres");
    assertThat(CanonicalField.REPORTED_AT.jsonPath()).isEqualTo("reportedAt");
    assertThat(CanonicalField.SOURCE_REFS.jsonPath()).isEqualTo("sourceRefs");
    assertThat(CanonicalField.ATTRIBUTES.jsonPath()).isEqualTo("attributes");
  }

  @Test
  void onlyCoordinatesAndAccuracyAreNumeric() {
    assertThat(Arrays.stream(CanonicalField.all()).filter(CanonicalField::numeric))
        .containsExactly(
            CanonicalField.LATITUDE, CanonicalField.LONGITUDE, CanonicalField.ACCURACY);
  }

  @Test
  void aMappingRefusesAFieldThatIsNotCanonicalAndListsTheCanonicalNames() {
    assertThatThrownBy(
            () -> CsvMapping.builder().column("id", "ID").column("barrio", "BARRIO").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mapped field (barrio) must be one of " + List.copyOf(CanonicalField.names()));
  }
}
