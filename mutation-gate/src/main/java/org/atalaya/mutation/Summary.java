package org.atalaya.mutation;

import java.util.List;

/** The gate's verdict as Markdown: one table, then what failed, then what to kill next. */
final class Summary {

  private Summary() {}

  static String markdown(Gate.Verdict verdict, List<String> notes) {
    StringBuilder out = new StringBuilder("# Mutation gate\n\n");
    for (String note : notes) {
      out.append("- ").append(note).append('\n');
    }
    out.append(
        "\n| classes | score | detected / counted | equivalent | minimum | rule | guards |\n");
    out.append("|---|---:|---:|---:|---:|---|---|\n");
    for (Gate.Line line : verdict.lines()) {
      Score s = line.score();
      out.append("| ")
          .append(s.name())
          .append(line.rule().each() ? "" : " (together)")
          .append(" | ")
          .append(s.percent())
          .append("% ")
          .append(line.passed() ? "" : "**below**")
          .append(" | ")
          .append(s.detected())
          .append(" / ")
          .append(s.counted())
          .append(" | ")
          .append(s.equivalent())
          .append(" | ")
          .append(line.rule().minimum())
          .append("% | ")
          .append(line.rule().source())
          .append(" | ")
          .append(line.rule().guards())
          .append(" |\n");
    }
    if (!verdict.ungated().isEmpty()) {
      Score rest = Score.sum("classes no rule covers", verdict.ungated());
      out.append("\nNot gated: ")
          .append(verdict.ungated().size())
          .append(" classes, ")
          .append(rest.percent())
          .append("% (")
          .append(rest.detected())
          .append(" of ")
          .append(rest.counted())
          .append(").\n");
    }
    out.append(verdict.passed() ? "\n**Passed.**\n" : "\n## Failed\n\n");
    for (String failure : verdict.failures()) {
      out.append("- ").append(failure).append('\n');
    }
    boolean header = false;
    for (Gate.Line line : verdict.lines()) {
      if (!line.rule().each() || line.score().undetected().isEmpty()) {
        continue;
      }
      if (!header) {
        out.append("\n## Undetected mutants in classes held one by one\n\n");
        header = true;
      }
      for (Mutant m : line.score().undetected()) {
        out.append("- ").append(m.where()).append('\n');
      }
    }
    return out.toString();
  }
}
