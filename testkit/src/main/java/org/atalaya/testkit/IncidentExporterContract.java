package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.synthetic.SyntheticIncidents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link IncidentExporter}. Extend it and return your exporter; if the plugin
 * also reads the format, override {@link #importer()} to get the round trip checked: export, then
 * import, gives back equal incidents (as far as {@link #keptByFormat} says the format keeps them).
 *
 * <pre>{@code
 * class DenunciasExporterTest extends IncidentExporterContract {
 *   @Override
 *   protected IncidentExporter exporter() {
 *     return new DenunciasExporter();
 *   }
 * }
 * }</pre>
 *
 * <p>Over generated incidents (Spanish text, emoji, quotes, line breaks, missing parts) it checks
 * that writing never throws and writes something, that output is the same every time and from many
 * threads at once, and, with an importer, the round trip. Extensions are lower case without a dot.
 *
 * @since 0.1
 */
@DisplayName("exporter contract / contrato del exportador")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class IncidentExporterContract extends ConsoleGuard {

  /**
   * Returns the exporter under test.
   *
   * @return the exporter; never {@code null}
   */
  protected abstract IncidentExporter exporter();

  /**
   * Returns the importer of the same format, to check the round trip. The default has none.
   *
   * @return the importer, or empty
   */
  protected Optional<IncidentImporter> importer() {
    return Optional.empty();
  }

  /**
   * Returns what of {@code incident} the format keeps, for formats that cannot hold everything (a
   * summary CSV without victims, say). The default keeps everything: a lossless format.
   *
   * @param incident an incident written
   * @return the incident as it should read back; never {@code null}
   */
  protected Incident keptByFormat(Incident incident) {
    return incident;
  }

  private byte[] export(List<Incident> incidents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (IncidentWriter w = exporter().open(out)) {
      w.writeAll(incidents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName(
      "writes any valid incidents without throwing / escribe cualquier incidente válido sin lanzar"
          + " excepciones")
  void writesAnyValidIncidentsWithoutThrowing() {
    assertThatCode(() -> export(List.of())).as("writing no incidents").doesNotThrowAnyException();
    qt().withExamples(200)
        .forAll(Generators.incidentLists())
        .checkAssert(list -> assertThat(export(list)).isNotEmpty());
  }

  @Test
  @DisplayName(
      "round trip keeps every field the format keeps / el viaje de ida y vuelta conserva cada campo"
          + " que el formato guarda")
  void importingWhatItExportedGivesBackEqualIncidents() {
    Optional<IncidentImporter> importer = importer();
    assumeTrue(
        importer.isPresent(),
        "no importer() for this format: nothing to read the export back with");
    qt().withExamples(200)
        .forAll(Generators.incidentLists())
        .checkAssert(
            list -> {
              ReadResult back;
              try {
                back =
                    importer
                        .get()
                        .readAll(new ByteArrayInputStream(export(list)), ReadOptions.defaults());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              assertThat(back.report().rejected())
                  .as("rejected on re-import: %s", back.report().problems())
                  .isZero();
              assertThat(back.incidents())
                  .isEqualTo(list.stream().map(this::keptByFormat).toList());
            });
  }

  @Test
  @DisplayName(
      "writes the same bytes every time and from many threads / escribe los mismos bytes cada vez y"
          + " desde muchos hilos")
  void writesTheSameBytesEveryTimeAndFromManyThreads() throws Exception {
    List<Incident> list = SyntheticIncidents.of(42).stream().limit(200).toList();
    byte[] first = export(list);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> all = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        all.add(pool.submit(() -> export(list)));
      }
      for (Future<byte[]> f : all) {
        assertThat(f.get()).isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "file extensions are lower case, without a dot / las extensiones de archivo van en minúsculas"
          + " y sin punto")
  void fileExtensionsAreLowerCaseWithoutADot() {
    assertThat(exporter().fileExtensions()).allSatisfy(e -> assertThat(e).matches("[a-z0-9]+"));
  }
}
