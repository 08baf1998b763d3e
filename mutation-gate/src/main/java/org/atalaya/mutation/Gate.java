package org.atalaya.mutation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Holds PIT's mutants to the thresholds: each class covered by an {@code each} rule must reach its
 * minimum on its own, the classes of an {@code all} rule together. Reviewed equivalent mutants do
 * not count, unless a test kills them; an entry that matches no mutant, or only mutants a test
 * kills, is a failure, so the list stays true. An entry names class, method, line and mutator: of
 * several mutants that share them, the killed ones count as detected and the others as equivalent.
 */
final class Gate {

  /** One line of the verdict: a class or a group, its score and minimum, and whether it passed. */
  record Line(Score score, Threshold rule, boolean passed) {}

  /** The verdict: the lines, in the order of the rules, and every failure in words. */
  record Verdict(List<Line> lines, List<Score> ungated, List<String> failures) {
    boolean passed() {
      return failures.isEmpty();
    }
  }

  private Gate() {}

  /**
   * Judges the mutants.
   *
   * @param mutants every mutant of this run, from all reports
   * @param rules the thresholds, first match wins
   * @param equivalents the reviewed equivalent mutants
   * @param targets the classes this run was asked to mutate: an exact class named by an {@code
   *     each} rule that these cover must have mutants, or it was renamed or lost its tests' reach
   */
  static Verdict judge(
      List<Mutant> mutants,
      List<Threshold> rules,
      List<EquivalentMutant> equivalents,
      List<ClassPattern> targets) {
    List<String> failures = new ArrayList<>();

    Map<String, List<Mutant>> byClass = new TreeMap<>();
    for (Mutant m : mutants) {
      if (m.viable()) {
        byClass.computeIfAbsent(m.topLevelClass(), c -> new ArrayList<>()).add(m);
      }
    }

    for (EquivalentMutant e : equivalents) {
      List<Mutant> same = byClass.getOrDefault(e.topLevelClass(), List.of());
      if (same.isEmpty()) {
        continue; // class not mutated in this run: nothing to say about the entry
      }
      List<Mutant> matched = same.stream().filter(e::matches).toList();
      if (matched.isEmpty()) {
        failures.add(
            e.source()
                + ": no mutant "
                + e.where()
                + " in this run (the code moved?): update or"
                + " remove the entry");
      } else if (matched.stream().allMatch(Mutant::killed)) {
        failures.add(
            e.source()
                + ": "
                + e.where()
                + " is listed as equivalent but a test kills it: remove"
                + " the entry");
      }
    }

    Map<String, Score> scores = new LinkedHashMap<>();
    for (Map.Entry<String, List<Mutant>> entry : byClass.entrySet()) {
      scores.put(entry.getKey(), score(entry.getKey(), entry.getValue(), equivalents));
    }

    List<Line> lines = new ArrayList<>();
    List<Score> ungated = new ArrayList<>();
    Map<Threshold, List<Score>> groups = new LinkedHashMap<>();
    for (Score s : scores.values()) {
      Optional<Threshold> rule = Threshold.ruleFor(s.name(), rules);
      if (rule.isEmpty()) {
        ungated.add(s);
      } else if (rule.get().each()) {
        boolean passed = s.reaches(rule.get().minimum());
        lines.add(new Line(s, rule.get(), passed));
        if (!passed) {
          failures.add(belowMinimum(s, rule.get()));
        }
      } else {
        groups.computeIfAbsent(rule.get(), r -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<Threshold, List<Score>> group : groups.entrySet()) {
      Threshold rule = group.getKey();
      Score together = Score.sum(rule.pattern().toString(), group.getValue());
      boolean passed = together.reaches(rule.minimum());
      lines.add(new Line(together, rule, passed));
      if (!passed) {
        failures.add(belowMinimum(together, rule));
      }
    }

    for (Threshold rule : rules) {
      String name = rule.pattern().toString();
      boolean targeted = targets.stream().anyMatch(t -> t.matches(name));
      if (rule.each() && rule.pattern().isExact() && targeted && !scores.containsKey(name)) {
        failures.add(
            rule.source()
                + ": "
                + name
                + " was to be mutated but has no mutants in this run: renamed, moved, or its"
                + " module skipped? Update the thresholds.");
      }
    }
    return new Verdict(List.copyOf(lines), List.copyOf(ungated), List.copyOf(failures));
  }

  private static Score score(
      String name, List<Mutant> mutants, List<EquivalentMutant> equivalents) {
    int counted = 0;
    int detected = 0;
    int equivalent = 0;
    List<Mutant> undetected = new ArrayList<>();
    for (Mutant m : mutants) {
      if (!m.killed() && equivalents.stream().anyMatch(e -> e.matches(m))) {
        // A timeout of a listed mutant is the machine's load, not a test telling it apart.
        equivalent++;
      } else if (m.detected()) {
        counted++;
        detected++;
      } else {
        counted++;
        undetected.add(m);
      }
    }
    return new Score(name, counted, detected, equivalent, undetected);
  }

  private static String belowMinimum(Score s, Threshold rule) {
    return s.name()
        + ": mutation score "
        + s.percent()
        + "% ("
        + s.detected()
        + " of "
        + s.counted()
        + ") is below the "
        + rule.minimum()
        + "% that "
        + rule.source()
        + " asks for ("
        + rule.guards()
        + ")";
  }
}
