package org.atalaya.mutation;

import static java.util.Objects.requireNonNull;

/**
 * One mutant from PIT's {@code mutations.xml}: where the change was made, what it was and whether a
 * test noticed it.
 *
 * @param mutatedClass the binary name of the class PIT changed, nested classes with {@code $}
 * @param method the method's name as PIT reports it ({@code <init>} for constructors)
 * @param line the source line of the change
 * @param mutator PIT's mutator name without its package, for example {@code
 *     NegateConditionalsMutator}
 * @param description PIT's sentence for the change, for example "negated conditional"
 * @param status PIT's status: KILLED, SURVIVED, NO_COVERAGE, TIMED_OUT, MEMORY_ERROR, RUN_ERROR or
 *     NON_VIABLE
 * @param detected whether PIT counts the mutant as detected (killed, timed out or crashed a test)
 */
record Mutant(
    String mutatedClass,
    String method,
    int line,
    String mutator,
    String description,
    String status,
    boolean detected) {

  Mutant {
    requireNonNull(mutatedClass, "mutatedClass");
    requireNonNull(method, "method");
    requireNonNull(mutator, "mutator");
    requireNonNull(description, "description");
    requireNonNull(status, "status");
  }

  /**
   * The top-level class this mutant belongs to: thresholds speak of source files, not of lambdas.
   */
  String topLevelClass() {
    int dollar = mutatedClass.indexOf('$');
    return dollar < 0 ? mutatedClass : mutatedClass.substring(0, dollar);
  }

  /**
   * Whether a test failed on the mutant (not a timeout or a crash, which machine load can cause).
   */
  boolean killed() {
    return "KILLED".equals(status);
  }

  /** A mutant that cannot run (PIT's NON_VIABLE) counts neither for nor against a class. */
  boolean viable() {
    return !"NON_VIABLE".equals(status);
  }

  /** {@code Class.method:line Mutator (description) STATUS}, as the gate lists survivors. */
  String where() {
    return mutatedClass
        + "."
        + method
        + ":"
        + line
        + " "
        + mutator
        + " ("
        + description
        + ") "
        + status;
  }
}
