package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.atalaya.anonymise.AnonymisationException;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.anonymise.AttackProfile;
import org.atalaya.anonymise.AttackResult;
import org.atalaya.anonymise.CoreSteps;
import org.atalaya.anonymise.PrivacyReport;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.anonymise.Release;
import org.atalaya.anonymise.ReleaseKey;
import org.atalaya.anonymise.ReleasePolicy;
import org.atalaya.anonymise.ReleaseRefusedException;
import org.atalaya.anonymise.ReleaseStepFactory;
import org.atalaya.geo.anonymise.GeoSteps;
import org.atalaya.incident.Incident;
import org.atalaya.internal.JsonErrors;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.ReadResult;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.ExtensionPoints;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya anonymise}: runs a release policy and writes the release and its aggregate tables
 * only when every privacy check passes; otherwise exit code 1, the failed check and the areas that
 * fell short, and no output file. The report is written either way: it holds no record.
 */
@Command(
    name = "anonymise",
    aliases = "anonymize",
    mixinStandardHelpOptions = true,
    description = {
      "Anonymise incidents with a release policy and write them only if every privacy check"
          + " passes.",
      "Policies: a JSON file, or a shipped one by name: open-data (public release),"
          + " share-with-police (pseudonyms, full precision, redacted narratives),"
          + " aggregate-statistics (tables only: small-cell suppression and differential privacy).",
      "A policy's tables are written beside OUT as OUT-without-extension.TABLE.csv; suppressed"
          + " cells read [c]; dp tables add each entry's exact 95%% interval (columns"
          + " LABEL:lower95, LABEL:upper95).",
      "Exit code 1 and no OUT (nor tables) when a check fails (the message names the check and the"
          + " areas)."
    })
final class AnonymiseCommand implements Callable<Integer> {
  static final List<String> SHIPPED = ReleasePolicy.SHIPPED;

