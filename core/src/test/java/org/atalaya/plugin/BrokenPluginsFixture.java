package org.atalaya.plugin;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plugins directory with one healthy plugin and one of each kind of broken plugin, built from
 * real compiled jars: a stale services line, a constructor that throws, an incompatible API range,
 * two plugins with one id, a jar bundling Atalaya's API, an importer that throws in use, a
 * constructor that never returns, a register() that throws half way, an undeclared capability, a
 * reserved id, a missing descriptor, a file that is not a jar, and a jar with no plugin. Shared by
 * the registry's tests and the CLI's {@code plugins doctor} tests (core's test jar).
 */
public final class BrokenPluginsFixture {

  private BrokenPluginsFixture() {}

  private static final String IMPORTER_BODY =
      """
      public String id() { return "%s"; }
      public org.atalaya.spi.Recognition recognise(org.atalaya.spi.FileSample s) {
        %s
        return s.extension().equals("%s") ? org.atalaya.spi.Recognition.CERTAIN : org.atalaya.spi.Recognition.NO;
      }
      public org.atalaya.io.ReadReport read(java.io.InputStream in, org.atalaya.io.ReadOptions o,
          org.atalaya.io.IncidentHandler h) throws java.io.IOException {
        %s
        return org.atalaya.io.IncidentFormat.CSV.reader().read(in, o, h);
      }
      """;

  static String plugin(String pkg, String cls, String constructor, String register) {
    return "package "
        + pkg
        + ";\n"
        + "public class "
        + cls
        + " implements org.atalaya.spi.AtalayaPlugin {\n"
        + "  public "
        + cls
        + "() { "
        + constructor
        + " }\n"
        + "  public void register(org.atalaya.spi.PluginContext c) { "
        + register
        + " }\n"
        + "}\n";
  }

  static String importer(
      String pkg, String cls, String id, String ext, String inRecognise, String inRead) {
    return "package "
        + pkg
        + ";\n"
        + "public class "
        + cls
        + " implements org.atalaya.spi.IncidentImporter {\n"
        + IMPORTER_BODY.formatted(id, inRecognise, ext, inRead)
        + "}\n";
  }

  /**
   * Writes the broken plugins directory into {@code dir}.
   *
   * @param dir an empty directory
   * @throws Exception if a jar cannot be built
   */
  public static void write(Path dir) throws Exception {
    // healthy: an importer for .sano files, next to a stale services line in the same jar
    TestJars.jar()
        .source("t.sano.Plugin", plugin("t.sano", "Plugin", "", "c.addImporter(new Importer());"))
        .source("t.sano.Importer", importer("t.sano", "Importer", "sano", "sano", "", ""))
        .services("t.sano.Plugin", "t.sano.RenamedAway")
        .descriptor("t.sano.Plugin", "org.test.sano", "^0.1.0", "importer")
        .writeTo(dir.resolve("a-healthy.jar"));
    TestJars.jar()
        .source(
            "t.ctor.Plugin",
            plugin("t.ctor", "Plugin", "throw new IllegalStateException(\"no config file\");", ""))
        .services("t.ctor.Plugin")
        .descriptor("t.ctor.Plugin", "org.test.ctor", "^0.1.0", "")
        .writeTo(dir.resolve("b-constructor-throws.jar"));
    TestJars.jar()
        .source("t.old.Plugin", plugin("t.old", "Plugin", "", ""))
        .services("t.old.Plugin")
        .descriptor("t.old.Plugin", "org.test.old", "[9.0.0,10.0.0)", "")
        .writeTo(dir.resolve("c-incompatible.jar"));
    for (String side : new String[] {"one", "two"}) {
      TestJars.jar()
          .source("t." + side + ".Plugin", plugin("t." + side, "Plugin", "", ""))
          .services("t." + side + ".Plugin")
          .descriptor("t." + side + ".Plugin", "org.test.twin", "^0.1.0", "")
          .writeTo(dir.resolve("d-twin-" + side + ".jar"));
    }
    TestJars.jar()
        .source("t.fat.Plugin", plugin("t.fat", "Plugin", "", ""))
        .services("t.fat.Plugin")
        .descriptor("t.fat.Plugin", "org.test.fat", "^0.1.0", "")
        .resource("org/atalaya/spi/AtalayaPlugin.class", apiClassBytes())
        .writeTo(dir.resolve("e-bundles-api.jar"));
    TestJars.jar()
        .source("t.bad.Plugin", plugin("t.bad", "Plugin", "", "c.addImporter(new Importer());"))
        .source(
            "t.bad.Importer",
            importer(
                "t.bad",
                "Importer",
                "roto",
                "roto",
                "",
                "if (true) throw new NullPointerException(\"column Fecha missing\");"))
        .services("t.bad.Plugin")
        .descriptor("t.bad.Plugin", "org.test.bad", "^0.1.0", "importer")
        .writeTo(dir.resolve("f-throws-in-use.jar"));
    TestJars.jar()
        .source(
            "t.slow.Plugin",
            plugin(
                "t.slow",
                "Plugin",
                "try { Thread.sleep(60_000); } catch (InterruptedException e) { }",
                ""))
        .services("t.slow.Plugin")
        .descriptor("t.slow.Plugin", "org.test.slow", "^0.1.0", "")
        .writeTo(dir.resolve("g-slow.jar"));
    TestJars.jar()
        .source(
            "t.reg.Plugin",
            plugin(
                "t.reg",
                "Plugin",
                "",
                "c.addImporter(new t.reg.Importer()); throw new IllegalArgumentException(\"half"
                    + " way\");"))
        .source("t.reg.Importer", importer("t.reg", "Importer", "medio", "medio", "", ""))
        .services("t.reg.Plugin")
        .descriptor("t.reg.Plugin", "org.test.reg", "^0.1.0", "importer")
        .writeTo(dir.resolve("h-register-throws.jar"));
    TestJars.jar()
        .source(
            "t.sly.Plugin", plugin("t.sly", "Plugin", "", "c.addImporter(new t.sly.Importer());"))
        .source("t.sly.Importer", importer("t.sly", "Importer", "sly", "sly", "", ""))
        .services("t.sly.Plugin")
        .descriptor("t.sly.Plugin", "org.test.sly", "^0.1.0", "")
        .writeTo(dir.resolve("i-undeclared.jar"));
    TestJars.jar()
        .source("t.own.Plugin", plugin("t.own", "Plugin", "", ""))
        .services("t.own.Plugin")
        .descriptor("t.own.Plugin", "atalaya.own", "^0.1.0", "")
        .writeTo(dir.resolve("j-reserved-id.jar"));
    TestJars.jar()
        .services("t.nodesc.Plugin")
        .source("t.nodesc.Plugin", plugin("t.nodesc", "Plugin", "", ""))
        .writeTo(dir.resolve("k-no-descriptor.jar"));
    Files.writeString(dir.resolve("l-not-a-jar.jar"), "this is not a zip file");
    TestJars.jar()
        .resource("README.txt", "a library, not a plugin")
        .writeTo(dir.resolve("m-library.jar"));
  }

  private static byte[] apiClassBytes() throws Exception {
    try (var in = org.atalaya.spi.AtalayaPlugin.class.getResourceAsStream("AtalayaPlugin.class")) {
      return in.readAllBytes();
    }
  }
}
