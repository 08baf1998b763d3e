package org.atalaya.mutation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the mutants of one PIT XML report ({@code target/pit-reports/mutations.xml}). */
final class PitReport {

  /** The text-only parts of a mutation the gate reads; others (indexes, blocks) hold elements. */
  private static final Set<String> LEAVES =
      Set.of("mutatedClass", "mutatedMethod", "lineNumber", "mutator", "description");

  private PitReport() {}

  /**
   * The mutants the report lists, in its order.
   *
   * @throws IOException if the file cannot be read, or is not a PIT report (the message names the
   *     file and, where it can, the line)
   */
  static List<Mutant> read(Path file) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // A report is data: no external entities, no DTDs.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    List<Mutant> mutants = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      Map<String, String> fields = null;
      String status = null;
      boolean detected = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = xml.getLocalName();
          if (name.equals("mutation")) {
            fields = new HashMap<>();
            status = xml.getAttributeValue(null, "status");
            detected = Boolean.parseBoolean(xml.getAttributeValue(null, "detected"));
          } else if (fields != null && LEAVES.contains(name)) {
            fields.put(name, xml.getElementText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && xml.getLocalName().equals("mutation")) {
          mutants.add(mutant(file, xml.getLocation().getLineNumber(), fields, status, detected));
          fields = null;
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException(file + ": not a readable PIT XML report: " + e.getMessage(), e);
    }
    return mutants;
  }

  private static Mutant mutant(
      Path file, int xmlLine, Map<String, String> fields, String status, boolean detected)
      throws IOException {
    for (String needed : List.of("mutatedClass", "mutatedMethod", "lineNumber", "mutator")) {
      if (!fields.containsKey(needed)) {
        throw new IOException(file + " line " + xmlLine + ": a mutation without <" + needed + ">");
      }
    }
    if (status == null) {
      throw new IOException(file + " line " + xmlLine + ": a mutation without a status attribute");
    }
    String mutator = fields.get("mutator");
    int line;
    try {
      line = Integer.parseInt(fields.get("lineNumber").trim());
    } catch (NumberFormatException e) {
      throw new IOException(
          file
              + " line "
              + xmlLine
              + ": lineNumber '"
              + fields.get("lineNumber")
              + "' is not a number",
          e);
    }
    return new Mutant(
        fields.get("mutatedClass"),
        fields.get("mutatedMethod"),
        line,
        mutator.substring(mutator.lastIndexOf('.') + 1),
        fields.getOrDefault("description", ""),
        status,
        detected);
  }
}
