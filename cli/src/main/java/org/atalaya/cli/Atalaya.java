package org.atalaya.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.ResourceBundle;
import org.atalaya.plugin.PluginFailureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code atalaya} command line. Each capability is a subcommand; exit codes are 0 for success,
 * 1 when the data has problems (rejected records), 2 for usage errors. Messages and help are in the
 * language {@link Language} picks (English or Spanish).
 */
@Command(
    name = "atalaya",
    mixinStandardHelpOptions = true,
    versionProvider = Atalaya.Version.class,
    exitCodeOnInvalidInput = Atalaya.USAGE,
    exitCodeOnExecutionException = Atalaya.DATA_PROBLEMS,
    description = "Atalaya: incident data for civic-security work (Honduras and Central America).",
    subcommands = {
      ValidateCommand.class,
      ConvertCommand.class,
      DemoCommand.class,
      RateCommand.class,
      FenceCommand.class,
      CompareRatesCommand.class,
      PluginsCommand.class,
      IndicatorsCommand.class,
      AnonymiseCommand.class,
      HotspotsCommand.class,
      NearRepeatCommand.class,
      KdeCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Atalaya implements Runnable {

  /** Exit code: success. */
  public static final int OK = 0;

  /** Exit code: the data has problems (records rejected, unreadable input). */
  public static final int DATA_PROBLEMS = 1;

  /** Exit code: the command was used wrongly. */
  public static final int USAGE = 2;

  /**
   * The base name of the help texts' bundle: Spanish in {@code Help_es.properties}, English in the
   * annotations.
   */
  static final String HELP_BUNDLE = "org.atalaya.cli.Help";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin LangOption language;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), language.texts().get("usage.nameACommand"));
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * Returns the configured command line (used by {@link #main} and by tests).
   *
   * @return a new command line
   */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Atalaya());
    // picocli's help command takes --lang too, so that "atalaya help demo --lang es" is Spanish
    cl.getSubcommands()
        .get("help")
        .getCommandSpec()
        .addMixin("language", CommandLine.Model.CommandSpec.forAnnotatedObject(new LangOption()));
    // One default for every command's --lang (ATALAYA_LANG, else the system's language), shown in
    // its help.
    cl.setDefaultValueProvider(
        arg ->
            arg instanceof CommandLine.Model.OptionSpec o && "--lang".equals(o.longestName())
                ? Language.byDefault()
                : null);
    cl.setResourceBundle(helpTexts(Language.byDefault()));
    // A usage error is said, with the usage, in the language the user asked for.
    cl.setParameterExceptionHandler(new UsageErrors(cl.getParameterExceptionHandler()));
    // A plugin that fails in use is the plugin's bug, not Atalaya's: say whose, without a stack
    // trace.
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          Texts t = textsOf(parsed);
          if (ex instanceof PluginFailureException f) {
            line.getErr().println("atalaya: " + f.code().code() + " " + f.message(t.locale()));
            line.getErr().println("atalaya: " + t.get("plugins.reportFailure", f.pluginId()));
            line.getErr().flush();
            return DATA_PROBLEMS;
          }
          // A missing folder or a file that cannot be opened is the user's to fix: name it, no
          // stack trace.
          FileSystemException fs = fileProblem(ex);
          if (fs != null) {
            String key =
                fs instanceof NoSuchFileException
                    ? "io.noSuchFile"
                    : fs instanceof AccessDeniedException ? "io.denied" : "io.cannot";
            String reason =
                fs.getReason() != null
                    ? fs.getReason()
                    : fs instanceof FileAlreadyExistsException
                        ? t.get("io.fileInTheWay")
                        : fs instanceof NotDirectoryException ? t.get("io.notAFolder") : "";
            return say(parsed, t.get(key, fs.getFile(), reason), DATA_PROBLEMS);
          }
          // Any other input that cannot be read (malformed JSON, an empty CSV, a short weights
          // file): the readers name the file in their messages; say it without a stack trace.
          IOException io = readProblem(ex);
          if (io != null) {
            return say(parsed, t.get("io.unreadable", io.getMessage()), USAGE);
          }
          throw ex;
        });
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cl.setExecutionStrategy(
        parsed -> {
          String lang = Language.given(parsed.originalArgs().toArray(String[]::new)).orElse(null);
          if (lang != null && !Language.CODES.contains(lang)) {
            // messages exist in English and Spanish only: say so rather than answer in English
            return say(parsed, textsOf(parsed).get("usage.badLang", lang), USAGE);
          }
          // the help pages follow --lang: set before the help request (if any) is answered
          cl.setResourceBundle(
              helpTexts(Language.of(parsed.originalArgs().toArray(String[]::new))));
          try {
            return run.execute(parsed);
          } catch (OutOfMemoryError e) {
            // Running out of heap is the JVM's limit, not a bug: say how to raise it instead of a
            // stack trace. The stack has unwound by then, so the records are garbage and printing
            // works.
            long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            long suggestGb = Math.max(4, (2 * mb + 1023) / 1024); // twice the limit, at least 4 GB
            return say(
                parsed,
                textsOf(parsed).get("memory.out", String.valueOf(mb), String.valueOf(suggestGb)),
                DATA_PROBLEMS);
          }
        });
    return cl;
  }

  /**
   * Prints {@code message} after the command's name ("atalaya kde: ...") and returns {@code exit}.
   */
  private static int say(ParseResult parsed, String message, int exit) {
    ParseResult sub = parsed.subcommand();
    PrintWriter err = parsed.commandSpec().commandLine().getErr();
    err.println((sub == null ? "atalaya" : "atalaya " + sub.commandSpec().name()) + ": " + message);
    err.flush();
    return exit;
  }

  /**
   * The messages in the language of the command's {@code --lang} (the default rule without one).
   */
  private static Texts textsOf(ParseResult parsed) {
    return Texts.of(Language.of(parsed.originalArgs().toArray(String[]::new)));
  }

  /**
   * Returns the help texts in {@code lang} ({@code es} or {@code en}), never in the JVM's language.
   */
  static ResourceBundle helpTexts(String lang) {
    return ResourceBundle.getBundle(
        HELP_BUNDLE,
        Texts.locale(lang),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Returns what is wrong with the {@code outputs} (null entries skipped) in the user's language,
   * or null: a folder that does not exist, or an output that is one of the {@code inputs} (opening
   * it for writing would empty the input before it is read). Commands check before any work, so a
   * long run is not wasted on a typo and no input is destroyed.
   */
  static String outputProblem(Texts t, List<Path> inputs, Path... outputs) {
    for (Path out : outputs) {
      if (out == null) {
        continue;
      }
      Path parent = out.toAbsolutePath().getParent();
      if (!Files.isDirectory(parent)) {
        return t.get("io.noFolder", out, parent);
      }
      String overwrites = overwritesInput(t, inputs, out);
      if (overwrites != null) {
        return overwrites;
      }
    }
    return null;
  }

  /**
   * Returns the message when {@code out} is one of the {@code inputs} (null entries skipped), or
   * null.
   */
  static String overwritesInput(Texts t, List<Path> inputs, Path out) {
    for (Path in : inputs) {
      if (in != null && sameFile(in, out)) {
        return t.get("io.sameFile", out, in);
      }
    }
    return null;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b); // also through links and different spellings
      }
    } catch (IOException e) {
      // undecidable: compare the names below
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * Returns {@code e} with the name of the {@code file} it came from, for readers that do not name
   * it (Jackson's CSV and JSON readers hide their source); the cause is kept.
   */
  static IOException naming(Path file, IOException e) {
    String reason =
        e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return new IOException(file + ": " + reason, e);
  }

  /**
   * Returns the read problem behind {@code ex} (itself or a cause, unwrapping unchecked ones), or
   * null.
   */
  private static IOException readProblem(Throwable ex) {
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** Returns the file-system problem behind {@code ex} (itself or a cause), or null. */
  private static FileSystemException fileProblem(Throwable ex) {
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof FileSystemException fs) {
        return fs;
      }
    }
    return null;
  }

  /**
   * Reads the project version from {@code version.properties}, which the build fills in from the
   * pom, so {@code --version} names the version in a jar and in an IDE alike.
   */
  static final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() throws IOException {
      return new String[] {
        "atalaya " + projectVersion(), "Java " + System.getProperty("java.version")
      };
    }

    static String projectVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Atalaya.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IOException(
              "the resource org/atalaya/cli/" + RESOURCE + " is missing from the jar");
        }
        p.load(in);
      }
      return p.getProperty("version");
    }
  }
}
