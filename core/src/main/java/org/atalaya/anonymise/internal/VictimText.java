package org.atalaya.anonymise.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.atalaya.anonymise.QuasiIdentifier;
import org.atalaya.incident.Incident;
import org.atalaya.incident.Victim;

/**
 * The victims of a record as one text, the form in which equivalence classes compare them: shared
 * by {@code QuasiIdentifier} and {@link ClassNumbers}. Internal: use outside Atalaya is not
 * supported.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class VictimText {
  private VictimText() {}

  /**
   * The victims' text form over the given victim parts: for each part in order, the sorted list of
   * the victims' values. Sorted, so that the order in which victims were listed does not matter.
   *
   * @param in the incident; never null
   * @param parts victim parts only, in order; never null
   * @return the text; never {@code null}
   */
  public static String of(Incident in, Set<QuasiIdentifier> parts) {
    StringBuilder b = new StringBuilder();
    for (QuasiIdentifier q : parts) {
      List<String> values = new ArrayList<>(in.victims().size());
      for (Victim v : in.victims()) {
        values.add(
            switch (q) {
              case VICTIM_SEX -> v.sex().name();
              case VICTIM_AGE -> age(v);
              case VICTIM_RELATIONSHIP -> v.relationship().name();
              case VICTIM_OUTCOME -> v.outcome().name();
              default -> throw new IllegalArgumentException(q + " is not a victim part");
            });
      }
      values.sort(null);
      b.append(values);
    }
    return b.toString();
  }

  private static String age(Victim v) {
    return v.age().isPresent()
        ? Integer.toString(v.age().getAsInt())
        : v.ageBand().map(Object::toString).orElse("?");
  }
}
