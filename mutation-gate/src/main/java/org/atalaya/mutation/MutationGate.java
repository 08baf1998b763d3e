package org.atalaya.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The mutation gate: after {@code ./mvnw -Pmutation verify}, reads each module's PIT report, judges
 * it against {@code thresholds.txt} and {@code equivalent-mutants.txt}, prints and writes a
 * summary, and fails the build when a class is below its minimum.
 */
@Command(
    name = "mutation-gate",
    description = "Holds PIT's mutation scores to the project's per-class minimums.")
public final class MutationGate implements Callable<Integer> {

  @Option(names = "--root", required = true, description = "The checkout's root directory.")
  Path root;

  @Option(
      names = "--modules",
      split = ",",
      required = true,
      description = "Modules whose target/pit-reports/mutations.xml to read.")
  List<String> modules;

  @Option(
      names = "--targets",
      split = ",",
      defaultValue = "org.atalaya.*",
      description = "The classes PIT was asked to mutate (PIT globs).")
  List<String> targets;

  @Option(
      names = "--since",
      description = "Build start (ISO instant): a report older than this is from an earlier run.")
  Instant since;

  @Option(names = "--thresholds", required = true)
  Path thresholds;

  @Option(names = "--equivalents", required = true)
  Path equivalents;

  @Option(names = "--summary", description = "Where to write the Markdown summary.")
  Path summary;

  /**
   * Runs the gate; in a Maven build through exec:java, so a failed gate throws rather than exits.
   *
   * @throws IllegalStateException when the gate fails, with every failure in the message
   */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new MutationGate());
    cli.setExecutionExceptionHandler(
        (e, line, parsed) -> {
          throw e;
        });
    int status = cli.execute(args);
    if (status != 0) {
      throw new IllegalStateException(
          "mutation gate failed (exit " + status + "): see the lines above");
    }
  }

  @Override
  public Integer call() throws IOException {
    List<String> notes = new ArrayList<>();
    List<Mutant> mutants = new ArrayList<>();
    for (String module : modules) {
      Path report = root.resolve(module).resolve("target/pit-reports/mutations.xml");
      if (!Files.isRegularFile(report)) {
        notes.add(module + ": no PIT report (module not in this run)");
        continue;
      }
      Instant written = Files.getLastModifiedTime(report).toInstant();
      if (since != null && written.isBefore(since)) {
        notes.add(module + ": report from an earlier run (" + written + "), ignored");
        continue;
      }
      List<Mutant> read = PitReport.read(report);
      notes.add(module + ": " + read.size() + " mutants from " + root.relativize(report));
      mutants.addAll(read);
    }
    if (mutants.isEmpty()) {
      System.err.println("mutation gate: no mutants to judge. " + String.join("; ", notes));
      System.err.println(
          "Run ./mvnw -Pmutation verify from the root (sdk-docs/mutation-testing.md).");
      return 2;
    }
    List<Threshold> rules = Threshold.read(thresholds);
    Gate.Verdict verdict =
        Gate.judge(
            mutants,
            rules,
            EquivalentMutant.read(equivalents),
            targets.stream().map(ClassPattern::of).toList());
    notes.add(0, "commit: " + verifiedCommit(verdict, rules));
    String text = Summary.markdown(verdict, notes);
    System.out.println(text);
    if (summary != null) {
      try {
        Files.createDirectories(summary.toAbsolutePath().getParent());
        Files.writeString(summary, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the summary " + summary, e);
      }
    }
    return verdict.passed() ? 0 : 1;
  }

  /**
   * The commit this run verified, for {@code verified.md}: only a passing run over every critical
   * class of a clean checkout verifies one. CI re-judges what changed since it.
   */
  private String verifiedCommit(Gate.Verdict verdict, List<Threshold> rules) {
    if (!verdict.passed()) {
      return "none (the gate failed)";
    }
    boolean everyCritical =
        rules.stream()
            .filter(r -> r.each() && r.pattern().isExact())
            .allMatch(
                r ->
                    verdict.lines().stream()
                        .anyMatch(l -> l.score().name().equals(r.pattern().toString())));
    if (!everyCritical) {
      return "none (not every critical class was judged)";
    }
    String head = git("rev-parse", "HEAD");
    String dirty = git("status", "--porcelain", "--", "core", "geo", "mutation-gate");
    if (head == null || dirty == null) {
      return "none (no git)";
    }
    return dirty.isBlank()
        ? head.strip()
        : "none (uncommitted changes in core, geo or mutation-gate)";
  }

  private String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
