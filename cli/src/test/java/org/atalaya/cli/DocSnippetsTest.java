package org.atalaya.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java snippet in the README and the SDK guide compiles against the current API, so the docs
 * cannot drift from the code unnoticed. A snippet that declares a class is compiled as it is; any
 * other is compiled as the body of a method, with the Atalaya packages imported.
 */
class DocSnippetsTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  static final String IMPORTS =
      "import java.io.*; import java.nio.file.*; import java.time.*; import java.util.*; import"
          + " org.atalaya.incident.*; import org.atalaya.io.*; import org.atalaya.taxonomy.*;"
          + " import org.atalaya.synthetic.*; import org.atalaya.indicator.*; import"
          + " org.atalaya.geo.fence.*; import org.atalaya.geo.io.*; import org.atalaya.geo.event.*;"
          + " import org.atalaya.geo.crs.*; import org.atalaya.spi.*; import org.atalaya.plugin.*;";

  /**
   * A fenced block that quotes a source file: {@code <!-- from: path[#region] -->} just before it.
   */
  static final Pattern QUOTED =
      Pattern.compile("<!-- from: ([^#\\s]+)(?:#(\\w+))? -->\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

  record Snippet(Path file, int index, String code) {}

  static List<Snippet> snippets() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.walk(ROOT.resolve("sdk-docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path doc : docs) {
      Matcher m =
          BLOCK.matcher(
              Files.readString(doc)
                  .replaceAll("(?s)<!-- from: [^\\n]* -->\\n```\\w*\\n.*?```", ""));
      int i = 0;
      while (m.find()) {
        out.add(new Snippet(ROOT.relativize(doc), ++i, m.group(1)));
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyJavaSnippetCompiles() throws IOException {
    List<Snippet> all = snippets();
    assertThat(all).as("snippets found in README.md and sdk-docs").hasSizeGreaterThanOrEqualTo(4);
    return all.stream()
        .map(s -> DynamicTest.dynamicTest(s.file() + " snippet " + s.index(), () -> compile(s)));
  }

  /**
   * Every block (README and sdk-docs) that says it quotes a file equals that file, or the region of
   * it between {@code // snippet:start NAME} and {@code // snippet:end}: a snippet cannot drift
   * from tested code.
   */
  @TestFactory
  Stream<DynamicTest> everyQuotedBlockEqualsItsSource() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> s = Files.walk(ROOT.resolve("sdk-docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      Matcher m = QUOTED.matcher(Files.readString(doc));
      while (m.find()) {
        String path = m.group(1);
        String region = m.group(2);
        String quoted = m.group(3);
        tests.add(
            DynamicTest.dynamicTest(
                ROOT.relativize(doc) + " quotes " + path + (region == null ? "" : "#" + region),
                () -> {
                  String source = Files.readString(ROOT.resolve(path));
                  String expected = region == null ? source : region(source, region, path);
                  assertThat(quoted)
                      .as("the block in %s differs from %s; copy it again", doc.getFileName(), path)
                      .isEqualTo(expected);
                }));
      }
    }
    assertThat(tests).as("quoted blocks in sdk-docs").hasSizeGreaterThanOrEqualTo(3);
    return tests.stream();
  }

  static String region(String source, String name, String path) {
    int start = source.indexOf("// snippet:start " + name + "\n");
    assertThat(start).as("region %s in %s", name, path).isNotNegative();
    int from = source.indexOf('\n', start) + 1;
    int end = source.indexOf("// snippet:end", from);
    assertThat(end).as("end of region %s in %s", name, path).isPositive();
    return source.substring(from, source.lastIndexOf('\n', end) + 1);
  }

  static void compile(Snippet s) {
    Matcher cls = Pattern.compile("public class (\\w+)").matcher(s.code());
    String name;
    String source;
    if (cls.find()) {
      name = cls.group(1);
      source = s.code();
    } else {
      name = "Snippet" + s.index();
      source =
          IMPORTS
              + "\nclass "
              + name
              + " {\n  static void run() throws Exception {\n"
              + s.code()
              + "\n  }\n}\n";
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    StringWriter errors = new StringWriter();
    Path out;
    try {
      out = Files.createTempDirectory("snippet");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    boolean ok =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    out.toString(),
                    "-proc:none"),
                null,
                List.of(file))
            .call();
    assertThat(ok)
        .as("%s snippet %s does not compile:%n%s%n%s", s.file(), s.index(), errors, source)
        .isTrue();
  }
}
