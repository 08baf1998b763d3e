package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atalaya.code.Severity;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.Problem;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.spi.IncidentImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atalaya validate}: reads a file and reports every record it would reject or flag. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Read an incident file and report how many records were read, accepted and rejected, and"
          + " why.",
      "Exit code 1 when any record is rejected."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The incident file (.csv or .txt, .json, .ndjson or .jsonl, .geojson).")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "csv, json, ndjson, geojson or a plugin importer's id (default: recognised from the"
              + " file).")
  String format;

  @Option(
      names = "--json",
      description = "Print the report as JSON: {read, accepted, rejected, problems[]}.")
  boolean json;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(file)) {
      err.println("atalaya validate: " + input.texts().get("io.cannotRead", file));
      return Atalaya.USAGE;
    }
    IncidentImporter f;
    try {
      f = input.importer(format, file, "--format", err);
    } catch (InputOptions.UsageError e) {
      err.println("atalaya validate: " + e.getMessage());
      return Atalaya.USAGE;
    }
    ReadOptions options;
    try {
      options = input.readOptions(file);
    } catch (InputOptions.UsageError e) {
      err.println("atalaya validate: " + e.getMessage());
      return Atalaya.USAGE;
    }
    ReadReport report;
    try {
      report = f.read(file, options, incident -> {});
    } catch (IncidentReadException e) {
      err.println("atalaya validate: " + e.message(input.locale()));
      return Atalaya.DATA_PROBLEMS;
    }
    if (json) {
      writeJson(report, out);
    } else {
      Texts t = input.texts();
      int warnings = report.problems(Severity.WARNING).size();
      out.println(
          t.get("validate.summary", file, report.read(), report.accepted(), report.rejected())
              + (warnings == 0 ? "" : t.get("validate.warnings", warnings)));
      for (Problem p : report.problems()) {
        out.printf(
            "  %s %d%s: %s %s %s%n",
            t.get("validate.row"),
            p.row(),
            p.field().isEmpty()
                ? ""
                : ", " + p.field() + (p.value().isEmpty() ? "" : " = \"" + p.value() + "\""),
            p.severity() == Severity.ERROR ? t.get("validate.rejected") : t.get("validate.warning"),
            p.code().code(),
            p.message(input.locale()));
      }
    }
    out.flush();
    return report.rejected() > 0 ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
  }

  private void writeJson(ReadReport report, PrintWriter out) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonGenerator g = mapper.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeNumberField("read", report.read());
    g.writeNumberField("accepted", report.accepted());
    g.writeNumberField("rejected", report.rejected());
    g.writeArrayFieldStart("problems");
    for (Problem p : report.problems()) {
      g.writeStartObject();
      g.writeNumberField("row", p.row());
      g.writeStringField("field", p.field());
      g.writeStringField("value", p.value());
      g.writeStringField("code", p.code().code());
      g.writeStringField("message", p.message(input.locale()));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
    out.println();
  }
}
