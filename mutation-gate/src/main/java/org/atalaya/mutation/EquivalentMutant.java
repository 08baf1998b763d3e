package org.atalaya.mutation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One reviewed line of {@code equivalent-mutants.txt}: a mutant no test can kill because the
 * changed program behaves exactly as the original, with the reason.
 *
 * @param mutatedClass the binary class name PIT reports (nested classes with {@code $})
 * @param method the method name PIT reports
 * @param line the source line
 * @param mutator PIT's mutator name without package
 * @param reason why the change cannot be observed, in one line
 * @param source where the entry is, for messages
 */
record EquivalentMutant(
    String mutatedClass, String method, int line, String mutator, String reason, String source) {

  /** Whether this entry describes the mutant: same class, method, line and mutator. */
  boolean matches(Mutant m) {
    return m.mutatedClass().equals(mutatedClass)
        && m.method().equals(method)
        && m.line() == line
        && m.mutator().equals(mutator);
  }

  /** {@code Class.method:line Mutator}, as messages name the entry. */
  String where() {
    return mutatedClass + "." + method + ":" + line + " " + mutator;
  }

  String topLevelClass() {
    int dollar = mutatedClass.indexOf('$');
    return dollar < 0 ? mutatedClass : mutatedClass.substring(0, dollar);
  }

  /**
   * Reads the file: {@code class method line mutator reason}, blank lines and {@code #} comments
   * ignored. A reason is required: an exclusion nobody can justify is a test still to write.
   *
   * @throws IOException naming file and line for a malformed entry
   */
  static List<EquivalentMutant> read(Path file) throws IOException {
    List<EquivalentMutant> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String where = file.getFileName() + ":" + (i + 1);
      String[] parts = text.split("\\s+", 5);
      if (parts.length < 5 || parts[4].isBlank()) {
        throw new IOException(
            where + ": expected 'class method line mutator reason', got '" + text + "'");
      }
      int line;
      try {
        line = Integer.parseInt(parts[2]);
      } catch (NumberFormatException e) {
        throw new IOException(where + ": line '" + parts[2] + "' is not a number", e);
      }
      entries.add(new EquivalentMutant(parts[0], parts[1], line, parts[3], parts[4], where));
    }
    return List.copyOf(entries);
  }
}
