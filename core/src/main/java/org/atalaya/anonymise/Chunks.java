package org.atalaya.anonymise;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.atalaya.incident.Incident;

/**
 * Runs the per-record work of a release in fixed chunks of {@value #SIZE} records, on the common
 * fork-join pool. Chunks depend only on the number of records, never on the number of threads,
 * and their results are combined in chunk order, so the output is the same on any machine.
 */
final class Chunks {
  /** Records per chunk. */
  static final int SIZE = 1 << 14;

  private Chunks() {}

  /** Returns how many chunks {@code n} records make. */
  static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }

  /** Runs {@code work} for every chunk index, in parallel when there is more than one chunk. */
  static void forEach(int n, IntConsumer work) {
    int chunks = count(n);
    if (chunks <= 1) {
      for (int c = 0; c < chunks; c++) {
        work.accept(c);
      }
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(work);
  }

  /**
   * Returns whether a step transforms records one at a time: it does not override {@link
   * ReleaseStep#applyAll}, whose default calls {@link ReleaseStep#apply} on each record in order.
   */
  static boolean perRecord(ReleaseStep step) {
    try {
      return step.getClass().getMethod("applyAll", List.class, ReleaseContext.class).getDeclaringClass() == ReleaseStep.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /**
   * Runs consecutive per-record steps: each record goes through all of them before the next, one
   * chunk per thread, each chunk with its own context whose suppressions are added to {@code ctx}
   * in chunk order. Runs on the calling thread when the noise source can neither be shared
   * ({@link SecureRandom}) nor split per chunk.
   *
   * @throws AnonymisationException ({@link AnonymiseCode#STEP_FAILED}) naming the step, for the
   *     first chunk that failed
   */
  static List<Incident> apply(List<ReleaseStep> steps, List<Incident> input, ReleaseContext ctx) {
    return apply(steps, input, ctx, null);
  }

  /**
   * As {@link #apply(List, List, ReleaseContext)}, also copying each input's id and point to
   * {@code inputs} (when not null) while the record is read anyway.
   */
  static List<Incident> apply(List<ReleaseStep> steps, List<Incident> input, ReleaseContext ctx, PointChanges.Points inputs) {
    int n = input.size();
    int chunks = count(n);
    RandomGenerator random = ctx.random();
    boolean parallel = chunks > 1 && (random instanceof SecureRandom || random instanceof RandomGenerator.SplittableGenerator);
    ReleaseContext[] contexts = new ReleaseContext[chunks];
    for (int c = 0; c < chunks; c++) {
      contexts[c] = !parallel ? ctx
          : ctx.child(random instanceof RandomGenerator.SplittableGenerator s ? s.split() : random);
    }
    Incident[][] outs = new Incident[chunks][];
    int[] sizes = new int[chunks];
    RuntimeException[] failures = new RuntimeException[chunks];
    String built = String.join(", ", steps.stream().map(ReleaseStep::name).toList()) + " (building the incident)";
    // An array, not the list: an iterator per record was a million objects per pass.
    ReleaseStep[] edits = steps.toArray(new ReleaseStep[0]);
    IntConsumer work = c -> {
      int from = c * SIZE;
      int to = Math.min(n, from + SIZE);
      Incident[] out = new Incident[to - from];
      int m = 0;
      String current = "?";
      try {
        // One draft per chunk, edited by every step: one incident built per record.
        IncidentDraft draft = null;
        records:
        for (int r = from; r < to; r++) {
          Incident in = input.get(r);
          if (inputs != null) {
            inputs.set(r, in);
          }
          draft = draft == null ? IncidentDraft.of(in) : draft.reset(in);
          for (ReleaseStep step : edits) {
            current = step.name();
            if (!step.edit(draft, contexts[c])) {
              continue records;
            }
          }
          // A part a step set wrongly is found here, when the incident is validated.
          current = built;
          out[m++] = draft.build();
        }
      } catch (AnonymisationException e) {
        failures[c] = e;
      } catch (RuntimeException e) {
        // Fail closed: a step that breaks must not let half-processed data through.
        failures[c] = new AnonymisationException(AnonymiseCode.STEP_FAILED, e, current, String.valueOf(e.getMessage()));
      }
      outs[c] = out;
      sizes[c] = m;
    };
    if (parallel) {
      forEach(n, work);
    } else {
      for (int c = 0; c < chunks; c++) {
        work.accept(c);
        if (failures[c] != null) {
          break;
        }
      }
    }
    int total = 0;
    for (int c = 0; c < chunks; c++) {
      if (failures[c] != null) {
        throw failures[c];
      }
      total += sizes[c];
      if (contexts[c] != ctx) {
        ctx.absorb(contexts[c]);
      }
    }
    Incident[] all = new Incident[total];
    int at = 0;
    for (int c = 0; c < chunks; c++) {
      System.arraycopy(outs[c], 0, all, at, sizes[c]);
      at += sizes[c];
    }
    return java.util.Arrays.asList(all);
  }
}