  @Parameters(
      index = "0",
      paramLabel = "IN",
      description = "The incidents (csv, json, ndjson or geojson).")
  Path in;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "POLICY",
      description = "A policy JSON file, or open-data, share-with-police or aggregate-statistics.")
  String policy;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT",
      description =
          "Where to write the release; the policy's tables go beside it"
              + " (OUT-without-extension.TABLE.csv).")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      description =
          "Input format: csv, json, ndjson, geojson or a plugin importer's id (default: recognised"
              + " from the file).")
  String from;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Output format: csv, csv-excel, json, ndjson, geojson or a plugin exporter's id (default:"
              + " from OUT's extension).")
  String format;

  @Option(
      names = "--report",
      paramLabel = "REPORT.json",
      description = "Where to write the privacy report (JSON).")
  Path report;

  @ArgGroup(exclusive = true)
  KeySource key;

  static final class KeySource {
    @Option(
        names = "--key-env",
        paramLabel = "VAR",
        description = "Environment variable holding the release key.")
    String env;

    @Option(
        names = "--key-file",
        paramLabel = "FILE",
        description = "File holding the release key.")
    Path file;
  }

  @Option(names = "--json", description = "Print the privacy report as JSON.")
  boolean json;

  @Option(
      names = "--attack",
      description =
          "Also run the neighbour and victim attacker profiles (and register, with --register) and"
              + " print what each achieves; only the policy's own profiles can refuse the release.")
  boolean attack;

  @Option(
      names = "--register",
      paramLabel = "FILE",
      description =
          "An external register of incidents (any incident format) for the register attacker"
              + " profile.")
  Path register;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Texts t = input.texts();
    if (!Files.isReadable(in)) {
      err.println("atalaya anonymise: " + t.get("anonymise.unreadable", in));
      return Atalaya.USAGE;
    }
    String outputs =
        Atalaya.outputProblem(t, Arrays.asList(in, key == null ? null : key.file), out, report);
    if (outputs != null) {
      err.println("atalaya anonymise: " + outputs);
      return Atalaya.USAGE;
    }
    IncidentImporter source;
    IncidentExporter target;
    ReleasePolicy p;
    ReleaseKey k = null;
    try {
      source = input.importer(from, in, "--from", err);
      p = policy(policy, input.plugins(err));
      // A policy that publishes tables only writes no records, so OUT needs no record format.
      target = p.publishRecords() ? input.exporter(format, out, "--format", err) : null;
      if (key != null) {
        k = key.env != null ? ReleaseKey.fromEnvironment(key.env) : ReleaseKey.fromFile(key.file);
      }
    } catch (IllegalArgumentException | IOException | InputOptions.UsageError e) {
      err.println("atalaya anonymise: " + e.getMessage());
      return Atalaya.USAGE;
    } catch (AnonymisationException e) {
      err.println("atalaya anonymise: " + e.message(input.locale()));
      return Atalaya.USAGE;
    }
    List<Incident> incidents;
    try {
      ReadResult read = source.readAll(in, input.readOptions(in));
      if (read.report().rejected() > 0) {
        err.println(
            "atalaya anonymise: " + t.get("anonymise.rejected", read.report().rejected(), in));
        return Atalaya.DATA_PROBLEMS;
      }
      incidents = read.incidents();
    } catch (InputOptions.UsageError e) {
      err.println("atalaya anonymise: " + e.getMessage());
      return Atalaya.USAGE;
    } catch (IncidentReadException e) {
      err.println(
          "atalaya anonymise: "
              + e.message(input.locale())
              + " ("
              + t.get("anonymise.nothing")
              + ")");
      return Atalaya.DATA_PROBLEMS;
    }
    // A refused release leaves OUT as it was (publish writes through a temporary file).
    PrivacyReport r;
    int exit;
    try {
      Release.WriterFactory writers =
          target != null
              ? target::open
              : os -> {
                throw new IllegalStateException("policy " + p.name() + " publishes no records");
              };
      Release release = Release.of(p);
      if (attack || register != null) {
        EnumSet<AttackProfile> profiles = EnumSet.of(AttackProfile.NEIGHBOUR, AttackProfile.VICTIM);
        if (register != null) {
          ReadResult entries =
              input
                  .importer(null, register, "--from", err)
                  .readAll(register, input.readOptions(register));
          release = release.withRegister(entries.incidents());
          profiles.add(AttackProfile.REGISTER);
        }
        release = release.withAttacks(profiles);
      }
      r = release.publish(incidents, k, writers, out);
      exit = Atalaya.OK;
    } catch (ReleaseRefusedException e) {
      r = e.report();
      err.println(
          "atalaya anonymise: "
              + t.get("anonymise.refused", out)
              + " "
              + e.message(input.locale()));
      exit = Atalaya.DATA_PROBLEMS;
    } catch (AnonymisationException e) {
      err.println(
          "atalaya anonymise: "
              + e.message(input.locale())
              + " ("
              + t.get("anonymise.nothing")
              + ")");
      return e.code() == AnonymiseCode.KEY_MISSING ? Atalaya.USAGE : Atalaya.DATA_PROBLEMS;
    } catch (InputOptions.UsageError | IncidentReadException e) {
      err.println(
          "atalaya anonymise: --register "
              + register
              + ": "
              + (e instanceof IncidentReadException bad
                  ? bad.message(input.locale())
                  : e.getMessage())
              + " ("
              + t.get("anonymise.nothing")
              + ")");
      return Atalaya.USAGE;
    }
    if (report != null) {
      Files.writeString(report, r.toJson(), StandardCharsets.UTF_8);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(r.toJson());
    } else {
      o.println(
          t.get(
              "anonymise.summary",
              p.name(),
              r.recordsIn(),
              r.recordsOut(),
              r.suppressed(),
              r.kAchieved(),
              r.displacementMeters().median(),
              r.hotCellOverlap()));
      for (PrivacyReport.Check c : r.checks()) {
        o.println(
            "  "
                + (c.passed() ? t.get("anonymise.check.passed") : t.get("anonymise.check.failed"))
                + " "
                + c.label(input.locale())
                + ": "
                + c.detail(input.locale()));
      }
      for (AttackResult a : r.disclosure().attacks()) {
        o.println(
            "  "
                + t.get(
                    "anonymise.attack",
                    a.profile().policyName(),
                    a.targets(),
                    a.atRisk(),
                    String.format(Locale.ROOT, "%.2f", 100 * a.atRiskShare()),
                    a.singledOut(),
                    a.knows().stream().map(QuasiIdentifier::policyName).toList(),
                    a.candidates()));
      }
      if (exit == Atalaya.OK) {
        o.println(
            p.publishRecords()
                ? t.get("anonymise.written", out)
                : t.get("anonymise.tablesOnly", out));
        for (PrivacyReport.Table table : r.tables()) {
          Path file = Release.tableFile(out, table.name());
          o.println(
              "  "
                  + (table.kind().equals("dp")
                      ? t.get(
                          "anonymise.table.dp", table.name(), table.cells(), table.epsilon(), file)
                      : t.get(
                          "anonymise.table.small",
                          table.name(),
                          table.cells(),
                          table.primarySuppressed(),
                          table.secondarySuppressed(),
                          file)));
        }
      }
    }
    o.flush();
    return exit;
  }

  /** Loads a shipped policy by name, or a policy file; plugins' step types are known too. */
  static ReleasePolicy policy(String nameOrPath, PluginRegistry plugins) throws IOException {
    if (SHIPPED.contains(nameOrPath)) {
      return ReleasePolicy.named(
          nameOrPath, plugins.extensions(ExtensionPoints.ANONYMISATION_STEP));
    }
    List<ReleaseStepFactory> factories = new ArrayList<>(List.of(new CoreSteps(), new GeoSteps()));
    factories.addAll(plugins.extensions(ExtensionPoints.ANONYMISATION_STEP));
    Path file = Path.of(nameOrPath);
    if (!Files.isReadable(file)) {
      throw new IOException(
          "policy " + nameOrPath + " is neither a readable file nor one of " + SHIPPED);
    }
    try {
      return ReleasePolicy.fromJson(file, factories);
    } catch (JsonProcessingException e) {
      throw new IOException("policy " + file + " is not well-formed JSON" + JsonErrors.where(e), e);
    }
  }
}
