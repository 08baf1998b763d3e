package org.atalaya.examples.denuncias;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.atalaya.incident.Incident;
import org.atalaya.io.ProblemCode;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.taxonomy.IccsCode;
import org.atalaya.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

class DenunciasImporterTest {

  private static ReadResult read(String sheet, Taxonomy taxonomy) throws Exception {
    return new DenunciasImporter()
        .readAll(
            new ByteArrayInputStream(sheet.getBytes(StandardCharsets.UTF_8)),
            ReadOptions.builder().sourceName("denuncias.csv").taxonomy(taxonomy).build());
  }

  @Test
  void readsTheNetworksSheetWithItsOwnWordsForCrimes() throws Exception {
    // The registry applies the plugin's taxonomy mapping on top of the Honduran one.
    Taxonomy taxonomy = PluginRegistry.builder().discover().taxonomy(Taxonomy.honduras());
    ReadResult r = read(DenunciasKitsTest.SHEET, taxonomy);
    assertThat(r.report().accepted()).isEqualTo(2);
    Incident bus = r.incidents().get(0);
    assertThat(bus.classification().iccs()).contains(IccsCode.of("0401"));
    assertThat(bus.classification().sourceLabel()).contains("Asalto a bus");
    assertThat(bus.occurred().orElseThrow().from())
        .isEqualTo(OffsetDateTime.parse("2024-02-02T21:30-06:00"));
    assertThat(bus.location().orElseThrow().point().orElseThrow().latitude()).isEqualTo(14.0818);
    assertThat(bus.location().orElseThrow().address())
        .contains("Col. Kennedy, frente a la pulpería, Tegucigalpa, Francisco Morazán");
    assertThat(bus.narrative())
        .contains("Dos hombres armados subieron al bus; se llevaron celulares");
    Incident renta = r.incidents().get(1);
    assertThat(renta.classification().iccs()).contains(IccsCode.of("02051"));
    assertThat(renta.location().orElseThrow().point()).isEmpty();
    // the same sheet gives the same ids
    assertThat(read(DenunciasKitsTest.SHEET, taxonomy).incidents())
        .extracting(Incident::id)
        .containsExactlyElementsOf(r.incidents().stream().map(Incident::id).toList());
  }

  @Test
  void badRowsAreRejectedNamingRowFieldAndValueAndNothingIsLost() throws Exception {
    String sheet =
        "Fecha del hecho,Tipo de hecho,Lugar,Latitud,Longitud\n"
            + "31/02/2024,robo,Centro,,\n"
            + "01/03/2024,balacera,Colonia Kennedy,95,-87\n"
            + "02/03/2024,algo raro,Colonia Kennedy,,\n"
            + "03/03/2099,robo,Centro,,\n";
    ReadResult r = read(sheet, Taxonomy.honduras());
    assertThat(r.report().read()).isEqualTo(4);
    assertThat(r.report().accepted() + r.report().rejected()).isEqualTo(4);
    assertThat(r.report().problems())
        .anySatisfy(
            p -> {
              assertThat(p.row()).isEqualTo(2);
              assertThat(p.field()).isEqualTo("Fecha del hecho");
              assertThat(p.value()).isEqualTo("31/02/2024");
              assertThat(p.code()).isEqualTo(ProblemCode.INVALID_DATE);
            });
    assertThat(r.report().problems())
        .extracting(p -> p.code())
        .contains(ProblemCode.INVALID_VALUE, ProblemCode.UNKNOWN_CATEGORY, ProblemCode.FUTURE_DATE);
    assertThat(r.incidents()).hasSize(1); // "algo raro" is kept, unclassified, with a warning
    assertThat(r.incidents().get(0).classification().sourceLabel()).contains("algo raro");
  }
}
