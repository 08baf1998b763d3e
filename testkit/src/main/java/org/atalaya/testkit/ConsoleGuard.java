package org.atalaya.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every kit: fails a test in which the code under test printed to the console.
 * Libraries log through SLF4J; the console belongs to the application (in Atalaya, the CLI), and a
 * plugin that prints breaks the CLI's JSON output.
 */
abstract class ConsoleGuard {

  private PrintStream realOut;
  private PrintStream realErr;
  private ByteArrayOutputStream captured;

  @BeforeEach
  final void captureConsole() {
    realOut = System.out;
    realErr = System.err;
    captured = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(p);
    System.setErr(p);
  }

  @AfterEach
  final void noConsoleOutput() {
    System.setOut(realOut);
    System.setErr(realErr);
    String printed = captured.toString(StandardCharsets.UTF_8);
    // SLF4J's simple binding (a test dependency) writes to stderr with this prefix: that is
    // logging, not printing.
    String withoutLogging =
        printed
            .lines()
            .filter(
                l ->
                    !l.matches("^\\[[^\\]]+\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*")
                        && !l.startsWith("SLF4J"))
            .reduce("", (a, b) -> a + b + "\n");
    assertThat(withoutLogging)
        .as("the plugin printed to System.out or System.err; log through SLF4J instead")
        .isEmpty();
  }
}
