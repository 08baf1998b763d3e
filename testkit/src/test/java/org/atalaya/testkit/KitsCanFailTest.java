package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.anonymise.RecordEditor;
import org.atalaya.anonymise.RecordStep;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.anonymise.ReleaseStep;
import org.atalaya.incident.Incident;
import org.atalaya.indicator.Lineage;
import org.atalaya.io.CsvLayout;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.spi.IncidentIndicator;
import org.atalaya.spi.IndicatorInput;
import org.atalaya.spi.IndicatorValue;
import org.atalaya.spi.Recognition;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The kits catch what they promise to catch: each is run, through the JUnit Platform, against a
 * plugin with one deliberate fault, and the test for that fault must fail.
 */
class KitsCanFailTest {

  /** An importer that crashes on bad input and prints to the console. */
  static final class CrashingImporter implements IncidentImporter {
    @Override
    public String id() {
      return "crashes";
    }

    @Override
    public Recognition recognise(FileSample sample) {
      System.out.println("looking at " + sample);
      return sample.extension().equals("csv") ? Recognition.LIKELY : Recognition.NO;
    }

    @Override
    public ReadReport read(InputStream in, ReadOptions options, IncidentHandler handler)
        throws IOException {
      byte[] all = in.readAllBytes();
      if (all.length > 0 && all[all.length - 1] != '\n') {
        throw new ArrayIndexOutOfBoundsException("last line has no end");
      }
      return IncidentFormat.CSV.reader().read(new ByteArrayInputStream(all), options, handler);
    }
  }

  static final class CrashingImporterTest extends IncidentImporterContract {
    @Override
    protected ImporterSample sample() {
      return ImporterSample.of(
          new CrashingImporter(), "x.csv", "id,occurred_from\nx-1,2024-03-01\n", 1);
    }
  }

  /** An exporter whose output loses the narrative: the round trip must catch it. */
  static final class LossyExporter implements IncidentExporter {
    @Override
    public String id() {
      return "lossy";
    }

    @Override
    public IncidentWriter open(OutputStream out) throws IOException {
      IncidentWriter w = IncidentFormat.CSV.writer(out, CsvLayout.canonical());
      return new IncidentWriter() {
        @Override
        public void write(Incident incident) throws IOException {
          w.write(incident.toBuilder().narrative(null).build());
        }

        @Override
        public void flush() throws IOException {
          w.flush();
        }

        @Override
        public void close() throws IOException {
          w.close();
        }
      };
    }

    @Override
    public Set<String> fileExtensions() {
      return Set.of(".CSV");
    }
  }

  static final class LossyExporterTest extends IncidentExporterContract {
    @Override
    protected IncidentExporter exporter() {
      return new LossyExporter();
    }

    @Override
    protected Optional<IncidentImporter> importer() {
      return PluginRegistry.builder().discover().importer("csv");
    }
  }

  /** An indicator whose estimate is not finite on an empty input, and has no Spanish title. */
  static final class SloppyIndicator implements IncidentIndicator {
    @Override
    public String id() {
      return "sloppy";
    }

    @Override
    public String title(Locale locale) {
      return locale.getLanguage().equals("es") ? "" : "Share";
    }

    @Override
    public IndicatorValue compute(IndicatorInput input) {
      double share = (double) input.incidents().size() / input.incidents().size();
      return new IndicatorValue(
          share,
          Optional.empty(),
          input.incidents().size(),
          1,
          "share",
          "count",
          Lineage.builder("sloppy").build());
    }
  }

  static final class SloppyIndicatorTest extends IncidentIndicatorContract {
    @Override
    protected IncidentIndicator indicator() {
      return new SloppyIndicator();
    }
  }

  /** A "mask" that passes every incident through untouched. */
  static final class LazyMaskTest extends ReleaseStepContract {
    @Override
    protected ReleaseStep step() {
      return new RecordStep() {
        @Override
        public String name() {
          return "lazy-mask";
        }

        @Override
        public boolean edit(RecordEditor record, ReleaseContext context) {
          return true;
        }
      };
    }
  }

  @Test
  void theReleaseStepKitCatchesAPointReleasedUnchanged() {
    assertThat(failed(run(LazyMaskTest.class))).contains("neverReleasesAPointUnchanged");
  }

  private static Events run(Class<?> kit) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();
  }

  @Test
  void theImporterKitCatchesCrashesOnBrokenInputAndConsoleOutput() {
    Events e = run(CrashingImporterTest.class);
    assertThat(failed(e))
        .contains(
            "neverThrowsUncheckedExceptionsOnBrokenInput",
            "recognisesItsOwnSample",
            "recognisingNeverThrows");
  }

  @Test
  void theExporterKitCatchesALossyRoundTripAndBadExtensions() {
    Events e = run(LossyExporterTest.class);
    assertThat(failed(e))
        .contains(
            "importingWhatItExportedGivesBackEqualIncidents",
            "fileExtensionsAreLowerCaseWithoutADot");
  }

  @Test
  void theIndicatorKitCatchesMissingTitlesAndNonFiniteValues() {
    Events e = run(SloppyIndicatorTest.class);
    assertThat(failed(e)).contains("hasATitleInEnglishAndInSpanish");
  }

  @Test
  void aContractThatDoesNotApplyIsReportedSkippedWithItsReason() {
    Events e = run(ReleaseStepKitsTest.MonthOnly.class);
    assertThat(methodNames(e.aborted())).containsExactly("neverReleasesAPointUnchanged");
    assertThat(
            e.aborted().stream()
                .map(ev -> ev.getRequiredPayload(TestExecutionResult.class).getThrowable()))
        .singleElement()
        .satisfies(t -> assertThat(t.orElseThrow()).hasMessageContaining("movesPoints() is false"));
    assertThat(e.failed().count()).isZero();
  }

  private static Set<String> failed(Events e) {
    return methodNames(e.failed());
  }

  // Display names are sentences; the kits' tests are identified by their methods.
  private static Set<String> methodNames(Events e) {
    return e.stream()
        .map(
            ev -> ((MethodSource) ev.getTestDescriptor().getSource().orElseThrow()).getMethodName())
        .collect(Collectors.toSet());
  }
}
