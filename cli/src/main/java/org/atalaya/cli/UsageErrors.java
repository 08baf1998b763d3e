package org.atalaya.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Says a usage error (a missing or unknown argument, a value of the wrong kind) and the usage in
 * the language of the command line; picocli's own messages are English only, so Spanish ones are
 * made here from what the exception holds.
 */
final class UsageErrors implements IParameterExceptionHandler {
  private final IParameterExceptionHandler english;

  UsageErrors(IParameterExceptionHandler english) {
    this.english = english;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) throws Exception {
    String lang = Language.of(args);
    CommandLine line = ex.getCommandLine();
    line.setResourceBundle(Atalaya.helpTexts(lang));
    if (!"es".equals(lang)) {
      return english.handleParseException(
          ex, args); // picocli's, with its "did you mean" suggestions
    }
    PrintWriter err = line.getErr();
    err.println(say(ex, Texts.of(lang)));
    line.usage(err);
    err.flush();
    return line.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Returns what is wrong, from the exception's parts rather than its English message. */
  static String say(ParameterException ex, Texts t) {
    if (ex instanceof CommandLine.MissingParameterException m) {
      return t.get(
          "usage.missing",
          m.getMissing().stream().map(UsageErrors::label).collect(Collectors.joining(", ")));
    }
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      return t.get("usage.unknown", String.join(" ", u.getUnmatched()));
    }
    if (ex instanceof CommandLine.OverwrittenOptionException o) {
      return t.get("usage.repeated", label(o.getOverwritten()));
    }
    if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
      return t.get("usage.exclusive");
    }
    if (ex.getArgSpec() != null && ex.getValue() != null) {
      return t.get("usage.invalidValue", label(ex.getArgSpec()), ex.getValue());
    }
    return t.get("usage.other", ex.getMessage());
  }

  private static String label(ArgSpec arg) {
    return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
  }
}
