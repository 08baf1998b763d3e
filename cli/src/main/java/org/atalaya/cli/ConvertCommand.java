package org.atalaya.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atalaya.incident.Incident;
import org.atalaya.io.IncidentFormat;
import org.atalaya.io.IncidentHandler;
import org.atalaya.io.IncidentReadException;
import org.atalaya.io.IncidentWriter;
import org.atalaya.io.Problem;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadReport;
import org.atalaya.io.Rejection;
import org.atalaya.spi.IncidentExporter;
import org.atalaya.spi.IncidentImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code atalaya convert}: reads one format and writes another; rejected records go to a side file
 * {@code OUT.rejected.csv} with their reasons, so nothing vanishes.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert incidents between csv, json, ndjson and geojson, and the formats of plugins"
          + " (--plugins-dir).",
      "Rejected records are written to OUT.rejected.csv (row, field, value, code, message, record);"
          + " exit code 1 when there are any."
    })
final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN", description = "The input file.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "The output file.")
  Path out;

  @Option(
      names = "--from",
      paramLabel = "FORMAT",
      description =
          "Input format: csv, json, ndjson, geojson or a plugin importer's id (default: recognised"
              + " from the file).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "FORMAT",
      description =
          "Output format: csv, csv-excel, json, ndjson, geojson or a plugin exporter's id (default:"
              + " from the extension).")
  String to;

  @Option(
      names = "--json",
      description = "Print the summary as JSON: {read, written, rejected, rejectedFile}.")
  boolean json;

  @Option(
      names = "--excel",
      description = "Write CSV for Spanish-language Excel: ';', decimal comma, UTF-8 with BOM.")
  boolean excel;

  @Mixin InputOptions input;

  @Spec CommandSpec spec;

  private static boolean isCsv(Path file) {
    return IncidentFormat.fromFileName(file).map(f -> f == IncidentFormat.CSV).orElse(false);
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(in)) {
      err.println("atalaya convert: " + input.texts().get("io.cannotRead", in));
      return Atalaya.USAGE;
    }
    String outputs =
        Atalaya.outputProblem(
            input.texts(),
            Arrays.asList(in),
            out,
            out.resolveSibling(out.getFileName() + ".rejected.csv"));
    if (outputs != null) {
      err.println("atalaya convert: " + outputs);
      return Atalaya.USAGE;
    }
    IncidentImporter source;
    IncidentExporter target;
    try {
      source = input.importer(from, in, "--from", err);
      if (excel && !(to == null ? isCsv(out) : to.equals("csv") || to.equals("csv-excel"))) {
        // Excel's layout exists for CSV only; ignoring the flag would leave the user guessing
        throw new InputOptions.UsageError(
            "--excel writes CSV for Spanish-language Excel; "
                + out.getFileName()
                + " is not written as CSV (give an OUT ending in .csv, or leave --excel out)");
      }
      target =
          input.exporter(
              excel && to == null && isCsv(out)
                  ? "csv-excel"
                  : excel && "csv".equals(to) ? "csv-excel" : to,
              out,
              "--to",
              err);
    } catch (InputOptions.UsageError e) {
      err.println("atalaya convert: " + e.getMessage());
      return Atalaya.USAGE;
    }
    Path rejectedFile = out.resolveSibling(out.getFileName() + ".rejected.csv");
    ReadOptions options;
    try {
      options = input.readOptions(in);
    } catch (InputOptions.UsageError e) {
      err.println("atalaya convert: " + e.getMessage());
      return Atalaya.USAGE;
    }
    ReadReport report;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        IncidentWriter writer = target.open(os);
        RejectionFile rejections = new RejectionFile(rejectedFile)) {
      report =
          source.read(
              in,
              options,
              new IncidentHandler() {
                @Override
                public void accept(Incident incident) throws IOException {
                  writer.write(incident);
                }

                @Override
                public void reject(Rejection rejection) throws IOException {
                  rejections.write(rejection, input);
                }
              });
    } catch (IncidentReadException e) {
      // The input is unreadable as a whole: leave no half-written output behind.
      Files.deleteIfExists(out);
      Files.deleteIfExists(rejectedFile);
      err.println(
          "atalaya convert: "
              + e.message(input.locale())
              + " ("
              + input.texts().get("anonymise.nothing")
              + ")");
      return Atalaya.DATA_PROBLEMS;
    }
    PrintWriter o = spec.commandLine().getOut();
    if (report.rejected() == 0) {
      Files.deleteIfExists(rejectedFile);
    }
    if (json) {
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("read", report.read());
      summary.put("written", report.accepted());
      summary.put("rejected", report.rejected());
      summary.put("rejectedFile", report.rejected() > 0 ? rejectedFile.toString() : null);
      o.println(new ObjectMapper().writeValueAsString(summary));
    } else {
      Texts t = input.texts();
      o.println(
          t.get("convert.summary", in, out, report.read(), report.accepted(), report.rejected()));
      if (report.rejected() > 0) {
        o.println(t.get("convert.rejections", rejectedFile));
      }
    }
    o.flush();
    return report.rejected() > 0 ? Atalaya.DATA_PROBLEMS : Atalaya.OK;
  }

  /** The side file of rejected records: one line per problem, with the record as read. */
  private static final class RejectionFile implements AutoCloseable {
    private final Writer w;

    RejectionFile(Path file) throws IOException {
      w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      w.write("row,field,value,code,message,record\r\n");
    }

    void write(Rejection r, InputOptions input) throws IOException {
      for (Problem p : r.problems()) {
        w.write(
            p.row()
                + ","
                + cell(p.field())
                + ","
                + cell(p.value())
                + ","
                + p.code().code()
                + ","
                + cell(p.message(input.locale()))
                + ","
                + cell(r.raw())
                + "\r\n");
      }
    }

    /** Quotes a cell and neutralises formulas: this file is meant to be opened in a spreadsheet. */
    private static String cell(String v) {
      String s = v.isEmpty() || "=+-@\t\r".indexOf(v.charAt(0)) < 0 ? v : "'" + v;
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws IOException {
      w.close();
    }
  }
}
