package org.atalaya.anonymise.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.apiguardian.api.API;
import org.atalaya.anonymise.AnonymisationException;
import org.atalaya.anonymise.AnonymiseCode;
import org.atalaya.anonymise.RecordStep;
import org.atalaya.anonymise.ReleaseContext;
import org.atalaya.incident.Incident;

/**
 * Runs the per-record work of a release in fixed chunks of {@value #SIZE} records, on the common
 * fork-join pool. Chunks depend only on the number of records, never on the number of threads, and
 * their results are combined in chunk order, so the output is the same on any machine.
 *
 * <p>Internal: shared by the release and the spatial steps of the geo module; use outside Atalaya
 * is not supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Chunks {
  /** Records per chunk. */
  public static final int SIZE = 1 << 14;

  private Chunks() {}

  /** Returns how many chunks {@code n} records make. */
  public static int count(int n) {
    return (n + SIZE - 1) / SIZE;
  }

  /** Runs {@code work} for every chunk index, in parallel when there is more than one chunk. */
  public static void forEach(int n, IntConsumer work) {
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
   * The contexts of a record pass: the release's own, and one per chunk when chunks run in
   * parallel. {@link ReleaseContext} makes them; the pass only asks.
   */
  public interface Forks {
    /**
     * Returns the release's context.
     *
     * @return the context; never {@code null}
     */
    ReleaseContext context();

    /**
     * Returns a context for one chunk: the release's pseudonyms, ledger and quasi-identifiers, its
     * own noise and suppressions.
     *
     * @param random the chunk's noise source; never null
     * @return the chunk's context; never {@code null}
     */
    ReleaseContext fork(RandomGenerator random);

    /**
     * Adds the suppressions recorded in a chunk's context to the release's.
     *
     * @param chunk a context {@link #fork} returned; never null
     */
    void join(ReleaseContext chunk);
  }

  /**
   * Runs consecutive record steps: each record goes through all of them, in one {@link
   * RecordDraft}, before the next, one chunk per thread, each chunk with its own context whose
   * suppressions are added to the release's in chunk order. Runs on the calling thread when the
   * noise source can neither be shared ({@link SecureRandom}) nor split per chunk. Also copies each
   * input's id and point to {@code inputs} (when not null) while the record is read anyway.
   *
   * @param steps the record steps, in order; never null
   * @param input the incidents; never null
   * @param forks the release's context and its chunks'; never null
   * @param inputs where to note the input points, or null
   * @return the released incidents, in input order; never {@code null}
   * @throws AnonymisationException ({@link AnonymiseCode#STEP_FAILED}) naming the step, for the
   *     first chunk that failed
   */
  public static List<Incident> apply(
      List<RecordStep> steps, List<Incident> input, Forks forks, PointChanges.Points inputs) {
    ReleaseContext ctx = forks.context();
    int n = input.size();
    int chunks = count(n);
    RandomGenerator random = ctx.random();
    boolean parallel =
        chunks > 1
            && (random instanceof SecureRandom
                || random instanceof RandomGenerator.SplittableGenerator);
    ReleaseContext[] contexts = new ReleaseContext[chunks];
    for (int c = 0; c < chunks; c++) {
      contexts[c] =
          !parallel
              ? ctx
              : forks.fork(
                  random instanceof RandomGenerator.SplittableGenerator s ? s.split() : random);
    }
    Incident[][] outs = new Incident[chunks][];
    int[] sizes = new int[chunks];
    RuntimeException[] failures = new RuntimeException[chunks];
    String built =
        String.join(", ", steps.stream().map(RecordStep::name).toList())
            + " (building the incident)";
    // An array, not the list: an iterator per record was a million objects per pass.
    RecordStep[] edits = steps.toArray(new RecordStep[0]);
    IntConsumer work =
        c -> {
          int from = c * SIZE;
          int to = Math.min(n, from + SIZE);
          Incident[] out = new Incident[to - from];
          int m = 0;
          String current = "?";
          try {
            // One draft per chunk, edited by every step: one incident built per record.
            RecordDraft draft = null;
            records:
            for (int r = from; r < to; r++) {
              Incident in = input.get(r);
              if (inputs != null) {
                inputs.set(r, in);
              }
              draft = draft == null ? RecordDraft.of(in) : draft.reset(in);
              for (RecordStep step : edits) {
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
            failures[c] =
                new AnonymisationException(
                    AnonymiseCode.STEP_FAILED, e, current, String.valueOf(e.getMessage()));
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
        forks.join(contexts[c]);
      }
    }
    Incident[] all = new Incident[total];
    int at = 0;
    for (int c = 0; c < chunks; c++) {
      System.arraycopy(outs[c], 0, all, at, sizes[c]);
      at += sizes[c];
    }
    return Arrays.asList(all);
  }
}
