package org.atalaya.mutation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of {@code thresholds.txt}: the classes it covers, the lowest mutation score they may
 * have, and whether that minimum holds for each class or for all of them together.
 *
 * @param pattern the top-level classes the line covers
 * @param minimum the lowest score allowed, in percent
 * @param each true: every matching class must reach the minimum on its own; false: the matching
 *     classes together must
 * @param guards what the classes guard, shown in the summary
 * @param source where the line is ({@code thresholds.txt:12}), for messages
 */
record Threshold(
    ClassPattern pattern, BigDecimal minimum, boolean each, String guards, String source) {

  /**
   * Reads a thresholds file: one rule a line, {@code pattern minimum each|all what it guards},
   * blank lines and {@code #} comments ignored. For a class, the first line whose pattern matches
   * is its rule.
   *
   * @throws IOException naming file and line for a line that is not a rule
   */
  static List<Threshold> read(Path file) throws IOException {
    List<Threshold> rules = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = file.getFileName() + ":" + (i + 1);
      String[] parts = line.split("\\s+", 4);
      if (parts.length < 4) {
        throw new IOException(
            where + ": expected 'pattern minimum each|all what it guards', got '" + line + "'");
      }
      BigDecimal minimum;
      try {
        minimum = new BigDecimal(parts[1]);
      } catch (NumberFormatException e) {
        throw new IOException(where + ": minimum '" + parts[1] + "' is not a number", e);
      }
      if (minimum.signum() < 0 || minimum.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IOException(where + ": minimum " + minimum + " is not a percentage (0 to 100)");
      }
      String scope = parts[2].toLowerCase(Locale.ROOT);
      if (!scope.equals("each") && !scope.equals("all")) {
        throw new IOException(where + ": scope '" + parts[2] + "' is neither 'each' nor 'all'");
      }
      rules.add(
          new Threshold(ClassPattern.of(parts[0]), minimum, scope.equals("each"), parts[3], where));
    }
    return List.copyOf(rules);
  }

  /** The first rule that covers the class, if any. */
  static Optional<Threshold> ruleFor(String topLevelClass, List<Threshold> rules) {
    return rules.stream().filter(r -> r.pattern().matches(topLevelClass)).findFirst();
  }
}
