package org.atalaya.examples.howto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.atalaya.incident.Incident;
import org.atalaya.io.ReadOptions;
import org.atalaya.io.ReadResult;
import org.atalaya.plugin.PluginIssue;
import org.atalaya.plugin.PluginRecord;
import org.atalaya.plugin.PluginRegistry;
import org.atalaya.spi.FileSample;
import org.atalaya.spi.IncidentImporter;
import org.atalaya.taxonomy.Taxonomy;

/**
 * Shows: loading plugins and using one. The example plugins (module plugins-example) are on the
 * class path; a plugins directory given as argument is searched too. The community network's sheet
 * is recognised by its plugin's importer, and the plugin's crime words ("asalto a bus") join the
 * Honduran taxonomy. How to write a plugin: sdk-docs/plugins.md.
 *
 * <p>Run: {@code java LoadAPlugin [plugins-dir]}
 */
public final class LoadAPlugin {

  static final String SHEET =
      "Fecha del hecho;Tipo de hecho;Lugar;Municipio\n"
          + "02/02/2024;Asalto a bus;Col. Kennedy;Tegucigalpa\n"
          + "03/02/2024;Cobro de renta;Barrio Cabañas;San Pedro Sula\n";

  public static void main(String[] args) throws Exception {
    PluginRegistry.Builder builder = PluginRegistry.builder();
    if (args.length > 0) {
      builder.pluginsDirectory(Path.of(args[0]));
    }
    PluginRegistry plugins = builder.discover();
    for (PluginRecord p : plugins.plugins()) {
      System.out.printf("%-8s %s %s%n", p.state(), p.id(), p.contributions());
    }
    for (PluginIssue issue : plugins.issues()) {
      System.out.println(issue.code().code() + " " + issue.message(Locale.forLanguageTag("es")));
    }

    byte[] bytes = SHEET.getBytes(StandardCharsets.UTF_8);
    IncidentImporter importer =
        plugins.importerFor(FileSample.of("denuncias.csv", bytes)).orElseThrow();
    ReadOptions options =
        ReadOptions.builder()
            .sourceName("denuncias.csv")
            .taxonomy(plugins.taxonomy(Taxonomy.honduras()))
            .build();
    ReadResult read = importer.readAll(new ByteArrayInputStream(bytes), options);
    System.out.println("importer: " + importer.displayName());
    for (Incident i : read.incidents()) {
      System.out.printf(
          "%s %s -> ICCS %s%n",
          i.id(),
          i.classification().sourceLabel().orElse(""),
          i.classification().iccs().map(Object::toString).orElse("?"));
    }
  }
}
