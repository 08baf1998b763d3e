package org.atalaya.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars in a test: compiles Java sources against the test class path and packs
 * them with their services file and descriptor, so discovery is tested on jars as users ship them.
 */
public final class TestJars {

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();

  public static TestJars jar() {
    return new TestJars();
  }

  public TestJars source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  public TestJars services(String... classNames) {
    return resource(
        "META-INF/services/org.atalaya.spi.AtalayaPlugin", String.join("\n", classNames) + "\n");
  }

  public TestJars descriptor(String className, String id, String requires, String capabilities) {
    return resource(
        "META-INF/atalaya/plugins/" + className + ".properties",
        "id="
            + id
            + "\nname=Test "
            + id
            + "\nversion=1.0.0\nrequires="
            + requires
            + "\nlicence=Apache-2.0\ncapabilities="
            + capabilities
            + "\nreads=narrative\n");
  }

  public TestJars resource(String path, String text) {
    resources.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public TestJars resource(String path, byte[] bytes) {
    resources.put(path, bytes);
    return this;
  }

  public Path writeTo(Path jar) throws IOException {
    Path classes = Files.createTempDirectory("atalaya-test-classes");
    if (!sources.isEmpty()) {
      compile(classes);
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
          j.write(Files.readAllBytes(f));
          j.closeEntry();
        }
      }
      for (Map.Entry<String, byte[]> r : resources.entrySet()) {
        j.putNextEntry(new JarEntry(r.getKey()));
        j.write(r.getValue());
        j.closeEntry();
      }
    }
    return jar;
  }

  private void compile(Path out) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach(
        (name, code) ->
            units.add(
                new SimpleJavaFileObject(
                    URI.create("string:///" + name.replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                  }
                }));
    List<String> options =
        List.of(
            "--release",
            "17",
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            out.toString());
    StringWriter errors = new StringWriter();
    boolean ok = javac.getTask(errors, null, null, options, null, units).call();
    if (!ok) {
      throw new IllegalStateException("test plugin does not compile:\n" + errors);
    }
  }
}
