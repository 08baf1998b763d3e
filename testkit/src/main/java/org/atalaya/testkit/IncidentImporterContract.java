package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.io.ReadResult;
import org.atalaya.io.Rejection;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.Recognition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link org.atalaya.spi.IncidentImporter}. Extend it and return your importer
 * with a sample file in its format:
 *
 * <pre>{@code
 * class DenunciasImporterTest extends IncidentImporterContract {
 *   @Override
 *   protected ImporterSample sample() {
 *     return ImporterSample.of(new DenunciasImporter(), "denuncias.csv",
 *         "Fecha;Tipo;Lugar\n03/02/2024;Robo;Colonia Kennedy\n", 1);
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that the importer recognises its sample and never throws while recognising; reads
 * every record of the sample ({@code accepted + rejected == read}, and the handler sees exactly
 * those); never throws an unchecked exception on broken input (truncated, garbled or random bytes),
 * only {@link IncidentReadException} or {@link IOException} for input unreadable as a whole; gives
 * the same result every time and from many threads at once; and prints nothing.
 *
 * @since 0.1
 */
@DisplayName("importer contract / contrato del importador")
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public abstract class IncidentImporterContract extends ConsoleGuard {

  /**
   * Returns the importer under test and a sample file in its format.
   *
   * @return the sample; never {@code null}
   */
  protected abstract ImporterSample sample();

  private static ReadResult readAll(ImporterSample s, byte[] bytes) throws IOException {
    return s.importer()
        .readAll(
            new ByteArrayInputStream(bytes),
            ReadOptions.builder().sourceName(s.fileName()).build());
  }

  @Test
  @DisplayName("recognises its own sample / reconoce su propia muestra")
  void recognisesItsOwnSample() {
    ImporterSample s = sample();
    assertThat(s.importer().recognise(FileSample.of(s.fileName(), s.content())))
        .as("how the importer recognises its own sample %s", s.fileName())
        .isNotNull()
        .isGreaterThan(Recognition.NO);
  }

  @Test
  @DisplayName(
      "recognising never throws (300 random files) / reconocer nunca lanza una excepción (300"
          + " archivos al azar)")
  void recognisingNeverThrows() {
    ImporterSample s = sample();
    qt().withExamples(300)
        .forAll(
            strings().allPossible().ofLengthBetween(1, 20),
            lists().of(integers().between(0, 255)).ofSizeBetween(0, 400))
        .checkAssert(
            (name, bytes) -> {
              String fileName = name.isBlank() ? "x" : name;
              assertThat(s.importer().recognise(FileSample.of(fileName, toBytes(bytes))))
                  .isNotNull();
            });
  }

  @Test
  @DisplayName(
      "reads every record of its sample and counts them all / lee cada registro de su muestra y los"
          + " cuenta todos")
  void readsEveryRecordOfItsSampleAndCountsThemAll() throws IOException {
    ImporterSample s = sample();
    AtomicLong accepted = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    ReadReport report =
        s.importer()
            .read(
                new ByteArrayInputStream(s.content()),
                ReadOptions.defaults(),
                new IncidentHandler() {
                  @Override
                  public void accept(Incident incident) {
                    assertThat(incident).isNotNull();
                    accepted.incrementAndGet();
                  }

                  @Override
                  public void reject(Rejection rejection) {
                    assertThat(rejection).isNotNull();
                    rejected.incrementAndGet();
                  }
                });
    assertThat(report.read()).as("records read from the sample").isEqualTo(s.records());
    assertThat(report.accepted() + report.rejected()).isEqualTo(report.read());
    assertThat(accepted.get()).as("incidents handed to the handler").isEqualTo(report.accepted());
    assertThat(rejected.get()).as("rejections handed to the handler").isEqualTo(report.rejected());
    assertThat(report.accepted())
        .as("the sample should be valid; problems: %s", report.problems())
        .isPositive();
  }

  @Test
  @DisplayName(
      "never throws an unchecked exception on broken input / nunca lanza una excepción no"
          + " comprobada ante una entrada dañada")
  void neverThrowsUncheckedExceptionsOnBrokenInput() {
    ImporterSample s = sample();
    byte[] good = s.content();
    qt().withExamples(300)
        .forAll(
            integers().between(0, good.length),
            integers().between(0, 3),
            lists().of(integers().between(0, 255)).ofSizeBetween(0, 64))
        .checkAssert(
            (cut, kind, noise) -> {
              byte[] broken =
                  switch (kind) {
                    case 0 -> Arrays.copyOf(good, cut); // truncated
                    case 1 -> splice(good, cut, toBytes(noise)); // garbage inserted
                    case 2 -> toBytes(noise); // random bytes
                    default ->
                        new String(good, StandardCharsets.UTF_8)
                            .replace(';', ',')
                            .replace(',', '\t')
                            .getBytes(StandardCharsets.UTF_8);
                  };
              try {
                ReadResult r = readAll(s, broken);
                assertThat(r.report().accepted() + r.report().rejected())
                    .isEqualTo(r.report().read());
                assertThat(r.incidents()).hasSize((int) r.report().accepted());
              } catch (IncidentReadException e) {
                assertThat(e.getMessage())
                    .as("an unreadable input deserves a message")
                    .isNotBlank();
              } catch (IOException e) {
                // unreadable as a whole: allowed
              }
            });
  }

  @Test
  @DisplayName(
      "gives the same result every time and from many threads / da el mismo resultado cada vez y"
          + " desde muchos hilos")
  void givesTheSameResultEveryTimeAndFromManyThreads() throws Exception {
    ImporterSample s = sample();
    ReadResult first = readAll(s, s.content());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ReadResult>> all = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        all.add(pool.submit(() -> readAll(s, s.content())));
      }
      for (Future<ReadResult> f : all) {
        ReadResult r = f.get();
        assertThat(r.incidents()).isEqualTo(first.incidents());
        assertThat(r.report()).isEqualTo(first.report());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] toBytes(List<Integer> values) {
    byte[] b = new byte[values.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (int) values.get(i);
    }
    return b;
  }

  private static byte[] splice(byte[] into, int at, byte[] what) {
    byte[] out = new byte[into.length + what.length];
    System.arraycopy(into, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(into, at, out, at + what.length, into.length - at);
    return out;
  }
}
