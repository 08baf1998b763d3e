package org.atalaya.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long commands, redrawn in place on a terminal and silent when the
 * output is piped or redirected (no terminal), so logs and JSON stay clean.
 */
final class Progress {

  private final PrintWriter err;
  private final boolean on;
  private final int total;
  private int done;

  private Progress(PrintWriter err, boolean on, int total) {
    this.err = err;
    this.on = on;
    this.total = total;
  }

  /** A bar of {@code total} steps on {@code err}, drawn only when the JVM has a terminal. */
  static Progress of(PrintWriter err, int total) {
    return new Progress(err, System.console() != null, total);
  }

  /** Marks the start of the next step, named {@code what}. */
  void step(String what) {
    done++;
    if (!on) {
      return;
    }
    int width = 24;
    int filled = Math.min(width, width * (done - 1) / Math.max(1, total));
    String line =
        "["
            + "#".repeat(filled)
            + " ".repeat(width - filled)
            + "] "
            + (done)
            + "/"
            + total
            + " "
            + what;
    err.print("\r" + line + " ".repeat(Math.max(0, 70 - line.length())));
    err.flush();
  }

  /** Clears the bar. */
  void done() {
    if (on) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
